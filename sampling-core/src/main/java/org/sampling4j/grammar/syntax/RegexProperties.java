package org.sampling4j.grammar.syntax;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * The code point sets of {@code java.util.regex} without flags: {@code \d \w \s \h \v} and
 * {@code \p{...}}, resolved the way {@code Pattern.family} and {@code CharPredicates} resolve a
 * name (JDK 17 to 25 share this logic) and computed from {@link Character}, so the sets follow the
 * running JDK's Unicode version exactly as {@code Pattern} does.
 *
 * <p><b>Names.</b> {@code name=value} with {@code sc}/{@code script}, {@code blk}/{@code block},
 * {@code gc}/{@code general_category}; {@code InBlock}; {@code IsX} tries the binary properties
 * (Alphabetic, Letter, Lowercase, White_Space, ...), then the Unicode POSIX names, then the
 * categories and the other names below, then scripts; a bare name is a category ({@code L},
 * {@code Lu}, {@code LC}, {@code LD}, {@code L1}, {@code all}), an ASCII POSIX class
 * ({@code Alpha}, {@code Punct}, ...) or a {@code java...} method of {@link Character}. The emoji
 * properties (JDK 21+) are refused. Sets are computed once per name (about 1.1M predicate calls,
 * a few milliseconds) and cached; the number of distinct names is finite.
 */
final class RegexProperties {
    private static final Map<String, int[]> CACHE = new ConcurrentHashMap<>();

