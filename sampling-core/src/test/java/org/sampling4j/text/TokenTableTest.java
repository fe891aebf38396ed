package org.sampling4j.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenTableTest {
    @Test
    void idsInAnyOrderWithHolesThatAreEmptyAndSpecial() {
        TokenTable t = new TokenTable(1, 1);
        t.put(3, "c".getBytes(UTF_8), false);
        t.put(0, "a".getBytes(UTF_8), false);
        t.put(5, "</s>".getBytes(UTF_8), true);
        Vocabulary v = t.build(EndOfGeneration.ids(t));
        assertEquals(6, v.size());
        assertEquals("a", v.text(0));
        assertEquals("c", v.text(3));
        for (int hole : new int[] {1, 2, 4}) {
            assertEquals(0, v.length(hole));
            assertTrue(v.isSpecial(hole));
        }
        assertFalse(v.isSpecial(0));
        assertArrayEquals(new int[] {5}, v.eosIds(), "</s> is special and an end-of-generation name");
    }

    @Test
    void endOfGenerationNamesCountOnlyForSpecialTokensAndJoinTheNamedIds() {
        TokenTable t = new TokenTable(4, 4);
        t.put(0, "<|im_end|>".getBytes(UTF_8), false);
        t.put(1, "<|im_end|>".getBytes(UTF_8), true);
        t.put(2, "x".getBytes(UTF_8), false);
        assertArrayEquals(new int[] {1, 2}, EndOfGeneration.ids(t, 2));
    }

    @Test
    void withEosReplacesTheEosIdsAndChecksThem() {
        Vocabulary v = Vocabulary.builder().add(new byte[] {'a'}).add(new byte[] {'b'}).eos(0).build();
        assertArrayEquals(new int[] {1}, v.withEos(1).eosIds());
        assertArrayEquals(new int[0], v.withEos().eosIds());
        assertArrayEquals(new int[] {0}, v.eosIds(), "the original is unchanged");
        assertEquals("eos token id 2 is outside [0, 2)",
                assertThrows(IllegalArgumentException.class, () -> v.withEos(2)).getMessage());
    }
}
