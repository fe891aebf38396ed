package org.sampling4j.grammar.automaton;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;

/**
 * Utf8Ranges against the JDK's UTF-8 encoder: for ranges across every length boundary, each code
 * point's encoding matches exactly one sequence iff the code point is in the range, checked for all
 * 1,112,064 scalar values.
 */
@KernelIndependent
class Utf8RangesTest {
    private static final int[][] RANGES = {
        {0, 0xD7FF}, {0xE000, 0x10FFFF}, {0x7E, 0x801}, {0xFFF0, 0x10010}, {0x80, 0x7FF}, {0x3B1, 0x3C9}, {0x20AC, 0x20AC},
        {0x1F600, 0x1F64F}, {0x41, 0x5A}, {0x7F, 0x80}, {0x10000, 0x10FFFF}, {0x5D, 0xD7FF}, {0xE000, 0xFFFF},
        {0x1000, 0x1FFF}, {0x1001, 0x1FFE}, {0x40000, 0x7FFFF},
    };

    @Test
    void everyCodePointMatchesExactlyOneSequenceIffInRange() {
        for (int[] range : RANGES) {
            List<int[]> seqs = new ArrayList<>();
            Utf8Ranges.split(range[0], range[1], seqs);
            for (int cp = 0; cp <= 0x10FFFF; cp++) {
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    continue;
                }
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                int matches = 0;
                for (int[] s : seqs) {
                    matches += matches(s, b) ? 1 : 0;
                }
                boolean in = cp >= range[0] && cp <= range[1];
                if (matches != (in ? 1 : 0)) {
                    throw new AssertionError("range " + Integer.toHexString(range[0]) + "-" + Integer.toHexString(range[1])
                            + ": U+" + Integer.toHexString(cp) + " matches " + matches + " sequences");
                }
            }
        }
    }

    @Test
    void encodeAgreesWithTheJdk() {
        for (int cp : new int[] {0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0xE9, 0x20AC, 0x1F600}) {
            byte[] jdk = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            int[] ours = Utf8Ranges.encode(cp);
            assertEquals(jdk.length, Utf8Ranges.length(cp));
            int[] want = new int[jdk.length];
            for (int i = 0; i < jdk.length; i++) {
                want[i] = jdk[i] & 0xFF;
            }
            assertArrayEquals(want, ours, "U+" + Integer.toHexString(cp));
        }
    }

    @Test
    void aFullRangeNeedsFewSequences() {
        List<int[]> seqs = Utf8Ranges.sequences(new int[] {0, 0xD7FF, 0xE000, 0x10FFFF});
        // 00-7F; C2-DF; E0 A0-BF; E1-EC; ED 80-9F; EE-EF; F0 90-BF; F1-F3; F4 80-8F: nine, as in RE2's table.
        assertEquals(9, seqs.size(), "sequences: " + seqs.size());
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        for (int[] s : seqs) {
            assertEquals(false, matches(s, surrogate), "the encoding of U+D800 is not UTF-8");
        }
    }

    private static boolean matches(int[] seq, byte[] b) {
        if (seq.length != 2 * b.length) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            int v = b[i] & 0xFF;
            if (v < seq[2 * i] || v > seq[2 * i + 1]) {
                return false;
            }
        }
        return true;
    }
}
