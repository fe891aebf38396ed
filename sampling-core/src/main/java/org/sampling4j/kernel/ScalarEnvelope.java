package org.sampling4j.kernel;

/**
 * The scalar twin of the envelope passes ({@link Kernels#envelopeBlocks}, {@link Kernels#envelopeWeights}):
 * the reference {@code PanamaEnvelope} matches bit for bit. Float sums in {@link ReductionOrder}'s
 * canonical order, written out with 16 locals so that nothing is allocated.
 */
final class ScalarEnvelope {
    private ScalarEnvelope() {
    }

    static double blocks(float[] x, int from, int to, float shift, float scale, float bound, int boundId,
            float[] blockSums) {
        double total = 0;
        int b = 0;
        for (int start = from; start < to; start += ReductionOrder.BLOCK, b++) {
            blockSums[b] = sum(x, start, Math.min(to, start + ReductionOrder.BLOCK), shift, scale, bound, boundId);
            total += blockSums[b];
        }
        return total;
    }

    static void weights(float[] x, int from, int to, float shift, float scale, float bound, int boundId, float[] out) {
        for (int i = from; i < to; i++) {
            out[i - from] = e(x, i, shift, scale, bound, boundId);
        }
    }

    /** The canonical 16-accumulator float sum of the envelope over {@code [from, to)}. */
    static float sum(float[] x, int from, int to, float shift, float scale, float bound, int boundId) {
        float a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
        float a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0;
        int i = from;
        for (; i + ReductionOrder.LANES <= to; i += ReductionOrder.LANES) {
            a0 += e(x, i, shift, scale, bound, boundId);
            a1 += e(x, i + 1, shift, scale, bound, boundId);
            a2 += e(x, i + 2, shift, scale, bound, boundId);
            a3 += e(x, i + 3, shift, scale, bound, boundId);
            a4 += e(x, i + 4, shift, scale, bound, boundId);
            a5 += e(x, i + 5, shift, scale, bound, boundId);
            a6 += e(x, i + 6, shift, scale, bound, boundId);
            a7 += e(x, i + 7, shift, scale, bound, boundId);
            a8 += e(x, i + 8, shift, scale, bound, boundId);
            a9 += e(x, i + 9, shift, scale, bound, boundId);
            a10 += e(x, i + 10, shift, scale, bound, boundId);
            a11 += e(x, i + 11, shift, scale, bound, boundId);
            a12 += e(x, i + 12, shift, scale, bound, boundId);
            a13 += e(x, i + 13, shift, scale, bound, boundId);
            a14 += e(x, i + 14, shift, scale, bound, boundId);
            a15 += e(x, i + 15, shift, scale, bound, boundId);
        }
        a0 += a8; a1 += a9; a2 += a10; a3 += a11; a4 += a12; a5 += a13; a6 += a14; a7 += a15;
        a0 += a4; a1 += a5; a2 += a6; a3 += a7;
        a0 += a2; a1 += a3;
        float blocks = a0 + a1;
        float tail = 0;
        for (; i < to; i++) {
            tail += e(x, i, shift, scale, bound, boundId);
        }
        return blocks + tail;
    }

    /**
     * Token i's envelope if it ranks before {@code (bound, boundId)} (larger value, then lower index), else 0:
     * also the Panama twin's tails, so both twins share one definition of a lane.
     */
    static float e(float[] x, int i, float shift, float scale, float bound, int boundId) {
        float v = x[i];
        return v > bound || v == bound && i < boundId ? Envelope.weight(v, shift, scale) : 0f;
    }
}
