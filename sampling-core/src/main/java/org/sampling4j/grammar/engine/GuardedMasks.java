package org.sampling4j.grammar.engine;

import java.util.Arrays;
import org.sampling4j.grammar.automaton.LazyDfa;

/**
 * The hypothetical parser steps of a mask when the grammar has guards ({@link CompiledGrammar#hasGuards()}).
 * A step's outcome then depends on the text, not only on the chart: the guards read the
 * {@link JsonKeyTracker} as advanced by the bytes of the token up to the trie node (a token such as
 * {@code {"a":1,"a} or {@code "}} opens and closes objects and completes keys). The tracker is never
 * changed for good: from a mark taken at the start of the mask, the node's path bytes (the first
 * {@code depth} bytes of any token below it) are replayed, the guards asked, and the mark restored;
 * nothing is allocated once the arrays have grown.
 *
 * <p><b>Per group.</b> The step is taken for the group's first node with every guard answer
 * logged. For each other node only those questions are asked again against its own path: the step
 * is a deterministic function of the chart and the answers, so equal answers give the same set and
 * start state, and the group's shared child entry serves every node, as without guards. If any
 * answer differs, each node is stepped alone and uses the child entry of its one-node group
 * ({@link MaskGroup#single}). Tokens PENDING on a node (only guarded lexemes end there) are allowed
 * iff its step leaves a non-empty Earley set. Cached entries never hold a guard's answer.
 */
final class GuardedMasks {
    private final CompiledGrammar cg;
    private final Chart chart;
    private final TokenTrie trie;
    private final int[] base = new int[JsonKeyTracker.MARK];
    private final IntList log = new IntList();
    /** The tokens of stalled held nodes that no earlier part of the mask allowed ({@link #orHeld}). */
    private final IntList stalled = new IntList();
    /** Node 0's tracker signatures before and after its last byte, and whether each exists. */
    private final int[] sig0 = new int[2 * JsonKeyTracker.SIGNATURE];
    private final int[] sig = new int[2 * JsonKeyTracker.SIGNATURE];
    private boolean hasSig0;
    private int[] distinct;
    /** The start state of the set of the last {@link #step}. */
    private int lastStart;

    GuardedMasks(CompiledGrammar cg, Chart chart) {
        this.cg = cg;
        this.chart = chart;
        this.trie = cg.trie;
    }

    /** Expands the root entry's groups; {@code distinct} are the current threads' distinct DFA states. */
    void expandAll(LexerEntry root, int[] distinct, int[] mask) {
        this.distinct = distinct;
        chart.tracker.mark(base, 0);
        try {
            orHeld(root, mask);
            for (MaskGroup group : root.groups) {
                expand(group, -1, mask);
            }
        } finally {
            chart.tracker.restore(base, 0);
            chart.guardLog = null;
        }
    }

    private void expand(MaskGroup group, int parent, int[] mask) {
        int[] nodes = group.nodes;
        int items = chart.nItems;
        int nSets = chart.nSets;
        log.n = 0;
        chart.guardLog = log;
        int k = step(group, parent, nodes[0]);
        chart.guardLog = null;
        int start = lastStart;
        boolean same = true;
        for (int i = 1; i < nodes.length && same; i++) {
            same = sameAnswers(nodes[i]);
        }
        if (same) {
            finish(group, k, start, mask, group.pending);
            chart.nSets = nSets;
            chart.nItems = items;
            return;
        }
        chart.nSets = nSets;
        chart.nItems = items;
        for (int i = 0; i < nodes.length; i++) {
            MaskGroup one = group.single(i);
            int kk = step(one, parent, nodes[i]);
            finish(one, kk, lastStart, mask, one.pending);
            chart.nSets = nSets;
            chart.nItems = items;
        }
    }

    /** ORs the pending tokens (if the set is non-empty) and the child entry for {@code start}, then recurses. */
    private void finish(MaskGroup group, int k, int start, int[] mask, int[] pending) {
        if (chart.setEnd(k) > chart.setStart[k]) {
            for (int n : pending) {
                for (int t = trie.tokFirst[n]; t < trie.tokFirst[n + 1]; t++) {
                    int id = trie.tokens[t];
                    mask[id >>> 5] |= 1 << (id & 31);
                }
            }
        }
        if (start != LazyDfa.DEAD) {
            LexerEntry child = cg.cache.child(group, start);
            child.orInto(mask);
            orHeld(child, mask);
            for (MaskGroup g : child.groups) {
                expand(g, k, mask);
            }
        }
    }

