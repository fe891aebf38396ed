package org.sampling4j.grammar.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sampling4j.grammar.automaton.LazyDfa;

/**
 * What one or more {@link TrieWalker} walks collect for a {@link LexerEntry}: the allowed tokens
 * (as ids, over a base bitset when a region, chain or track supplied one), the skipped-token count
 * that decides which accepting nodes become group nodes, the group nodes per accept key, the
 * pending and held nodes; and the per-level stacks the walks reuse. One per entry built.
 */
final class WalkAcc {
    private final TokenTrie trie;
    private final int maskWords;
    private final KeyHolds holds;

    /**
     * Each thread's idle stacks, per walker: slot 0 the walk's, slot 1 the exits'. An acc borrows
     * them (the slot is emptied, so a walk nested in another on the same thread gets stacks of its
     * own) and gives them back in {@link #entry()}. Allocating and zeroing them was 2-4 % of a cold
     * mask: about 3 KB per thread of the walk for o200k_base's 128-byte tokens.
     */
    static final class Spare extends ThreadLocal<Scratch[]> {
        @Override
        protected Scratch[] initialValue() {
            return new Scratch[2];
        }
    }

    private final Spare spare;

    WalkAcc(TokenTrie trie, int maskWords, KeyHolds holds, Spare spare) {
        this.trie = trie;
        this.maskWords = maskWords;
        this.holds = holds;
        this.spare = spare;
    }

    int[] ids = new int[64];
    int count;
    long skipped;
    /** Tokens allowed before any walk (a region's, mask layout), or null. */
    int[] base;
    /** Whether {@link #base} is this walk's own copy (a track clears tokens from it). */
    boolean ownBase;
    final int[] one = new int[1];
    private Scratch scratch;
    private Scratch exits;

    Scratch scratch(int k) {
        if (scratch == null || scratch.k < k) {
            scratch = borrow(0, k);
        }
        return scratch;
    }

    /** A one-thread scratch of its own for the exits walked in the middle of a tracked walk. */
    Scratch exitScratch() {
        if (exits == null) {
            exits = borrow(1, 1);
        }
        return exits;
    }

    /** This thread's idle stacks of slot {@code slot} if they hold {@code k} threads, else new ones. */
    private Scratch borrow(int slot, int k) {
        Scratch[] idle = spare.get();
        Scratch s = idle[slot];
        if (s != null && s.k >= k) {
            idle[slot] = null;
            return s;
        }
        return new Scratch(trie.maxDepth + 1, k);
    }

    /** Hands the stacks back for this thread's next walk (the larger of the two kept per slot). */
    private void giveBack() {
        Scratch[] idle = spare.get();
        if (scratch != null && (idle[0] == null || idle[0].k < scratch.k)) {
            idle[0] = scratch;
        }
        if (exits != null && idle[1] == null) {
            idle[1] = exits;
        }
        scratch = null;
        exits = null;
    }

    /** Clears the tokens {@code trie.tokens[from, to)} from {@link #base}. */
    void clearBase(int from, int to) {
        for (int t = from; t < to; t++) {
            int id = trie.tokens[t];
            base[id >>> 5] &= ~(1 << (id & 31));
        }
    }
    /** The distinct group keys in order of first appearance (few per walk: a linear scan finds them). */
    private final List<int[]> groupKeys = new ArrayList<>();
    private final List<IntList> groupNodes = new ArrayList<>();
    /** Nodes whose own tokens the lexer left undecided (only guarded lexemes end there). */
    final IntList pending = new IntList();
    /** Held nodes (a counted key class reads on, nothing else decides) and their counted lexemes. */
    final IntList heldNodes = new IntList();
    final List<int[]> heldLexemes = new ArrayList<>();
    /** The tokens of the held nodes. */
    final IntList heldIds = new IntList();

