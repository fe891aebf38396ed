package org.sampling4j.grammar.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.text.Vocabulary;

/** The flat DFS trie against brute force: every text token sits at the node spelling its bytes, subtrees nest, nothing else is in it. */
class TokenTrieTest {
    private static final long SEED = 0x6A4D_0014L;

    @Test
    void everyTextTokenIsAtTheNodeOfItsBytesInDfsOrder() {
        Random r = new Random(SEED);
        Vocabulary.Builder b = Vocabulary.builder();
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            byte[] t = new byte[1 + r.nextInt(6)];
            for (int j = 0; j < t.length; j++) {
                t[j] = (byte) (r.nextInt(4) == 0 ? 0xC3 + r.nextInt(3) : 'a' + r.nextInt(3));
            }
            all.add(t);
            b.add(t);
        }
        b.add(all.get(5).clone()); // a duplicate
        b.add(new byte[0]);        // empty: not text
        b.addSpecial(new byte[] {'a'}); // special: not text, even with text bytes
        Vocabulary v = b.eos(3001).build();
        TokenTrie trie = new TokenTrie(v);
        byte[][] path = new byte[trie.nodes][];
        int[] stack = new int[trie.maxDepth + 1];
        List<Integer> seen = new ArrayList<>();
        byte[] prev = null;
        for (int i = 0; i < trie.nodes; i++) {
            int d = trie.depth[i];
            byte[] p = new byte[d];
            if (d > 1) {
                System.arraycopy(path[stack[d - 1]], 0, p, 0, d - 1);
                assertTrue(trie.end[stack[d - 1]] >= trie.end[i], "subtrees nest");
            }
            p[d - 1] = trie.nodeByte[i];
            path[i] = p;
            stack[d] = i;
            if (prev != null) {
                assertTrue(Arrays.compareUnsigned(prev, p) < 0, "DFS order is byte order");
            }
            prev = p;
            for (int t = trie.tokFirst[i]; t < trie.tokFirst[i + 1]; t++) {
                assertArrayEquals(p, v.bytes(trie.tokens[t]), "token " + trie.tokens[t] + " at node " + i);
                seen.add(trie.tokens[t]);
            }
        }
        for (int i = 0; i < trie.nodes; i++) {
            for (int j = i + 1; j < trie.end[i]; j++) {
                assertTrue(trie.depth[j] > trie.depth[i], "node " + j + " inside the subtree of " + i);
            }
            assertTrue(trie.end[i] == trie.nodes || trie.depth[trie.end[i]] <= trie.depth[i]);
        }
        seen.sort(null);
        List<Integer> want = new ArrayList<>();
        for (int id = 0; id < v.size(); id++) {
            if (!v.isSpecial(id) && !v.isEos(id) && v.length(id) > 0) {
                want.add(id);
            }
        }
        assertEquals(want, seen);
    }

    @Test
    void subtreeBytesAreTheBytesOfEveryTokenBelowTheNode() {
        Random r = new Random(SEED + 1);
        Vocabulary.Builder b = Vocabulary.builder();
        for (int i = 0; i < 4000; i++) {
            byte[] t = new byte[1 + r.nextInt(7)];
            for (int j = 0; j < t.length; j++) {
                t[j] = (byte) (r.nextInt(5) == 0 ? r.nextInt(256) : 'a' + r.nextInt(4));
            }
            b.add(t);
        }
        Vocabulary v = b.eos(0).build();
        TokenTrie trie = new TokenTrie(v);
        for (int i = 0; i < trie.nodes; i++) {
            long[] want = new long[4];
            for (int t = trie.tokFirst[i + 1]; t < trie.tokFirst[trie.end[i]]; t++) {
                byte[] bytes = v.bytes(trie.tokens[t]);
                for (int j = trie.depth[i]; j < bytes.length; j++) { // the bytes after the node's own
                    want[(bytes[j] & 0xFF) >>> 6] |= 1L << (bytes[j] & 63);
                }
            }
            int at = 4 * trie.below.setOf[i];
            assertArrayEquals(want, Arrays.copyOfRange(trie.below.words, at, at + 4), "node " + i);
            assertTrue(trie.below.within(i, want));
            if ((want[0] | want[1] | want[2] | want[3]) != 0) {
                long[] less = want.clone();
                int w = less[0] != 0 ? 0 : less[1] != 0 ? 1 : less[2] != 0 ? 2 : 3;
                less[w] &= less[w] - 1; // one byte fewer
                assertTrue(!trie.below.within(i, less), "node " + i + " has a byte outside");
            }
        }
    }
}
