package org.sampling4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sampling4j.text.Utf8Oracle.bytes;
import static org.sampling4j.text.Utf8Oracle.escape;
import static org.sampling4j.text.Utf8Oracle.hex;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;

/**
 * Hand-written cases as a table (llama.cpp style): the pieces a stream arrives in, the text each
 * piece releases, the bytes held back after it, and what {@code finish()} releases. Then every
 * short byte string, split every way, against {@code new String}.
 */
@KernelIndependent
class Utf8StreamDecoderTest {
    private static final String R = "\uFFFD";

    /** One row: pieces (hex), the deltas, the held-back byte count after each piece, the finish delta. */
    private static final class Case {
        final String name;
        final byte[][] pieces;
        final String[] deltas;
        final int[] held;
        final String finish;

        Case(String name, byte[][] pieces, String[] deltas, int[] held, String finish) {
            this.name = name;
            this.pieces = pieces;
            this.deltas = deltas;
            this.held = held;
            this.finish = finish;
        }
    }

    private static byte[][] pieces(int[]... p) {
        byte[][] b = new byte[p.length][];
        for (int i = 0; i < p.length; i++) {
            b[i] = bytes(p[i]);
        }
        return b;
    }

    private static int[] b(int... v) {
        return v;
    }

    private static String[] d(String... v) {
        return v;
    }

    private static final List<Case> CASES = List.of(
            new Case("ascii passes through", pieces(b(0x48, 0x69)), d("Hi"), b(0), ""),
            new Case("2-byte split 1|1", pieces(b(0xC3), b(0xA9)), d("", "\u00E9"), b(1, 0), ""),
            new Case("3-byte split 1|2", pieces(b(0xE4), b(0xB8, 0xAD)), d("", "\u4E2D"), b(1, 0), ""),
            new Case("3-byte split 2|1 then ascii", pieces(b(0xE4, 0xB8), b(0xAD, 0x21)), d("", "\u4E2D!"), b(2, 0), ""),
            new Case("4-byte split 1|1|1|1", pieces(b(0xF0), b(0x9F), b(0x98), b(0x80)), d("", "", "", "\uD83D\uDE00"),
                    b(1, 2, 3, 0), ""),
            new Case("4-byte split 3|1", pieces(b(0x41, 0xF0, 0x9F, 0x98), b(0x80)), d("A", "\uD83D\uDE00"), b(3, 0), ""),
            new Case("truncated at the end: one U+FFFD", pieces(b(0xE2, 0x82)), d(""), b(2), R),
            new Case("truncated 4-byte at the end", pieces(b(0x61, 0xF0, 0x9F, 0x98)), d("a"), b(3), R),
            new Case("truncated then non-continuation: U+FFFD and the byte", pieces(b(0xE2, 0x82), b(0x41)), d("", R + "A"),
                    b(2, 0), ""),
            new Case("truncated then a new lead", pieces(b(0xC3), b(0xC3, 0xA9)), d("", R + "\u00E9"), b(1, 0), ""),
            new Case("lone continuation", pieces(b(0x80, 0xBF)), d(R + R), b(0), ""),
            new Case("C0 / C1 overlong leads are single bytes", pieces(b(0xC0, 0x80, 0xC1, 0xBF)), d(R + R + R + R), b(0), ""),
            new Case("E0 80 overlong: each byte", pieces(b(0xE0), b(0x80, 0x80)), d("", R + R + R), b(1, 0), ""),
            new Case("E0 A0 80 is U+0800", pieces(b(0xE0, 0xA0), b(0x80)), d("", "\u0800"), b(2, 0), ""),
            new Case("F0 8F overlong: each byte", pieces(b(0xF0), b(0x8F, 0xBF, 0xBF)), d("", R + R + R + R), b(1, 0), ""),
            new Case("F4 90 past U+10FFFF: each byte", pieces(b(0xF4, 0x90, 0x80, 0x80)), d(R + R + R + R), b(0), ""),
            new Case("F4 8F BF BF is U+10FFFF", pieces(b(0xF4, 0x8F), b(0xBF, 0xBF)), d("", "\uDBFF\uDFFF"), b(2, 0), ""),
            new Case("F5..FF are single bytes", pieces(b(0xF5, 0xF8, 0xFF)), d(R + R + R), b(0), ""),
            new Case("surrogate ED A0 80: one U+FFFD for three bytes (JDK)", pieces(b(0xED), b(0xA0), b(0x80)),
                    d("", "", R), b(1, 2, 0), ""),
            new Case("ED A0 is held (a later byte makes it one U+FFFD)", pieces(b(0xED, 0xA0), b(0x41)), d("", R + "A"),
                    b(2, 0), ""),
            new Case("ED A0 at the end", pieces(b(0xED, 0xA0)), d(""), b(2), R),
            new Case("ED 9F BF is U+D7FF", pieces(b(0xED), b(0x9F, 0xBF)), d("", "\uD7FF"), b(1, 0), ""),
            new Case("3-byte broken at the third byte", pieces(b(0xE4, 0xB8, 0x41)), d(R + "A"), b(0), ""),
            new Case("4-byte broken at the fourth byte", pieces(b(0xF0, 0x9F), b(0x98, 0x41)), d("", R + "A"), b(2, 0), ""),
            new Case("empty pieces change nothing", pieces(b(), b(0xC3), b(), b(0xA9)), d("", "", "", "\u00E9"), b(0, 1, 1, 0),
                    ""),
            new Case("U+FFFD itself decodes", pieces(b(0xEF, 0xBF), b(0xBD)), d("", R), b(2, 0), ""));

