package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.List;
import org.sampling4j.grammar.syntax.Expr;

/**
 * The four hex digits of {@code \\uXXXX} escapes whose value lies in a set, either case per digit.
 * Built as a digit trie where sibling digits whose remaining sets are equal share one branch, so a set
 * of thousands of code points in a few ranges stays a handful of alternatives (a full subtree is just
 * {@code [0-9A-Fa-f]{k}}): at most 16 branches per level, 4 levels.
 */
final class HexEscapes {
    private static final int[][] DIGIT = new int[16][];

    static {
        for (int d = 0; d < 16; d++) {
            char up = Character.toUpperCase(Character.forDigit(d, 16));
            char low = Character.forDigit(d, 16);
            DIGIT[d] = up == low ? new int[] {up} : new int[] {up, low};
        }
    }

    private HexEscapes() {
    }

    /** Four hex digits (either case) spelling a value in {@code ranges} (sorted inclusive pairs within 0..FFFF). */
    static Expr digits4(int[] ranges) {
        return trie(ranges, 4);
    }

    /** Digit class for the digit values in {@code ds}. */
    static Expr digitClass(List<Integer> ds) {
        int[] pairs = new int[4 * ds.size()];
        int n = 0;
        for (int d : ds) {
            for (int c : DIGIT[d]) {
                pairs[n++] = c;
                pairs[n++] = c;
            }
        }
        return new Expr.Chars(org.sampling4j.grammar.syntax.CharRanges.normalize(java.util.Arrays.copyOf(pairs, n)));
    }

    private static Expr trie(int[] ranges, int k) {
        if (ranges.length == 0) {
            return Exprs.NOTHING;
        }
        if (k == 0) {
            return Expr.EMPTY;
        }
        int span = 1 << (4 * (k - 1));
        if (ranges.length == 2 && ranges[0] == 0 && ranges[1] == 16 * span - 1) {
            return Exprs.repeat(digitClass(allDigits()), k, k);
        }
        List<int[]> subs = new ArrayList<>();
        for (int d = 0; d < 16; d++) {
            subs.add(slice(ranges, d * span, (d + 1) * span - 1));
        }
        List<Expr> options = new ArrayList<>();
        boolean[] done = new boolean[16];
        for (int d = 0; d < 16; d++) {
            if (done[d] || subs.get(d).length == 0) {
                continue;
            }
            List<Integer> same = new ArrayList<>();
            for (int e = d; e < 16; e++) {
                if (!done[e] && java.util.Arrays.equals(subs.get(e), subs.get(d))) {
                    same.add(e);
                    done[e] = true;
                }
            }
            options.add(Exprs.seq(digitClass(same), trie(subs.get(d), k - 1)));
        }
        return Exprs.alt(options);
    }

    private static List<Integer> allDigits() {
        List<Integer> all = new ArrayList<>();
        for (int d = 0; d < 16; d++) {
            all.add(d);
        }
        return all;
    }

    /** The part of {@code ranges} within {@code [lo, hi]}, shifted down by {@code lo}. */
    private static int[] slice(int[] ranges, int lo, int hi) {
        int[] out = new int[ranges.length];
        int n = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            int a = Math.max(lo, ranges[i]);
            int b = Math.min(hi, ranges[i + 1]);
            if (a <= b) {
                out[n++] = a - lo;
                out[n++] = b - lo;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
