package org.sampling4j.grammar.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sampling4j.grammar.automaton.LazyDfa;

/**
 * Builds a {@link LexerEntry}: walks regions of the {@link TokenTrie} with a tuple of lexer threads
 * (one DFA state and its transition row each, a per-depth stack of them; a node costs one packed
 * {@link LazyDfa#move} per thread), iteratively, skipping a whole subtree where every thread is dead
 * and the children of a node where no thread can take another byte, and deciding at once the
 * subtree of a node where every thread loops on every byte below it ({@link SubtreeBytes}: all its
 * tokens are allowed, no group node is below). Every visited node has a live or accepting thread,
 * so its tokens go to {@code within}; a node where some thread accepts and below which a token was
 * skipped becomes a node of the group for its accept key. Allocates (it runs on a cache miss only).
 *
 * <p>With guarded lexemes ({@link ObjectGuards}), a node where no thread continues and every lexeme
 * that ends is guarded decides nothing by the lexer: its tokens are not in {@code within} but
 * PENDING on the node's group, and the parser step of the mask decides them. So entries never
 * depend on a guard's answer and stay shareable across texts.
 */
final class TrieWalker {
    private final TokenTrie trie;
    private final LazyDfa dfa;
    private final int maskWords;
    private final boolean[] guarded;
    /** The held states ({@link KeyHolds}), or null when no key class can run out. */
    private final KeyHolds holds;

    private final boolean regions;

    TrieWalker(TokenTrie trie, LazyDfa dfa, int maskWords, boolean[] guarded, KeyHolds holds) {
        this(trie, dfa, maskWords, guarded, holds, true);
    }

    /** With {@code regions} false every root entry is the walk of the whole trie (the reference for tests). */
    TrieWalker(TokenTrie trie, LazyDfa dfa, int maskWords, boolean[] guarded, KeyHolds holds, boolean regions) {
        this.trie = trie;
        this.dfa = dfa;
        this.maskWords = maskWords;
        this.guarded = guarded;
        this.holds = holds;
        this.regions = regions;
    }

