package org.sampling4j.grammar.engine;

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
    /** Chain successors ({@link CharChain}) of this walker's states, judged by its own {@link #decides}. */
    private final CharChain.Successors successors = new CharChain.Successors(this::decides);
    /** States whose walk below a node is a region state's, after a UTF-8 lead byte ({@link #walk}). */
    private final AlikeStates alike;
    /** How many exits were read as chains ({@link #exitWalk}; for tests). */
    long chainedExits;
    /** How many subtrees a tracked walk jumped in a state alike to the region's, not equal to it ({@link AlikeStates}; for tests). */
    long alikeJumps;
    /** The key-class regions tracked so far ({@link RegionTrack}). */
    private final RegionTrack.Memo tracks = new RegionTrack.Memo();
    /** Each thread's idle walk stacks, reused from one entry's walks to the next. */
    private final WalkAcc.Spare spare = new WalkAcc.Spare();

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
        this.alike = new AlikeStates(dfa, this::decides, holds);
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
     * below an exit starts with no group open, exactly as the whole walk reaches it. A lone thread
     * at the start of a {@link CharChain} (a counted string body) takes the tokens of its class that
     * fit and walks only the class's {@link CharPaths} exits, for the same reasons.
     */
    LexerEntry root(int[] states, int off, int k) {
        WalkAcc acc = new WalkAcc(trie, maskWords, holds, spare);
        boolean held = holds != null && k == 1 && holds.held(states[off]) != null;
        LexerRegion r = regions && k == 1 && !held ? LexerRegion.of(dfa, states[off]) : null; // held: walked, so listed
        if (r == null) {
            CharChain chain = regions && k == 1 && !held ? CharChain.of(dfa, states[off], successors) : null;
            if (chain != null) {
                chainWalk(chain, acc);
                return acc.entry();
            }
            RegionTrack track = regions && k == 1 && !held ? RegionTrack.near(dfa, trie, states[off], maskWords, tracks) : null;
            if (track != null && !track.decidedBy(this::decides)) {
                track = null;
            }
            if (track != null) {
                acc.base = track.tokens.bits.clone();
                acc.ownBase = true;
            }
            walk(0, trie.nodes, 0, states, off, k, acc, acc.scratch(k), track);
            return acc.entry();
        }
        RegionTokens inside = RegionTokens.of(trie, r, maskWords);
        acc.base = inside.bits;
        int[] one = new int[1];
        for (int x = 0; x < inside.exitNode.length; x++) {
            int n = inside.exitNode[x];
            one[0] = r.states[inside.exitFrom[x]];
            walk(n, trie.end[n], trie.depth[n] - 1, one, 0, 1, acc, acc.scratch(1), null);
        }
        return acc.entry();
    }

    /**
     * The root walk of a lone thread at the start of a {@link CharChain}: the tokens of its class
     * whose characters fit, as bits, then the ordinary walk of each exit whose parent is alive, from
     * the parent's state (the chain's state for its complete characters, moved over the bytes of the
     * character it ends inside). The same entry as the whole walk: every node of the chain's class
     * is alive iff its characters fit, decided by the lexer, and no lexeme ends there (so no group
     * opens above an exit), and nothing else below the root is in the class.
     */
    private void chainWalk(CharChain chain, WalkAcc acc) {
        CharPaths pp = trie.paths(chain.cls);
        acc.base = pp.fitting(chain.limit, maskWords);
        exitWalk(chain, pp, acc, 0);
    }

    /** Exit subtrees at least this large that start a chain of the same class are read as one ({@link CharPaths#below}). */
    private static final int CHAINED_EXIT = 256;
    /** How many chains deep exits are read as chains (an email's dots: a.b.c). */
    private static final int CHAINED_DEPTH = 4;

    /**
     * The exits of {@code pp} from the states of {@code chain}. An exit by an ASCII byte into a
     * state that starts a chain of the same class (a dot inside an email's local part), above a
     * large subtree, is read as that chain: its own tokens, the tokens below it that fit (from the
     * exit's {@link CharPaths#below}) and its exits, for the same reasons as at the root, since the
     * exit's state neither accepts nor is undecided and so opens no group. Every other exit is
     * walked.
     */
    private void exitWalk(CharChain chain, CharPaths pp, WalkAcc acc, int depth) {
        int[] one = new int[1];
        for (int x = 0; x < pp.exitNode.length; x++) {
            int tail = pp.exitTail[x];
            int c = pp.exitChars[x];
            if ((tail == 0 ? c : c + 1) > chain.limit) {
                continue; // the parent is dead already
            }
            int d = chain.state(c);
            for (int j = tail - 1; j >= 0 && d != LazyDfa.DEAD; j--) {
                d = dfa.next(d, (pp.exitTailBytes[x] >>> (8 * j)) & 0xFF);
            }
            int n = pp.exitNode[x];
            int b = trie.nodeByte[n] & 0xFF;
            int e = d == LazyDfa.DEAD ? LazyDfa.DEAD : dfa.next(d, b);
            if (e == LazyDfa.DEAD) {
                continue; // nothing at or below the exit is allowed, and no group is open to notice
            }
            if (depth < CHAINED_DEPTH && tail == 0 && b < 0x80 && trie.end[n] - n >= CHAINED_EXIT
                    && dfa.acceptOf(e) == 0 && dfa.continues(e) && decides(e)) {
                CharChain next = CharChain.of(dfa, e, successors);
                if (next != null && next.cls.equals(chain.cls)) {
                    for (int t = trie.tokFirst[n]; t < trie.tokFirst[n + 1]; t++) {
                        acc.addToken(trie.tokens[t]);
                    }
                    CharPaths sub = pp.below(n);
                    int fit = sub.countStart[Math.min(next.limit, sub.maxCount) + 1];
                    for (int t = 0; t < fit; t++) {
                        acc.addToken(sub.byCount[t]);
                    }
                    chainedExits++;
                    exitWalk(next, sub, acc, depth + 1);
                    continue;
                }
            }
            one[0] = d;
            walk(n, trie.end[n], trie.depth[n] - 1, one, 0, 1, acc, acc.scratch(1), null);
        }
    }

    /** Whether {@link #root} of a lone thread in {@code s} follows a {@link RegionTrack} (for tests). */
    boolean tracksFrom(int s) {
        if (chainsFrom(s) || LexerRegion.of(dfa, s) != null || (holds != null && holds.held(s) != null)) {
            return false;
        }
        RegionTrack t = regions ? RegionTrack.near(dfa, trie, s, maskWords, tracks) : null;
        return t != null && t.decidedBy(this::decides);
    }

    /** Whether {@link #root} of a lone thread in {@code s} takes the {@link CharChain} path (for tests). */
    boolean chainsFrom(int s) {
        return chainClassFrom(s) != null;
    }

    /** The class of the {@link CharChain} {@link #root} of a lone thread in {@code s} reads, or null when it takes another path (for tests). */
    CharClass chainClassFrom(int s) {
        boolean held = holds != null && holds.held(s) != null;
        CharChain chain = regions && !held && LexerRegion.of(dfa, s) == null ? CharChain.of(dfa, s, successors) : null;
        return chain == null ? null : chain.cls;
    }

    /** The entry for the subtrees strictly below {@code nodes}, from one thread in start state {@code s}. */
    LexerEntry child(int[] nodes, int s) {
        WalkAcc acc = new WalkAcc(trie, maskWords, holds, spare);
        int[] one = {s};
        for (int n : nodes) {
            walk(n + 1, trie.end[n], trie.depth[n], one, 0, 1, acc, acc.scratch(1), null);
        }
        return acc.entry();
    }

    /**
     * Walks the nodes {@code [from, to)} (their depths above {@code baseDepth}) from the threads
     * {@code states[off, off + k)}. With a {@code track} (a lone thread, the whole trie) the region
     * table from the track's state 0 is followed along the path as well ({@code tq}, per level: a
     * region state, {@link LexerRegion#DEAD} or {@link LexerRegion#OUT}); {@code acc.base} starts as
     * the track's {@link RegionTokens} bits, and every token of a node the walk decides itself, or
     * skips, where the table is still inside is cleared from it, so that base and walk never
     * disagree. At a node where the table's state is the thread's state (or, after a UTF-8 lead byte,
     * a state {@link AlikeStates} finds alike to it) and no candidate is open, the subtree below is
     * the region walk's: its bits stay, its exits are walked, and the walk jumps over it.
     */
    private void walk(int from, int to, int baseDepth, int[] states, int off, int k, WalkAcc acc, WalkAcc.Scratch sc, RegionTrack track) {
        int[] st = sc.st;
        int[] tq = sc.tq;
        tq[0] = 0;
        int[] table = track == null ? null : track.region.table;
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
            int q = LexerRegion.DEAD;
            if (table != null) {
                int pq = tq[level - 1];
                q = pq >= 0 ? table[256 * pq + b] : LexerRegion.DEAD;
                tq[level] = q;
            }
            if (!alive) {
                if (q >= 0) {
                    acc.clearBase(trie.tokFirst[i], trie.tokFirst[below]);
                }
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
                if (q >= 0) {
                    acc.clearBase(trie.tokFirst[i], trie.tokFirst[i + 1]);
                }
            }
            if (!continues && below > i + 1) {
                // no thread can take another byte: every child dies, so skip them without a look
                if (q >= 0) {
                    acc.clearBase(trie.tokFirst[i + 1], trie.tokFirst[below]);
                }
                acc.skipped += trie.tokFirst[below] - trie.tokFirst[i + 1];
                i = below;
                continue;
            }
            if (q >= 0 && open == 0 && below > i + 1
                    && (st[dst] == track.region.states[q] || b >= 0xC0 && alikeBelow(st[dst], track.region.states[q]))) {
                // in step with the region walk: below here its bits hold; walk its exits, jump the rest
                RegionTokens rt = track.tokens;
                int[] one = acc.one;
                for (int x = track.firstExit(i + 1); x < rt.exitNode.length && rt.exitNode[x] < below; x++) {
                    int n = rt.exitNode[x];
                    one[0] = track.region.states[rt.exitFrom[x]];
                    walk(n, trie.end[n], trie.depth[n] - 1, one, 0, 1, acc, acc.exitScratch(), null);
                }
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

    /** Whether the walk below in state {@code x} is the region walk's below in {@code r} ({@link AlikeStates}); counted. */
    private boolean alikeBelow(int x, int r) {
        boolean same = alike.sameBelow(x, r);
        alikeJumps += same ? 1 : 0;
        return same;
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
}
