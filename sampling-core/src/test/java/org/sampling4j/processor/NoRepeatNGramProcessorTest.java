package org.sampling4j.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NoRepeatNGramProcessorTest {
    private static final float[] LOGITS = {1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f};

    @Test
    void bansTheTokenThatWouldRepeatABigram() {
        // [5, 7, 5]: the last token 5 was once followed by 7.
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, kept(2, new int[] {5, 7, 5}));
    }

    @Test
    void bansEveryContinuationOfARepeatedPrefix() {
        // [1, 2, 3, 1, 2, 4, 1, 2]: the prefix (1, 2) was followed by 3 and by 4.
        assertArrayEquals(new int[] {0, 1, 2, 5, 6, 7}, kept(3, new int[] {1, 2, 3, 1, 2, 4, 1, 2}));
    }

    @Test
    void unigramsBanEveryTokenSeenAndShortSequencesBanNothing() {
        assertArrayEquals(new int[] {0, 1, 4, 5, 6, 7}, kept(1, new int[] {2, 3, 3}));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, kept(4, new int[] {2, 2}), "L + 1 < n");
    }

    @Test
    void countsThePromptAndWorksOnSparseSets() {
        float[] out = Chains.process(LOGITS, new int[] {6, 7}, new int[] {6}, new TopKProcessor(3), new NoRepeatNGramProcessor(2));
        assertArrayEquals(new int[] {5, 6}, Chains.kept(out), "top 3 = {5, 6, 7}; 6 was followed by 7");
    }

    @Test
    void rejectsNegativeSizesNamingFieldValueAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NoRepeatNGramProcessor(-1));
        assertEquals("noRepeatNgramSize = -1 is outside [0, +Inf); 0 disables no-repeat-ngram", e.getMessage());
    }

    @Test
    void theOffValueZeroBansNothing() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, kept(0, new int[] {5, 7, 5}));
    }

    private static int[] kept(int n, int[] generated) {
        return Chains.kept(Chains.process(LOGITS, new int[0], generated, new NoRepeatNGramProcessor(n)));
    }
}