    @Test
    void releasesEachCharacterWhenItsLastByteArrivesAndHoldsBackOnlyAnIncompleteTail() {
        for (Case c : CASES) {
            Utf8StreamDecoder decoder = new Utf8StreamDecoder();
            byte[] all = new byte[0];
            for (int i = 0; i < c.pieces.length; i++) {
                all = Utf8Oracle.concat(all, c.pieces[i]);
                assertEquals(escape(c.deltas[i]), escape(decoder.decode(c.pieces[i])), c.name + ": delta " + i);
                assertEquals(c.held[i], decoder.heldBackBytes(), c.name + ": held after piece " + i);
            }
            assertEquals(escape(c.finish), escape(decoder.finish()), c.name + ": finish");
            assertEquals(0, decoder.heldBackBytes(), c.name + ": nothing held after finish");
            assertEquals(escape(Utf8Oracle.decode(all)), escape(String.join("", c.deltas) + c.finish),
                    c.name + ": the table agrees with new String");
        }
    }

    @Test
    void everyTwoByteStringSplitEveryWayDecodesAsNewString() {
        byte[] b = new byte[2];
        for (int x = 0; x < 256; x++) {
            for (int y = 0; y < 256; y++) {
                b[0] = (byte) x;
                b[1] = (byte) y;
                checkAllSplits(b);
            }
        }
    }

    @Test
    void everyBoundaryByteStringUpToFourBytesSplitEveryWayDecodesAsNewString() {
        for (int length = 1; length <= 4; length++) {
            // 27^3 strings over both ends of every range up to 3 bytes, 14^4 over one byte per range at 4.
            int[] values = length <= 3 ? Utf8Oracle.BOUNDARY_BYTES : Utf8Oracle.RANGE_BYTES;
            int[] digit = new int[length];
            byte[] b = new byte[length];
            while (true) {
                for (int i = 0; i < length; i++) {
                    b[i] = (byte) values[digit[i]];
                }
                checkAllSplits(b);
                int k = 0;
                while (k < length && ++digit[k] == values.length) {
                    digit[k++] = 0;
                }
                if (k == length) {
                    break;
                }
            }
        }
    }

    /** Every split into at most three pieces, and byte by byte; all three output forms. */
    private static void checkAllSplits(byte[] b) {
        String expected = Utf8Oracle.decode(b);
        for (int s1 = 0; s1 <= b.length; s1++) {
            for (int s2 = s1; s2 <= b.length; s2++) {
                Utf8StreamDecoder d = new Utf8StreamDecoder();
                String p1 = d.decode(b, 0, s1);
                String p2 = d.decode(b, s1, s2);
                String p3 = d.decode(b, s2, b.length);
                String got = p1 + p2 + p3 + d.finish();
                if (p2.length() > Utf8StreamDecoder.maxChars(s2 - s1) || p3.length() > Utf8StreamDecoder.maxChars(b.length - s2)) {
                    throw new AssertionError(hex(b) + " split at " + s1 + ", " + s2 + ": a piece released more than maxChars");
                }
                if (!got.equals(expected)) {
                    assertEquals(escape(expected), escape(got), hex(b) + " split at " + s1 + ", " + s2);
                }
            }
        }
        Utf8StreamDecoder d = new Utf8StreamDecoder();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            d.decode(b, i, i + 1, sb);
        }
        d.finish(sb);
        assertEquals(escape(expected), escape(sb), hex(b) + " byte by byte into a StringBuilder");
        d = new Utf8StreamDecoder();
        char[] dst = new char[Utf8StreamDecoder.maxChars(b.length) + 1];
        int n = d.decode(b, 0, b.length, dst, 0);
        n = d.finish(dst, n);
        assertEquals(escape(expected), escape(new String(dst, 0, n)), hex(b) + " into a char[]");
    }

    @Test
    void resetForgetsTheHeldBackBytes() {
        Utf8StreamDecoder d = new Utf8StreamDecoder();
        d.decode(bytes(0xE4, 0xB8));
        d.reset();
        assertEquals(0, d.heldBackBytes());
        assertEquals(R, d.decode(bytes(0xAD)), "a lone continuation byte after reset");
    }
}
