package org.sampling4j.grammar.engine;

import java.util.Arrays;

/**
 * Per node of a {@link TokenTrie}: the set of bytes that occur strictly below it (the bytes of its
 * proper descendants), as an interned 256-bit set. With it a trie walk decides a whole subtree at
 * once: when every live thread's DFA state moves to itself on each of those bytes
 * ({@link org.sampling4j.grammar.automaton.LazyDfa#loopBytes}), every descendant sees the same
 * thread states as the node, so every token below is allowed by the lexer and no group node can
 * be below (nothing is skipped there). That is most of the trie for a lexeme such as
 * {@code [a-zA-Z0-9._%+-]+} or a JSON string body, which a first mask would otherwise walk node
 * by node.
 *
 * <p>Layout: set {@code s} is {@code words[4 s .. 4 s + 3]} (bit {@code b & 63} of word
 * {@code b >>> 6}); set 0 is the empty set (a leaf). Sets are interned, so a vocabulary needs one
 * int per node plus its distinct sets. Built once per vocabulary with the trie; immutable.
 */
final class SubtreeBytes {
    /** Per node: the id of the set of bytes below it. */
    final int[] setOf;
    /** The sets, four words each. */
    final long[] words;

    /**
     * Computes the sets bottom-up: node {@code i}'s parent is the last earlier node one level up
     * (DFS order), so one forward pass finds parents and one backward pass ORs each node's byte and
     * set into its parent's before the parent is reached.
     */
    SubtreeBytes(TokenTrie t) {
        int n = t.nodes;
        int[] parent = new int[n];
        int[] lastAt = new int[t.maxDepth + 1];
        Arrays.fill(lastAt, -1);
        for (int i = 0; i < n; i++) {
            int d = t.depth[i];
            parent[i] = d > 1 ? lastAt[d - 1] : -1;
            lastAt[d] = i;
        }
        long[] below = new long[4 * n];
        for (int i = n - 1; i >= 0; i--) {
            int p = parent[i];
            if (p >= 0) {
                int b = t.nodeByte[i] & 0xFF;
                below[4 * p + (b >>> 6)] |= 1L << (b & 63);
                for (int w = 0; w < 4; w++) {
                    below[4 * p + w] |= below[4 * i + w];
                }
            }
        }
        this.setOf = new int[n];
        Interner in = new Interner(n);
        for (int i = 0; i < n; i++) {
            setOf[i] = in.intern(below, 4 * i);
        }
        this.words = Arrays.copyOf(in.sets, 4 * in.count);
    }

    /** Whether every byte below node {@code node} is in {@code bytes} (four words, the same layout). */
    boolean within(int node, long[] bytes) {
        int at = 4 * setOf[node];
        return ((words[at] & ~bytes[0]) | (words[at + 1] & ~bytes[1]) | (words[at + 2] & ~bytes[2])
                | (words[at + 3] & ~bytes[3])) == 0;
    }

    /** Memory held, roughly. */
    long bytes() {
        return 4L * setOf.length + 8L * words.length;
    }

    /** Open-addressing interning of four-word sets; set 0 is the empty one. */
    private static final class Interner {
        long[] sets = new long[4 * 64];
        int count = 1;
        private final int[] slots;
        private final int mask;

        Interner(int nodes) {
            int cap = Integer.highestOneBit(Math.max(16, nodes)) * 2;
            slots = new int[cap];
            mask = cap - 1;
        }

        int intern(long[] a, int at) {
            if ((a[at] | a[at + 1] | a[at + 2] | a[at + 3]) == 0) {
                return 0;
            }
            long h = a[at] * 0x9E3779B97F4A7C15L ^ a[at + 1] * 0xC2B2AE3D27D4EB4FL ^ a[at + 2] * 0x165667B19E3779F9L
                    ^ a[at + 3] * 0x27D4EB2F165667C5L;
            int i = (int) (h ^ (h >>> 29)) & mask;
            while (slots[i] != 0) {
                int s = 4 * slots[i];
                if (sets[s] == a[at] && sets[s + 1] == a[at + 1] && sets[s + 2] == a[at + 2] && sets[s + 3] == a[at + 3]) {
                    return slots[i];
                }
                i = (i + 1) & mask;
            }
            if (4 * count + 4 > sets.length) {
                sets = Arrays.copyOf(sets, sets.length * 2);
            }
            System.arraycopy(a, at, sets, 4 * count, 4);
            slots[i] = count;
            return count++;
        }
    }
}
