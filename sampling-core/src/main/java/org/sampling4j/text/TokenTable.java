package org.sampling4j.text;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The tokens a loader has found so far, by id, in any order and with gaps, turned into a {@link Vocabulary}
 * at the end. An id no entry names (cl100k_base has none at 100256, between its ranks and its special tokens)
 * becomes a <b>hole</b>: no bytes, marked special, so it decodes to nothing and no grammar ever allows it.
 *
 * <p>Bytes go to one growing pool (an id set twice keeps its last bytes; the first become garbage in the pool),
 * so a 200k vocabulary is a few arrays, not 200k small ones; {@link #build(int[])} copies them once, in id order.
 */
final class TokenTable {
    /** The largest id a loader accepts: far above any real vocabulary (Gemma 3: 262,144), below an OOM. */
    static final int MAX_ID = (1 << 24) - 1;

    private byte[] pool;
    private int poolSize;
    private int[] start;
    private int[] length;
    private final BitSet special = new BitSet();
    private int size;

    TokenTable(int expectedTokens, int expectedBytes) {
        start = new int[Math.max(16, expectedTokens)];
        length = new int[start.length];
        Arrays.fill(length, -1);
        pool = new byte[Math.max(64, expectedBytes)];
    }

    /** Whether some entry already has {@code id}. */
    boolean has(int id) {
        return id < size && length[id] >= 0;
    }

    /** Whether {@code id} is marked special. */
    boolean isSpecial(int id) {
        return special.get(id);
    }

    /** Whether {@code id} is set and its bytes equal {@code bytes}. */
    boolean bytesEqual(int id, byte[] bytes) {
        return has(id) && Arrays.equals(pool, start[id], start[id] + length[id], bytes, 0, bytes.length);
    }

    /** Sets (or replaces) the token {@code id}, {@code 0 <= id <= MAX_ID}. */
    void put(int id, byte[] token, boolean isSpecial) {
        System.arraycopy(token, 0, reserve(token.length), poolSize, token.length);
        commit(id, token.length, isSpecial);
    }

    /** The pool, with room for {@code n} more bytes at {@link #mark()}: write them, then {@link #commit}. */
    byte[] reserve(int n) {
        if (poolSize + n > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(poolSize + n, pool.length * 2));
        }
        return pool;
    }

    /** Where the next token's bytes go in the pool. */
    int mark() {
        return poolSize;
    }

    /** Makes the {@code n} bytes written at {@link #mark()} the token {@code id}. */
    void commit(int id, int n, boolean isSpecial) {
        if (id >= start.length) {
            int grown = Math.max(id + 1, Math.min(MAX_ID + 1, start.length * 2));
            start = Arrays.copyOf(start, grown);
            int old = length.length;
            length = Arrays.copyOf(length, grown);
            Arrays.fill(length, old, grown, -1);
        }
        start[id] = poolSize;
        length[id] = n;
        poolSize += n;
        special.set(id, isSpecial);
        size = Math.max(size, id + 1);
    }

    /** One past the largest id set. */
    int size() {
        return size;
    }

    /** A vocabulary of every id below {@link #size()}, holes included, with {@code eos}. */
    Vocabulary build(int[] eos) {
        int[] offsets = new int[size + 1];
        for (int id = 0; id < size; id++) {
            offsets[id + 1] = offsets[id] + Math.max(length[id], 0);
        }
        byte[] data = new byte[offsets[size]];
        BitSet flags = (BitSet) special.clone();
        for (int id = 0; id < size; id++) {
            if (length[id] < 0) {
                flags.set(id);
            } else {
                System.arraycopy(pool, start[id], data, offsets[id], length[id]);
            }
        }
        return Vocabulary.ofFlat(data, offsets, flags, eos);
    }
}
