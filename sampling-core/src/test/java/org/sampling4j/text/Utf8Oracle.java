package org.sampling4j.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The JDK's own answers, which the streaming decoder must reproduce: {@code new String(bytes,
 * UTF_8)} for a whole stream, and the JDK's {@code CharsetDecoder} (REPLACE, end of input not
 * reached) for what a prefix of a stream releases, i.e. which incomplete tail it holds back.
 */
final class Utf8Oracle {
    /**
     * Byte values that stand for every range the JDK's decoder tells apart (ASCII, continuation
     * 80..8F / 90..9F / A0..BF, C0..C1, C2..DF, E0, E1..EC, ED, EE..EF, F0, F1..F3, F4, F5..FF),
     * with both ends of most ranges.
     */
    static final int[] BOUNDARY_BYTES = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
        0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFF};
    /** One byte per range the JDK's decoder tells apart. */
    static final int[] RANGE_BYTES = {0x41, 0x80, 0x90, 0xA0, 0xC0, 0xC2, 0xE0, 0xE1, 0xED, 0xEE, 0xF0, 0xF1, 0xF4, 0xF5};

    private Utf8Oracle() {
    }

    /** The one-shot decoding. */
    static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** What the JDK's streaming decoder releases for {@code bytes} when more input may follow. */
    static String streamingPrefix(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 4);
        CoderResult r = d.decode(in, out, false);
        if (!r.isUnderflow() || in.remaining() > 3) {
            throw new AssertionError("the JDK decoder left " + in.remaining() + " bytes: " + r);
        }
        out.flip();
        return out.toString();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** Hex of the bytes, for messages: {@code "E2 82"}. */
    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(s.length() == 0 ? "" : " ").append(String.format("%02X", x & 0xFF));
        }
        return s.toString();
    }

    /** The string with non-printable and non-ASCII chars as {@code \\uXXXX}, for messages. */
    static String escape(CharSequence s) {
        StringBuilder o = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            o.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return o.toString();
    }
}
