package org.sampling4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sampling4j.internal.LongSort;

class LongSortTest {
    private static final long SEED = 0x5A4D_0F01L;

    @Test
    void sortsRangesLikeArraysSortAndLeavesTheRestAlone() {
        SplittableRandom r = new SplittableRandom(SEED);
        for (int n = 0; n < 600; n += n < 40 ? 1 : 37) {
            long[] a = new long[n + 6];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextInt(4) == 0 ? r.nextInt(5) : r.nextLong(); // duplicates too
            }
            long[] expected = a.clone();
            Arrays.sort(expected, 3, 3 + n);
            LongSort.sort(a, 3, 3 + n);
            assertArrayEquals(expected, a, "n = " + n);
        }
    }
}
