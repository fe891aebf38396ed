package org.sampling4j;

import org.sampling4j.processor.PenaltyScope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SamplingParamsTest {
    @Test
    void defaultsDisableEverythingButTemperatureOne() {
        SamplingParams p = SamplingParams.defaults();
        assertEquals(1.0, p.temperature());
        assertEquals(0, p.topK());
        assertEquals(1.0, p.topP());
        assertEquals(0.0, p.minP());
        assertEquals(1.0, p.repetitionPenalty());
        assertFalse(p.seed().isPresent());
        assertEquals(ChainOrder.HUGGINGFACE, p.chainOrder());
    }

    @Test
    void everyOutOfRangeFieldIsNamedWithItsValueAndRange() {
        assertMessage(b -> b.temperature(-1), "temperature = -1 is outside [0, +Inf); 0 means greedy, 1 is the identity");
        assertMessage(b -> b.temperature(Double.NaN), "temperature = NaN is outside [0, +Inf); 0 means greedy, 1 is the identity");
        assertMessage(b -> b.topP(0), "topP = 0 is outside (0, 1]; 1 disables top-p");
        assertMessage(b -> b.topP(1.5), "topP = 1.5 is outside (0, 1]; 1 disables top-p");
        assertMessage(b -> b.minP(2), "minP = 2 is outside [0, 1]; 0 disables min-p");
        assertMessage(b -> b.minKeep(0), "minKeep = 0 is outside [1, +Inf)");
        assertMessage(b -> b.repetitionPenalty(0), "repetitionPenalty = 0 is outside (0, +Inf); 1 disables the repetition penalty");
        assertMessage(b -> b.frequencyPenalty(Double.POSITIVE_INFINITY), "frequencyPenalty = +Inf is outside (-Inf, +Inf); 0 disables the penalty");
        assertMessage(b -> b.presencePenalty(Double.NaN), "presencePenalty = NaN is outside (-Inf, +Inf); 0 disables the penalty");
        assertMessage(b -> b.penaltyLastN(-1), "penaltyLastN = -1 is outside [0, +Inf); 0 counts the whole history");
        assertMessage(b -> b.minTokens(-2), "minTokens = -2 is outside [0, +Inf); 0 disables min-tokens");
        assertMessage(b -> b.topLogprobs(21), "topLogprobs = 21 is outside [0, 20]; raise maxTopLogprobs to allow more");
        assertMessage(b -> b.logitBias(-1, 1f), "logitBias token id -1 is outside [0, vocabSize)");
        assertMessage(b -> b.logitBias(4, Float.NaN), "logitBias[4] = NaN is outside [-Inf, +Inf): a bias must be finite or -Inf (bans the token)");
        assertMessage(b -> b.allowedTokenIds(1, -3), "allowedTokenIds contains token id -3, outside [0, vocabSize)");
        assertMessage(b -> b.bannedTokenIds(-1), "bannedTokenIds contains token id -1, outside [0, vocabSize)");
        assertMessage(b -> b.stopTokenIds(-1), "stopTokenIds contains token id -1, outside [0, vocabSize)");
    }

    @Test
    void topLogprobsCanBeRaisedUpToTheVocabulary() {
        assertEquals(100, SamplingParams.builder().maxTopLogprobs(1000).topLogprobs(100).build().topLogprobs());
    }

    @Test
    void tokenIdsAreCheckedAgainstTheVocabularyWhenTheSamplerIsBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sampler.of(SamplingParams.builder().logitBias(10, 1f).build(), 10));
        assertEquals("logitBias contains token id 10, outside [0, 10)", e.getMessage());
    }

    @Test
    void toBuilderRoundTripsAndEqualsComparesValues() {
        SamplingParams p = SamplingParams.builder().temperature(0.7).topK(40).topP(0.9).minP(0.05).minKeep(2)
                .repetitionPenalty(1.1).repetitionScope(PenaltyScope.GENERATED).frequencyPenalty(0.3)
                .presencePenalty(0.6).penaltyLastN(64).logitBias(5, -2f).allowedTokenIds(1, 2, 5)
                .bannedTokenIds(3).minTokens(4).stopTokenIds(0).seed(42).topLogprobs(5)
                .chainOrder(ChainOrder.VLLM).build();
        assertEquals(p, p.toBuilder().build());
        assertEquals(p.hashCode(), p.toBuilder().build().hashCode());
        assertFalse(p.equals(p.toBuilder().seed(43).build()));
    }

    @Test
    void gettersReturnCopiesOfArrays() {
        int[] allowed = {1, 2};
        SamplingParams p = SamplingParams.builder().allowedTokenIds(allowed).build();
        allowed[0] = 9;
        assertEquals(1, p.allowedTokenIds()[0]);
        p.allowedTokenIds()[0] = 7;
        assertEquals(1, p.allowedTokenIds()[0]);
    }

    private static void assertMessage(UnaryOperator<SamplingParams.Builder> setting, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> setting.apply(SamplingParams.builder()).build());
        assertEquals(message, e.getMessage());
    }
}
