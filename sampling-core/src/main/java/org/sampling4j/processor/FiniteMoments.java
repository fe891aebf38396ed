package org.sampling4j.processor;

/**
 * The population standard deviation of the finite values of a set, in double, summed by
 * four interleaved accumulators in a fixed order (so every kernels twin gets the same bits).
 */
final class FiniteMoments {
    private FiniteMoments() {
    }

    /** The population standard deviation of the finite values of {@code x[0, n)}, 0 if none. */
    static double standardDeviation(float[] x, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int count = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            float a = x[i];
            float b = x[i + 1];
            float c = x[i + 2];
            float d = x[i + 3];
            if (a != Float.NEGATIVE_INFINITY) { s0 += a; count++; }
            if (b != Float.NEGATIVE_INFINITY) { s1 += b; count++; }
            if (c != Float.NEGATIVE_INFINITY) { s2 += c; count++; }
            if (d != Float.NEGATIVE_INFINITY) { s3 += d; count++; }
        }
        for (; i < n; i++) {
            if (x[i] != Float.NEGATIVE_INFINITY) {
                s0 += x[i];
                count++;
            }
        }
        double mean = count == 0 ? 0 : ((s0 + s1) + (s2 + s3)) / count;
        double q0 = 0;
        double q1 = 0;
        double q2 = 0;
        double q3 = 0;
        i = 0;
        for (; i + 3 < n; i += 4) {
            q0 += square(x[i], mean);
            q1 += square(x[i + 1], mean);
            q2 += square(x[i + 2], mean);
            q3 += square(x[i + 3], mean);
        }
        for (; i < n; i++) {
            q0 += square(x[i], mean);
        }
        return count == 0 ? 0 : Math.sqrt(((q0 + q1) + (q2 + q3)) / count);
    }

    private static double square(float v, double mean) {
        if (v == Float.NEGATIVE_INFINITY) {
            return 0;
        }
        double d = v - mean;
        return d * d;
    }
}
