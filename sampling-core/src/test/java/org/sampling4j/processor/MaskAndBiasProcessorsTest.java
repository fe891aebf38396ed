package org.sampling4j.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sampling4j.processor.Chains.NEG_INF;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sampling4j.Sampler;

/** Logit bias, allowed / banned masks and min-tokens against hand-computed values. */
class MaskAndBiasProcessorsTest {
    @Test
    void biasAddsAndMinusInfinityBans() {
        float[] out = Chains.process(new float[] {1f, 2f, 3f}, new LogitBiasProcessor(Map.of(0, 5f, 2, NEG_INF)));
        assertArrayEquals(new float[] {1f + 5f, 2f, NEG_INF}, out);
    }

    @Test
    void biasAppliesToSparseCandidates() {
        float[] out = Chains.process(new float[] {1f, 2f, 3f}, new TopKProcessor(2), new LogitBiasProcessor(Map.of(1, -0.5f, 0, 9f)));
        assertArrayEquals(new float[] {NEG_INF, 2f - 0.5f, 3f}, out);
    }

    @Test
    void rejectsBadBiasEntries() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LogitBiasProcessor(Map.of(1, Float.NaN)));
        assertEquals("logitBias[1] = NaN is outside [-Inf, +Inf): a bias must be finite or -Inf (bans the token)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LogitBiasProcessor(Map.of(1, Float.POSITIVE_INFINITY)));
        assertThrows(IllegalArgumentException.class, () -> new LogitBiasProcessor(Map.of(-1, 1f)));
        e = assertThrows(IllegalArgumentException.class,
                () -> Sampler.builder(3).add(new LogitBiasProcessor(Map.of(3, 1f))).build());
        assertEquals("logitBias contains token id 3, outside [0, 3)", e.getMessage());
    }

    @Test
    void allowOnlyKeepsTheListedTokens() {
        float[] out = Chains.process(new float[] {1f, 2f, 3f, 4f}, TokenMaskProcessor.allowOnly(2, 0, 2));
        assertArrayEquals(new float[] {1f, NEG_INF, 3f, NEG_INF}, out);
        out = Chains.process(new float[] {1f, 2f, 3f, 4f}, new TopKProcessor(3), TokenMaskProcessor.allowOnly(0, 3));
        assertArrayEquals(new int[] {3}, Chains.kept(out));
    }

    @Test
    void banRemovesTheListedTokens() {
        float[] out = Chains.process(new float[] {1f, 2f, 3f}, TokenMaskProcessor.ban(2));
        assertArrayEquals(new float[] {1f, 2f, NEG_INF}, out);
        out = Chains.process(new float[] {1f, 2f, 3f}, new TopKProcessor(2), TokenMaskProcessor.ban(2));
        assertArrayEquals(new int[] {1}, Chains.kept(out));
    }

    @Test
    void masksRejectIdsOutsideTheVocabulary() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sampler.builder(4).add(TokenMaskProcessor.allowOnly(1, 4)).build());
        assertEquals("allowedTokenIds contains token id 4, outside [0, 4)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TokenMaskProcessor.ban(-2));
        assertEquals("bannedTokenIds contains token id -2, outside [0, vocabSize)", e.getMessage());
    }

    @Test
    void minTokensBansStopTokensUntilEnoughWereGenerated() {
        float[] logits = {5f, 1f, 2f};
        MinTokensProcessor minTokens = new MinTokensProcessor(2, 0);
        assertArrayEquals(new int[] {1, 2}, Chains.kept(Chains.process(logits, new int[0], new int[] {1}, minTokens)));
        assertArrayEquals(new int[] {0, 1, 2}, Chains.kept(Chains.process(logits, new int[0], new int[] {1, 1}, minTokens)));
        assertThrows(IllegalArgumentException.class, () -> Sampler.builder(3).add(new MinTokensProcessor(1, 7)).build());
    }
}