    /**
     * ORs the tokens of {@code e}'s held nodes whose counted key classes still have a free key after
     * the node's bytes ({@link ObjectGuards#verdict}). The held nodes are in trie order, and the
     * answers only fall as a key grows, so a node where every lexeme is {@link FreeKeys#FREE_BELOW}
     * frees its whole subtree and one where every lexeme is {@link FreeKeys#STALLED} stalls it (a node
     * below holds a subset of its lexemes): both jump past it. So only the nodes spelling prefixes of
     * keys the object holds are looked at one by one. Then all held tokens are ORed at once and the
     * stalled ones cleared again, unless an earlier part of the mask had allowed them (a later part
     * ORs its own).
     */
    private void orHeld(LexerEntry e, int[] mask) {
        int[] nodes = e.heldNodes;
        if (nodes.length == 0) {
            return;
        }
        stalled.n = 0;
        int i = 0;
        while (i < nodes.length) {
            int node = nodes[i];
            int[] lex = e.heldLexemes[i];
            replay(node, trie.depth[node]);
            boolean allBelow = true;
            boolean allStalled = true;
            for (int l : lex) {
                int v = cg.g.guards.verdict(l, chart.tracker);
                allBelow &= v == FreeKeys.FREE_BELOW;
                allStalled &= v == FreeKeys.STALLED;
            }
            chart.tracker.restore(base, 0);
            if (!allBelow && !allStalled) {
                i++;
                continue;
            }
            int j = Arrays.binarySearch(nodes, i + 1, nodes.length, trie.end[node]);
            j = j < 0 ? -j - 1 : j;
            if (allStalled) {
                for (int x = i; x < j; x++) {
                    int n = nodes[x];
                    for (int t = trie.tokFirst[n]; t < trie.tokFirst[n + 1]; t++) {
                        int id = trie.tokens[t];
                        if ((mask[id >>> 5] & (1 << (id & 31))) == 0) {
                            stalled.add(id);
                        }
                    }
                }
            }
            i = j;
        }
        e.heldTokens.orInto(mask);
        for (int k = 0; k < stalled.n; k++) {
            int id = stalled.a[k];
            mask[id >>> 5] &= ~(1 << (id & 31));
        }
    }

    /**
     * The step at {@code node}: completes the group's lexemes into a new set with the tracker before
     * the node's last byte, feeds that byte, closes the set and computes its start state (into
     * {@link #lastStart}); returns the set, left on the chart.
     */
    private int step(MaskGroup group, int parent, int node) {
        int d = trie.depth[node];
        replay(node, d - 1);
        int since = JsonKeyTracker.keysOf(base, 0);
        hasSig0 = chart.tracker.signature(sig0, 0, since);
        int[] key = group.key;
        int k = chart.openSet();
        for (int i = 0; i < key.length; i += 2) {
            if (parent >= 0) {
                chart.completeLexemes(parent, key[i + 1]);
                continue;
            }
            int state = distinct[key[i]];
            for (int t = chart.thrFrom; t < chart.thrTo; t++) {
                if (chart.thrDfa[t] == state) {
                    chart.completeLexemes(chart.thrSet[t], key[i + 1]);
                }
            }
        }
        chart.tracker.feed(pathByte(node, d - 1));
        hasSig0 &= chart.tracker.signature(sig0, JsonKeyTracker.SIGNATURE, since);
        chart.close(k);
        lastStart = chart.startStateOf(k);
        chart.tracker.restore(base, 0);
        return k;
    }

    /**
     * Whether every logged guard gives the same answer on {@code node}'s path: at once when the
     * tracker's signatures equal the first node's (the guards read nothing else), else by asking them.
     */
    private boolean sameAnswers(int node) {
        int d = trie.depth[node];
        if (hasSig0) {
            int since = JsonKeyTracker.keysOf(base, 0);
            replay(node, d - 1);
            boolean equal = chart.tracker.signature(sig, 0, since);
            if (equal) {
                chart.tracker.feed(pathByte(node, d - 1));
                equal = chart.tracker.signature(sig, JsonKeyTracker.SIGNATURE, since) && java.util.Arrays.equals(sig, sig0);
            }
            chart.tracker.restore(base, 0);
            if (equal) {
                return true;
            }
        }
        replay(node, d - 1);
        boolean fed = false;
        boolean same = true;
        for (int i = 0; i < log.n && same; i += 3) {
            boolean atStart = log.a[i + 1] != 0;
            if (atStart && !fed) {
                chart.tracker.feed(pathByte(node, d - 1));
                fed = true;
            }
            same = cg.g.guards.allows(log.a[i], chart.tracker, atStart) == (log.a[i + 2] != 0);
        }
        chart.tracker.restore(base, 0);
        return same;
    }

    /** Restores the mark and feeds the first {@code len} bytes of {@code node}'s path. */
    private void replay(int node, int len) {
        chart.tracker.restore(base, 0);
        for (int i = 0; i < len; i++) {
            chart.tracker.feed(pathByte(node, i));
        }
    }

    /** Byte {@code i} of the path to {@code node}: the same in every token of its subtree. */
    private int pathByte(int node, int i) {
        return cg.vocab.byteAt(trie.tokens[trie.tokFirst[node]], i);
    }
}
