package org.sampling4j.grammar.engine;

import java.util.concurrent.atomic.AtomicLong;
import org.sampling4j.grammar.automaton.LazyDfa;
import org.sampling4j.grammar.automaton.TupleMap;

/**
 * The shared cache of {@link LexerEntry}s of one compiled grammar: root entries by the tuple of the
 * current threads' DFA states, child entries inside their {@link MaskGroup} by start state. Lookups
 * are lock-free and allocation-free; a miss walks the trie once and publishes the entry. Past
 * {@code maxBytes} new entries are computed and used but not kept: masks stay exact, only slower
 * (chosen over failing, so a long generation never dies of a full cache).
 */
final class MaskCache {
    private final TupleMap<LexerEntry> roots = new TupleMap<>();
    private final TrieWalker walker;
    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();

    MaskCache(TokenTrie trie, LazyDfa dfa, int maskWords, long maxBytes, boolean[] guarded, KeyHolds holds) {
        this.walker = new TrieWalker(trie, dfa, maskWords, guarded, holds);
        this.maxBytes = maxBytes;
    }

    LexerEntry root(int[] states, int off, int k) {
        LexerEntry e = roots.get(states, off, k);
        if (e != null) {
            return e;
        }
        e = walker.root(states, off, k);
        if (reserve(e.bytes + 16L + 4L * k)) {
            e = roots.putIfAbsent(states, off, k, e);
        }
        return e;
    }

    LexerEntry child(MaskGroup g, int s) {
        LexerEntry e = g.child(s);
        if (e != null) {
            return e;
        }
        e = walker.child(g.nodes, s);
        if (reserve(e.bytes + 8)) {
            e = g.putChild(s, e);
        }
        return e;
    }

    /**
     * The subtree memo of root group {@code g} for context {@code key[0, len)}: {@code bits} (the
     * union the group's hypothetical steps produced, mask layout) compacted into an entry without
     * groups, or {@code only}, the one child entry the union came from (only its {@code within} is
     * read from a memo, and it is shared already), kept unless past the budget; returns the entry to
     * use. Every set bit lies in the words {@code [lo, hi]}.
     */
    LexerEntry memo(MaskGroup g, int[] key, int len, LexerEntry only, int[] bits, int lo, int hi, int maskWords) {
        LexerEntry e = only != null ? only : LexerEntry.ofBits(bits, lo, hi, maskWords, new MaskGroup[0]);
        if (reserve((only != null ? 0 : e.bytes) + 16L + 4L * len)) {
            e = g.putMemo(key, len, e);
        }
        return e;
    }

    long bytes() {
        return bytes.get() + roots.bytes();
    }

    /** Takes {@code b} bytes of the budget; false (nothing taken) when they do not fit. */
    boolean reserve(long b) {
        while (true) {
            long now = bytes.get();
            if (now + b > maxBytes) {
                return false;
            }
            if (bytes.compareAndSet(now, now + b)) {
                return true;
            }
        }
    }
}
