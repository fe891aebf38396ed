package org.sampling4j;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.sampling4j.grammar.Grammar;
import org.sampling4j.processor.PenaltyScope;

/**
 * The parameters of one sampling request, in the OpenAI / vLLM vocabulary. Immutable and
 * validated: {@link Builder#build()} names the field, the value and the allowed range of the first
 * bad setting. Core accepts the widest meaningful ranges (as llama.cpp does); request mappings
 * that follow a specific API's narrower ranges sit on top of this class.
 *
 * <p>Every numeric processor setting (temperature, top-k, top-p, min-p, penalties, DRY, XTC,
 * mirostat, ...) takes its range, default and off value from the one declaration beside the
 * processor that reads it ({@code TopPProcessor.TOP_P}); {@code docs/parameters.md} lists them
 * all, generated from those declarations. Its builder method says what each other field holds.
 */
public final class SamplingParams {
    private final TemperatureParams temperatureParams;
    private final TruncationParams truncationParams;
    private final PenaltyParams penaltyParams;
    private final DryParams dryParams;
    private final XtcParams xtcParams;
    private final MirostatParams mirostatParams;
    private final AdaptivePParams adaptivePParams;
    private final ThinkingParams thinkingParams;
    private final MaskParams maskParams;
    private final StopParams stopParams;
    private final LogprobParams logprobParams;
    private final RequestParams requestParams;
    private final TextParams textParams;
    private final ConstraintParams constraintParams;

    private SamplingParams(Builder b) {
        temperatureParams = b.temperatureParams.validated();
        truncationParams = b.truncationParams.validated();
        penaltyParams = b.penaltyParams.validated();
        maskParams = b.maskParams.validated();
        stopParams = b.stopParams.validated();
        dryParams = b.dryParams.validated();
        xtcParams = b.xtcParams.validated();
        mirostatParams = b.mirostatParams.validated();
        adaptivePParams = b.adaptivePParams.validated();
        thinkingParams = b.thinkingParams.validated();
        logprobParams = b.logprobParams.validated();
        requestParams = b.requestParams.validated();
        textParams = b.textParams.validated();
        constraintParams = b.constraintParams.validated();
    }

    /** A builder with every default: temperature 1, nothing else enabled. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: plain sampling from the full distribution at temperature 1. */
    public static SamplingParams defaults() {
        return builder().build();
    }

    /** The settings of a task preset. */
    public static SamplingParams preset(Preset preset) {
        return preset.toBuilder().build();
    }

