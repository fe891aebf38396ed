package org.sampling4j.random;

/**
 * The Philox4x32-10 counter-based block function of Random123.
 *
 * <p><b>Formula.</b> Ten rounds of: two 32x32-&gt;64-bit multiplications of counter words by
 * {@code M0 = 0xD2511F53} and {@code M1 = 0xCD9E8D57}, the high halves xor-ed with the other counter
 * words and the key, the key bumped by the Weyl constants {@code W0 = 0x9E3779B9},
 * {@code W1 = 0xBB67AE85} between rounds. The output block is a pure function of (counter, key):
 * there is no state, so any draw of any step can be computed directly.
 *
 * <p><b>Reference.</b> Salmon, Moraes, Dror, Shaw: "Parallel random numbers: as easy as 1, 2, 3",
 * SC 2011, and the Random123 known-answer vectors (reproduced in {@code Philox4x32Test}).
 *
 * <p><b>Cost.</b> 20 multiplications, no allocation when the caller passes the output array.
 */
public final class Philox4x32 {
    private static final long M0 = 0xD2511F53L;
    private static final long M1 = 0xCD9E8D57L;
    private static final int W0 = 0x9E3779B9;
    private static final int W1 = 0xBB67AE85;
    private static final int ROUNDS = 10;

    private Philox4x32() {
    }

    /**
     * Computes one output block.
     *
     * @param c0  counter word 0 (least significant)
     * @param c1  counter word 1
     * @param c2  counter word 2
     * @param c3  counter word 3
     * @param k0  key word 0
     * @param k1  key word 1
     * @param out receives the four output words; length at least 4
     */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
        for (int round = 0; round < ROUNDS; round++) {
            long p0 = M0 * (c0 & 0xFFFF_FFFFL);
            long p1 = M1 * (c2 & 0xFFFF_FFFFL);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n1 = (int) p1;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            int n3 = (int) p0;
            c0 = n0;
            c1 = n1;
            c2 = n2;
            c3 = n3;
            k0 += W0;
            k1 += W1;
        }
        out[0] = c0;
        out[1] = c1;
        out[2] = c2;
        out[3] = c3;
    }
}
