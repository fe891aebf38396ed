package org.sampling4j.grammar;

import java.util.Random;

/**
 * Random regexes and strings for the tests that check a regular-language operation against
 * {@code java.util.regex} (products of languages, compile-time membership): small trees of atoms,
 * concatenation, alternation and quantifiers, depth at most 4.
 */
public final class RandomRegexes {
    private RandomRegexes() {
    }

    /**
     * A regex of {@code atoms} combined by concatenation, alternation and {@code quantifiers}; with
     * {@code tripleConcat}, also concatenations of three.
     */
    public static String regex(Random r, String[] atoms, String[] quantifiers, boolean tripleConcat) {
        return regex(r, atoms, quantifiers, tripleConcat, 0);
    }

    private static String regex(Random r, String[] atoms, String[] quantifiers, boolean triple, int depth) {
        int k = depth > 3 ? 0 : r.nextInt(triple ? 6 : 5);
        switch (k) {
            case 0:
            case 1:
                return atoms[r.nextInt(atoms.length)];
            case 2:
                return regex(r, atoms, quantifiers, triple, depth + 1) + regex(r, atoms, quantifiers, triple, depth + 1);
            case 3:
                return "(" + regex(r, atoms, quantifiers, triple, depth + 1) + "|"
                        + regex(r, atoms, quantifiers, triple, depth + 1) + ")";
            case 4:
                return "(" + regex(r, atoms, quantifiers, triple, depth + 1) + ")" + quantifiers[r.nextInt(quantifiers.length)];
            default:
                return regex(r, atoms, quantifiers, triple, depth + 1) + regex(r, atoms, quantifiers, triple, depth + 1)
                        + regex(r, atoms, quantifiers, triple, depth + 1);
        }
    }

    /** A string of 0 to {@code maxLength - 1} pieces of {@code alphabet}. */
    public static String string(Random r, String[] alphabet, int maxLength) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(maxLength);
        for (int i = 0; i < n; i++) {
            b.append(alphabet[r.nextInt(alphabet.length)]);
        }
        return b.toString();
    }
}
