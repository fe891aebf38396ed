package org.sampling4j.grammar.syntax;

import java.util.Arrays;

/** Sets of code points as sorted inclusive range pairs, the form {@link Expr.Chars} holds. */
public final class CharRanges {
    /** The largest code point. */
    public static final int MAX = 0x10FFFF;
    private static final int SURROGATE_LO = 0xD800;
    private static final int SURROGATE_HI = 0xDFFF;
    /** Every code point valid text can hold: {@code [0, 0x10FFFF]} without the surrogates. */
    static final int[] ANY = {0, SURROGATE_LO - 1, SURROGATE_HI + 1, MAX};

    private CharRanges() {
    }

    /**
     * A copy of {@code ranges} after checking that it is sorted, disjoint, non-adjacent pairs within
     * {@code [0, MAX]} and free of surrogates; use {@link #normalize} to build one from arbitrary pairs.
     */
    static int[] checked(int[] ranges) {
        int[] r = ranges.clone();
        if (r.length % 2 != 0) {
            throw new IllegalArgumentException("ranges: need lo/hi pairs, got " + r.length + " values");
        }
        for (int i = 0; i < r.length; i += 2) {
            if (r[i] < 0 || r[i] > r[i + 1] || r[i + 1] > MAX || (i > 0 && r[i] <= r[i - 1] + 1)) {
                throw new IllegalArgumentException("ranges: pair " + i / 2 + " [" + r[i] + ", " + r[i + 1]
                        + "] is not sorted, disjoint and within [0, 0x10FFFF]");
            }
            if (r[i] <= SURROGATE_HI && r[i + 1] >= SURROGATE_LO) {
                throw new IllegalArgumentException("ranges: pair " + i / 2 + " includes surrogates D800-DFFF");
            }
        }
        return r;
    }

    /**
     * Sorts and merges arbitrary inclusive pairs (clamped to {@code [0, MAX]}) and removes the surrogates:
     * the canonical form.
     */
    public static int[] normalize(int... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("pairs: need lo/hi pairs, got " + pairs.length + " values");
        }
        long[] packed = new long[pairs.length / 2];
        int n = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            int lo = Math.max(0, pairs[i]);
            int hi = Math.min(MAX, pairs[i + 1]);
            if (lo <= hi) {
                packed[n++] = ((long) lo << 32) | hi;
            }
        }
        Arrays.sort(packed, 0, n);
        int[] out = new int[2 * n + 2];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int lo = (int) (packed[i] >>> 32);
            int hi = (int) packed[i];
            if (m > 0 && lo <= out[m - 1] + 1) {
                out[m - 1] = Math.max(out[m - 1], hi);
            } else {
                out[m++] = lo;
                out[m++] = hi;
            }
        }
        return removeSurrogates(Arrays.copyOf(out, m));
    }

    /** The complement within {@code [0, MAX]}, without surrogates. */
    public static int[] complement(int[] ranges) {
        int[] out = new int[ranges.length + 2];
        int m = 0;
        int next = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            if (ranges[i] > next) {
                out[m++] = next;
                out[m++] = ranges[i] - 1;
            }
            next = ranges[i + 1] + 1;
        }
        if (next <= MAX) {
            out[m++] = next;
            out[m++] = MAX;
        }
        return removeSurrogates(Arrays.copyOf(out, m));
    }

    /** Whether {@code cp} is in the set (binary search over the pairs). */
    public static boolean contains(int[] ranges, int cp) {
        int lo = 0;
        int hi = ranges.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < ranges[2 * mid]) {
                hi = mid - 1;
            } else if (cp > ranges[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private static int[] removeSurrogates(int[] r) {
        int[] out = new int[r.length + 2];
        int m = 0;
        for (int i = 0; i < r.length; i += 2) {
            int lo = r[i];
            int hi = r[i + 1];
            if (hi < SURROGATE_LO || lo > SURROGATE_HI) {
                out[m++] = lo;
                out[m++] = hi;
                continue;
            }
            if (lo < SURROGATE_LO) {
                out[m++] = lo;
                out[m++] = SURROGATE_LO - 1;
            }
            if (hi > SURROGATE_HI) {
                out[m++] = SURROGATE_HI + 1;
                out[m++] = hi;
            }
        }
        return Arrays.copyOf(out, m);
    }

    static void checkNoLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("text: lone surrogate U+" + Integer.toHexString(c).toUpperCase()
                        + " at index " + i + " has no UTF-8 form");
            }
        }
    }
}