    /** A builder that starts from these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.temperatureParams = temperatureParams;
        b.truncationParams = truncationParams;
        b.penaltyParams = penaltyParams;
        b.maskParams = maskParams.draft();
        b.stopParams = stopParams;
        b.dryParams = dryParams;
        b.xtcParams = xtcParams;
        b.mirostatParams = mirostatParams;
        b.adaptivePParams = adaptivePParams;
        b.thinkingParams = thinkingParams;
        b.logprobParams = logprobParams;
        b.requestParams = requestParams;
        b.textParams = textParams;
        b.constraintParams = constraintParams;
        return b;
    }

    public double temperature() { return temperatureParams.temperature(); }
    public int topK() { return truncationParams.topK(); }
    public double topP() { return truncationParams.topP(); }
    public double minP() { return truncationParams.minP(); }
    public int minKeep() { return truncationParams.minKeep(); }
    public double repetitionPenalty() { return penaltyParams.repetitionPenalty(); }
    public PenaltyScope repetitionScope() { return penaltyParams.repetitionScope(); }
    public double frequencyPenalty() { return penaltyParams.frequencyPenalty(); }
    public double presencePenalty() { return penaltyParams.presencePenalty(); }
    public int penaltyLastN() { return penaltyParams.penaltyLastN(); }
    /** Unmodifiable, ordered by token id. */
    public Map<Integer, Float> logitBias() { return maskParams.logitBias(); }
    /** A copy, or null when every token is allowed. */
    public int[] allowedTokenIds() { return TokenArrays.copy(maskParams.allowedTokenIds()); }
    /** A copy, or null. */
    public int[] bannedTokenIds() { return TokenArrays.copy(maskParams.bannedTokenIds()); }
    public int minTokens() { return stopParams.minTokens(); }
    /** A copy, or null. */
    public int[] stopTokenIds() { return TokenArrays.copy(stopParams.stopTokenIds()); }
    /** The token budget, 0 for none. */
    public int maxTokens() { return stopParams.maxTokens(); }
    /** The stop token sequences (copies), empty for none. */
    public int[][] stopSequences() { return TokenArrays.deepCopy(stopParams.stopSequences()); }
    /** Stop token ids, max tokens and stop sequences, as the sampler checks them after each token. */
    public StopConditions stopConditions() { return stopParams.conditions(); }
    public double typicalP() { return truncationParams.typicalP(); }
    public double epsilonCutoff() { return truncationParams.epsilonCutoff(); }
    public double etaCutoff() { return truncationParams.etaCutoff(); }
    public int noRepeatNgramSize() { return maskParams.noRepeatNgramSize(); }
    public double topNSigma() { return truncationParams.topNSigma(); }
    /** HF top_h: entropy-bounded truncation; 0 = off. */
    public double topH() { return truncationParams.topH(); }
    public double xtcProbability() { return xtcParams.xtcProbability(); }
    public double xtcThreshold() { return xtcParams.xtcThreshold(); }
    public double dynatempRange() { return temperatureParams.dynatempRange(); }
    public double dynatempExponent() { return temperatureParams.dynatempExponent(); }
    public int mirostat() { return mirostatParams.mirostat(); }
    public double mirostatTau() { return mirostatParams.mirostatTau(); }
    public double mirostatEta() { return mirostatParams.mirostatEta(); }
    /** llama.cpp adaptive_target: the probability adaptive-p steers toward; negative = off. */
    public double adaptiveTarget() { return adaptivePParams.adaptiveTarget(); }
    /** llama.cpp adaptive_decay: the weight of the past in adaptive-p's average. */
    public double adaptiveDecay() { return adaptivePParams.adaptiveDecay(); }
    public double dryMultiplier() { return dryParams.dryMultiplier(); }
    public double dryBase() { return dryParams.dryBase(); }
    public int dryAllowedLength() { return dryParams.dryAllowedLength(); }
    public int dryPenaltyLastN() { return dryParams.dryPenaltyLastN(); }
    /** Copies of the token sequences, empty for none. */
    public int[][] drySequenceBreakers() { return TokenArrays.deepCopy(dryParams.drySequenceBreakers()); }
    /** Copies of the token sequences, empty for none. */
    public int[][] badWords() { return TokenArrays.deepCopy(maskParams.badWords()); }
    /** vLLM thinking_token_budget: tokens a reasoning section may hold before its end is forced; -1 = none. */
    public int thinkingTokenBudget() { return thinkingParams.thinkingTokenBudget(); }
    /** The token ids that open a reasoning section (a copy; empty without a budget). */
    public int[] thinkStartTokenIds() { return thinkingParams.thinkStartTokenIds().clone(); }
    /** The token ids that close a reasoning section (a copy). */
    public int[] thinkEndTokenIds() { return thinkingParams.thinkEndTokenIds().clone(); }
    /** The token ids forced before the end ids when the budget runs out (llama.cpp's budget message; a copy). */
    public int[] thinkingBudgetMessageIds() { return thinkingParams.thinkingBudgetMessageIds().clone(); }
    /** Classifier-free guidance scale (HF guidance_scale); 1 = off. */
    public double guidanceScale() { return requestParams.guidanceScale(); }
    /** How many sequences a request asks for (vLLM / OpenAI n, HF num_return_sequences). */
    public int n() { return requestParams.n(); }
    /** What {@link SampleResult}'s top-N list reports. */
    public LogprobsMode logprobsMode() { return logprobParams.logprobsMode(); }
    public OptionalLong seed() { return requestParams.seed() == null ? OptionalLong.empty() : OptionalLong.of(requestParams.seed()); }
    public int topLogprobs() { return logprobParams.topLogprobs(); }
    public int maxTopLogprobs() { return logprobParams.maxTopLogprobs(); }
    public ChainOrder chainOrder() { return requestParams.chainOrder(); }
    /** Strings that end generation at their earliest-ending match in the decoded text; empty for none. */
    public List<String> stopStrings() { return textParams.stopStrings(); }
    /** Whether the output keeps a matched stop string (vLLM include_stop_str_in_output; default false). */
    public boolean includeStopStringInOutput() { return textParams.includeStopStringInOutput(); }
    /** Whether special tokens contribute no text (vLLM skip_special_tokens; default true). */
    public boolean skipSpecialTokens() { return textParams.skipSpecialTokens(); }
    /** The grammar the output must follow (its token mask runs first in the chain), or null for none. */
    public Grammar grammar() { return constraintParams.grammar(); }

