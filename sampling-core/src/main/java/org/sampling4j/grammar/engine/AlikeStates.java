package org.sampling4j.grammar.engine;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import org.sampling4j.grammar.automaton.LazyDfa;

/**
 * Pairs of lexer DFA states that a {@link TrieWalker} walk cannot tell apart below a node: every
 * path of bytes from the two meets in one state within {@link #WITHIN} bytes, and until it does the
 * two states on it are both dead or alike to the walk (the same lexemes end, both read on or not,
 * decided alike, held alike). Then the walk from one sees, node by node, what the walk from the
 * other saw: the same tokens allowed, the same groups opened, the same pending and held nodes.
 *
 * <p>This is what lets a {@link RegionTrack} jump below a UTF-8 lead byte: after it, a key state
 * (the key class with the named keys' spellings) and the class body reach different
 * mid-character states that meet after the character's last byte. Without it the tracked walk
 * descended every lead byte's subtree: 5,700 of a key root's 7,000 nodes on o200k_base.
 *
 * <p>Judging a pair builds the moves of every byte of both states (and of their successors down to
 * the meeting), so pairs are memoized, per walker, for every thread.
 */
final class AlikeStates {
    /** How many bytes two alike states may take to become one: a UTF-8 character's length. */
    static final int WITHIN = 4;
    /** Past this many judged pairs the memo starts over (a grammar has a few dozen). */
    private static final int PAIRS = 4096;

    private final LazyDfa dfa;
    private final IntPredicate decides;
    private final KeyHolds holds;
    /** Judged pairs, keyed {@code x << 32 | r}. */
    private final ConcurrentHashMap<Long, Boolean> judged = new ConcurrentHashMap<>();

    /** @param decides the walker's own test of whether a state decides its tokens; @param holds its held states, or null */
    AlikeStates(LazyDfa dfa, IntPredicate decides, KeyHolds holds) {
        this.dfa = dfa;
        this.decides = decides;
        this.holds = holds;
    }

    /** Whether the walk below a node in state {@code x} is the walk below it in state {@code r} (false when either is dead). */
    boolean sameBelow(int x, int r) {
        if (x == LazyDfa.DEAD || r == LazyDfa.DEAD) {
            return false;
        }
        Long key = (long) x << 32 | (r & 0xFFFFFFFFL);
        Boolean v = judged.get(key);
        if (v == null) {
            v = meetWithin(x, r, WITHIN);
            if (judged.size() >= PAIRS) {
                judged.clear();
            }
            judged.put(key, v);
        }
        return v;
    }

    /** Whether live {@code x} and {@code r} are one state, or alike with every byte taking them to one state, to dead both, or to a pair that meets within {@code depth - 1} bytes. */
    private boolean meetWithin(int x, int r, int depth) {
        if (x == r) {
            return true;
        }
        if (depth == 0 || !alike(x, r)) {
            return false;
        }
        int[] rowX = dfa.row(x);
        int[] rowR = dfa.row(r);
        int lastX = -2;
        int lastR = -2;
        for (int b = 0; b < 256; b++) {
            int tx = LazyDfa.target(dfa.move(rowX, x, b));
            int tr = LazyDfa.target(dfa.move(rowR, r, b));
            if (tx == lastX && tr == lastR) {
                continue; // a run of bytes with the same pair of targets (continuation bytes): judged already
            }
            lastX = tx;
            lastR = tr;
            if (tx != tr && (tx == LazyDfa.DEAD || tr == LazyDfa.DEAD || !meetWithin(tx, tr, depth - 1))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the walk treats live states {@code x} and {@code r} alike at a node. */
    private boolean alike(int x, int r) {
        return dfa.acceptOf(x) == dfa.acceptOf(r) && dfa.continues(x) == dfa.continues(r)
                && decides.test(x) == decides.test(r) && (holds == null || Arrays.equals(holds.held(x), holds.held(r)));
    }
}
