package org.sampling4j.grammar;

/**
 * The token-mask layout every engine shares (XGrammar, llguidance): {@code int[ceil(V / 32)]}, bit
 * {@code j % 32} of word {@code j / 32}, lowest bit first, 1 = allowed.
 */
public final class TokenMask {
    private TokenMask() {
    }

    /** Words for {@code logitsSize} ids: {@code ceil(logitsSize / 32)}. */
    public static int words(int logitsSize) {
        if (logitsSize < 0) {
            throw new IllegalArgumentException("logitsSize = " + logitsSize + " is outside [0, 2147483647]");
        }
        return (int) ((logitsSize + 31L) >>> 5);
    }

    /** Whether id {@code j} is allowed. */
    public static boolean isAllowed(int[] mask, int j) {
        return (mask[j >>> 5] & (1 << (j & 31))) != 0;
    }

    /** Marks id {@code j} allowed. */
    public static void allow(int[] mask, int j) {
        mask[j >>> 5] |= 1 << (j & 31);
    }

    /** Number of allowed ids. */
    public static int count(int[] mask) {
        int c = 0;
        for (int w : mask) {
            c += Integer.bitCount(w);
        }
        return c;
    }

    /** The allowed ids in increasing order: the sparse form. */
    public static int[] ids(int[] mask) {
        int[] out = new int[count(mask)];
        int n = 0;
        for (int i = 0; i < mask.length; i++) {
            for (int w = mask[i]; w != 0; w &= w - 1) {
                out[n++] = (i << 5) + Integer.numberOfTrailingZeros(w);
            }
        }
        return out;
    }
}