    /**
     * Whether a thread in state {@code d} (not dead) makes its tokens allowed by the lexer alone: it
     * reads on in a lexeme that is not held ({@link KeyHolds}), or ends one that is not guarded.
     */
    private boolean decides(int d) {
        if (guarded == null || (holds == null ? dfa.continues(d) : holds.held(d) == null)) {
            return true;
        }
        for (int l : dfa.acceptLexemes(dfa.acceptOf(d))) {
            if (l >= guarded.length || !guarded[l]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The entry for the whole trie and the threads in {@code states[off, off + k)}. A lone thread
     * in a state with a {@link LexerRegion} (a string body) takes the region's tokens from
     * {@link RegionTokens} and walks only the exits' subtrees: the same entry, since inside the
     * region every visited node's tokens are allowed, nothing ends (no group opens) and the walk
     * below an exit starts with no group open, exactly as the whole walk reaches it.
     */
    LexerEntry root(int[] states, int off, int k) {
        Acc acc = new Acc();
        boolean held = holds != null && k == 1 && holds.held(states[off]) != null;
        LexerRegion r = regions && k == 1 && !held ? LexerRegion.of(dfa, states[off]) : null; // held: walked, so listed
        if (r == null) {
            walk(0, trie.nodes, 0, states, off, k, acc);
            return acc.entry();
        }
        RegionTokens inside = RegionTokens.of(trie, r, maskWords);
        acc.base = inside.bits;
        int[] one = new int[1];
        for (int x = 0; x < inside.exitNode.length; x++) {
            int n = inside.exitNode[x];
            one[0] = r.states[inside.exitFrom[x]];
            walk(n, trie.end[n], trie.depth[n] - 1, one, 0, 1, acc);
        }
        return acc.entry();
    }

    /** The entry for the subtrees strictly below {@code nodes}, from one thread in start state {@code s}. */
    LexerEntry child(int[] nodes, int s) {
        Acc acc = new Acc();
        int[] one = {s};
        for (int n : nodes) {
            walk(n + 1, trie.end[n], trie.depth[n], one, 0, 1, acc);
        }
        return acc.entry();
    }

    private void walk(int from, int to, int baseDepth, int[] states, int off, int k, Acc acc) {
        Scratch sc = acc.scratch(k);
        int[] st = sc.st;
        // rows[level * k + j]: the transition row of st[level * k + j], set where the node has children
        int[][] rows = sc.rows;
        for (int j = 0; j < k; j++) {
            st[j] = states[off + j];
            rows[j] = dfa.row(st[j]);
        }
        int[] openNode = sc.openNode;
        long[] openSkipped = sc.openSkipped;
        // the open candidates' accept keys, stacked flat: key of level-entry e is keys[keyAt[e], keyAt[e + 1])
        int[] keyAt = sc.keyAt;
        keyAt[0] = 0;
        int[] keys = sc.keys;
        int open = 0;
        int i = from;
        while (i < to) {
            while (open > 0 && trie.end[openNode[open - 1]] <= i) {
                open--;
                acc.closeCandidate(openNode[open], openSkipped[open], keys, keyAt[open], keyAt[open + 1]);
            }
            int level = trie.depth[i] - baseDepth;
            int b = trie.nodeByte[i] & 0xFF;
            int src = (level - 1) * k;
            int dst = level * k;
            int below = trie.end[i];
            boolean alive = false;
            boolean accepts = false;
            boolean continues = false;
            boolean decided = guarded == null;
            for (int j = 0; j < k; j++) {
                int s = st[src + j];
                int d = LazyDfa.DEAD;
                if (s != LazyDfa.DEAD) {
                    int e = dfa.move(rows[src + j], s, b);
                    d = LazyDfa.target(e);
                    if (d != LazyDfa.DEAD) {
                        alive = true;
                        accepts |= (e & LazyDfa.ACCEPTS) != 0;
                        continues |= (e & LazyDfa.CONTINUES) != 0;
                        if (below > i + 1) {
                            rows[dst + j] = dfa.row(d);
                        }
                        decided = decided || decides(d);
                    }
                }
                st[dst + j] = d;
            }
            if (!alive) {
                acc.skipped += trie.tokFirst[below] - trie.tokFirst[i];
                i = below;
                continue;
            }
            if (accepts && (below > i + 1 || !decided)) {
                int w = keyAt[open];
                for (int j = 0; j < k; j++) {
                    int a = dfa.acceptOf(st[dst + j]);
                    if (a != 0) {
                        keys[w++] = j;
                        keys[w++] = a;
                    }
                }
                keyAt[open + 1] = w;
                openNode[open] = i;
                openSkipped[open++] = acc.skipped;
            }
            if (decided) {
                for (int t = trie.tokFirst[i]; t < trie.tokFirst[i + 1]; t++) {
                    acc.addToken(trie.tokens[t]);
                }
            } else if (trie.tokFirst[i + 1] > trie.tokFirst[i]) {
                acc.skipped += trie.tokFirst[i + 1] - trie.tokFirst[i]; // pending: the parser step decides
                acc.pending.add(i);
                if (holds != null) {
                    acc.hold(i, st, dst, k); // held: the mask asks the key classes
                }
            }
            if (!continues && below > i + 1) {
                // no thread can take another byte: every child dies, so skip them without a look
                acc.skipped += trie.tokFirst[below] - trie.tokFirst[i + 1];
                i = below;
                continue;
            }
            if (decided && below > i + 1 && loopsBelow(i, st, dst, k)) {
                // every descendant sees these same states: all its tokens are allowed, nothing is skipped
                for (int t = trie.tokFirst[i + 1]; t < trie.tokFirst[below]; t++) {
                    acc.addToken(trie.tokens[t]);
                }
                i = below;
                continue;
            }
            i++;
        }
        while (open > 0) {
            open--;
            acc.closeCandidate(openNode[open], openSkipped[open], keys, keyAt[open], keyAt[open + 1]);
        }
    }

    /** Whether every live thread {@code st[dst, dst + k)} moves to itself on every byte below {@code node}. */
    private boolean loopsBelow(int node, int[] st, int dst, int k) {
        for (int j = 0; j < k; j++) {
            int d = st[dst + j];
            if (d != LazyDfa.DEAD && !trie.below.within(node, dfa.loopBytes(d))) {
                return false;
            }
        }
        return true;
    }

    /** A walk's per-level stacks, sized for the whole trie's depth and {@code k} threads; reused across the walks of one entry. */
    private static final class Scratch {
        final int k;
        final int[] st;
        final int[][] rows;
        final int[] openNode;
        final long[] openSkipped;
        final int[] keyAt;
        final int[] keys;

        Scratch(int levels, int k) {
            this.k = k;
            st = new int[levels * k];
            rows = new int[levels * k][];
            openNode = new int[levels];
            openSkipped = new long[levels];
            keyAt = new int[levels + 1];
            keys = new int[2 * k * levels];
        }
    }

    /** The tokens and group nodes collected by one or more walks. */
    private final class Acc {
        int[] ids = new int[64];
        int count;
        long skipped;
        /** Tokens allowed before any walk (a region's, mask layout), or null. */
        int[] base;
        private Scratch scratch;

        Scratch scratch(int k) {
            if (scratch == null || scratch.k != k) {
                scratch = new Scratch(trie.maxDepth + 1, k);
            }
            return scratch;
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
            int[] bits = base.clone();
            for (int i = 0; i < count; i++) {
                bits[ids[i] >>> 5] |= 1 << (ids[i] & 31);
            }
            return LexerEntry.ofBits(bits, maskWords, groups).withHeld(hn, hl, ht);
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
