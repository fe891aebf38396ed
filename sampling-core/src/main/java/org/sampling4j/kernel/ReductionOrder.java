package org.sampling4j.kernel;

/**
 * The one order in which every kernel adds up a long row, so that the scalar and the vector twins
 * (with 4, 8 or 16 lanes) produce the same bits.
 *
 * <p>Element {@code from + 16 b + j} goes to logical accumulator {@code j} (0..15), blocks b in
 * increasing order. The 16 accumulators are combined by a fixed tree: {@code a[j] += a[j + 8]},
 * then {@code a[j] += a[j + 4]}, then {@code a[j] += a[j + 2]}, then {@code a[0] + a[1]}. The
 * {@code (to - from) mod 16} tail elements are added, in index order, to a separate tail sum that
 * is added last. A vector implementation keeps the 16 accumulators in one 16-lane register, or in
 * two 8-lane, four 4-lane or eight 2-lane ones, adds the registers lane-wise for the tree's first
 * steps and ends it inside one register with lane-exchanging adds after which every lane holds
 * the sum; it never adds with {@code reduceLanes}, whose order is unspecified (a MAX over equal
 * lanes, which has one answer, reads the sum out).
 *
 * <p>Block sums ({@link Kernels#expSumBlocks}) apply this order within each block of
 * {@link #BLOCK} elements and add the block sums in block order.
 */
public final class ReductionOrder {
    /** Number of logical accumulators. */
    public static final int LANES = 16;
    /** Elements per block of {@link Kernels#expSumBlocks}: a multiple of {@link #LANES}. */
    public static final int BLOCK = 2048;

    private ReductionOrder() {
    }

    /** Combines 16 accumulators by the fixed tree. {@code acc} is overwritten. */
    public static double combine(double[] acc) {
        for (int width = LANES / 2; width >= 1; width /= 2) {
            for (int j = 0; j < width; j++) {
                acc[j] += acc[j + width];
            }
        }
        return acc[0];
    }
}