    /** Records node {@code i} as held if some live thread of {@code st[dst, dst + k)} holds counted lexemes. */
    void hold(int i, int[] st, int dst, int k) {
        int[] union = null;
        for (int j = 0; j < k; j++) {
            int d = st[dst + j];
            if (d == LazyDfa.DEAD) {
                continue;
            }
            int[] h = holds.held(d);
            if (h == null || h.length == 0) {
                continue;
            }
            if (union == null) {
                union = h;
            } else if (!Arrays.equals(union, h)) {
                int[] m = Arrays.copyOf(union, union.length + h.length);
                System.arraycopy(h, 0, m, union.length, h.length);
                union = sortedDistinct(m);
            }
        }
        if (union != null) {
            heldNodes.add(i);
            heldLexemes.add(union);
            for (int t = trie.tokFirst[i]; t < trie.tokFirst[i + 1]; t++) {
                heldIds.add(trie.tokens[t]);
            }
        }
    }

    void addToken(int id) {
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, count * 2);
        }
        ids[count++] = id;
    }

    /** Keeps the node (key {@code keys[from, to)}) as a group node if some token below it was skipped while it was open. */
    void closeCandidate(int node, long skippedAtOpen, int[] keys, int from, int to) {
        if (skipped == skippedAtOpen) {
            return;
        }
        int g = 0;
        while (g < groupKeys.size() && !Arrays.equals(groupKeys.get(g), 0, groupKeys.get(g).length, keys, from, to)) {
            g++;
        }
        if (g == groupKeys.size()) {
            groupKeys.add(Arrays.copyOfRange(keys, from, to));
            groupNodes.add(new IntList());
        }
        groupNodes.get(g).add(node);
    }

    LexerEntry entry() {
        giveBack();
        int[] held = sortedDistinct(pending.toArray());
        MaskGroup[] groups = new MaskGroup[groupKeys.size()];
        for (int g = 0; g < groups.length; g++) {
            int[] nodes = sortedDistinct(groupNodes.get(g).toArray());
            int[] own = new int[held.length == 0 ? 0 : nodes.length];
            int n = 0;
            for (int node : nodes) {
                if (held.length > 0 && Arrays.binarySearch(held, node) >= 0) {
                    own[n++] = node;
                }
            }
            groups[g] = new MaskGroup(groupKeys.get(g), nodes, Arrays.copyOf(own, n));
        }
        int[] hn = heldNodes.toArray();
        int[][] hl = heldLexemes.toArray(new int[0][]);
        LexerEntry ht = hn.length == 0 ? null : new LexerEntry(heldIds.toArray(), heldIds.n, maskWords, new MaskGroup[0]);
        if (base == null) {
            return new LexerEntry(ids, count, maskWords, groups).withHeld(hn, hl, ht);
        }
        int[] bits = ownBase ? base : base.clone();
        for (int i = 0; i < count; i++) {
            bits[ids[i] >>> 5] |= 1 << (ids[i] & 31);
        }
        return LexerEntry.ofBits(bits, maskWords, groups).withHeld(hn, hl, ht);
    }

    /** A walk's per-level stacks, sized for the whole trie's depth and {@code k} threads; reused across the walks of one entry. */
    static final class Scratch {
        final int k;
        final int[] st;
        /** With a {@link RegionTrack}: the region table's state per level. */
        final int[] tq;
        final int[][] rows;
        final int[] openNode;
        final long[] openSkipped;
        final int[] keyAt;
        final int[] keys;

        Scratch(int levels, int k) {
            this.k = k;
            st = new int[levels * k];
            tq = new int[levels];
            rows = new int[levels * k][];
            openNode = new int[levels];
            openSkipped = new long[levels];
            keyAt = new int[levels + 1];
            keys = new int[2 * k * levels];
        }
    }

    /** {@code a} sorted without repeats (in place, then trimmed). */
    private static int[] sortedDistinct(int[] a) {
        Arrays.sort(a);
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (n == 0 || a[n - 1] != a[i]) {
                a[n++] = a[i];
            }
        }
        return n == a.length ? a : Arrays.copyOf(a, n);
    }
}
