package org.sampling4j.internal;

/**
 * An in-place ascending sort of a range of longs that never allocates: {@code Arrays.sort(long[],
 * int, int)} allocates a small object per call on recent JDKs (24 bytes on JDK 25), which the hot
 * path must not. Heapsort: O(n log n) worst case, not stable (sort keys here are unique).
 */
public final class LongSort {
    private static final int INSERTION_LIMIT = 24;

    private LongSort() {
    }

    /** Sorts {@code a[from..to)} ascending. */
    public static void sort(long[] a, int from, int to) {
        int n = to - from;
        if (n <= INSERTION_LIMIT) {
            insertion(a, from, to);
            return;
        }
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(a, from, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            long top = a[from];
            a[from] = a[from + end];
            a[from + end] = top;
            siftDown(a, from, 0, end);
        }
    }

    /** Turns {@code a[from..from+n)} into a max-heap rooted at {@code from}. */
    public static void heapify(long[] a, int from, int n) {
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(a, from, i, n);
        }
    }

    /** Restores the max-heap property below heap index {@code i} of the heap {@code a[from..from+n)}. */
    public static void siftDown(long[] a, int from, int i, int n) {
        long item = a[from + i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && a[from + child + 1] > a[from + child]) {
                child++;
            }
            if (a[from + child] <= item) {
                break;
            }
            a[from + i] = a[from + child];
            i = child;
        }
        a[from + i] = item;
    }

    private static void insertion(long[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long item = a[i];
            int j = i - 1;
            while (j >= from && a[j] > item) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = item;
        }
    }
}
