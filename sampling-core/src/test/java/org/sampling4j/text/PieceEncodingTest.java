package org.sampling4j.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PieceEncodingTest {
    @Test
    void sentencePieceMakesEveryLowerEighthBlockASpaceTheFirstIncluded() {
        assertArrayEquals(" the".getBytes(UTF_8), PieceEncoding.SENTENCE_PIECE.bytes("\u2581the"));
        assertArrayEquals("  ".getBytes(UTF_8), PieceEncoding.SENTENCE_PIECE.bytes("\u2581\u2581"));
        assertArrayEquals("a b".getBytes(UTF_8), PieceEncoding.SENTENCE_PIECE.bytes("a\u2581b"));
        assertArrayEquals(" \u4e2d".getBytes(UTF_8), PieceEncoding.SENTENCE_PIECE.bytes("\u2581\u4e2d"));
    }

    @Test
    void sentencePieceByteFallbackPiecesAreOneByte() {
        assertArrayEquals(new byte[] {0x0A}, PieceEncoding.SENTENCE_PIECE.bytes("<0x0A>"));
        assertArrayEquals(new byte[] {(byte) 0xE4}, PieceEncoding.SENTENCE_PIECE.bytes("<0xE4>"));
        assertArrayEquals(new byte[] {(byte) 0xE4}, PieceEncoding.SENTENCE_PIECE.bytes("<0xe4>"), "HF reads either case");
        assertArrayEquals(new byte[] {0}, PieceEncoding.SENTENCE_PIECE.bytes("<0x00>"));
    }

    @Test
    void sentencePieceAlmostByteFallbackPiecesAreText() {
        for (String piece : new String[] {"<0x0G>", "<0x0A", "<0x0AB>", "<0X0A>", "<0x\uff10A>", "<0xA>"}) {
            assertArrayEquals(piece.getBytes(UTF_8), PieceEncoding.SENTENCE_PIECE.bytes(piece), piece);
        }
        assertEquals(-1, PieceEncoding.byteFallback("<0x+F>"));
    }

    @Test
    void byteLevelAndLiteral() {
        assertArrayEquals(" hi".getBytes(UTF_8), PieceEncoding.BYTE_LEVEL.bytes("\u0120hi"));
        assertArrayEquals("\u0120hi".getBytes(UTF_8), PieceEncoding.LITERAL.bytes("\u0120hi"));
        assertArrayEquals("\u2581hi".getBytes(UTF_8), PieceEncoding.LITERAL.bytes("\u2581hi"));
    }
}
