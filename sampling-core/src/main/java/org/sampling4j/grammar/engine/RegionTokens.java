package org.sampling4j.grammar.engine;

import org.sampling4j.grammar.automaton.TupleMap;

/**
 * What the token trie holds for one {@link LexerRegion} shape, entered at its state 0: {@link #bits},
 * the tokens whose every byte keeps the thread inside (allowed by the lexer, no group below their
 * nodes), and the EXITS, the nodes whose byte leaves the region for a live state outside (a closing
 * quote, a lexeme that ends), each with the region state before it. A trie walk from a lone thread
 * in a region's entry state is then these bits plus the ordinary walk of the exits' subtrees, the same
 * entry as the walk of the whole trie, which would spend most of its time inside (a JSON string
 * body keeps about 190,000 of o200k_base's 200,000 tokens).
 *
 * <p>Kept per vocabulary ({@link TokenTrie#regions}, keyed by the region's table), so every grammar
 * compiled for the vocabulary whose lexer has a region of that shape (every JSON Schema with a
 * string) shares one walk. Only regions that keep many tokens are kept, and at most {@link #KEPT}
 * of them: a small region is walked as fast as it is looked up. Immutable.
 */
final class RegionTokens {
    /** Regions keeping fewer tokens than this are computed, used and dropped. */
    static final int KEEP = 4096;
    /** At most this many regions are kept per vocabulary (each holds a bitset of the vocabulary). */
    static final int KEPT = 64;

    /** The tokens that stay inside, mask layout. */
    final int[] bits;
    final int count;
    /** The exits in DFS order and the region state (its number) before each. */
    final int[] exitNode;
    final int[] exitFrom;

    private RegionTokens(int[] bits, int count, int[] exitNode, int[] exitFrom) {
        this.bits = bits;
        this.count = count;
        this.exitNode = exitNode;
        this.exitFrom = exitFrom;
    }

    /** The tokens of {@code r}'s shape on {@code trie}, from the vocabulary's cache or walked now. */
    static RegionTokens of(TokenTrie trie, LexerRegion r, int maskWords) {
        TupleMap<RegionTokens> kept = trie.regions;
        RegionTokens t = kept.get(r.table, 0, r.table.length);
        if (t != null && t.bits.length == maskWords) {
            return t;
        }
        t = walk(trie, r.table, maskWords);
        if (t.count >= KEEP && kept.size() < KEPT) {
            RegionTokens old = kept.putIfAbsent(r.table, 0, r.table.length, t);
            if (old.bits.length == maskWords) {
                t = old;
            }
        }
        return t;
    }

    /**
     * One pass over the trie with the region's table: a node whose byte stays inside adds its tokens
     * and is descended; an exit is noted and, like a dead byte, its subtree skipped.
     */
    private static RegionTokens walk(TokenTrie trie, int[] table, int maskWords) {
        int[] bits = new int[maskWords];
        int count = 0;
        int[] at = new int[trie.maxDepth + 1]; // at[d]: the region state after the node's first d bytes
        IntList exitNode = new IntList();
        IntList exitFrom = new IntList();
        int i = 0;
        while (i < trie.nodes) {
            int d = trie.depth[i];
            int from = at[d - 1];
            int t = table[256 * from + (trie.nodeByte[i] & 0xFF)];
            if (t < 0) {
                if (t == LexerRegion.OUT) {
                    exitNode.add(i);
                    exitFrom.add(from);
                }
                i = trie.end[i];
                continue;
            }
            for (int x = trie.tokFirst[i]; x < trie.tokFirst[i + 1]; x++) {
                int id = trie.tokens[x];
                bits[id >>> 5] |= 1 << (id & 31);
                count++;
            }
            at[d] = t;
            i++;
        }
        return new RegionTokens(bits, count, exitNode.toArray(), exitFrom.toArray());
    }

    /** Memory held, roughly. */
    long bytes() {
        return 48 + 4L * (bits.length + exitNode.length + exitFrom.length);
    }
}
