package org.sampling4j.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class TopKProcessorTest {
    @Test
    void keepsExactlyKTokens() {
        float[] logits = {0.1f, 2f, -1f, 3f, 0.5f};
        assertArrayEquals(new int[] {1, 3}, Chains.kept(Chains.process(logits, new TopKProcessor(2))));
        assertArrayEquals(new int[] {1, 3, 4}, Chains.kept(Chains.process(logits, new TopKProcessor(3))));
    }

    @Test
    void breaksBoundaryTiesTowardLowerTokenId() {
        float[] logits = {1f, 3f, 3f, 2f, 3f};
        assertArrayEquals(new int[] {1, 2}, Chains.kept(Chains.process(logits, new TopKProcessor(2))));
        assertArrayEquals(new int[] {1}, Chains.kept(Chains.process(logits, new TopKProcessor(1))));
    }

    @Test
    void keepsValuesUnchanged() {
        float[] out = Chains.process(new float[] {1.25f, -0.5f, 7f}, new TopKProcessor(2));
        assertArrayEquals(new float[] {1.25f, Float.NEGATIVE_INFINITY, 7f}, out);
    }

    @Test
    void nonPositiveOrOversizedKKeepsEverything() {
        float[] logits = {1f, 2f, 3f};
        for (int k : new int[] {0, -1, 3, 4, Integer.MAX_VALUE}) {
            assertArrayEquals(logits, Chains.process(logits, new TopKProcessor(k)), "k = " + k);
        }
    }

    @Test
    void selectsFromASparseSetToo() {
        // top-k after top-k: the second one runs on the sorted sparse survivors.
        float[] logits = {5f, 1f, 4f, 3f, 2f};
        assertArrayEquals(new int[] {0, 2}, Chains.kept(Chains.process(logits, new TopKProcessor(4), new TopKProcessor(2))));
    }
}
