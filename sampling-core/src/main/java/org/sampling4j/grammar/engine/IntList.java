package org.sampling4j.grammar.engine;

import java.util.Arrays;

/** A growable int array. */
final class IntList {
    int[] a = new int[8];
    int n;

    void add(int v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
        }
        a[n++] = v;
    }

    int[] toArray() {
        return Arrays.copyOf(a, n);
    }
}
