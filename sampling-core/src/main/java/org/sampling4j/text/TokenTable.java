package org.sampling4j.text;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The tokens a loader has found so far, by id, in any order and with gaps, turned into a {@link Vocabulary}
 * at the end. An id no entry names (cl100k_base has none at 100256, between its ranks and its special tokens)
 * becomes a <b>hole</b>: no bytes, marked special, so it decodes to nothing and no grammar ever allows it.
 */
final class TokenTable {
    /** The largest id a loader accepts: far above any real vocabulary (Gemma 3: 262,144), below an OOM. */
    static final int MAX_ID = (1 << 24) - 1;

    private byte[][] bytes;
    private final BitSet special = new BitSet();
    private int size;

    TokenTable(int expectedSize) {
        bytes = new byte[Math.max(16, expectedSize)][];
    }

    /** Whether some entry already has {@code id}. */
    boolean has(int id) {
        return id < size && bytes[id] != null;
    }

    /** The bytes of {@code id}, or null. */
    byte[] get(int id) {
        return id < size ? bytes[id] : null;
    }

    /** Whether {@code id} is marked special. */
    boolean isSpecial(int id) {
        return special.get(id);
    }

    /** Sets (or replaces) the token {@code id}, {@code 0 <= id <= MAX_ID}. */
    void put(int id, byte[] token, boolean isSpecial) {
        if (id >= bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(id + 1, Math.min(MAX_ID + 1, bytes.length * 2)));
        }
        bytes[id] = token;
        special.set(id, isSpecial);
        size = Math.max(size, id + 1);
    }

    /** One past the largest id set. */
    int size() {
        return size;
    }

    /** A vocabulary of every id below {@link #size()}, holes included, with {@code eos}. */
    Vocabulary build(int[] eos) {
        Vocabulary.Builder b = Vocabulary.builder();
        byte[] none = new byte[0];
        for (int id = 0; id < size; id++) {
            if (bytes[id] == null) {
                b.addSpecial(none);
            } else if (special.get(id)) {
                b.addSpecial(bytes[id]);
            } else {
                b.add(bytes[id]);
            }
        }
        return b.eos(eos).build();
    }
}
