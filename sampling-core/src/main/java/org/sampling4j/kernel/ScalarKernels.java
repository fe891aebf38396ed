package org.sampling4j.kernel;

/**
 * The plain-Java kernels: the readable reference every other twin must match bit for bit.
 */
final class ScalarKernels implements Kernels {
    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public float copyMax(float[] src, int srcOffset, float[] dst, int n) {
        System.arraycopy(src, srcOffset, dst, 0, n);
        return max(dst, 0, n);
    }

    @Override
    public float copyMasked(float[] src, int srcOffset, float[] dst, int n, int[] mask) {
        float kept = Float.NEGATIVE_INFINITY;
        float all = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float v = src[srcOffset + i];
            all = Math.max(all, v);
            if ((mask[i >>> 5] >>> (i & 31) & 1) != 0) {
                dst[i] = v;
                kept = Math.max(kept, v);
            } else {
                dst[i] = Float.NEGATIVE_INFINITY;
            }
        }
        return Float.isNaN(all) || all == Float.POSITIVE_INFINITY ? all : kept;
    }

    @Override
    public int maskedArgmax(float[] x, int n, int[] mask) {
        int best = -1;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (Float.isNaN(x[i]) || x[i] == Float.POSITIVE_INFINITY) {
                return -2;
            }
            if ((mask[i >>> 5] >>> (i & 31) & 1) != 0 && (best < 0 || x[i] > bestValue)) {
                best = i;
                bestValue = x[i];
            }
        }
        return best;
    }

    @Override
    public float max(float[] x, int from, int to) {
        float m0 = Float.NEGATIVE_INFINITY;
        float m1 = Float.NEGATIVE_INFINITY;
        float m2 = Float.NEGATIVE_INFINITY;
        float m3 = Float.NEGATIVE_INFINITY;
        int i = from;
        for (; i + 3 < to; i += 4) {
            m0 = Math.max(m0, x[i]);
            m1 = Math.max(m1, x[i + 1]);
            m2 = Math.max(m2, x[i + 2]);
            m3 = Math.max(m3, x[i + 3]);
        }
        for (; i < to; i++) {
            m0 = Math.max(m0, x[i]);
        }
        return Math.max(Math.max(m0, m1), Math.max(m2, m3));
    }

    @Override
    public int argmax(float[] x, int from, int to) {
        int i = indexOf(x, from, to, max(x, from, to));
        return i < 0 ? from : i;
    }

    @Override
    public int argmaxChecked(float[] x, int from, int to) {
        float best = Float.NEGATIVE_INFINITY;
        int at = from;
        for (int i = from; i < to; i++) {
            float v = x[i];
            // "Not at most the best": a larger value, or NaN; equal values keep the first index.
            if (!(v <= best)) {
                if (!(v < Float.POSITIVE_INFINITY)) {
                    return -1;
                }
                best = v;
                at = i;
            }
        }
        return at;
    }

    @Override
    public int indexOf(float[] x, int from, int to, float value) {
        for (int i = from; i < to; i++) {
            if (x[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int nextAbove(float[] x, int from, int to, float threshold) {
        for (int i = from; i < to; i++) {
            if (x[i] > threshold) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int nextNotAtMost(float[] x, int from, int to, float threshold) {
        for (int i = from; i < to; i++) {
            if (!(x[i] <= threshold)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int countAtLeast(float[] x, int from, int to, float threshold) {
        int count = 0;
        for (int i = from; i < to; i++) {
            count += x[i] >= threshold ? 1 : 0;
        }
        return count;
    }

    @Override
    public int copyDividedCountFinite(float[] src, float[] dst, int n, float divisor) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            float v = src[i];
            dst[i] = v / divisor;
            count += v >= -Float.MAX_VALUE ? 1 : 0;
        }
        return count;
    }

    @Override
    public int compactAtLeast(float[] x, int n, float threshold, int[] ids, float[] values) {
        int size = 0;
        for (int i = 0; i < n; i++) {
            float v = x[i];
            // Branch-free: position size <= i is written for every token and kept only on a hit.
            ids[size] = i;
            values[size] = v;
            size += v >= threshold ? 1 : 0;
        }
        return size;
    }

    @Override
    public double expSum(float[] x, int from, int to, float shift, float scale) {
        return sum(x, from, to, shift, scale, Float.NEGATIVE_INFINITY, Integer.MAX_VALUE, false);
    }

    @Override
    public double expSumBefore(float[] x, int from, int to, float shift, float scale, float bound, int boundId) {
        return sum(x, from, to, shift, scale, bound, boundId, true);
    }

    /** The canonical 16-accumulator sum of (optionally masked) weights, written out without arrays. */
    private static double sum(float[] x, int from, int to, float shift, float scale, float bound, int boundId,
            boolean masked) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
        double a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0;
        int i = from;
        for (; i + ReductionOrder.LANES <= to; i += ReductionOrder.LANES) {
            a0 += w(x, i, shift, scale, bound, boundId, masked);
            a1 += w(x, i + 1, shift, scale, bound, boundId, masked);
            a2 += w(x, i + 2, shift, scale, bound, boundId, masked);
            a3 += w(x, i + 3, shift, scale, bound, boundId, masked);
            a4 += w(x, i + 4, shift, scale, bound, boundId, masked);
            a5 += w(x, i + 5, shift, scale, bound, boundId, masked);
            a6 += w(x, i + 6, shift, scale, bound, boundId, masked);
            a7 += w(x, i + 7, shift, scale, bound, boundId, masked);
            a8 += w(x, i + 8, shift, scale, bound, boundId, masked);
            a9 += w(x, i + 9, shift, scale, bound, boundId, masked);
            a10 += w(x, i + 10, shift, scale, bound, boundId, masked);
            a11 += w(x, i + 11, shift, scale, bound, boundId, masked);
            a12 += w(x, i + 12, shift, scale, bound, boundId, masked);
            a13 += w(x, i + 13, shift, scale, bound, boundId, masked);
            a14 += w(x, i + 14, shift, scale, bound, boundId, masked);
            a15 += w(x, i + 15, shift, scale, bound, boundId, masked);
        }
        // The tree of ReductionOrder, written out so that no array is allocated.
        a0 += a8; a1 += a9; a2 += a10; a3 += a11; a4 += a12; a5 += a13; a6 += a14; a7 += a15;
        a0 += a4; a1 += a5; a2 += a6; a3 += a7;
        a0 += a2; a1 += a3;
        double blocks = a0 + a1;
        double tail = 0;
        for (; i < to; i++) {
            tail += w(x, i, shift, scale, bound, boundId, masked);
        }
        return blocks + tail;
    }

    private static float w(float[] x, int i, float shift, float scale, float bound, int boundId, boolean masked) {
        float v = x[i];
        if (masked && !(v > bound || v == bound && i < boundId)) {
            return 0f;
        }
        return FastExp.weight(v, shift, scale);
    }

    @Override
    public double expSumWeighted(float[] x, int from, int to, float shift, float scale, double[] weighted) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
        double a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0;
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, b7 = 0;
        double b8 = 0, b9 = 0, b10 = 0, b11 = 0, b12 = 0, b13 = 0, b14 = 0, b15 = 0;
        int i = from;
        for (; i + ReductionOrder.LANES <= to; i += ReductionOrder.LANES) {
            a0 += FastExp.weight(x[i], shift, scale);
            a1 += FastExp.weight(x[i + 1], shift, scale);
            a2 += FastExp.weight(x[i + 2], shift, scale);
            a3 += FastExp.weight(x[i + 3], shift, scale);
            a4 += FastExp.weight(x[i + 4], shift, scale);
            a5 += FastExp.weight(x[i + 5], shift, scale);
            a6 += FastExp.weight(x[i + 6], shift, scale);
            a7 += FastExp.weight(x[i + 7], shift, scale);
            a8 += FastExp.weight(x[i + 8], shift, scale);
            a9 += FastExp.weight(x[i + 9], shift, scale);
            a10 += FastExp.weight(x[i + 10], shift, scale);
            a11 += FastExp.weight(x[i + 11], shift, scale);
            a12 += FastExp.weight(x[i + 12], shift, scale);
            a13 += FastExp.weight(x[i + 13], shift, scale);
            a14 += FastExp.weight(x[i + 14], shift, scale);
            a15 += FastExp.weight(x[i + 15], shift, scale);
            b0 += product(x[i], shift, scale);
            b1 += product(x[i + 1], shift, scale);
            b2 += product(x[i + 2], shift, scale);
            b3 += product(x[i + 3], shift, scale);
            b4 += product(x[i + 4], shift, scale);
            b5 += product(x[i + 5], shift, scale);
            b6 += product(x[i + 6], shift, scale);
            b7 += product(x[i + 7], shift, scale);
            b8 += product(x[i + 8], shift, scale);
            b9 += product(x[i + 9], shift, scale);
            b10 += product(x[i + 10], shift, scale);
            b11 += product(x[i + 11], shift, scale);
            b12 += product(x[i + 12], shift, scale);
            b13 += product(x[i + 13], shift, scale);
            b14 += product(x[i + 14], shift, scale);
            b15 += product(x[i + 15], shift, scale);
        }
        // The tree of ReductionOrder, written out so that no array is allocated.
        a0 += a8; a1 += a9; a2 += a10; a3 += a11; a4 += a12; a5 += a13; a6 += a14; a7 += a15;
        a0 += a4; a1 += a5; a2 += a6; a3 += a7;
        a0 += a2; a1 += a3;
        b0 += b8; b1 += b9; b2 += b10; b3 += b11; b4 += b12; b5 += b13; b6 += b14; b7 += b15;
        b0 += b4; b1 += b5; b2 += b6; b3 += b7;
        b0 += b2; b1 += b3;
        double total = a0 + a1;
        double products = b0 + b1;
        double tail = 0;
        double tailProducts = 0;
        for (; i < to; i++) {
            tail += FastExp.weight(x[i], shift, scale);
            tailProducts += product(x[i], shift, scale);
        }
        weighted[0] = products + tailProducts;
        return total + tail;
    }

    /** {@code w * t} in double for one value, 0 when its weight is 0. */
    static double product(float v, float shift, float scale) {
        float t = (v - shift) * scale;
        float w = FastExp.exp(t);
        return w == 0f ? 0.0 : (double) w * t;
    }

    @Override
    public void finiteMoments(float[] x, int from, int to, double[] out) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
        double a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0;
        int i = from;
        for (; i + ReductionOrder.LANES <= to; i += ReductionOrder.LANES) {
            a0 += finite(x[i]);
            a1 += finite(x[i + 1]);
            a2 += finite(x[i + 2]);
            a3 += finite(x[i + 3]);
            a4 += finite(x[i + 4]);
            a5 += finite(x[i + 5]);
            a6 += finite(x[i + 6]);
            a7 += finite(x[i + 7]);
            a8 += finite(x[i + 8]);
            a9 += finite(x[i + 9]);
            a10 += finite(x[i + 10]);
            a11 += finite(x[i + 11]);
            a12 += finite(x[i + 12]);
            a13 += finite(x[i + 13]);
            a14 += finite(x[i + 14]);
            a15 += finite(x[i + 15]);
        }
        a0 += a8; a1 += a9; a2 += a10; a3 += a11; a4 += a12; a5 += a13; a6 += a14; a7 += a15;
        a0 += a4; a1 += a5; a2 += a6; a3 += a7;
        a0 += a2; a1 += a3;
        double sum = a0 + a1;
        for (; i < to; i++) {
            sum += finite(x[i]);
        }
        int count = countAtLeast(x, from, to, -Float.MAX_VALUE);
        out[0] = count;
        out[1] = sum;
        out[2] = count == 0 ? 0 : squaredDeviations(x, from, to, sum / count);
    }

    private static double squaredDeviations(float[] x, int from, int to, double mean) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
        double a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0;
        int i = from;
        for (; i + ReductionOrder.LANES <= to; i += ReductionOrder.LANES) {
            a0 += deviation(x[i], mean);
            a1 += deviation(x[i + 1], mean);
            a2 += deviation(x[i + 2], mean);
            a3 += deviation(x[i + 3], mean);
            a4 += deviation(x[i + 4], mean);
            a5 += deviation(x[i + 5], mean);
            a6 += deviation(x[i + 6], mean);
            a7 += deviation(x[i + 7], mean);
            a8 += deviation(x[i + 8], mean);
            a9 += deviation(x[i + 9], mean);
            a10 += deviation(x[i + 10], mean);
            a11 += deviation(x[i + 11], mean);
            a12 += deviation(x[i + 12], mean);
            a13 += deviation(x[i + 13], mean);
            a14 += deviation(x[i + 14], mean);
            a15 += deviation(x[i + 15], mean);
        }
        a0 += a8; a1 += a9; a2 += a10; a3 += a11; a4 += a12; a5 += a13; a6 += a14; a7 += a15;
        a0 += a4; a1 += a5; a2 += a6; a3 += a7;
        a0 += a2; a1 += a3;
        double sum = a0 + a1;
        for (; i < to; i++) {
            sum += deviation(x[i], mean);
        }
        return sum;
    }

    /** The value as a term of a sum of finite values: 0 for {@code -Inf}. */
    static double finite(float v) {
        return v == Float.NEGATIVE_INFINITY ? 0.0 : v;
    }

    /** {@code (v - mean)^2} in double, 0 for {@code -Inf}. */
    static double deviation(float v, double mean) {
        if (v == Float.NEGATIVE_INFINITY) {
            return 0.0;
        }
        double d = v - mean;
        return d * d;
    }

    @Override
    public void weights(float[] x, int from, int to, float shift, float scale, float[] out) {
        for (int i = from; i < to; i++) {
            out[i] = FastExp.weight(x[i], shift, scale);
        }
    }

    @Override
    public void guidanceMix(float[] x, int n, float scale, float xNorm, float[] u, int uFrom, float uNorm) {
        for (int i = 0; i < n; i++) {
            x[i] = mixed(x[i], u[uFrom + i], scale, xNorm, uNorm);
        }
    }

    static float mixed(float x, float u, float scale, float xNorm, float uNorm) {
        if (x == Float.NEGATIVE_INFINITY || u == Float.NEGATIVE_INFINITY) {
            return Float.NEGATIVE_INFINITY;
        }
        float a = x - xNorm;
        float b = u - uNorm;
        return scale * (a - b) + b;
    }

    // --- adaptive-p's reshaping (a self-contained block) ---

    @Override
    public void adaptivePLogits(float[] x, int n, float[] weights, float weightScale, float center, float inverseWidth,
            float peak, float sharpness) {
        for (int i = 0; i < n; i++) {
            if (x[i] != Float.NEGATIVE_INFINITY) {
                x[i] = adaptivePLogit(weights[i], weightScale, center, inverseWidth, peak, sharpness);
            }
        }
    }

    /** One token of {@link #adaptivePLogits}: the order of operations both twins follow. */
    static float adaptivePLogit(float w, float weightScale, float center, float inverseWidth, float peak, float sharpness) {
        float d = Math.abs((w * weightScale - center) * inverseWidth);
        return peak - sharpness * d * d / (1f + d);
    }

    @Override
    public double envelopeBlocks(float[] x, int from, int to, float shift, float scale, float bound, int boundId,
            float[] blockSums) {
        return ScalarEnvelope.blocks(x, from, to, shift, scale, bound, boundId, blockSums);
    }

    @Override
    public void envelopeWeights(float[] x, int from, int to, float shift, float scale, float bound, int boundId,
            float[] out) {
        ScalarEnvelope.weights(x, from, to, shift, scale, bound, boundId, out);
    }
}
