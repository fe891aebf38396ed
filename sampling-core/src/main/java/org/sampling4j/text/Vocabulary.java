package org.sampling4j.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * What a tokenizer's ids mean as text: the bytes of each token id, which ids are special (control)
 * tokens that a detokenizer may skip, the end-of-sequence ids, and how many ids a model's logits
 * row has past the tokenizer's own (DeepSeek-V3: 129,280 logits for 128,815 tokens). Ids in
 * {@code [size(), logitsSize())} are padding: never allowed, never decoded.
 *
 * <p>Token bytes are raw bytes, not characters: a byte-level BPE token may hold half of a UTF-8
 * sequence, which the streaming decoder completes across tokens. Stored flat (one byte array and
 * offsets), about 4 bytes of overhead per token. Immutable and thread-safe; share one per model.
 *
 * <pre>{@code
 * Vocabulary v = Vocabulary.builder()
 *         .add("hello".getBytes(UTF_8)).add(" world".getBytes(UTF_8))
 *         .addSpecial("<|end|>".getBytes(UTF_8))
 *         .eos(2).logitsSize(8).build();
 * }</pre>
 */
public final class Vocabulary {
    private final byte[] data;
    private final int[] offsets;
    private final BitSet special;
    private final int[] eos;
    private final int logitsSize;

    private Vocabulary(byte[] data, int[] offsets, BitSet special, int[] eos, int logitsSize) {
        this.data = data;
        this.offsets = offsets;
        this.special = special;
        this.eos = eos;
        this.logitsSize = logitsSize;
    }

