package org.sampling4j.grammar.syntax;

import java.util.HashMap;
import java.util.Map;

/**
 * Unicode general categories by the names {@code java.util.regex} accepts ({@code CharPredicates.forProperty}):
 * the two-letter ones, the one-letter groups, and {@code LC} (cased letter) and {@code LD} (letter or digit),
 * each as the {@link Character#getType} values it covers.
 */
final class RegexCategories {
    private static final Map<String, int[]> TYPES = new HashMap<>();

    static {
        put("Cn", Character.UNASSIGNED);
        put("Lu", Character.UPPERCASE_LETTER);
        put("Ll", Character.LOWERCASE_LETTER);
        put("Lt", Character.TITLECASE_LETTER);
        put("Lm", Character.MODIFIER_LETTER);
        put("Lo", Character.OTHER_LETTER);
        put("Mn", Character.NON_SPACING_MARK);
        put("Me", Character.ENCLOSING_MARK);
        put("Mc", Character.COMBINING_SPACING_MARK);
        put("Nd", Character.DECIMAL_DIGIT_NUMBER);
        put("Nl", Character.LETTER_NUMBER);
        put("No", Character.OTHER_NUMBER);
        put("Zs", Character.SPACE_SEPARATOR);
        put("Zl", Character.LINE_SEPARATOR);
        put("Zp", Character.PARAGRAPH_SEPARATOR);
        put("Cc", Character.CONTROL);
        put("Cf", Character.FORMAT);
        put("Co", Character.PRIVATE_USE);
        put("Cs", Character.SURROGATE);
        put("Pd", Character.DASH_PUNCTUATION);
        put("Ps", Character.START_PUNCTUATION);
        put("Pe", Character.END_PUNCTUATION);
        put("Pc", Character.CONNECTOR_PUNCTUATION);
        put("Po", Character.OTHER_PUNCTUATION);
        put("Sm", Character.MATH_SYMBOL);
        put("Sc", Character.CURRENCY_SYMBOL);
        put("Sk", Character.MODIFIER_SYMBOL);
        put("So", Character.OTHER_SYMBOL);
        put("Pi", Character.INITIAL_QUOTE_PUNCTUATION);
        put("Pf", Character.FINAL_QUOTE_PUNCTUATION);
        int[] letters = {Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
            Character.MODIFIER_LETTER, Character.OTHER_LETTER};
        put("L", letters);
        put("M", Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK);
        put("N", Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER);
        put("Z", Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR);
        put("C", Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED);
        put("P", Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                Character.CONNECTOR_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                Character.FINAL_QUOTE_PUNCTUATION);
        put("S", Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL);
        put("LC", Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER);
        put("LD", Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER);
    }

    private RegexCategories() {
    }

    private static void put(String name, int... types) {
        TYPES.put(name, types);
    }

    /** The {@link Character#getType} values of category {@code name} (case-sensitive), or {@code null}. */
    static int[] forName(String name) {
        int[] t = TYPES.get(name);
        return t == null ? null : t.clone();
    }
}
