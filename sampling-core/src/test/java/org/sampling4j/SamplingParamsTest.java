package org.sampling4j;

import org.sampling4j.processor.PenaltyScope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
        int[] stop = {4, 5};
        SamplingParams q = SamplingParams.builder().stopSequences(stop).build();
        stop[0] = 9;
        assertEquals(4, q.stopSequences()[0][0], "the builder's sequences are copied deeply");
    }

    @Test
    void equalsHashCodeAndToStringCoverEveryField() {
        Map<String, UnaryOperator<SamplingParams.Builder>> changes = Map.ofEntries(
                Map.entry("temperature", b -> b.temperature(0.5)), Map.entry("topK", b -> b.topK(4)),
                Map.entry("topP", b -> b.topP(0.5)), Map.entry("minP", b -> b.minP(0.5)), Map.entry("minKeep", b -> b.minKeep(2)),
                Map.entry("repetitionPenalty", b -> b.repetitionPenalty(2)),
                Map.entry("repetitionScope", b -> b.repetitionScope(PenaltyScope.GENERATED)),
                Map.entry("frequencyPenalty", b -> b.frequencyPenalty(1)), Map.entry("presencePenalty", b -> b.presencePenalty(1)),
                Map.entry("penaltyLastN", b -> b.penaltyLastN(8)), Map.entry("logitBias", b -> b.logitBias(1, 2f)),
                Map.entry("allowedTokenIds", b -> b.allowedTokenIds(1)), Map.entry("bannedTokenIds", b -> b.bannedTokenIds(1)),
                Map.entry("minTokens", b -> b.minTokens(2)), Map.entry("stopTokenIds", b -> b.stopTokenIds(1)),
                Map.entry("maxTokens", b -> b.maxTokens(9)), Map.entry("stopSequences", b -> b.stopSequences(new int[] {1})),
                Map.entry("typicalP", b -> b.typicalP(0.5)), Map.entry("epsilonCutoff", b -> b.epsilonCutoff(0.5)),
                Map.entry("etaCutoff", b -> b.etaCutoff(0.5)), Map.entry("noRepeatNgramSize", b -> b.noRepeatNgramSize(2)),
                Map.entry("topNSigma", b -> b.topNSigma(1)), Map.entry("topH", b -> b.topH(0.5)),
                Map.entry("adaptiveTarget", b -> b.adaptiveP(0.5, 0.9)),
                Map.entry("thinkingTokenBudget", b -> b.thinkingBudget(3, new int[] {1}, new int[] {2})),
                Map.entry("thinkStartTokenIds", b -> b.thinkingBudget(-1, new int[] {1}, new int[0])),
                Map.entry("thinkEndTokenIds", b -> b.thinkingBudget(-1, new int[0], new int[] {2})),
                Map.entry("thinkingBudgetMessageIds", b -> b.thinkingBudgetMessage(4)), Map.entry("adaptiveDecay", b -> b.adaptiveP(-1, 0.5)), Map.entry("xtcProbability", b -> b.xtc(0.5, 0.1)),
                Map.entry("xtcThreshold", b -> b.xtc(0, 0.2)), Map.entry("dynatempRange", b -> b.dynamicTemperature(0.5, 1)),
                Map.entry("dynatempExponent", b -> b.dynamicTemperature(0, 2)), Map.entry("mirostat", b -> b.mirostat(2, 5, 0.1)),
                Map.entry("mirostatTau", b -> b.mirostat(0, 4, 0.1)), Map.entry("mirostatEta", b -> b.mirostat(0, 5, 0.2)),
                Map.entry("dryMultiplier", b -> b.dry(1, 1.75, 2, 0)), Map.entry("dryBase", b -> b.dry(0, 2, 2, 0)),
                Map.entry("dryAllowedLength", b -> b.dry(0, 1.75, 3, 0)), Map.entry("dryPenaltyLastN", b -> b.dry(0, 1.75, 2, 9)),
                Map.entry("drySequenceBreakers", b -> b.drySequenceBreakers(new int[] {1})),
                Map.entry("badWords", b -> b.badWords(new int[] {1})), Map.entry("guidanceScale", b -> b.guidanceScale(2)),
                Map.entry("n", b -> b.n(2)), Map.entry("logprobsMode", b -> b.logprobsMode(LogprobsMode.RAW_LOGITS)),
                Map.entry("seed", b -> b.seed(1)), Map.entry("topLogprobs", b -> b.topLogprobs(3)),
                Map.entry("maxTopLogprobs", b -> b.maxTopLogprobs(30)), Map.entry("chainOrder", b -> b.chainOrder(ChainOrder.VLLM)),
                Map.entry("stopStrings", b -> b.stopStrings("x")),
                Map.entry("includeStopStringInOutput", b -> b.includeStopStringInOutput(true)),
                Map.entry("skipSpecialTokens", b -> b.skipSpecialTokens(false)),
                Map.entry("grammar", b -> b.grammar(org.sampling4j.grammar.Grammar.choice(java.util.List.of("a"),
                        org.sampling4j.text.Vocabulary.builder().add(new byte[] {'a'}).build()))));
        Set<String> accessors = new TreeSet<>();
        for (Method m : SamplingParams.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                    && !Set.of("toBuilder", "stopConditions", "hashCode", "toString").contains(m.getName())) {
                accessors.add(m.getName());
            }
        }
        assertEquals(accessors, new TreeSet<>(changes.keySet()), "one change per field");
        SamplingParams defaults = SamplingParams.defaults();
        for (Map.Entry<String, UnaryOperator<SamplingParams.Builder>> change : changes.entrySet()) {
            SamplingParams p = change.getValue().apply(SamplingParams.builder()).build();
            String field = change.getKey();
            assertNotEquals(defaults, p, field);
            assertNotEquals(defaults.hashCode(), p.hashCode(), field);
            assertNotEquals(defaults.toString(), p.toString(), field);
            assertTrue(defaults.toString().contains(", " + field + "=") || defaults.toString().startsWith("SamplingParams{" + field + "="),
                    field + " in " + defaults);
            assertEquals(p, p.toBuilder().build(), field);
        }
    }

    private static void assertMessage(UnaryOperator<SamplingParams.Builder> setting, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> setting.apply(SamplingParams.builder()).build());
        assertEquals(message, e.getMessage());
    }
}