    /**
     * Every field as {name, value}: the components of each group record, in order. One list for
     * equals, hashCode and toString, read from the records themselves so that none is left out.
     */
    private List<Object[]> fields() {
        List<Object[]> fields = new ArrayList<>();
        for (Record group : new Record[] {temperatureParams, truncationParams, penaltyParams, maskParams, stopParams,
            dryParams, xtcParams, mirostatParams, adaptivePParams, thinkingParams, logprobParams, requestParams, textParams, constraintParams}) {
            for (RecordComponent c : group.getClass().getRecordComponents()) {
                try {
                    fields.add(new Object[] {c.getName(), c.getAccessor().invoke(group)});
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return fields;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamplingParams && Arrays.deepEquals(fields().toArray(), ((SamplingParams) o).fields().toArray());
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(fields().toArray());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SamplingParams{");
        String separator = "";
        for (Object[] field : fields()) {
            Object v = field[1];
            s.append(separator).append(field[0]).append('=').append(v instanceof Object[] ? Arrays.deepToString((Object[]) v)
                    : v instanceof int[] ? Arrays.toString((int[]) v) : String.valueOf(v));
            separator = ", ";
        }
        return s.append('}').toString();
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private TemperatureParams temperatureParams = TemperatureParams.DEFAULTS;
        private TruncationParams truncationParams = TruncationParams.DEFAULTS;
        private PenaltyParams penaltyParams = PenaltyParams.DEFAULTS;
        private MaskParams maskParams = MaskParams.defaults();
        private StopParams stopParams = StopParams.DEFAULTS;
        private DryParams dryParams = DryParams.DEFAULTS;
        private XtcParams xtcParams = XtcParams.DEFAULTS;
        private MirostatParams mirostatParams = MirostatParams.DEFAULTS;
        private AdaptivePParams adaptivePParams = AdaptivePParams.DEFAULTS;
        private ThinkingParams thinkingParams = ThinkingParams.DEFAULTS;
        private LogprobParams logprobParams = LogprobParams.DEFAULTS;
        private RequestParams requestParams = RequestParams.DEFAULTS;
        private TextParams textParams = TextParams.DEFAULTS;
        private ConstraintParams constraintParams = ConstraintParams.DEFAULTS;

        private Builder() {
        }

        public Builder temperature(double value) { temperatureParams = temperatureParams.withTemperature(value); return this; }
        public Builder topK(int value) { truncationParams = truncationParams.withTopK(value); return this; }
        public Builder topP(double value) { truncationParams = truncationParams.withTopP(value); return this; }
        public Builder minP(double value) { truncationParams = truncationParams.withMinP(value); return this; }
        public Builder minKeep(int value) { truncationParams = truncationParams.withMinKeep(value); return this; }
        public Builder repetitionPenalty(double value) { penaltyParams = penaltyParams.withRepetitionPenalty(value); return this; }
        /** Which tokens the repetition penalty counts (default prompt and generated). */
        public Builder repetitionScope(PenaltyScope value) { penaltyParams = penaltyParams.withRepetitionScope(value); return this; }
        public Builder frequencyPenalty(double value) { penaltyParams = penaltyParams.withFrequencyPenalty(value); return this; }
        public Builder presencePenalty(double value) { penaltyParams = penaltyParams.withPresencePenalty(value); return this; }
        public Builder penaltyLastN(int value) { penaltyParams = penaltyParams.withPenaltyLastN(value); return this; }
        /** Replaces the whole bias map (token id in [0, V) to an additive bias, finite or -Inf to ban). */
        public Builder logitBias(Map<Integer, Float> value) { maskParams = maskParams.withLogitBias(value); return this; }
        /** Adds one bias entry. */
        public Builder logitBias(int tokenId, float bias) { maskParams.logitBias().put(tokenId, bias); return this; }
        /** Only these tokens (ids in [0, V)) may be drawn; null = all. */
        public Builder allowedTokenIds(int... ids) { maskParams = maskParams.withAllowedTokenIds(ids); return this; }
        /** These tokens (ids in [0, V)) are never drawn; null = none. */
        public Builder bannedTokenIds(int... ids) { maskParams = maskParams.withBannedTokenIds(ids); return this; }
        public Builder minTokens(int value) { stopParams = stopParams.withMinTokens(value); return this; }
        /** Stop / end-of-sequence token ids in [0, V), masked until {@code minTokens} tokens were generated. */
        public Builder stopTokenIds(int... ids) { stopParams = stopParams.withStopTokenIds(ids); return this; }
        /** Stop after this many generated tokens, [0, +Inf); 0 = no limit. */
        public Builder maxTokens(int value) { stopParams = stopParams.withMaxTokens(value); return this; }
        /** Stop when the generated tokens end with one of these (non-empty) token sequences. */
        public Builder stopSequences(int[]... value) { stopParams = stopParams.withStopSequences(value); return this; }
        /** HF typical_p. */
        public Builder typicalP(double value) { truncationParams = truncationParams.withTypicalP(value); return this; }
        /** HF epsilon_cutoff. */
        public Builder epsilonCutoff(double value) { truncationParams = truncationParams.withEpsilonCutoff(value); return this; }
        /** HF eta_cutoff. */
        public Builder etaCutoff(double value) { truncationParams = truncationParams.withEtaCutoff(value); return this; }
        /** HF no_repeat_ngram_size. */
        public Builder noRepeatNgramSize(int value) { maskParams = maskParams.withNoRepeatNgramSize(value); return this; }
        /** llama.cpp top_n_sigma. */
        public Builder topNSigma(double value) { truncationParams = truncationParams.withTopNSigma(value); return this; }
        /** HF top_h, [0, 1]; 0 disables. */
        public Builder topH(double value) { truncationParams = truncationParams.withTopH(value); return this; }
        /** XTC: the chance of applying it and the probability threshold of a top choice. */
        public Builder xtc(double probability, double threshold) { xtcParams = new XtcParams(probability, threshold); return this; }
        /** Dynamic temperature: temperature +- range scaled by normalised entropy^exponent. */
        public Builder dynamicTemperature(double range, double exponent) {
            temperatureParams = new TemperatureParams(temperatureParams.temperature(), range, exponent);
            return this;
        }
        /** Mirostat version (0 off, 1, 2), target surprise tau and learning rate eta. */
        public Builder mirostat(int version, double tau, double eta) { mirostatParams = new MirostatParams(version, tau, eta); return this; }
        /**
         * Adaptive-p (llama.cpp): target probability in [0, 1] (negative disables) and decay in
         * [0, 0.99]; it picks the token instead of the plain draw, unless greedy or mirostat.
         */
        public Builder adaptiveP(double target, double decay) { adaptivePParams = new AdaptivePParams(target, decay); return this; }
        /** DRY multiplier (0 disables), base, allowed length and window (0 = whole sequence). */
        public Builder dry(double multiplier, double base, int allowedLength, int penaltyLastN) {
            dryParams = new DryParams(multiplier, base, allowedLength, penaltyLastN, dryParams.drySequenceBreakers());
            return this;
        }
        /** DRY's sequence breakers, as (non-empty) token-id sequences. */
        public Builder drySequenceBreakers(int[]... value) { dryParams = dryParams.withSequenceBreakers(value); return this; }
        /** vLLM bad_words as (non-empty) token-id sequences: the last token is banned after the others. */
        public Builder badWords(int[]... value) { maskParams = maskParams.withBadWords(value); return this; }
        /**
         * Thinking budget (vLLM thinking_token_budget, llama.cpp reasoning budget): after {@code budget}
         * tokens inside a section opened by {@code startTokenIds}, force {@code endTokenIds}; -1 disables.
         */
        public Builder thinkingBudget(int budget, int[] startTokenIds, int[] endTokenIds) {
            thinkingParams = new ThinkingParams(budget, startTokenIds, endTokenIds, thinkingParams.thinkingBudgetMessageIds());
            return this;
        }
        /** Token ids forced before the end ids when the thinking budget runs out (default none). */
        public Builder thinkingBudgetMessage(int... ids) {
            thinkingParams = new ThinkingParams(thinkingParams.thinkingTokenBudget(), thinkingParams.thinkStartTokenIds(),
                    thinkingParams.thinkEndTokenIds(), ids);
            return this;
        }
        /** Classifier-free guidance scale; 1 disables. The sampler then needs the unconditional row. */
        public Builder guidanceScale(double value) { requestParams = requestParams.withGuidanceScale(value); return this; }
        /** Number of sequences, [1, +Inf): {@link Sampler#newSequences} makes them, seeded seed + i. */
        public Builder n(int value) { requestParams = requestParams.withN(value); return this; }
        /** What the top-N logprobs list reports (default processed logprobs). */
        public Builder logprobsMode(LogprobsMode value) { logprobParams = logprobParams.withLogprobsMode(value); return this; }
        /** Any long; without one each new sequence draws a fresh random seed. */
        public Builder seed(long value) { requestParams = requestParams.withSeed(value); return this; }
        /** Forget the seed: each new sequence draws a fresh random one. */
        public Builder clearSeed() { requestParams = requestParams.withSeed(null); return this; }
        /** How many top logprobs a result reports, [0, maxTopLogprobs] (default 0). */
        public Builder topLogprobs(int value) { logprobParams = logprobParams.withTopLogprobs(value); return this; }
        /** The most top logprobs allowed, [0, +Inf) (default 20; up to V is meaningful). */
        public Builder maxTopLogprobs(int value) { logprobParams = logprobParams.withMaxTopLogprobs(value); return this; }
        /** The order of the processors (default {@link ChainOrder#HUGGINGFACE}). */
        public Builder chainOrder(ChainOrder value) { requestParams = requestParams.withChainOrder(value); return this; }
        /**
         * Strings that end generation (OpenAI / vLLM {@code stop}), matched on the decoded text across
         * tokens; the sampler ignores them, {@code Generator} and {@code TextStream} apply them.
         */
        public Builder stopStrings(String... value) { textParams = textParams.withStopStrings(Arrays.asList(value)); return this; }
        /** As {@link #stopStrings(String...)}. */
        public Builder stopStrings(List<String> value) { textParams = textParams.withStopStrings(new ArrayList<>(value)); return this; }
        /** Whether the output keeps the matched stop string (default false). */
        public Builder includeStopStringInOutput(boolean value) { textParams = textParams.withIncludeStopStringInOutput(value); return this; }
        /** Whether special tokens contribute no text (default true). */
        public Builder skipSpecialTokens(boolean value) { textParams = textParams.withSkipSpecialTokens(value); return this; }

        /**
         * The grammar the output must follow (vLLM {@code structured_outputs}, llama.cpp {@code grammar},
         * OpenAI {@code response_format}), compiled for the sampler's vocabulary; null for none.
         */
        public Builder grammar(Grammar value) { constraintParams = constraintParams.withGrammar(value); return this; }

        /** Validates and builds. @throws IllegalArgumentException naming field, value and range */
        public SamplingParams build() {
            return new SamplingParams(this);
        }
    }
}
