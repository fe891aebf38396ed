package org.sampling4j.grammar.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sampling4j.grammar.automaton.LazyDfa;

/**
 * Builds a {@link LexerEntry}: walks regions of the {@link TokenTrie} with a tuple of lexer threads
 * (one DFA state each, a per-depth stack of them), iteratively, skipping a whole subtree where every
 * thread is dead. Every visited node has a live or accepting thread, so its tokens go to
 * {@code within}; a node where some thread accepts and below which a token was skipped becomes a
 * node of the group for its accept key. Allocates (it runs on a cache miss only).
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

    TrieWalker(TokenTrie trie, LazyDfa dfa, int maskWords, boolean[] guarded) {
        this.trie = trie;
        this.dfa = dfa;
        this.maskWords = maskWords;
        this.guarded = guarded;
    }

    /** Whether a thread in state {@code d} (not dead) makes its tokens allowed by the lexer alone. */
    private boolean decides(int d) {
        if (guarded == null || dfa.continues(d)) {
            return true;
        }
        for (int l : dfa.acceptLexemes(dfa.acceptOf(d))) {
            if (l >= guarded.length || !guarded[l]) {
                return true;
            }
        }
        return false;
    }

    /** The entry for the whole trie and the threads in {@code states[off, off + k)}. */
    LexerEntry root(int[] states, int off, int k) {
        Acc acc = new Acc();
        walk(0, trie.nodes, 0, states, off, k, acc);
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
        int levels = trie.maxDepth - baseDepth + 1;
        int[] st = new int[levels * k];
        System.arraycopy(states, off, st, 0, k);
        int[] openNode = new int[levels];
        long[] openSkipped = new long[levels];
        // the open candidates' accept keys, stacked flat: key of level-entry e is keys[keyAt[e], keyAt[e + 1])
        int[] keyAt = new int[levels + 1];
        int[] keys = new int[2 * k * levels];
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
            boolean alive = false;
            boolean accepts = false;
            boolean decided = false;
            for (int j = 0; j < k; j++) {
                int d = dfa.next(st[src + j], b);
                st[dst + j] = d;
                if (d != LazyDfa.DEAD) {
                    alive = true;
                    accepts |= dfa.acceptOf(d) != 0;
                    decided = decided || decides(d);
                }
            }
            if (!alive) {
                acc.skipped += trie.tokFirst[trie.end[i]] - trie.tokFirst[i];
                i = trie.end[i];
                continue;
            }
            if (accepts && (trie.end[i] > i + 1 || !decided)) {
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
            }
            i++;
        }
        while (open > 0) {
            open--;
            acc.closeCandidate(openNode[open], openSkipped[open], keys, keyAt[open], keyAt[open + 1]);
        }
    }

    /** The tokens and group nodes collected by one or more walks. */
    private final class Acc {
        int[] ids = new int[64];
        int count;
        long skipped;
        /** The distinct group keys in order of first appearance (few per walk: a linear scan finds them). */
        private final List<int[]> groupKeys = new ArrayList<>();
        private final List<IntList> groupNodes = new ArrayList<>();
        /** Nodes whose own tokens the lexer left undecided (only guarded lexemes end there). */
        final IntList pending = new IntList();

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
            int[] held = Arrays.stream(pending.toArray()).sorted().distinct().toArray();
            MaskGroup[] groups = new MaskGroup[groupKeys.size()];
            for (int g = 0; g < groups.length; g++) {
                int[] nodes = Arrays.stream(groupNodes.get(g).toArray()).sorted().distinct().toArray();
                int[] own = Arrays.stream(nodes).filter(n -> Arrays.binarySearch(held, n) >= 0).toArray();
                groups[g] = new MaskGroup(groupKeys.get(g), nodes, own);
            }
            return new LexerEntry(ids, count, maskWords, groups);
        }
    }
}
