package org.sampling4j.text;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.sampling4j.text.Utf8Oracle.escape;
import static org.sampling4j.text.Utf8Oracle.hex;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;

/**
 * Properties of the streaming decoder over random byte strings (valid text, split characters and
 * invalid bytes mixed) split at random points. Each example draws a long; the bytes and the split
 * derive from it with a SplittableRandom, so a counter-example reproduces from that one number.
 */
@KernelIndependent
class Utf8StreamDecoderPropertyTest {
    private static final long SEED = 0x5A4D_1101L;
    private static final int EXAMPLES = 3_000;

    /** Whole characters and ill-formed pieces that random streams are assembled from. */
    static final byte[][] UNITS = {
        Utf8Oracle.bytes('a'), Utf8Oracle.bytes('b'), Utf8Oracle.bytes(' '), Utf8Oracle.bytes('\n'),
        Utf8Oracle.bytes(0xC3, 0xA9), Utf8Oracle.bytes(0xE4, 0xB8, 0xAD), Utf8Oracle.bytes(0xF0, 0x9F, 0x98, 0x80),
        Utf8Oracle.bytes(0xEF, 0xBF, 0xBD), Utf8Oracle.bytes(0xE0, 0xA0, 0x80), Utf8Oracle.bytes(0xF4, 0x8F, 0xBF, 0xBF),
        Utf8Oracle.bytes(0x80), Utf8Oracle.bytes(0xBF), Utf8Oracle.bytes(0xC0), Utf8Oracle.bytes(0xC1, 0xBF),
        Utf8Oracle.bytes(0xE0, 0x80), Utf8Oracle.bytes(0xED, 0xA0), Utf8Oracle.bytes(0xED, 0xA0, 0x80),
        Utf8Oracle.bytes(0xED, 0xBF, 0xBF), Utf8Oracle.bytes(0xF0, 0x8F), Utf8Oracle.bytes(0xF4, 0x90),
        Utf8Oracle.bytes(0xF5), Utf8Oracle.bytes(0xFF), Utf8Oracle.bytes(0xE2, 0x82), Utf8Oracle.bytes(0xF0, 0x9F, 0x98)};

    /** A random stream: whole units, plus now and then any byte at all. */
    static byte[] randomBytes(SplittableRandom r, int units) {
        byte[] b = new byte[0];
        for (int i = 0; i < units; i++) {
            byte[] u = r.nextInt(8) == 0 ? new byte[] {(byte) r.nextInt(256)} : UNITS[r.nextInt(UNITS.length)];
            b = Utf8Oracle.concat(b, u);
        }
        return b;
    }

    /** Random cut points 0 = c[0] <= c[1] <= ... <= c[k] = length, empty pieces included. */
    static int[] randomCuts(SplittableRandom r, int length) {
        int k = 1 + r.nextInt(length + 2);
        int[] c = new int[k + 1];
        for (int i = 1; i < k; i++) {
            c[i] = r.nextInt(length + 1);
        }
        c[k] = length;
        java.util.Arrays.sort(c);
        return c;
    }

    @Test
    void concatenatedDeltasEqualTheOneShotDecodingForEverySplit() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            byte[] b = randomBytes(r, r.nextInt(20));
            int[] cuts = randomCuts(r, b.length);
            Utf8StreamDecoder d = new Utf8StreamDecoder();
            StringBuilder out = new StringBuilder();
            for (int i = 0; i + 1 < cuts.length; i++) {
                d.decode(b, cuts[i], cuts[i + 1], out);
            }
            d.finish(out);
            check(Utf8Oracle.decode(b).contentEquals(out), hex(b) + ": " + escape(out) + " != " + escape(Utf8Oracle.decode(b)));
        });
    }

    @Test
    void afterEachPieceTheReleasedTextIsWhatTheJdkStreamingDecoderReleases() {
        qt().withFixedSeed(SEED + 1).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            byte[] b = randomBytes(r, r.nextInt(16));
            int[] cuts = randomCuts(r, b.length);
            Utf8StreamDecoder d = new Utf8StreamDecoder();
            StringBuilder out = new StringBuilder();
            for (int i = 0; i + 1 < cuts.length; i++) {
                d.decode(b, cuts[i], cuts[i + 1], out);
                byte[] prefix = java.util.Arrays.copyOf(b, cuts[i + 1]);
                String expected = Utf8Oracle.streamingPrefix(prefix);
                check(expected.contentEquals(out), hex(prefix) + ": released " + escape(out) + ", the JDK releases "
                        + escape(expected));
                check(d.heldBackBytes() <= 3, hex(prefix) + ": holds " + d.heldBackBytes() + " bytes");
            }
        });
    }

    @Test
    void releasedTextIsAPrefixOfTheDecodingOfEveryContinuation() {
        // The released text is never retracted: whatever bytes follow (every combination of up to
        // three bytes from the ranges the decoder tells apart), the final text starts with it.
        int[] v = Utf8Oracle.RANGE_BYTES;
        qt().withFixedSeed(SEED + 2).withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            byte[] b = randomBytes(r, 1 + r.nextInt(6));
            Utf8StreamDecoder d = new Utf8StreamDecoder();
            String released = d.decode(b);
            for (int x = -1; x < v.length; x++) {
                for (int y = -1; y < v.length; y++) {
                    for (int z = -1; z < v.length; z++) {
                        byte[] more = continuation(v, x, y, z);
                        String full = Utf8Oracle.decode(Utf8Oracle.concat(b, more));
                        check(full.startsWith(released), hex(b) + " + " + hex(more) + ": " + escape(full)
                                + " does not start with the released " + escape(released));
                    }
                }
            }
        });
    }

    private static byte[] continuation(int[] v, int... index) {
        int n = 0;
        byte[] b = new byte[3];
        for (int i : index) {
            if (i >= 0) {
                b[n++] = (byte) v[i];
            }
        }
        return java.util.Arrays.copyOf(b, n);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
