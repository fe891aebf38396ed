package org.sampling4j.grammar.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.grammar.syntax.CharRanges;
import org.sampling4j.grammar.syntax.Expr;
import org.sampling4j.grammar.syntax.RegexParser;

/**
 * {@link JsonStrings}: quoted(L) accepts a JSON string literal s iff s is well-formed (Jackson decodes it,
 * no lone surrogate) and its decoded value is in L (java.util.regex on the decoded value), for random
 * regular L and random spellings (every escape form, both hex cases, surrogate pairs, and corruptions).
 */
@KernelIndependent
class JsonStringsTest {
    private static final ObjectMapper JACKSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Code points where spellings differ: must-escape, short escapes, BMP edges, astral. */
    private static final int[] ALPHABET = {'a', 'b', 'Z', '"', '\\', '/', '\n', '\t', 0x01, 0x1F, ' ', 0xE9, 0x2028,
        0xD7FF, 0xE000, 0xFFFF, 0x1F600, 0x10000, 0x10FFFF};

    @Test
    void quotedAcceptsExactlyTheSpellingsOfItsDecodedLanguage() {
        qt().withFixedSeed(13).withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random rnd = new Random(seed);
            Expr decoded = randomLanguage(rnd, 3);
            Expr quoted = JsonStrings.quoted(decoded);
            for (int i = 0; i < 30; i++) {
                String value = i % 2 == 0 ? ExprSupport.sample(decoded, rnd, 2) : randomString(rnd);
                if (value == null) {
                    value = randomString(rnd);
                }
                String spelled = spell(value, rnd, i % 5 == 4);
                String oracleValue = decode(spelled);
                boolean expected = oracleValue != null && !hasLoneSurrogate(oracleValue)
                        && ExprSupport.matches(decoded, oracleValue);
                assertEquals(expected, ExprSupport.matches(quoted, spelled), () -> spelled + " for " + decoded);
            }
        });
    }

    @Test
    void anyQuotedCountsCodePointsAndEscapesAsOneCharacter() {
        Expr e = JsonStrings.anyQuoted(2, 3);
        assertTrue(ExprSupport.matches(e, "\"ab\""));
        assertTrue(ExprSupport.matches(e, "\"\\uD83D\\uDE00\\n\""));
        assertTrue(ExprSupport.matches(e, "\"\uD83D\uDE00\u00e9x\""));
        assertFalse(ExprSupport.matches(e, "\"\\uD83D\\uDE00\""));
        assertFalse(ExprSupport.matches(e, "\"abcd\""));
        assertFalse(ExprSupport.matches(e, "\"a\\ud800\""));
        Expr big = JsonStrings.anyQuoted(0, 5000);
        assertTrue(ExprSupport.size(big) < 200, "stays small: " + ExprSupport.size(big));
        assertTrue(big instanceof Expr.Seq s && s.items().get(1) instanceof Expr.Repeat r && r.max() == 5000);
        assertThrows(IllegalArgumentException.class, () -> JsonStrings.anyQuoted(3, 2));
    }

    @Test
    void literalAcceptsEverySpellingOfTheValue() {
        Expr e = JsonStrings.literal("a\"/\u00e9\uD83D\uDE00");
        assertTrue(ExprSupport.matches(e, "\"a\\\"/\u00e9\uD83D\uDE00\""));
        assertTrue(ExprSupport.matches(e, "\"\\u0061\\\"\\/\\u00E9\\ud83d\\uDE00\""));
        assertFalse(ExprSupport.matches(e, "\"a\"/\u00e9\uD83D\uDE00\""));
        assertFalse(ExprSupport.matches(e, "\"a\\\"/\u00e9\""));
        assertThrows(IllegalArgumentException.class, () -> JsonStrings.literal("\uD800"));
    }

    @Test
    void largeSetsStaySmall() {
        Expr letters = RegexParser.parse("\\p{L}").rootRule().body();
        long size = ExprSupport.size(JsonStrings.quoted(letters));
        int ranges = ((Expr.Chars) letters).ranges().length / 2;
        assertTrue(size < 40L * ranges, size + " nodes for " + ranges + " ranges");
        Expr any = JsonStrings.quoted(Exprs.ANY_CHAR);
        assertTrue(ExprSupport.size(any) < 60, "any code point: " + ExprSupport.size(any));
        Random rnd = new Random(5);
        for (int i = 0; i < 2000; i++) {
            int cp = rnd.nextInt(CharRanges.MAX + 1);
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                continue;
            }
            String s = spell(new String(Character.toChars(cp)), rnd, false);
            assertEquals(Character.isLetter(cp), ExprSupport.matches(JsonStrings.quoted(letters), s), s);
        }
    }

    static Expr randomLanguage(Random rnd, int depth) {
        int kind = depth == 0 ? rnd.nextInt(2) : rnd.nextInt(5);
        switch (kind) {
            case 0: {
                int[] pairs = new int[2 * (1 + rnd.nextInt(3))];
                for (int i = 0; i < pairs.length; i += 2) {
                    int a = ALPHABET[rnd.nextInt(ALPHABET.length)];
                    int b = rnd.nextInt(3) == 0 ? ALPHABET[rnd.nextInt(ALPHABET.length)] : a;
                    pairs[i] = Math.min(a, b);
                    pairs[i + 1] = Math.max(a, b);
                }
                return new Expr.Chars(CharRanges.normalize(pairs));
            }
            case 1:
                return Exprs.lit(randomString(rnd));
            case 2: {
                List<Expr> items = new ArrayList<>();
                for (int i = rnd.nextInt(3); i >= 0; i--) {
                    items.add(randomLanguage(rnd, depth - 1));
                }
                return new Expr.Seq(items);
            }
            case 3: {
                List<Expr> items = new ArrayList<>();
                for (int i = rnd.nextInt(3); i >= 0; i--) {
                    items.add(randomLanguage(rnd, depth - 1));
                }
                return new Expr.Alt(items);
            }
            default:
                return new Expr.Repeat(randomLanguage(rnd, depth - 1), rnd.nextInt(2), rnd.nextBoolean() ? -1 : 2);
        }
    }

    static String randomString(Random rnd) {
        StringBuilder b = new StringBuilder();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            b.appendCodePoint(ALPHABET[rnd.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    /** A random JSON spelling of {@code value}; with {@code corrupt}, possibly an ill-formed one. */
    static String spell(String value, Random rnd, boolean corrupt) {
        StringBuilder b = new StringBuilder("\"");
        value.codePoints().forEach(cp -> {
            int how = rnd.nextInt(4);
            boolean mustEscape = cp == '"' || cp == '\\' || cp < 0x20;
            String shortEsc = switch (cp) {
                case '"' -> "\\\""; case '\\' -> "\\\\"; case '/' -> "\\/"; case '\b' -> "\\b"; case '\f' -> "\\f";
                case '\n' -> "\\n"; case '\r' -> "\\r"; case '\t' -> "\\t"; default -> null;
            };
            if (how == 0 && !mustEscape) {
                b.appendCodePoint(cp);
            } else if (how == 1 && shortEsc != null) {
                b.append(shortEsc);
            } else if (!mustEscape && how == 1) {
                b.appendCodePoint(cp);
            } else {
                for (char c : Character.toChars(cp)) {
                    String h = String.format("%04x", (int) c);
                    b.append("\\u").append(rnd.nextBoolean() ? h : h.toUpperCase());
                }
            }
        });
        if (corrupt) {
            String[] bad = {"\\x41", "\\ud800", "\\uDC00", "\u0001", "\"", "\\", "\\u12", "\\ud83d\\u0041", "\\U0041"};
            b.insert(1 + rnd.nextInt(b.length()), bad[rnd.nextInt(bad.length)]);
        }
        return b.append('"').toString();
    }

    static String decode(String json) {
        try {
            return JACKSON.readValue(json, String.class);
        } catch (Exception e) {
            return null;
        }
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