    /**
     * A vocabulary of {@code tokens} (id i has bytes {@code tokens.get(i)}), the ids in
     * {@code specialIds} marked special, {@code eosIds} ending a sequence, and a logits row as long
     * as the vocabulary.
     *
     * @throws IllegalArgumentException on an empty vocabulary, a null token, or an id outside [0, size)
     */
    public static Vocabulary of(List<byte[]> tokens, int[] specialIds, int[] eosIds) {
        Builder b = builder();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) == null) {
                throw new IllegalArgumentException("tokens[" + i + "] is null: every id needs its bytes");
            }
            b.add(tokens.get(i));
        }
        return b.special(specialIds).eos(eosIds).build();
    }

    /**
     * A vocabulary over {@code data} and {@code offsets} as given (not copied; id i has the bytes
     * {@code [offsets[i], offsets[i + 1])}): for the loaders, which build both arrays once.
     */
    static Vocabulary ofFlat(byte[] data, int[] offsets, BitSet special, int[] eos) {
        int size = offsets.length - 1;
        if (size < 1) {
            throw new IllegalArgumentException("a vocabulary needs at least one token");
        }
        for (int e : eos) {
            if (e < 0 || e >= size) {
                throw new IllegalArgumentException("eos token id " + e + " is outside [0, " + size + ")");
            }
        }
        return new Vocabulary(data, offsets, special, eos.clone(), size);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of tokenizer ids: the ids {@code [0, size())} have bytes. */
    public int size() {
        return offsets.length - 1;
    }

    /** Length of a model's logits row: {@code >= size()}; the ids past {@link #size()} are padding. */
    public int logitsSize() {
        return logitsSize;
    }

    /** This vocabulary for a logits row of {@code n} entries ({@code n >= size()}). */
    public Vocabulary withLogitsSize(int n) {
        checkLogitsSize(n, size());
        return new Vocabulary(data, offsets, special, eos, n);
    }

    /**
     * This vocabulary with {@code ids} as its end-of-sequence ids (replacing the ones it had): for a loader's
     * guess that the caller corrects, e.g. from a model's {@code generation_config.json}.
     *
     * @throws IllegalArgumentException on an id outside [0, size)
     */
    public Vocabulary withEos(int... ids) {
        for (int e : ids) {
            if (!isToken(e)) {
                throw new IllegalArgumentException("eos token id " + e + " is outside [0, " + size() + ")");
            }
        }
        return new Vocabulary(data, offsets, special, ids.clone(), logitsSize);
    }

    /** Whether {@code id} is a tokenizer id, in {@code [0, size())}. */
    public boolean isToken(int id) {
        return id >= 0 && id < size();
    }

    /** Whether {@code id} is in the logits row but past the tokenizer: never sampled, never decoded. */
    public boolean isPadding(int id) {
        return id >= size() && id < logitsSize;
    }

    /** Whether {@code id} is a special (control) token, which {@code skipSpecialTokens} drops from text. */
    public boolean isSpecial(int id) {
        return isToken(id) && special.get(id);
    }

    /** Whether {@code id} ends a sequence. */
    public boolean isEos(int id) {
        for (int e : eos) {
            if (e == id) {
                return true;
            }
        }
        return false;
    }

    /** The end-of-sequence ids (a copy). */
    public int[] eosIds() {
        return eos.clone();
    }

    /** Number of bytes of token {@code id}. */
    public int length(int id) {
        checkToken(id);
        return offsets[id + 1] - offsets[id];
    }

    /** A copy of the bytes of token {@code id}. */
    public byte[] bytes(int id) {
        checkToken(id);
        return Arrays.copyOfRange(data, offsets[id], offsets[id + 1]);
    }

    /** The byte at {@code index} of token {@code id}, as 0..255. No range check beyond the array's. */
    public int byteAt(int id, int index) {
        return data[offsets[id] + index] & 0xFF;
    }

    /** Copies the bytes of token {@code id} into {@code dst} at {@code offset}; returns how many. */
    public int copyBytes(int id, byte[] dst, int offset) {
        checkToken(id);
        int n = offsets[id + 1] - offsets[id];
        System.arraycopy(data, offsets[id], dst, offset, n);
        return n;
    }

    /**
     * The flat byte store: token {@code id} is {@code flatBytes()[start(id) .. start(id + 1))}. Not a
     * copy, for the decoders of this package, which read a token without copying it; never written.
     */
    byte[] flatBytes() {
        return data;
    }

    /** Where token {@code id}'s bytes begin in {@link #flatBytes()}; {@code start(id + 1)} is where they end. */
    int start(int id) {
        return offsets[id];
    }

    /** The token's bytes decoded as UTF-8 on their own (U+FFFD for a partial sequence): for display. */
    public String text(int id) {
        checkToken(id);
        return new String(data, offsets[id], offsets[id + 1] - offsets[id], StandardCharsets.UTF_8);
    }

    /**
     * Throws unless {@code id} is a tokenizer id.
     *
     * @throws IllegalArgumentException naming the id and {@code [0, size())}, and saying when it is padding
     */
    public void checkToken(int id) {
        if (!isToken(id)) {
            throw new IllegalArgumentException("token id " + id + " is outside [0, " + size() + ")"
                    + (isPadding(id) ? ": it is padding of the logits row, past the tokenizer's ids" : ""));
        }
    }

    @Override
    public String toString() {
        return "Vocabulary{" + size() + " tokens, " + special.cardinality() + " special, eos " + Arrays.toString(eos)
                + (logitsSize != size() ? ", logits row " + logitsSize : "") + "}";
    }

    private static void checkLogitsSize(int n, int size) {
        if (n < size) {
            throw new IllegalArgumentException("logitsSize = " + n + " is outside [" + size + ", 2147483647]: "
                    + "the logits row holds at least every tokenizer id");
        }
    }

    /** Assembles a vocabulary token by token, ids in order of addition. */
    public static final class Builder {
        private byte[] data = new byte[1 << 12];
        private int[] offsets = new int[1 << 10];
        private int size;
        private final BitSet special = new BitSet();
        private int[] eos = new int[0];
        private int logitsSize = -1;

        private Builder() {
        }

        /** Adds the next id with {@code bytes} (copied). */
        public Builder add(byte[] bytes) {
            Objects.requireNonNull(bytes, "bytes");
            if (size + 2 > offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            int end = offsets[size];
            if (end + bytes.length > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, end + bytes.length));
            }
            System.arraycopy(bytes, 0, data, end, bytes.length);
            offsets[++size] = end + bytes.length;
            return this;
        }

        /** Adds the next id, a special token with {@code bytes}. */
        public Builder addSpecial(byte[] bytes) {
            special.set(size);
            return add(bytes);
        }

        /** Marks {@code ids} (already added, or added later) special. */
        public Builder special(int... ids) {
            for (int id : ids) {
                if (id < 0) {
                    throw new IllegalArgumentException("special token id " + id + " is negative");
                }
                special.set(id);
            }
            return this;
        }

        /** The end-of-sequence ids. */
        public Builder eos(int... ids) {
            eos = ids.clone();
            return this;
        }

        /** The logits row length, at least the number of tokens (default: equal). */
        public Builder logitsSize(int n) {
            logitsSize = n;
            return this;
        }

        /**
         * Builds.
         *
         * @throws IllegalArgumentException on no tokens, or a special / eos id outside [0, size),
         *                                  or a logits size below the token count
         */
        public Vocabulary build() {
            if (size == 0) {
                throw new IllegalArgumentException("a vocabulary needs at least one token");
            }
            if (special.length() > size) {
                throw new IllegalArgumentException("special token id " + (special.length() - 1) + " is outside [0, "
                        + size + ")");
            }
            for (int e : eos) {
                if (e < 0 || e >= size) {
                    throw new IllegalArgumentException("eos token id " + e + " is outside [0, " + size + ")");
                }
            }
            int rowLength = logitsSize < 0 ? size : logitsSize;
            checkLogitsSize(rowLength, size);
            return new Vocabulary(Arrays.copyOf(data, offsets[size]), Arrays.copyOf(offsets, size + 1),
                    (BitSet) special.clone(), eos.clone(), rowLength);
        }
    }
}
