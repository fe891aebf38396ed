package org.sampling4j.grammar.engine;

import java.util.Arrays;
import org.sampling4j.grammar.automaton.TupleMap;

/**
 * The trie nodes of one {@link LexerEntry} at which the same threads end the same lexemes
 * ({@code key}: pairs of thread index and DFA accept-set id) and below which some token is not in
 * the entry's {@code within}. Below them the answer depends on the parser only through the start
 * state {@code S} of the Earley set that the completed lexemes create, so the walk of those subtrees
 * from {@code S} alone is cached here per {@code S} (lock-free lookup, copy-on-write insert).
 */
final class MaskGroup {
    final int[] key;
    final int[] nodes;
    /**
     * The nodes (a sorted subset of {@code nodes}) whose own tokens are PENDING: no thread continues
     * there and only guarded lexemes end, so they are allowed iff the parser step leaves a non-empty
     * set (see {@link GuardedMasks}). Empty without guards.
     */
    final int[] pending;
    private volatile int[] childStates = new int[0];
    private volatile LexerEntry[] children = new LexerEntry[0];
    /** One-node groups for the guarded masks' per-node steps, built on demand. */
    private volatile MaskGroup[] singles;
    /** Root groups only: the union of the whole expansion per parse context (see {@link MatcherState}); created on first use. */
    private volatile TupleMap<LexerEntry> memo;

    MaskGroup(int[] key, int[] nodes) {
        this(key, nodes, new int[0]);
    }

    MaskGroup(int[] key, int[] nodes, int[] pending) {
        this.key = key;
        this.nodes = nodes;
        this.pending = pending;
    }

    /** The group of node {@code nodes[i]} alone (same key), cached: its child entries cover that node only. */
    MaskGroup single(int i) {
        MaskGroup[] s = singles;
        if (s != null && s[i] != null) {
            return s[i];
        }
        synchronized (this) {
            if (singles == null) {
                singles = new MaskGroup[nodes.length];
            }
            if (singles[i] == null) {
                int n = nodes[i];
                boolean own = java.util.Arrays.binarySearch(pending, n) >= 0;
                MaskGroup[] copy = singles.clone();
                copy[i] = new MaskGroup(key, new int[] {n}, own ? new int[] {n} : new int[0]);
                singles = copy;
            }
            return singles[i];
        }
    }

    /** The cached child entry for start state {@code s}, or null. */
    LexerEntry child(int s) {
        LexerEntry[] c = children; // read first: childStates is written before children
        int[] st = childStates;
        int n = Math.min(c.length, st.length);
        for (int i = 0; i < n; i++) {
            if (st[i] == s) {
                return c[i];
            }
        }
        return null;
    }

    /** Caches {@code e} for {@code s} unless one is there; returns the cached one. */
    synchronized LexerEntry putChild(int s, LexerEntry e) {
        LexerEntry old = child(s);
        if (old != null) {
            return old;
        }
        int n = children.length;
        int[] st = Arrays.copyOf(childStates, n + 1);
        st[n] = s;
        LexerEntry[] c = Arrays.copyOf(children, n + 1);
        c[n] = e;
        childStates = st;
        children = c;
        return e;
    }

    /** The memoized expansion for context {@code key[0, len)}, or null. */
    LexerEntry memo(int[] key, int len) {
        TupleMap<LexerEntry> m = memo;
        return m == null ? null : m.get(key, 0, len);
    }

    /** Memoizes {@code e} for the context unless one is there; returns the kept one. */
    LexerEntry putMemo(int[] key, int len, LexerEntry e) {
        TupleMap<LexerEntry> m = memo;
        if (m == null) {
            synchronized (this) {
                m = memo;
                if (m == null) {
                    memo = m = new TupleMap<>();
                }
            }
        }
        return m.putIfAbsent(key, 0, len, e);
    }

    long bytes() {
        return 48 + 4L * (key.length + nodes.length + pending.length);
    }
}
