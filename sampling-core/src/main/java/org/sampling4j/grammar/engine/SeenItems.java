package org.sampling4j.grammar.engine;

import java.util.Arrays;

/**
 * The dedupe table of the Earley set being built: which {@code (pos, origin)} items it holds
 * already. Open addressing over {@code pos << 32 | origin} keys with a STAMP per slot instead of
 * clearing: starting a new set bumps the stamp, so an empty table costs O(1) however large it grew.
 * The table doubles at half load and is refilled from the set's items (the chart's tail).
 */
final class SeenItems {
    private long[] key = new long[64];
    private int[] slotStamp = new int[64];
    private int stamp;
    private int size;

    /** Empties the table for a new set. */
    void reset() {
        if (++stamp == Integer.MAX_VALUE) { // never reuse a stamp: start the table afresh
            Arrays.fill(slotStamp, 0);
            stamp = 1;
        }
        size = 0;
    }

    /**
     * Enters {@code (pos, origin)}; false if it was there. Before growing, the set's items so far
     * ({@code pos[from, to)}, {@code origin[from, to)}) are re-entered into the doubled table.
     */
    boolean add(int pos, int origin, int[] allPos, int[] allOrigin, int from, int to) {
        if (2 * (size + 1) > key.length) {
            grow(allPos, allOrigin, from, to);
        }
        long k = keyOf(pos, origin);
        int mask = key.length - 1;
        int h = hash(k) & mask;
        while (slotStamp[h] == stamp) {
            if (key[h] == k) {
                return false;
            }
            h = (h + 1) & mask;
        }
        slotStamp[h] = stamp;
        key[h] = k;
        size++;
        return true;
    }

    private void grow(int[] allPos, int[] allOrigin, int from, int to) {
        int c = key.length * 2;
        key = new long[c];
        slotStamp = new int[c];
        stamp++;
        int mask = c - 1;
        for (int i = from; i < to; i++) {
            long k = keyOf(allPos[i], allOrigin[i]);
            int h = hash(k) & mask;
            while (slotStamp[h] == stamp) {
                h = (h + 1) & mask;
            }
            slotStamp[h] = stamp;
            key[h] = k;
        }
    }

    private static long keyOf(int pos, int origin) {
        return ((long) pos << 32) | (origin & 0xFFFFFFFFL);
    }

    private static int hash(long k) {
        return (int) (k * 0x9E3779B97F4A7C15L >>> 40);
    }
}
