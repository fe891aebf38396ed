package org.sampling4j.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteLevelMapTest {
    /** OpenAI's bytes_to_unicode, transcribed list for list from GPT-2's encoder.py. */
    private static char[] referenceBytesToUnicode() {
        List<Integer> bs = new ArrayList<>();
        for (int b = '!'; b <= '~'; b++) {
            bs.add(b);
        }
        for (int b = 0xA1; b <= 0xAC; b++) {
            bs.add(b);
        }
        for (int b = 0xAE; b <= 0xFF; b++) {
            bs.add(b);
        }
        List<Integer> cs = new ArrayList<>(bs);
        int n = 0;
        for (int b = 0; b < 256; b++) {
            if (!bs.contains(b)) {
                bs.add(b);
                cs.add(256 + n);
                n++;
            }
        }
        char[] map = new char[256];
        for (int i = 0; i < 256; i++) {
            map[bs.get(i)] = (char) (int) cs.get(i);
        }
        return map;
    }

    @Test
    void matchesGpt2sDefinitionForEveryByte() {
        char[] reference = referenceBytesToUnicode();
        for (int b = 0; b < 256; b++) {
            assertEquals(String.valueOf(reference[b]), ByteLevelMap.encode(new byte[] {(byte) b}), "byte " + b);
        }
    }

    @Test
    void printableBytesStandForThemselvesAndTheOther68StartAtU0100() {
        assertEquals("!~\u00a1\u00ac\u00ae\u00ff", ByteLevelMap.encode(new byte[] {'!', '~', (byte) 0xA1, (byte) 0xAC,
                (byte) 0xAE, (byte) 0xFF}));
        assertEquals("\u0100", ByteLevelMap.encode(new byte[] {0}));
        assertEquals("\u0120", ByteLevelMap.encode(new byte[] {' '}), "the space is 'G with dot above'");
        assertEquals("\u010a", ByteLevelMap.encode(new byte[] {'\n'}));
        assertEquals("\u0121", ByteLevelMap.encode(new byte[] {0x7F}), "0..32 took 33 slots, DEL is next");
        assertEquals("\u0143", ByteLevelMap.encode(new byte[] {(byte) 0xAD}), "the soft hyphen is the 68th and last");
    }

    @Test
    void decodesGpt2PiecesToRawBytes() {
        assertArrayEquals(" the".getBytes(UTF_8), ByteLevelMap.decode("\u0120the"));
        assertArrayEquals("\n\n".getBytes(UTF_8), ByteLevelMap.decode("\u010a\u010a"));
        assertArrayEquals("\u00e9".getBytes(UTF_8), ByteLevelMap.decode("\u00c3\u00a9"), "é as its two UTF-8 bytes");
        assertArrayEquals(new byte[] {(byte) 0xE4, (byte) 0xB8}, ByteLevelMap.decode("\u00e4\u00b8"), "half of 中");
    }

    @Test
    void roundTripsEveryByteString() {
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
        }
        assertArrayEquals(all, ByteLevelMap.decode(ByteLevelMap.encode(all)));
        assertTrue(ByteLevelMap.covers(ByteLevelMap.encode(all)));
    }

    @Test
    void aPieceOutsideTheMapIsItsOwnUtf8AsHuggingFaceDecodesIt() {
        assertArrayEquals("\u4e2d".getBytes(UTF_8), ByteLevelMap.decode("\u4e2d"));
        assertArrayEquals("a b".getBytes(UTF_8), ByteLevelMap.decode("a b"), "a raw space is not in the map");
        assertArrayEquals("\u0120\u4e2d".getBytes(UTF_8), ByteLevelMap.decode("\u0120\u4e2d"), "whole piece, not per char");
        assertFalse(ByteLevelMap.covers("a b"));
    }
}
