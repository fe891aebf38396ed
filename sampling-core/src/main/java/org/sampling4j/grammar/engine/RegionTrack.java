package org.sampling4j.grammar.engine;

import java.util.function.IntPredicate;
import org.sampling4j.grammar.automaton.LazyDfa;

/**
 * The {@link LexerRegion} that a state without one of its own falls into after a byte, for the trie
 * walk of a state such as the start of an any-order object's key: {@code s} is the key-class string
 * body {@code C} together with the first states of the named keys' spellings, so most bytes lead from
 * {@code s} to {@code C} itself, and once every named spelling has died the walk below is the walk
 * from {@code C}, which {@link RegionTokens} has done once for the vocabulary.
 *
 * <p>The walk from {@code s} follows, beside its DFA state, the region table from {@code C}'s state 0
 * along the same path: the state {@link RegionTokens}' own walk from the trie's root had at that node.
 * Where the two agree (the DFA state is the region state the table names), everything below the node
 * is what {@link RegionTokens} found below it: its bits there, and the ordinary walks of its exits
 * there. The walk then jumps over the subtree (see {@code TrieWalker}). Sound for any {@code C}: where
 * the states never agree nothing is jumped; the choice of {@code C} only decides how much is.
 */
final class RegionTrack {
    /** A candidate {@code C} must be the target of at least this many of the printable ASCII content characters from {@code s}. */
    static final int MIN_SHARE = 48;

    final LexerRegion region;
    final RegionTokens tokens;

    private RegionTrack(LexerRegion region, RegionTokens tokens) {
        this.region = region;
        this.tokens = tokens;
    }

    /**
     * The track for a lone thread in {@code s}, or null: {@code C} is the most frequent target of the
     * printable ASCII content characters from {@code s} ({@link CharClass#majority}: a string body's
     * plain characters), taken when it is the target of at least {@link #MIN_SHARE} of them and has a
     * region (looked up in {@code memo}).
     */
    static RegionTrack near(LazyDfa dfa, TokenTrie trie, int s, int maskWords, Memo memo) {
        int[] target = new int[128];
        int best = CharClass.majority(dfa, s, target);
        if (best == LazyDfa.DEAD || best == s) {
            return null;
        }
        int share = 0;
        for (int t : target) {
            share += t == best ? 1 : 0;
        }
        return share < MIN_SHARE ? null : memo.of(dfa, trie, best, maskWords);
    }

    private static RegionTrack track(LazyDfa dfa, TokenTrie trie, int c, int maskWords) {
        LexerRegion r = LexerRegion.of(dfa, c);
        return r == null ? null : new RegionTrack(r, RegionTokens.of(trie, r, maskWords));
    }

    /**
     * The tracks found so far per candidate state {@code C}, none found included: the key states of
     * an object share their key class, so its region is explored once per grammar, not once per key
     * position (an exploration builds DFA states and costs about as much as a small walk). At most
     * {@link #SIZE} are kept; past that the memo starts over.
     */
    static final class Memo {
        static final int SIZE = 64;
        private static final RegionTrack NONE = new RegionTrack(null, null);
        private final java.util.Map<Integer, RegionTrack> found = new java.util.HashMap<>();

        synchronized RegionTrack of(LazyDfa dfa, TokenTrie trie, int c, int maskWords) {
            RegionTrack t = found.get(c);
            if (t == null) {
                t = track(dfa, trie, c, maskWords);
                if (found.size() == SIZE) {
                    found.clear();
                }
                found.put(c, t == null ? NONE : t);
            }
            return t == NONE ? null : t;
        }
    }

    /** Whether every state of the region satisfies {@code decided} (the walk decides its tokens by the lexer alone there). */
    boolean decidedBy(IntPredicate decided) {
        for (int d : region.states) {
            if (!decided.test(d)) {
                return false;
            }
        }
        return true;
    }

    /** The first exit at or after node {@code from} (an index into {@link RegionTokens#exitNode}). */
    int firstExit(int from) {
        int[] e = tokens.exitNode;
        int lo = 0;
        int hi = e.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (e[mid] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
