package org.sampling4j.processor;

/**
 * The logits typical-p keeps form one interval: a token is kept iff {@code |t - center| <= limit}
 * with {@code t = (x - max) * scale} computed in float, and that offset never decreases as x
 * grows. This class finds the interval's float ends by bisection over the floats in order, so the
 * set kept by two SIMD counts and one compaction is exactly the set the per-token test keeps.
 */
final class TypicalInterval {
    private TypicalInterval() {
    }

    /** {@code t - center} for logit x, in float exactly as the distances are computed. */
    private static float offset(float x, float max, float scale, float center) {
        return (x - max) * scale - center;
    }

    /**
     * The smallest finite float x with {@code offset(x) >= -limit}, by bisection over the floats in
     * order (offset is non-decreasing in x): the lower end of the kept logits.
     */
    static float lowestWithin(float max, float scale, float center, float limit) {
        int lo = ordered(-Float.MAX_VALUE);
        int hi = ordered(Float.MAX_VALUE);
        if (offset(-Float.MAX_VALUE, max, scale, center) >= -limit) {
            return -Float.MAX_VALUE;
        }
        while ((long) hi - lo > 1) { // offset(lo) < -limit <= offset(hi)
            int mid = (int) (((long) lo + hi) >> 1);
            if (offset(fromOrdered(mid), max, scale, center) >= -limit) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return fromOrdered(hi);
    }

    /** The largest finite float x with {@code offset(x) <= limit}: the upper end of the kept logits. */
    static float highestWithin(float max, float scale, float center, float limit) {
        int lo = ordered(-Float.MAX_VALUE);
        int hi = ordered(Float.MAX_VALUE);
        if (offset(Float.MAX_VALUE, max, scale, center) <= limit) {
            return Float.MAX_VALUE;
        }
        while ((long) hi - lo > 1) { // offset(lo) <= limit < offset(hi)
            int mid = (int) (((long) lo + hi) >> 1);
            if (offset(fromOrdered(mid), max, scale, center) <= limit) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return fromOrdered(lo);
    }

    /** Float bits mapped to ints that order as the floats do. */
    private static int ordered(float f) {
        int bits = Float.floatToRawIntBits(f);
        return bits >= 0 ? bits : bits ^ 0x7FFF_FFFF;
    }

    private static float fromOrdered(int key) {
        return Float.intBitsToFloat(key >= 0 ? key : key ^ 0x7FFF_FFFF);
    }
}
