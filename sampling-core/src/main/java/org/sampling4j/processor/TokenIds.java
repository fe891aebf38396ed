package org.sampling4j.processor;

import java.util.Arrays;

/** Sorted, de-duplicated token-id sets: validation and membership by binary search. */
final class TokenIds {
    private TokenIds() {
    }

    /** A sorted copy without duplicates; every id must be non-negative. */
    static int[] sortedUnique(String field, int[] ids) {
        if (ids == null) {
            throw new IllegalArgumentException(field + " = null; pass an empty array for none");
        }
        int[] sorted = ids.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 0) {
                throw new IllegalArgumentException(field + " contains token id " + sorted[i]
                        + ", outside [0, vocabSize)");
            }
            if (n == 0 || sorted[n - 1] != sorted[i]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    /** Throws unless every id of a sorted set is below {@code vocabSize}. */
    static void checkBelow(String field, int[] sorted, int vocabSize) {
        if (sorted.length > 0 && sorted[sorted.length - 1] >= vocabSize) {
            throw new IllegalArgumentException(field + " contains token id " + sorted[sorted.length - 1]
                    + ", outside [0, " + vocabSize + ")");
        }
    }

    static boolean contains(int[] sorted, int id) {
        return Arrays.binarySearch(sorted, id) >= 0;
    }
}
