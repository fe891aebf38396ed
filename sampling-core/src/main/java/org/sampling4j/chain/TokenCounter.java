package org.sampling4j.chain;

import java.util.Arrays;

/**
 * The mutable {@link TokenCounts}: an open-addressing map from token id to count that also lists
 * its distinct tokens in first-seen order, so penalties visit only the tokens that occurred.
 *
 * <p>Memory is O(distinct tokens), never O(vocabulary). Not thread-safe. A sequence keeps two
 * (all tokens, generated tokens); {@link Scratch#windowCounts()} lends one to processors that
 * count a window of the history.
 */
public final class TokenCounter implements TokenCounts {
    private static final int INITIAL_CAPACITY = 16;

    private int[] slots;      // 0 = empty, else index + 1 into tokens/counts
    private int[] tokens;
    private int[] counts;
    private int size;

    /** An empty map. */
    public TokenCounter() {
        slots = new int[INITIAL_CAPACITY * 2];
        tokens = new int[INITIAL_CAPACITY];
        counts = new int[INITIAL_CAPACITY];
    }

    /** Adds one occurrence of {@code token} (a non-negative id); returns its listing index k. */
    public int add(int token) {
        int slot = find(token);
        int entry = slots[slot];
        if (entry != 0) {
            counts[entry - 1]++;
            return entry - 1;
        }
        if (size == tokens.length) {
            grow();
            slot = find(token);
        }
        tokens[size] = token;
        counts[size] = 1;
        size++;
        slots[slot] = size;
        return size - 1;
    }

    /**
     * Removes one occurrence of {@code token}, which must be present. The token stays listed with
     * count 0 (so removal never rehashes); iterate with {@link #countAt(int)} {@code > 0}.
     */
    public void remove(int token) {
        int entry = slots[find(token)];
        if (entry == 0 || counts[entry - 1] == 0) {
            throw new IllegalStateException("token " + token + " has no occurrence to remove");
        }
        counts[entry - 1]--;
    }

    /** How many times {@code token} occurred; 0 when it never did. */
    @Override
    public int count(int token) {
        int entry = slots[find(token)];
        return entry == 0 ? 0 : counts[entry - 1];
    }

    /** Number of listed tokens: every token seen since the last clear, some perhaps with count 0. */
    @Override
    public int distinct() {
        return size;
    }

    /** The k-th listed token, in first-seen order; {@code k} in [0, distinct()). */
    @Override
    public int tokenAt(int k) {
        return tokens[k];
    }

    /** The count of the k-th distinct token. */
    @Override
    public int countAt(int k) {
        return counts[k];
    }

    /** Forgets every token, keeping the capacity. */
    public void clear() {
        Arrays.fill(slots, 0);
        size = 0;
    }

    private int find(int token) {
        int mask = slots.length - 1;
        int slot = (token * 0x9E3779B9) >>> 7 & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0 || tokens[entry - 1] == token) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        int capacity = tokens.length * 2;
        tokens = Arrays.copyOf(tokens, capacity);
        counts = Arrays.copyOf(counts, capacity);
        slots = new int[capacity * 2];
        for (int k = 0; k < size; k++) {
            slots[find(tokens[k])] = k + 1;
        }
    }
}
