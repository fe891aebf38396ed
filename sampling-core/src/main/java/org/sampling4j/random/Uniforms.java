package org.sampling4j.random;

/**
 * Uniform doubles in [0, 1) drawn from Philox4x32-10 by (seed, step, draw index, stream).
 *
 * <p><b>Formula.</b> key = the 64-bit seed (low word k0, high word k1); counter = (step low, step
 * high, draw index, stream). The first two output words form a 64-bit integer w = out1 &lt;&lt; 32 |
 * out0, and the uniform is {@code (w >>> 11) * 2^-53}: 53 random bits, so every double in the
 * grid {@code k * 2^-53} is reachable and token probabilities down to about 1e-16 are honoured.
 *
 * <p>Because the value is a pure function of its four arguments, the uniform used at step t does
 * not depend on how many draws earlier steps made, on batch composition, or on threads.
 */
public final class Uniforms {
    /** The stream of the token picker's draws. */
    public static final int STREAM_PICKER = 0;
    /** The stream of XTC's coin, apart from the picker's so that it never shifts the picker's draws. */
    public static final int STREAM_XTC = 1;
    /**
     * The stream of speculative verification (acceptance, residual and block draws), apart from the
     * picker's so that accepting a draft never consumes the uniform plain sampling would use there.
     */
    public static final int STREAM_SPECULATIVE = 16;
    /**
     * A picker that needs several uniforms for one sample (rejection rounds) takes its extra ones
     * from sub-streams: counter word 3 = {@code stream | round << ROUND_SHIFT}, round 0 being the
     * stream itself. The draw index (counter word 2) stays the sample index j, so sample j of a step
     * never shares a uniform with sample j' != j, whatever the number of rounds either needs.
     */
    public static final int ROUND_SHIFT = 8;

    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    private Uniforms() {
    }

    /**
     * Returns the uniform double in [0, 1) for the given coordinates.
     *
     * @param seed   the sequence seed (the Philox key)
     * @param step   the step counter (counter words 0 and 1)
     * @param draw   the draw index within the step (counter word 2)
     * @param stream the stream, separating independent users of one step (counter word 3)
     * @return a double in [0, 1) with 53 random bits
     */
    public static double uniform(long seed, long step, int draw, int stream) {
        int[] out = new int[4];
        return uniform(seed, step, draw, stream, out);
    }

    /** The stream word of round {@code round} of {@code stream}: {@code stream | round << ROUND_SHIFT}. */
    public static int round(int stream, int round) {
        return stream | round << ROUND_SHIFT;
    }

    /**
     * As {@link #uniform(long, long, int, int)}, with a caller-owned scratch block so that the hot
     * path allocates nothing.
     */
    public static double uniform(long seed, long step, int draw, int stream, int[] scratch) {
        Philox4x32.block((int) step, (int) (step >>> 32), draw, stream, (int) seed, (int) (seed >>> 32), scratch);
        long bits = ((long) scratch[1] << 32) | (scratch[0] & 0xFFFF_FFFFL);
        return (bits >>> 11) * TWO_POW_MINUS_53;
    }
}
