package org.sampling4j.text;

/**
 * Decodes UTF-8 that arrives in pieces (the bytes of one token after another) into UTF-16 chars,
 * releasing each character as soon as its last byte has arrived.
 *
 * <p><b>Rules.</b>
 * <ul>
 * <li>Holdback: only the 1-3 bytes of a sequence that is still incomplete and may yet be completed
 *     (a valid lead byte and the valid continuation bytes after it) are held back; every other byte
 *     is decoded when it arrives. No U+FFFD is ever emitted for a sequence a later piece could
 *     still complete.</li>
 * <li>Equivalence: for every split of a byte string into pieces, the chars released by the pieces
 *     followed by {@link #finish} are exactly {@code new String(bytes, UTF_8)}, invalid bytes
 *     included: one U+FFFD per maximal subpart of an ill-formed sequence (Unicode 3.9, U+FFFD
 *     substitution of maximal subparts), which is what the JDK's decoder does for overlong forms
 *     ({@code C0}, {@code C1}, {@code E0 80..9F}, {@code F0 80..8F}), code points past U+10FFFF
 *     ({@code F4 90..}, {@code F5..FF}), lone continuation bytes and a truncated sequence followed by
 *     a byte that cannot continue it (that byte is then decoded on its own).</li>
 * <li>The one JDK-specific case: a UTF-8-encoded surrogate ({@code ED A0..BF xx}) is not cut at
 *     its second byte as the maximal-subpart rule would, but becomes one U+FFFD for all three
 *     bytes, as {@code new String} decodes it; so {@code ED A0} is held back like any other valid
 *     prefix.</li>
 * <li>{@link #finish} ends the input: a held-back incomplete sequence becomes one U+FFFD, as
 *     {@code new String} decodes a truncated tail.</li>
 * </ul>
 *
 * <p><b>Cost.</b> O(bytes) per piece with an ASCII fast path; the {@code char[]} and
 * {@code StringBuilder} forms allocate nothing (the builder's own growth aside), the
 * {@code String} forms allocate only the returned string. A piece of n bytes releases at most
 * {@link #maxChars maxChars(n)} = n + 3 chars.
 *
 * <p><b>Example.</b> "é" is {@code C3 A9}: {@code decode({C3})} releases "" and holds one byte,
 * {@code decode({A9, 41})} releases "éA". {@code decode({E2, 82})} then {@code finish()} releases
 * "\uFFFD", as {@code new String(new byte[] {(byte) 0xE2, (byte) 0x82}, UTF_8)} does.
 *
 * <p>Per stream, not thread-safe; {@link #reset} starts a new stream.
 *
 * @see Detokenizer  the same over token ids
 */
public final class Utf8StreamDecoder {
    /** The replacement character U+FFFD that stands for a maximal ill-formed subpart. */
    public static final char REPLACEMENT = '\uFFFD';
    /** Length of the sequence a lead byte starts (2, 3, 4), 0 for a byte that cannot start one. */
    private static final byte[] SEQUENCE_LENGTH = new byte[256];

    static {
        for (int b = 0xC2; b <= 0xDF; b++) {
            SEQUENCE_LENGTH[b] = 2;
        }
        for (int b = 0xE0; b <= 0xEF; b++) {
            SEQUENCE_LENGTH[b] = 3;
        }
        for (int b = 0xF0; b <= 0xF4; b++) {
            SEQUENCE_LENGTH[b] = 4;
        }
    }

    /** The held-back bytes, the first in the low 8 bits. */
    private int held;
    /** How many bytes are held back, 0..3. */
    private int heldLength;
    /** Length of the sequence the held-back bytes begin, 2..4 (meaningful when heldLength > 0). */
    private int sequenceLength;
    /** Scratch for the StringBuilder and String forms; grows to the largest piece seen. */
    private char[] scratch = new char[64];

    /** A decoder at the start of a stream. */
    public Utf8StreamDecoder() {
    }

    /** The most chars a piece of {@code byteCount} bytes can release: {@code byteCount + 3}. */
    public static int maxChars(int byteCount) {
        return byteCount + 3;
    }

    /** Number of bytes held back (0..3): the start of a sequence that a later piece may complete. */
    public int heldBackBytes() {
        return heldLength;
    }

    /** Forgets the held-back bytes: the next piece starts a new stream. */
    public void reset() {
        heldLength = 0;
    }

