package org.sampling4j.grammar.automaton;

import java.util.ArrayList;
import java.util.List;

/**
 * Code-point ranges as alternations of UTF-8 byte-range sequences: {@code [lo, hi]} becomes a list of
 * sequences {@code r1 r2 .. rn} (each {@code ri} an inclusive byte range) such that a byte string is
 * the UTF-8 form of a code point in {@code [lo, hi]} iff it matches exactly one sequence.
 *
 * <p><b>Algorithm.</b> The standard split (as in RE2's and Rust regex-syntax's UTF-8 compilers; written
 * afresh here): first split at the encoding-length boundaries {@code 0x7F, 0x7FF, 0xFFFF}; then, for a
 * range of one length, split where the low {@code 6k} bits are not full on both ends, until every
 * continuation byte position spans a full or a fixed range; such a range is the cross product of its
 * byte ranges. At most a few dozen sequences per range. Surrogates must not be in the input.
 */
public final class Utf8Ranges {
    private static final int[] LENGTH_LIMIT = {0x7F, 0x7FF, 0xFFFF, 0x10FFFF};

    private Utf8Ranges() {
    }

    /** The sequences for the sorted range pairs {@code ranges} ({@link org.sampling4j.grammar.syntax.Expr.Chars} form). */
    public static List<int[]> sequences(int[] ranges) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < ranges.length; i += 2) {
            split(ranges[i], ranges[i + 1], out);
        }
        return out;
    }

    /**
     * Appends the sequences of {@code [lo, hi]} to {@code out}: each an array {@code lo1, hi1, lo2, hi2, ..}
     * of byte ranges, one pair per byte position.
     */
    public static void split(int lo, int hi, List<int[]> out) {
        for (int limit : LENGTH_LIMIT) {
            if (lo <= limit && hi > limit) {
                split(lo, limit, out);
                split(limit + 1, hi, out);
                return;
            }
        }
        int n = length(lo);
        for (int k = 1; k < n; k++) {
            int m = (1 << (6 * k)) - 1;
            if ((lo & ~m) != (hi & ~m)) {
                if ((lo & m) != 0) {
                    split(lo, lo | m, out);
                    split((lo | m) + 1, hi, out);
                    return;
                }
                if ((hi & m) != m) {
                    split(lo, (hi & ~m) - 1, out);
                    split(hi & ~m, hi, out);
                    return;
                }
            }
        }
        int[] a = encode(lo);
        int[] b = encode(hi);
        int[] seq = new int[2 * n];
        for (int i = 0; i < n; i++) {
            seq[2 * i] = a[i];
            seq[2 * i + 1] = b[i];
        }
        out.add(seq);
    }

    /** Number of UTF-8 bytes of {@code cp}. */
    public static int length(int cp) {
        return cp <= 0x7F ? 1 : cp <= 0x7FF ? 2 : cp <= 0xFFFF ? 3 : 4;
    }

    /** The UTF-8 bytes of {@code cp} as values 0..255. */
    public static int[] encode(int cp) {
        switch (length(cp)) {
            case 1:
                return new int[] {cp};
            case 2:
                return new int[] {0xC0 | (cp >> 6), 0x80 | (cp & 0x3F)};
            case 3:
                return new int[] {0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F)};
            default:
                return new int[] {0xF0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3F), 0x80 | ((cp >> 6) & 0x3F),
                    0x80 | (cp & 0x3F)};
        }
    }
}
