package org.sampling4j.text;

import java.nio.charset.StandardCharsets;

/**
 * How a tokenizer writes a token's bytes as a string piece in its vocabulary file, and so how a loader turns
 * the piece back into bytes. Loaders detect it (see {@link TokenizerJsonLoader} and {@link GgufVocabularyLoader});
 * a runtime that builds a {@link Vocabulary} from its own tokenizer can use {@link #bytes(String)} too.
 */
public enum PieceEncoding {
    /**
     * Byte-level BPE (GPT-2, Llama 3, Qwen; GGUF {@code gpt2}): each character stands for one byte through
     * GPT-2's byte-to-unicode map ({@code 'Ġ'} is the space, {@code 'Ċ'} the newline). A piece with a character
     * outside the map is taken as its own UTF-8, as HuggingFace's ByteLevel decoder does.
     */
    BYTE_LEVEL {
        @Override
        public byte[] bytes(String piece) {
            return ByteLevelMap.decode(piece);
        }
    },
    /**
     * SentencePiece (Llama 2, Mistral, Gemma, T5; GGUF {@code llama}, {@code t5}): {@code '▁'} (U+2581) is a
     * space, everywhere in the piece, the first character included; a byte-fallback piece {@code <0xNN>} (two
     * hex digits, either case, as HuggingFace's ByteFallback decoder reads them) is the single byte NN; any
     * other piece is its own UTF-8.
     */
    SENTENCE_PIECE {
        @Override
        public byte[] bytes(String piece) {
            int b = byteFallback(piece);
            if (b >= 0) {
                return new byte[] {(byte) b};
            }
            return piece.replace('\u2581', ' ').getBytes(StandardCharsets.UTF_8);
        }
    },
    /** Pieces are their own text: the bytes are the piece's UTF-8 (WordLevel vocabularies, added tokens). */
    LITERAL {
        @Override
        public byte[] bytes(String piece) {
            return piece.getBytes(StandardCharsets.UTF_8);
        }
    };

    /** The raw bytes that {@code piece} stands for. */
    public abstract byte[] bytes(String piece);

    /** The byte of a byte-fallback piece {@code <0xNN>} whose UTF-8 is {@code b[from, to)}, or -1. */
    static int byteFallback(byte[] b, int from, int to) {
        if (to - from != 6 || b[from] != '<' || b[from + 1] != '0' || b[from + 2] != 'x' || b[from + 5] != '>') {
            return -1;
        }
        int hi = b[from + 3] >= 0 && b[from + 3] <= 'f' ? Character.digit(b[from + 3], 16) : -1;
        int lo = b[from + 4] >= 0 && b[from + 4] <= 'f' ? Character.digit(b[from + 4], 16) : -1;
        return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
    }

    /** The byte of a byte-fallback piece {@code <0xNN>}, or -1 if {@code piece} is not one. */
    static int byteFallback(String piece) {
        if (piece.length() != 6 || !piece.startsWith("<0x") || piece.charAt(5) != '>') {
            return -1;
        }
        int hi = Character.digit(piece.charAt(3), 16);
        int lo = Character.digit(piece.charAt(4), 16);
        return hi < 0 || lo < 0 || piece.charAt(3) > 'f' || piece.charAt(4) > 'f' ? -1 : hi << 4 | lo;
    }
}
