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
    public int countAtLeast(float[] x, int from, int to, float threshold) {
        int count = 0;
        for (int i = from; i < to; i++) {
            count += x[i] >= threshold ? 1 : 0;
        }
        return count;
    }

    @Override
    public int compactAtLeast(float[] x, int n, float threshold, int[] ids, float[] values) {
        int size = 0;
        for (int i = 0; i < n; i++) {
            float v = x[i];
            if (v >= threshold) {
                ids[size] = i;
                values[size] = v;
                size++;
            }
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

}
