package org.sampling4j.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sampling4j.text.Utf8Oracle.bytes;

import org.junit.jupiter.api.Test;

class DetokenizerTest {
    private static final String R = "\uFFFD";
    /** 0 = E4 B8 (first two bytes of 中), 1 = AD 21 (its last byte, then !), 2 = special "<|end|>", 3 = "ab". */
    private static final Vocabulary VOCAB = Vocabulary.builder()
            .add(bytes(0xE4, 0xB8)).add(bytes(0xAD, 0x21)).addSpecial("<|end|>".getBytes(UTF_8)).add("ab".getBytes(UTF_8))
            .eos(2).logitsSize(6).build();

    @Test
    void aCharacterSplitAcrossTokensIsReleasedWhenItsLastByteArrives() {
        Detokenizer d = new Detokenizer(VOCAB);
        assertEquals("", d.decode(0));
        assertEquals(2, d.heldBackBytes());
        assertEquals("\u4E2D!", d.decode(1));
        assertEquals(0, d.heldBackBytes());
    }

    @Test
    void skippedSpecialTokensContributeNoBytesSoTheBytesEitherSideJoin() {
        Detokenizer d = new Detokenizer(VOCAB, true);
        assertEquals("", d.decode(0));
        assertEquals("", d.decode(2), "<|end|> is skipped");
        assertEquals(2, d.heldBackBytes(), "the half character waits across the special token");
        assertEquals("\u4E2D!", d.decode(1));
        assertFalse(d.contributes(2));
        assertTrue(d.contributes(3));
    }

    @Test
    void keptSpecialTokensAreDecodedLikeAnyOtherBytes() {
        Detokenizer d = new Detokenizer(VOCAB, false);
        assertEquals("", d.decode(0));
        assertEquals(R + "<|end|>", d.decode(2), "E4 B8 then '<': one U+FFFD for the broken character");
        assertEquals(R + "!", d.decode(1), "AD alone is a lone continuation byte");
        String oneShot = new String(Utf8Oracle.concat(Utf8Oracle.concat(VOCAB.bytes(0), VOCAB.bytes(2)), VOCAB.bytes(1)), UTF_8);
        assertEquals(oneShot, R + "<|end|>" + R + "!");
    }

    @Test
    void finishTurnsAHeldBackTailIntoOneReplacementCharacter() {
        Detokenizer d = new Detokenizer(VOCAB);
        d.decode(3);
        d.decode(0);
        assertEquals(R, d.finish());
        assertEquals("", d.finish(), "nothing is held after finish");
        StringBuilder out = new StringBuilder();
        d.decode(0, out);
        d.finish(out);
        assertEquals(R, out.toString());
    }

    @Test
    void rejectsPaddingIdsNamingTheIdAndBothRanges() {
        Detokenizer d = new Detokenizer(VOCAB);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.decode(4));
        assertEquals("token id 4 is padding of the logits row [4, 6), past the tokenizer's ids [0, 4): it has no bytes to decode",
                e.getMessage());
    }

    @Test
    void rejectsUnknownIdsNamingTheIdAndTheRange() {
        Detokenizer d = new Detokenizer(VOCAB);
        assertEquals("token id 6 is outside the vocabulary's ids [0, 4)",
                assertThrows(IllegalArgumentException.class, () -> d.decode(6)).getMessage());
        assertEquals("token id -1 is outside the vocabulary's ids [0, 4)",
                assertThrows(IllegalArgumentException.class, () -> d.decode(-1, new StringBuilder())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.decode(7, new char[16], 0));
    }

    @Test
    void aRejectedIdLeavesTheStateUnchanged() {
        Detokenizer d = new Detokenizer(VOCAB);
        d.decode(0);
        assertThrows(IllegalArgumentException.class, () -> d.decode(5));
        assertEquals(2, d.heldBackBytes());
        assertEquals("\u4E2D!", d.decode(1));
    }

    @Test
    void charArrayFormWritesAtMostMaxChars() {
        Detokenizer d = new Detokenizer(VOCAB, false);
        char[] dst = new char[32];
        int n = d.decode(0, dst, 5);
        assertEquals(5, n);
        n = d.decode(2, dst, n);
        assertEquals(5 + 8, n);
        assertTrue(8 <= d.maxChars(2), "8 chars: U+FFFD and <|end|>, maxChars = 7 + 3");
        assertEquals(R + "<|end|>", new String(dst, 5, 8));
    }

    @Test
    void resetStartsANewSequence() {
        Detokenizer d = new Detokenizer(VOCAB);
        d.decode(0);
        d.reset();
        assertEquals(R + "!", d.decode(1));
    }
}
