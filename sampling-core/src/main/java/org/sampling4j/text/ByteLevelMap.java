package org.sampling4j.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * GPT-2's byte-to-unicode map, by which byte-level BPE vocabularies (GPT-2, Llama 3, Qwen, GGUF {@code gpt2})
 * write each raw byte as one printable character. Built from its definition (OpenAI's {@code bytes_to_unicode}):
 * the 188 printable bytes {@code '!'..'~'}, {@code '¡'..'¬'}, {@code '®'..'ÿ'} stand for themselves; the other
 * 68 bytes, in increasing order, get U+0100 onwards (so byte 0x20, the space, is U+0120 {@code 'Ġ'}, and byte
 * 0x0A is U+010A {@code 'Ċ'}).
 */
final class ByteLevelMap {
    /** The character of each byte. */
    private static final char[] BYTE_TO_CHAR = new char[256];
    /** The byte of each character below U+0144, or -1. */
    private static final short[] CHAR_TO_BYTE = new short[0x144];

    static {
        Arrays.fill(CHAR_TO_BYTE, (short) -1);
        int next = 0x100;
        for (int b = 0; b < 256; b++) {
            boolean printable = b >= '!' && b <= '~' || b >= 0xA1 && b <= 0xAC || b >= 0xAE && b <= 0xFF;
            char c = printable ? (char) b : (char) next++;
            BYTE_TO_CHAR[b] = c;
            CHAR_TO_BYTE[c] = (short) b;
        }
    }

    private ByteLevelMap() {
    }

    /**
     * The raw bytes a byte-level piece stands for. A piece with a character outside the map (an added token's
     * plain text, say) is taken as its own UTF-8, whole, as HuggingFace's ByteLevel decoder does.
     */
    static byte[] decode(String piece) {
        int n = piece.length();
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = piece.charAt(i);
            int b = c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
            if (b < 0) {
                return piece.getBytes(StandardCharsets.UTF_8);
            }
            out[i] = (byte) b;
        }
        return out;
    }

    /**
     * Decodes the piece whose UTF-8 is {@code src[from, to)} through the map into {@code dst} at {@code off}, without
     * a String; returns the byte count, or -1 if some character is outside the map (then nothing is promised
     * about {@code dst}, and the caller takes the piece's own UTF-8, as {@link #decode(String)} does).
     */
    static int decodeUtf8(byte[] src, int from, int to, byte[] dst, int off) {
        int o = off;
        int p = from;
        while (p < to) {
            int b0 = src[p] & 0xFF;
            int c;
            if (b0 < 0x80) {
                c = b0;
                p++;
            } else if (b0 >= 0xC2 && b0 <= 0xDF && p + 1 < to && (src[p + 1] & 0xC0) == 0x80) {
                c = (b0 & 0x1F) << 6 | src[p + 1] & 0x3F;
                p += 2;
            } else {
                return -1;
            }
            int b = c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
            if (b < 0) {
                return -1;
            }
            dst[o++] = (byte) b;
        }
        return o - off;
    }

    /** The piece that stands for {@code bytes}: one character per byte. */
    static String encode(byte[] bytes) {
        char[] out = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = BYTE_TO_CHAR[bytes[i] & 0xFF];
        }
        return new String(out);
    }

    /** Whether every character of {@code piece} is in the map. */
    static boolean covers(String piece) {
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            if (c >= CHAR_TO_BYTE.length || CHAR_TO_BYTE[c] < 0) {
                return false;
            }
        }
        return true;
    }
}