    /**
     * Decodes {@code src[from..to)} after the held-back bytes into {@code dst} from {@code dstPos}.
     *
     * @return the position after the last char written; {@code dst} needs room for
     *         {@link #maxChars maxChars(to - from)} chars from {@code dstPos}
     */
    public int decode(byte[] src, int from, int to, char[] dst, int dstPos) {
        int i = from;
        int dp = dstPos;
        if (heldLength > 0) {
            while (i < to && heldLength > 0) {
                int b = src[i] & 0xFF;
                if (!continues(held & 0xFF, heldLength, b)) {
                    dst[dp++] = REPLACEMENT; // the maximal subpart ends here; b starts afresh below
                    heldLength = 0;
                    break;
                }
                held |= b << (8 * heldLength);
                heldLength++;
                i++;
                if (heldLength == sequenceLength) {
                    dp = completeHeld(dst, dp);
                    heldLength = 0;
                }
            }
            if (heldLength > 0) {
                return dp;
            }
        }
        while (i < to) {
            int b1 = src[i];
            if (b1 >= 0) {
                dst[dp++] = (char) b1;
                i++;
                continue;
            }
            b1 &= 0xFF;
            int n = SEQUENCE_LENGTH[b1];
            if (n == 0) {
                dst[dp++] = REPLACEMENT;
                i++;
            } else if (i + n <= to) {
                int b2 = src[i + 1] & 0xFF;
                if (!secondByteContinues(b1, b2)) {
                    dst[dp++] = REPLACEMENT;
                    i++;
                    continue;
                }
                if (n == 2) {
                    dst[dp++] = (char) (((b1 & 0x1F) << 6) | (b2 & 0x3F));
                    i += 2;
                    continue;
                }
                int b3 = src[i + 2] & 0xFF;
                if (!isContinuation(b3)) {
                    dst[dp++] = REPLACEMENT;
                    i += 2;
                    continue;
                }
                if (n == 3) {
                    char c = (char) (((b1 & 0x0F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F));
                    dst[dp++] = Character.isSurrogate(c) ? REPLACEMENT : c;
                    i += 3;
                    continue;
                }
                int b4 = src[i + 3] & 0xFF;
                if (!isContinuation(b4)) {
                    dst[dp++] = REPLACEMENT;
                    i += 3;
                    continue;
                }
                int cp = ((b1 & 0x07) << 18) | ((b2 & 0x3F) << 12) | ((b3 & 0x3F) << 6) | (b4 & 0x3F);
                dst[dp++] = Character.highSurrogate(cp);
                dst[dp++] = Character.lowSurrogate(cp);
                i += 4;
            } else {
                // The sequence runs past the piece: hold it back unless a byte inside the piece breaks it.
                held = b1;
                heldLength = 1;
                sequenceLength = n;
                i++;
                while (i < to) {
                    int b = src[i] & 0xFF;
                    if (!continues(b1, heldLength, b)) {
                        dst[dp++] = REPLACEMENT;
                        heldLength = 0;
                        break;
                    }
                    held |= b << (8 * heldLength);
                    heldLength++;
                    i++;
                }
            }
        }
        return dp;
    }

    /** Decodes {@code src[from..to)} after the held-back bytes and appends the released chars to {@code out}. */
    public void decode(byte[] src, int from, int to, StringBuilder out) {
        ensureScratch(maxChars(to - from));
        int n = decode(src, from, to, scratch, 0);
        out.append(scratch, 0, n);
    }

    /** Decodes {@code src[from..to)} after the held-back bytes; returns the released chars ("" when none). */
    public String decode(byte[] src, int from, int to) {
        ensureScratch(maxChars(to - from));
        int n = decode(src, from, to, scratch, 0);
        return n == 0 ? "" : new String(scratch, 0, n);
    }

    /** Decodes all of {@code src} after the held-back bytes; returns the released chars. */
    public String decode(byte[] src) {
        return decode(src, 0, src.length);
    }

    /**
     * Ends the stream: writes one U+FFFD into {@code dst} at {@code dstPos} if bytes were held back
     * (a truncated sequence, as {@code new String} decodes it) and forgets them.
     *
     * @return the position after the last char written ({@code dstPos} or {@code dstPos + 1})
     */
    public int finish(char[] dst, int dstPos) {
        if (heldLength == 0) {
            return dstPos;
        }
        heldLength = 0;
        dst[dstPos] = REPLACEMENT;
        return dstPos + 1;
    }

    /** Ends the stream, appending U+FFFD to {@code out} if bytes were held back. */
    public void finish(StringBuilder out) {
        if (heldLength > 0) {
            heldLength = 0;
            out.append(REPLACEMENT);
        }
    }

    /** Ends the stream: "\uFFFD" if bytes were held back, else "". */
    public String finish() {
        if (heldLength == 0) {
            return "";
        }
        heldLength = 0;
        return String.valueOf(REPLACEMENT);
    }

    /** Writes the char(s) of the complete held-back sequence. */
    private int completeHeld(char[] dst, int dp) {
        int b1 = held & 0xFF;
        int b2 = (held >>> 8) & 0x3F;
        int b3 = (held >>> 16) & 0x3F;
        if (sequenceLength == 2) {
            dst[dp++] = (char) (((b1 & 0x1F) << 6) | b2);
        } else if (sequenceLength == 3) {
            char c = (char) (((b1 & 0x0F) << 12) | (b2 << 6) | b3);
            dst[dp++] = Character.isSurrogate(c) ? REPLACEMENT : c;
        } else {
            int cp = ((b1 & 0x07) << 18) | (b2 << 12) | (b3 << 6) | ((held >>> 24) & 0x3F);
            dst[dp++] = Character.highSurrogate(cp);
            dst[dp++] = Character.lowSurrogate(cp);
        }
        return dp;
    }

    /** Whether {@code b} may follow the {@code position} bytes (1..3) of a sequence led by {@code lead}. */
    private static boolean continues(int lead, int position, int b) {
        return position == 1 ? secondByteContinues(lead, b) : isContinuation(b);
    }

    /**
     * The second byte's range after each lead (Unicode Table 3-7), except that {@code ED} takes
     * {@code 80..BF}: the JDK rejects a surrogate only once its three bytes are there.
     */
    private static boolean secondByteContinues(int lead, int b) {
        switch (lead) {
            case 0xE0:
                return b >= 0xA0 && b <= 0xBF;
            case 0xF0:
                return b >= 0x90 && b <= 0xBF;
            case 0xF4:
                return b >= 0x80 && b <= 0x8F;
            default:
                return isContinuation(b);
        }
    }

    private static boolean isContinuation(int b) {
        return (b & 0xC0) == 0x80;
    }

    private void ensureScratch(int n) {
        if (scratch.length < n) {
            scratch = new char[Math.max(n, scratch.length * 2)];
        }
    }
}
