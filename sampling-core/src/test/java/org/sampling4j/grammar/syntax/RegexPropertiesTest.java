package org.sampling4j.grammar.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;

/**
 * Every predefined class and property we support equals Java's (surrogates excluded: valid text
 * has none), compared with {@code Pattern.matcher(cp).matches()} on the running JDK: on every BMP
 * code point, and above it on both sides of every boundary of our ranges plus every 61st code point
 * (the full 1.1M sweep passed too but takes half a minute).
 */
@KernelIndependent
class RegexPropertiesTest {
    private static final List<String> CLASSES = List.of("\\d", "\\D", "\\w", "\\W", "\\s", "\\S", "\\h", "\\H", "\\v", "\\V", ".",
            "\\p{L}", "\\p{Lu}", "\\p{Ll}", "\\p{Lt}", "\\p{Nd}", "\\p{N}", "\\p{P}", "\\p{S}", "\\p{Z}", "\\p{C}", "\\p{Cn}",
            "\\p{Co}", "\\p{LC}", "\\p{LD}", "\\p{L1}", "\\p{all}", "\\p{ASCII}", "\\p{IsL}", "\\p{gc=Sm}",
            "\\p{general_category=Lo}", "\\p{Alpha}", "\\p{Digit}", "\\p{Alnum}", "\\p{Punct}", "\\p{Graph}", "\\p{Print}",
            "\\p{Blank}", "\\p{Cntrl}", "\\p{XDigit}", "\\p{Space}", "\\p{Lower}", "\\p{Upper}", "\\p{IsAlpha}",
            "\\p{IsPunct}", "\\p{IsSpace}", "\\p{IsGraph}", "\\p{IsPrint}", "\\p{IsBlank}", "\\p{IsXDigit}", "\\p{IsDigit}",
            "\\p{IsAlnum}", "\\p{IsLower}", "\\p{IsUpper}", "\\p{IsCntrl}", "\\p{IsAlphabetic}", "\\p{IsIdeographic}",
            "\\p{IsLetter}", "\\p{IsLowercase}", "\\p{IsUppercase}", "\\p{IsTitlecase}", "\\p{IsPunctuation}",
            "\\p{IsControl}", "\\p{IsWhite_Space}", "\\p{IsWhiteSpace}", "\\p{IsHex_Digit}", "\\p{IsJoin_Control}",
            "\\p{IsNoncharacter_Code_Point}", "\\p{IsAssigned}", "\\p{IsWord}", "\\p{IsLatin}", "\\p{IsGreek}",
            "\\p{IsHan}", "\\p{sc=Cyrillic}", "\\p{script=Arabic}", "\\p{InGreek}", "\\p{InBasicLatin}",
            "\\p{blk=Latin-1 Supplement}", "\\p{block=CJKUnifiedIdeographs}", "\\p{javaLowerCase}", "\\p{javaUpperCase}",
            "\\p{javaWhitespace}", "\\p{javaMirrored}", "\\p{javaLetterOrDigit}", "\\p{javaJavaIdentifierStart}",
            "\\p{javaIdentifierIgnorable}", "\\p{javaSpaceChar}", "\\p{javaISOControl}", "\\p{javaDefined}",
            "\\P{L}", "\\pL", "\\PN");

    @Test
    void everySupportedClassEqualsJavasOnEveryCodePoint() {
        for (String cls : CLASSES) {
            Expr.Chars chars = (Expr.Chars) RegexParser.parse(cls).rootRule().body();
            Matcher m = Pattern.compile(cls).matcher("");
            java.util.BitSet probes = new java.util.BitSet();
            probes.set(0, 0x10000);
            for (int cp = 0x10000; cp <= CharRanges.MAX; cp += 61) {
                probes.set(cp);
            }
            for (int r : chars.ranges()) {
                probes.set(Math.max(0, r - 1), Math.min(CharRanges.MAX, r + 1) + 1);
            }
            probes.set(CharRanges.MAX);
            probes.clear(0xD800, 0xE000);
            for (int cp = probes.nextSetBit(0); cp >= 0; cp = probes.nextSetBit(cp + 1)) {
                boolean java = m.reset(new String(Character.toChars(cp))).matches();
                if (java != CharRanges.contains(chars.ranges(), cp)) {
                    assertEquals(java, !java, cls + " at U+" + Integer.toHexString(cp).toUpperCase());
                }
            }
        }
    }
}
