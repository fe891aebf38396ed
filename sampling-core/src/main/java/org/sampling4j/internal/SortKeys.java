package org.sampling4j.internal;

/**
 * Packs a (value, token id) pair into one long whose natural order is "larger value first, then
 * lower id", so that candidate sorts and heaps run on primitive longs without comparators.
 *
 * <p>High 32 bits: the complement of the value's order-preserving int image ({@code -0.0} is folded
 * into {@code +0.0} so that equal logits tie); low 32 bits: the id, non-negative.
 */
public final class SortKeys {
    private SortKeys() {
    }

    /** The key of (value, id); smaller keys are better candidates. */
    public static long key(float value, int id) {
        int bits = Float.floatToIntBits(value + 0.0f);
        int ordered = bits ^ ((bits >> 31) & 0x7FFF_FFFF);
        return ((long) ~ordered << 32) | id;
    }

    /** The id packed in {@code key}. */
    public static int id(long key) {
        return (int) key;
    }

    /** The value packed in {@code key}. */
    public static float value(long key) {
        int ordered = ~(int) (key >> 32);
        int bits = ordered ^ ((ordered >> 31) & 0x7FFF_FFFF);
        return Float.intBitsToFloat(bits);
    }
}