    /** ASCII character types of {@code java.util.regex.ASCII}. */
    static final int[] ASCII_DIGIT = {'0', '9'};
    static final int[] ASCII_WORD = {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'};
    static final int[] ASCII_SPACE = {'\t', '\r', ' ', ' '};
    static final int[] HORIZONTAL = CharRanges.normalize(0x09, 0x09, 0x20, 0x20, 0xA0, 0xA0, 0x1680, 0x1680,
            0x180E, 0x180E, 0x2000, 0x200A, 0x202F, 0x202F, 0x205F, 0x205F, 0x3000, 0x3000);
    static final int[] VERTICAL = CharRanges.normalize(0x0A, 0x0D, 0x85, 0x85, 0x2028, 0x2029);
    /** {@code .} without DOTALL: everything but {@code \n \r \u0085 \u2028 \u2029}. */
    static final int[] DOT = CharRanges.complement(CharRanges.normalize('\n', '\n', '\r', '\r', 0x85, 0x85, 0x2028, 0x2029));
    private static final int[] ASCII_PUNCT = CharRanges.normalize(0x21, 0x2F, 0x3A, 0x40, 0x5B, 0x60, 0x7B, 0x7E);

    private RegexProperties() {
    }

    /**
     * The set {@code \p{name}} denotes, or {@code null} when we do not support it (an emoji property)
     * or Java does not know it (the caller has already let {@code Pattern} reject unknown names).
     */
    static int[] forName(String name) {
        int[] cached = CACHE.get(name);
        if (cached != null) {
            return cached;
        }
        IntPredicate p = resolve(name);
        if (p == null) {
            return null;
        }
        int[] set = collect(p);
        CACHE.put(name, set);
        return set;
    }

    private static IntPredicate resolve(String name) {
        int eq = name.indexOf('=');
        if (eq >= 0) {
            String value = name.substring(eq + 1);
            switch (name.substring(0, eq).toLowerCase(Locale.ENGLISH)) {
                case "sc":
                case "script":
                    return script(value);
                case "blk":
                case "block":
                    return block(value);
                case "gc":
                case "general_category":
                    return property(value);
                default:
                    return null;
            }
        }
        if (name.startsWith("In")) {
            return block(name.substring(2));
        }
        if (name.startsWith("Is")) {
            String shortName = name.substring(2);
            IntPredicate p = unicodeProperty(shortName.toUpperCase(Locale.ROOT));
            if (p == null) {
                p = property(shortName);
            }
            return p != null ? p : script(shortName);
        }
        return property(name);
    }

    private static IntPredicate script(String name) {
        try {
            Character.UnicodeScript script = Character.UnicodeScript.forName(name);
            return c -> Character.UnicodeScript.of(c) == script;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static IntPredicate block(String name) {
        try {
            Character.UnicodeBlock block = Character.UnicodeBlock.forName(name);
            return c -> Character.UnicodeBlock.of(c) == block;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static IntPredicate categories(int... types) {
        int mask = 0;
        for (int t : types) {
            mask |= 1 << t;
        }
        int m = mask;
        return c -> (m & (1 << Character.getType(c))) != 0;
    }

    private static IntPredicate in(int[] ranges) {
        return c -> CharRanges.contains(ranges, c);
    }

    /** {@code CharPredicates.forUnicodeProperty}: binary properties, then Unicode POSIX names (upper-case). */
    private static IntPredicate unicodeProperty(String upper) {
        switch (upper) {
            case "ALPHABETIC": return Character::isAlphabetic;
            case "ASSIGNED": return c -> Character.getType(c) != Character.UNASSIGNED;
            case "CONTROL": case "CNTRL": return categories(Character.CONTROL);
            case "HEXDIGIT": case "HEX_DIGIT": case "XDIGIT": return hexDigit();
            case "IDEOGRAPHIC": return Character::isIdeographic;
            case "JOINCONTROL": case "JOIN_CONTROL": return c -> c == 0x200C || c == 0x200D;
            case "LETTER": return Character::isLetter;
            case "LOWERCASE": case "LOWER": return Character::isLowerCase;
            case "NONCHARACTERCODEPOINT": case "NONCHARACTER_CODE_POINT":
                return c -> (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF);
            case "TITLECASE": return Character::isTitleCase;
            case "PUNCTUATION": case "PUNCT": return punctuation();
            case "UPPERCASE": case "UPPER": return Character::isUpperCase;
            case "WHITESPACE": case "WHITE_SPACE": case "SPACE": return whiteSpace();
            case "WORD": return word();
            case "ALPHA": return Character::isAlphabetic;
            case "ALNUM": return c -> Character.isAlphabetic(c) || Character.isDigit(c);
            case "DIGIT": return Character::isDigit;
            case "BLANK": return c -> Character.getType(c) == Character.SPACE_SEPARATOR || c == 0x09;
            case "GRAPH": return graph();
            case "PRINT": {
                IntPredicate g = graph();
                return c -> (g.test(c) || Character.getType(c) == Character.SPACE_SEPARATOR || c == 0x09)
                        && Character.getType(c) != Character.CONTROL;
            }
            default: return null;
        }
    }

    private static IntPredicate whiteSpace() {
        IntPredicate sep = categories(Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR);
        return c -> sep.test(c) || (c >= 0x9 && c <= 0xD) || c == 0x85;
    }

    private static IntPredicate punctuation() {
        return categories(Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                Character.END_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                Character.FINAL_QUOTE_PUNCTUATION);
    }

    private static IntPredicate hexDigit() {
        int[] extra = CharRanges.normalize(0x30, 0x39, 0x41, 0x46, 0x61, 0x66, 0xFF10, 0xFF19, 0xFF21, 0xFF26, 0xFF41, 0xFF46);
        return c -> Character.isDigit(c) || CharRanges.contains(extra, c);
    }

    private static IntPredicate graph() {
        IntPredicate not = categories(Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                Character.CONTROL, Character.SURROGATE, Character.UNASSIGNED);
        return not.negate();
    }

    private static IntPredicate word() {
        IntPredicate marks = categories(Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                Character.DECIMAL_DIGIT_NUMBER, Character.CONNECTOR_PUNCTUATION);
        return c -> Character.isAlphabetic(c) || marks.test(c) || c == 0x200C || c == 0x200D;
    }

    /** {@code CharPredicates.forProperty}: categories, ASCII POSIX classes and {@code java...} methods. */
    private static IntPredicate property(String name) {
        int[] cat = RegexCategories.forName(name);
        if (cat != null) {
            return categories(cat);
        }
        switch (name) {
            case "L1": return c -> c <= 0xFF;
            case "all": return c -> true;
            case "ASCII": return c -> c <= 0x7F;
            case "Alnum": return in(CharRanges.normalize('0', '9', 'A', 'Z', 'a', 'z'));
            case "Alpha": return in(CharRanges.normalize('A', 'Z', 'a', 'z'));
            case "Blank": return c -> c == ' ' || c == '\t';
            case "Cntrl": return c -> c < 0x20 || c == 0x7F;
            case "Digit": return c -> c >= '0' && c <= '9';
            case "Graph": return c -> c >= 0x21 && c <= 0x7E;
            case "Lower": return c -> c >= 'a' && c <= 'z';
            case "Print": return c -> c >= 0x20 && c <= 0x7E;
            case "Punct": return in(ASCII_PUNCT);
            case "Space": return in(ASCII_SPACE);
            case "Upper": return c -> c >= 'A' && c <= 'Z';
            case "XDigit": return in(CharRanges.normalize('0', '9', 'A', 'F', 'a', 'f'));
            case "javaLowerCase": return Character::isLowerCase;
            case "javaUpperCase": return Character::isUpperCase;
            case "javaAlphabetic": return Character::isAlphabetic;
            case "javaIdeographic": return Character::isIdeographic;
            case "javaTitleCase": return Character::isTitleCase;
            case "javaDigit": return Character::isDigit;
            case "javaDefined": return Character::isDefined;
            case "javaLetter": return Character::isLetter;
            case "javaLetterOrDigit": return Character::isLetterOrDigit;
            case "javaJavaIdentifierStart": return Character::isJavaIdentifierStart;
            case "javaJavaIdentifierPart": return Character::isJavaIdentifierPart;
            case "javaUnicodeIdentifierStart": return Character::isUnicodeIdentifierStart;
            case "javaUnicodeIdentifierPart": return Character::isUnicodeIdentifierPart;
            case "javaIdentifierIgnorable": return Character::isIdentifierIgnorable;
            case "javaSpaceChar": return Character::isSpaceChar;
            case "javaWhitespace": return Character::isWhitespace;
            case "javaISOControl": return Character::isISOControl;
            case "javaMirrored": return Character::isMirrored;
            default: return null;
        }
    }

    /** Every code point (surrogates excluded) for which {@code p} holds, as ranges. */
    static int[] collect(IntPredicate p) {
        int[] out = new int[64];
        int n = 0;
        int start = -1;
        for (int c = 0; c <= CharRanges.MAX + 1; c++) {
            boolean in = c <= CharRanges.MAX && !(c >= 0xD800 && c <= 0xDFFF) && p.test(c);
            if (in && start < 0) {
                start = c;
            } else if (!in && start >= 0) {
                if (n + 2 > out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2);
                }
                out[n++] = start;
                out[n++] = c - 1;
                start = -1;
            }
        }
        return CharRanges.normalize(java.util.Arrays.copyOf(out, n));
    }
}
