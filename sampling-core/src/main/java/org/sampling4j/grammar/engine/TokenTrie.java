package org.sampling4j.grammar.engine;

import java.util.Arrays;
import org.sampling4j.text.Vocabulary;

/**
 * The text tokens of a vocabulary (not special, at least one byte) as a trie in flat arrays in DFS
 * order: node {@code i} (depth {@code depth[i] >= 1}) consumes byte {@code nodeByte[i]}; its subtree
 * is {@code [i, end[i])}; the tokens whose bytes end exactly there are
 * {@code tokens[tokFirst[i] .. tokFirst[i + 1])} (several when byte strings repeat, e.g. a
 * SentencePiece byte-fallback token and the same character). A walk visits {@code i = 0, 1, ..}
 * and skips to {@code end[i]} where nothing can follow. Immutable.
 */
final class TokenTrie {
    final int nodes;
    final byte[] nodeByte;
    final int[] depth;
    final int[] end;
    final int[] tokFirst;
    final int[] tokens;
    final int maxDepth;

    TokenTrie(Vocabulary v) {
        int size = v.size();
        Integer[] order = new Integer[size];
        int n = 0;
        long totalBytes = 0;
        for (int id = 0; id < size; id++) {
            if (isText(v, id)) {
                order[n++] = id;
                totalBytes += v.length(id);
            }
        }
        byte[][] bytes = new byte[size][];
        for (int i = 0; i < n; i++) {
            bytes[order[i]] = v.bytes(order[i]);
        }
        Arrays.sort(order, 0, n, (a, b) -> {
            int c = Arrays.compareUnsigned(bytes[a], bytes[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, totalBytes + 1);
        byte[] nb = new byte[cap];
        int[] dp = new int[cap];
        int[] en = new int[cap];
        int[] tf = new int[cap + 1];
        int[] toks = new int[n];
        int[] path = new int[256];
        int m = 0;
        int depthNow = 0;
        int maxD = 0;
        byte[] prev = new byte[0];
        for (int i = 0; i < n; i++) {
            byte[] b = bytes[order[i]];
            int common = 0;
            while (common < prev.length && common < b.length && prev[common] == b[common]) {
                common++;
            }
            while (depthNow > common) { // close the previous path's nodes below the shared prefix
                en[path[--depthNow]] = m;
            }
            if (b.length > path.length) {
                path = Arrays.copyOf(path, b.length * 2);
            }
            for (int d = common; d < b.length; d++) {
                nb[m] = b[d];
                dp[m] = d + 1;
                tf[m] = i; // tokens are assigned in DFS order: this node's (if any) start at i
                path[depthNow++] = m++;
            }
            // Sorted order puts a token right after its node's creation (or after its duplicate), so
            // the node it ends at is the last one created.
            toks[i] = order[i];
            maxD = Math.max(maxD, b.length);
            prev = b;
        }
        while (depthNow > 0) {
            en[path[--depthNow]] = m;
        }
        tf[m] = n;
        this.nodes = m;
        this.nodeByte = Arrays.copyOf(nb, m);
        this.depth = Arrays.copyOf(dp, m);
        this.end = Arrays.copyOf(en, m);
        this.tokFirst = Arrays.copyOf(tf, m + 1);
        this.tokens = toks;
        this.maxDepth = maxD;
    }

    /**
     * Whether token {@code id} is text, fed to the lexer as bytes: not special, not an end-of-sequence
     * id (allowed exactly when the output is complete), and not empty (no bytes: never text).
     */
    static boolean isText(Vocabulary v, int id) {
        return !v.isSpecial(id) && !v.isEos(id) && v.length(id) > 0;
    }

    /** Memory held, roughly. */
    long bytes() {
        return nodes * 13L + tokens.length * 4L;
    }
}
