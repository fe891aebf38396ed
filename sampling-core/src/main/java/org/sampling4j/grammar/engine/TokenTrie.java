package org.sampling4j.grammar.engine;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sampling4j.grammar.automaton.TupleMap;
import org.sampling4j.text.Vocabulary;

/**
 * The text tokens of a vocabulary (not special, at least one byte) as a trie in flat arrays in DFS
 * order: node {@code i} (depth {@code depth[i] >= 1}) consumes byte {@code nodeByte[i]}; its subtree
 * is {@code [i, end[i])}; the tokens whose bytes end exactly there are
 * {@code tokens[tokFirst[i] .. tokFirst[i + 1])} (several when byte strings repeat, e.g. a
 * SentencePiece byte-fallback token and the same character). A walk visits {@code i = 0, 1, ..}
 * and skips to {@code end[i]} where nothing can follow. Immutable but for the {@link #regions} cache.
 */
final class TokenTrie {
    final int nodes;
    final byte[] nodeByte;
    final int[] depth;
    final int[] end;
    final int[] tokFirst;
    final int[] tokens;
    final int maxDepth;
    /** The bytes below each node, for whole-subtree decisions of a walk. */
    final SubtreeBytes below;
    /**
     * The vocabulary's one mutable part, a cache: the tokens of each lexer-region shape that many
     * tokens stay inside ({@link RegionTokens}), shared by every grammar compiled for the vocabulary.
     */
    final TupleMap<RegionTokens> regions = new TupleMap<>();
    /** The trie read as JSON string content, built on first use ({@link #plain}). */
    private volatile CharPaths plain;
    /** The trie read as narrower classes ({@link #paths}), the most recently used {@link #CLASSES} kept. */
    private final Map<CharClass, CharPaths> classes = new LinkedHashMap<>(16, 0.75f, true);
    /** Classes kept beside {@link CharClass#PLAIN}: each holds about 1 MB for o200k_base. */
    static final int CLASSES = 16;

    /**
     * Builds the trie by an iterative most-significant-byte-first sort: a frame is a run of ids that
     * share a prefix; its node is created, the ids that end there are its tokens, the rest are sorted
     * by their next byte (primitive sort of {@code byte << 32 | id}, so ties keep id order) and split
     * into child frames, pushed in reverse so the smallest byte comes next: DFS order, no recursion,
     * O(total bytes * log) work.
     */
    TokenTrie(Vocabulary v) {
        int size = v.size();
        int[] work = new int[size];
        int n = 0;
        long totalBytes = 0;
        for (int id = 0; id < size; id++) {
            if (isText(v, id)) {
                work[n++] = id;
                totalBytes += v.length(id);
            }
        }
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, totalBytes + 1);
        byte[] nb = new byte[cap];
        int[] dp = new int[cap];
        int[] en = new int[cap];
        int[] tf = new int[cap + 1];
        int[] toks = new int[n];
        long[] keys = new long[n];
        int nt = 0;
        int m = 0;
        int maxD = 0;
        // frames: from, to, depth (the node of a frame at depth d >= 1 consumes byte d - 1 of its ids)
        int[] frames = new int[3 * 64];
        int fp = 0;
        int[] open = new int[64];
        int op = 0;
        frames[fp++] = 0;
        frames[fp++] = n;
        frames[fp++] = 0;
        while (fp > 0) {
            int d = frames[--fp];
            int to = frames[--fp];
            int from = frames[--fp];
            if (d > 0) {
                while (op > 0 && dp[open[op - 1]] >= d) {
                    en[open[--op]] = m;
                }
                nb[m] = (byte) v.byteAt(work[from], d - 1);
                dp[m] = d;
                tf[m] = nt;
                if (op == open.length) {
                    open = Arrays.copyOf(open, op * 2);
                }
                open[op++] = m++;
                maxD = Math.max(maxD, d);
            }
            int k = 0;
            int w = from;
            for (int i = from; i < to; i++) {
                int id = work[i];
                if (v.length(id) == d) {
                    toks[nt++] = id; // ends here; ids arrive in increasing order
                } else {
                    keys[k++] = ((long) v.byteAt(id, d) << 32) | id;
                }
            }
            Arrays.sort(keys, 0, k);
            for (int i = 0; i < k; i++) {
                work[w + i] = (int) keys[i];
            }
            // children in reverse byte order onto the stack
            int runEnd = w + k;
            for (int i = k - 1; i >= 0; ) {
                long b = keys[i] >>> 32;
                int j = i;
                while (j >= 0 && keys[j] >>> 32 == b) {
                    j--;
                }
                if (fp + 3 > frames.length) {
                    frames = Arrays.copyOf(frames, frames.length * 2);
                }
                frames[fp++] = w + j + 1;
                frames[fp++] = runEnd;
                frames[fp++] = d + 1;
                runEnd = w + j + 1;
                i = j;
            }
        }
        while (op > 0) {
            en[open[--op]] = m;
        }
        tf[m] = nt;
        this.nodes = m;
        this.nodeByte = Arrays.copyOf(nb, m);
        this.depth = Arrays.copyOf(dp, m);
        this.end = Arrays.copyOf(en, m);
        this.tokFirst = Arrays.copyOf(tf, m + 1);
        this.tokens = toks;
        this.maxDepth = maxD;
        this.below = new SubtreeBytes(this);
    }

    /**
     * Whether token {@code id} is text, fed to the lexer as bytes: not special, not an end-of-sequence
     * id (allowed exactly when the output is complete), and not empty (no bytes: never text).
     */
    static boolean isText(Vocabulary v, int id) {
        return !v.isSpecial(id) && !v.isEos(id) && v.length(id) > 0;
    }

    /** The trie read as JSON string content ({@link CharPaths} of {@link CharClass#PLAIN}), built on the first call. */
    CharPaths plain() {
        CharPaths p = plain;
        if (p == null) {
            synchronized (this) {
                p = plain;
                if (p == null) {
                    plain = p = new CharPaths(this, CharClass.PLAIN);
                }
            }
        }
        return p;
    }

    /**
     * The trie read as strings of {@code cls}, built on the first call (outside the lock: two
     * threads may both build one, and the second keeps the first's) and kept while among the
     * {@link #CLASSES} most recently used.
     */
    CharPaths paths(CharClass cls) {
        if (cls.equals(CharClass.PLAIN)) {
            return plain();
        }
        synchronized (classes) {
            CharPaths p = classes.get(cls);
            if (p != null) {
                return p;
            }
        }
        CharPaths built = new CharPaths(this, cls);
        synchronized (classes) {
            CharPaths p = classes.putIfAbsent(cls, built);
            if (classes.size() > CLASSES) {
                Iterator<CharClass> eldest = classes.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
            return p == null ? built : p;
        }
    }

    /** Memory held, roughly. */
    long bytes() {
        return nodes * 13L + tokens.length * 4L + below.bytes();
    }
}
