package org.sampling4j;

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
    /** The validated groups: never changed, never handed out. */
    private final ParamGroups groups;

    private SamplingParams(Builder b) {
        groups = b.draft.validated();
    }

    /** A builder with every default: temperature 1, nothing else enabled. */
    public static Builder builder() {
        return new Builder(new ParamGroups());
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
        return new Builder(groups.draft());
    }

    public double temperature() { return groups.temperature.temperature(); }
    public int topK() { return groups.truncation.topK(); }
    public double topP() { return groups.truncation.topP(); }
    public double minP() { return groups.truncation.minP(); }
    public int minKeep() { return groups.truncation.minKeep(); }
    public double repetitionPenalty() { return groups.penalty.repetitionPenalty(); }
    public PenaltyScope repetitionScope() { return groups.penalty.repetitionScope(); }
    public double frequencyPenalty() { return groups.penalty.frequencyPenalty(); }
    public double presencePenalty() { return groups.penalty.presencePenalty(); }
    public int penaltyLastN() { return groups.penalty.penaltyLastN(); }
    /** Unmodifiable, ordered by token id. */
    public Map<Integer, Float> logitBias() { return groups.mask.logitBias(); }
    /** A copy, or null when every token is allowed. */
    public int[] allowedTokenIds() { return TokenArrays.copy(groups.mask.allowedTokenIds()); }
    /** A copy, or null. */
    public int[] bannedTokenIds() { return TokenArrays.copy(groups.mask.bannedTokenIds()); }
    public int minTokens() { return groups.stop.minTokens(); }
    /** A copy, or null. */
    public int[] stopTokenIds() { return TokenArrays.copy(groups.stop.stopTokenIds()); }
    /** The token budget, 0 for none. */
    public int maxTokens() { return groups.stop.maxTokens(); }
    /** The stop token sequences (copies), empty for none. */
    public int[][] stopSequences() { return TokenArrays.deepCopy(groups.stop.stopSequences()); }
    /** Stop token ids, max tokens and stop sequences, as the sampler checks them after each token. */
    public StopConditions stopConditions() { return groups.stop.conditions(); }
    public double typicalP() { return groups.truncation.typicalP(); }
    public double epsilonCutoff() { return groups.truncation.epsilonCutoff(); }
    public double etaCutoff() { return groups.truncation.etaCutoff(); }
    public int noRepeatNgramSize() { return groups.mask.noRepeatNgramSize(); }
    public double topNSigma() { return groups.truncation.topNSigma(); }
    /** HF top_h: entropy-bounded truncation; 0 = off. */
    public double topH() { return groups.truncation.topH(); }
    public double xtcProbability() { return groups.xtc.xtcProbability(); }
    public double xtcThreshold() { return groups.xtc.xtcThreshold(); }
    public double dynatempRange() { return groups.temperature.dynatempRange(); }
    public double dynatempExponent() { return groups.temperature.dynatempExponent(); }
    public int mirostat() { return groups.mirostat.mirostat(); }
    public double mirostatTau() { return groups.mirostat.mirostatTau(); }
    public double mirostatEta() { return groups.mirostat.mirostatEta(); }
    /** llama.cpp adaptive_target: the probability adaptive-p steers toward; negative = off. */
    public double adaptiveTarget() { return groups.adaptiveP.adaptiveTarget(); }
    /** llama.cpp adaptive_decay: the weight of the past in adaptive-p's average. */
    public double adaptiveDecay() { return groups.adaptiveP.adaptiveDecay(); }
    public double dryMultiplier() { return groups.dry.dryMultiplier(); }
    public double dryBase() { return groups.dry.dryBase(); }
    public int dryAllowedLength() { return groups.dry.dryAllowedLength(); }
    public int dryPenaltyLastN() { return groups.dry.dryPenaltyLastN(); }
    /** Copies of the token sequences, empty for none. */
    public int[][] drySequenceBreakers() { return TokenArrays.deepCopy(groups.dry.drySequenceBreakers()); }
    /** Copies of the token sequences, empty for none. */
    public int[][] badWords() { return TokenArrays.deepCopy(groups.mask.badWords()); }
    /** vLLM thinking_token_budget: tokens a reasoning section may hold before its end is forced; -1 = none. */
    public int thinkingTokenBudget() { return groups.thinking.thinkingTokenBudget(); }
    /** The token ids that open a reasoning section (a copy; empty without a budget). */
    public int[] thinkStartTokenIds() { return groups.thinking.thinkStartTokenIds().clone(); }
    /** The token ids that close a reasoning section (a copy). */
    public int[] thinkEndTokenIds() { return groups.thinking.thinkEndTokenIds().clone(); }
    /** The token ids forced before the end ids when the budget runs out (llama.cpp's budget message; a copy). */
    public int[] thinkingBudgetMessageIds() { return groups.thinking.thinkingBudgetMessageIds().clone(); }
    /** Classifier-free guidance scale (HF guidance_scale); 1 = off. */
    public double guidanceScale() { return groups.request.guidanceScale(); }
    /** How many sequences a request asks for (vLLM / OpenAI n, HF num_return_sequences). */
    public int n() { return groups.request.n(); }
    /** What {@link SampleResult}'s top-N list reports. */
    public LogprobsMode logprobsMode() { return groups.logprob.logprobsMode(); }
    public OptionalLong seed() { return groups.request.seed() == null ? OptionalLong.empty() : OptionalLong.of(groups.request.seed()); }
    public int topLogprobs() { return groups.logprob.topLogprobs(); }
    public int maxTopLogprobs() { return groups.logprob.maxTopLogprobs(); }
    public ChainOrder chainOrder() { return groups.request.chainOrder(); }
    /** Strings that end generation at their earliest-ending match in the decoded text; empty for none. */
    public List<String> stopStrings() { return groups.text.stopStrings(); }
    /** Whether the output keeps a matched stop string (vLLM include_stop_str_in_output; default false). */
    public boolean includeStopStringInOutput() { return groups.text.includeStopStringInOutput(); }
    /** Whether special tokens contribute no text (vLLM skip_special_tokens; default true). */
    public boolean skipSpecialTokens() { return groups.text.skipSpecialTokens(); }
    /** The grammar the output must follow (its token mask runs first in the chain), or null for none. */
    public Grammar grammar() { return groups.constraint.grammar(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamplingParams && groups.sameFields(((SamplingParams) o).groups);
    }

    @Override
    public int hashCode() {
        return groups.fieldsHash();
    }

    @Override
    public String toString() {
        return groups.describe("SamplingParams");
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        /** The groups being built: each setter replaces one group by a changed copy. */
        private final ParamGroups draft;

        private Builder(ParamGroups draft) {
            this.draft = draft;
        }

        public Builder temperature(double value) { draft.temperature = draft.temperature.withTemperature(value); return this; }
        public Builder topK(int value) { draft.truncation = draft.truncation.withTopK(value); return this; }
        public Builder topP(double value) { draft.truncation = draft.truncation.withTopP(value); return this; }
        public Builder minP(double value) { draft.truncation = draft.truncation.withMinP(value); return this; }
        public Builder minKeep(int value) { draft.truncation = draft.truncation.withMinKeep(value); return this; }
        public Builder repetitionPenalty(double value) { draft.penalty = draft.penalty.withRepetitionPenalty(value); return this; }
        /** Which tokens the repetition penalty counts (default prompt and generated). */
        public Builder repetitionScope(PenaltyScope value) { draft.penalty = draft.penalty.withRepetitionScope(value); return this; }
        public Builder frequencyPenalty(double value) { draft.penalty = draft.penalty.withFrequencyPenalty(value); return this; }
        public Builder presencePenalty(double value) { draft.penalty = draft.penalty.withPresencePenalty(value); return this; }
        public Builder penaltyLastN(int value) { draft.penalty = draft.penalty.withPenaltyLastN(value); return this; }
        /** Replaces the whole bias map (token id in [0, V) to an additive bias, finite or -Inf to ban). */
        public Builder logitBias(Map<Integer, Float> value) { draft.mask = draft.mask.withLogitBias(value); return this; }
        /** Adds one bias entry. */
        public Builder logitBias(int tokenId, float bias) { draft.mask.logitBias().put(tokenId, bias); return this; }
        /** Only these tokens (ids in [0, V)) may be drawn; null = all. */
        public Builder allowedTokenIds(int... ids) { draft.mask = draft.mask.withAllowedTokenIds(ids); return this; }
        /** These tokens (ids in [0, V)) are never drawn; null = none. */
        public Builder bannedTokenIds(int... ids) { draft.mask = draft.mask.withBannedTokenIds(ids); return this; }
        public Builder minTokens(int value) { draft.stop = draft.stop.withMinTokens(value); return this; }
        /** Stop / end-of-sequence token ids in [0, V), masked until {@code minTokens} tokens were generated. */
        public Builder stopTokenIds(int... ids) { draft.stop = draft.stop.withStopTokenIds(ids); return this; }
        /** Stop after this many generated tokens, [0, +Inf); 0 = no limit. */
        public Builder maxTokens(int value) { draft.stop = draft.stop.withMaxTokens(value); return this; }
        /** Stop when the generated tokens end with one of these (non-empty) token sequences. */
        public Builder stopSequences(int[]... value) { draft.stop = draft.stop.withStopSequences(value); return this; }
        /** HF typical_p. */
        public Builder typicalP(double value) { draft.truncation = draft.truncation.withTypicalP(value); return this; }
        /** HF epsilon_cutoff. */
        public Builder epsilonCutoff(double value) { draft.truncation = draft.truncation.withEpsilonCutoff(value); return this; }
        /** HF eta_cutoff. */
        public Builder etaCutoff(double value) { draft.truncation = draft.truncation.withEtaCutoff(value); return this; }
        /** HF no_repeat_ngram_size. */
        public Builder noRepeatNgramSize(int value) { draft.mask = draft.mask.withNoRepeatNgramSize(value); return this; }
        /** llama.cpp top_n_sigma. */
        public Builder topNSigma(double value) { draft.truncation = draft.truncation.withTopNSigma(value); return this; }
        /** HF top_h, [0, 1]; 0 disables. */
        public Builder topH(double value) { draft.truncation = draft.truncation.withTopH(value); return this; }
        /** XTC: the chance of applying it and the probability threshold of a top choice. */
        public Builder xtc(double probability, double threshold) { draft.xtc = new XtcParams(probability, threshold); return this; }
        /** Dynamic temperature: temperature +- range scaled by normalised entropy^exponent. */
        public Builder dynamicTemperature(double range, double exponent) {
            draft.temperature = new TemperatureParams(draft.temperature.temperature(), range, exponent);
            return this;
        }
        /** Mirostat version (0 off, 1, 2), target surprise tau and learning rate eta. */
        public Builder mirostat(int version, double tau, double eta) { draft.mirostat = new MirostatParams(version, tau, eta); return this; }
        /**
         * Adaptive-p (llama.cpp): target probability in [0, 1] (negative disables) and decay in
         * [0, 0.99]; it picks the token instead of the plain draw, unless greedy or mirostat.
         */
        public Builder adaptiveP(double target, double decay) { draft.adaptiveP = new AdaptivePParams(target, decay); return this; }
        /** DRY multiplier (0 disables), base, allowed length and window (0 = whole sequence). */
        public Builder dry(double multiplier, double base, int allowedLength, int penaltyLastN) {
            draft.dry = new DryParams(multiplier, base, allowedLength, penaltyLastN, draft.dry.drySequenceBreakers());
            return this;
        }
        /** DRY's sequence breakers, as (non-empty) token-id sequences. */
        public Builder drySequenceBreakers(int[]... value) { draft.dry = draft.dry.withSequenceBreakers(value); return this; }
        /** vLLM bad_words as (non-empty) token-id sequences: the last token is banned after the others. */
        public Builder badWords(int[]... value) { draft.mask = draft.mask.withBadWords(value); return this; }
        /**
         * Thinking budget (vLLM thinking_token_budget, llama.cpp reasoning budget): after {@code budget}
         * tokens inside a section opened by {@code startTokenIds}, force {@code endTokenIds}; -1 disables.
         */
        public Builder thinkingBudget(int budget, int[] startTokenIds, int[] endTokenIds) {
            draft.thinking = new ThinkingParams(budget, startTokenIds, endTokenIds, draft.thinking.thinkingBudgetMessageIds());
            return this;
        }
        /** Token ids forced before the end ids when the thinking budget runs out (default none). */
        public Builder thinkingBudgetMessage(int... ids) {
            draft.thinking = new ThinkingParams(draft.thinking.thinkingTokenBudget(), draft.thinking.thinkStartTokenIds(),
                    draft.thinking.thinkEndTokenIds(), ids);
            return this;
        }
        /** Classifier-free guidance scale; 1 disables. The sampler then needs the unconditional row. */
        public Builder guidanceScale(double value) { draft.request = draft.request.withGuidanceScale(value); return this; }
        /** Number of sequences, [1, +Inf): {@link Sampler#newSequences} makes them, seeded seed + i. */
        public Builder n(int value) { draft.request = draft.request.withN(value); return this; }
        /** What the top-N logprobs list reports (default processed logprobs). */
        public Builder logprobsMode(LogprobsMode value) { draft.logprob = draft.logprob.withLogprobsMode(value); return this; }
        /** Any long; without one each new sequence draws a fresh random seed. */
        public Builder seed(long value) { draft.request = draft.request.withSeed(value); return this; }
        /** Forget the seed: each new sequence draws a fresh random one. */
        public Builder clearSeed() { draft.request = draft.request.withSeed(null); return this; }
        /** How many top logprobs a result reports, [0, maxTopLogprobs] (default 0). */
        public Builder topLogprobs(int value) { draft.logprob = draft.logprob.withTopLogprobs(value); return this; }
        /** The most top logprobs allowed, [0, +Inf) (default 20; up to V is meaningful). */
        public Builder maxTopLogprobs(int value) { draft.logprob = draft.logprob.withMaxTopLogprobs(value); return this; }
        /** The order of the processors (default {@link ChainOrder#HUGGINGFACE}). */
        public Builder chainOrder(ChainOrder value) { draft.request = draft.request.withChainOrder(value); return this; }
        /**
         * Strings that end generation (OpenAI / vLLM {@code stop}), matched on the decoded text across
         * tokens; the sampler ignores them, {@code Generator} and {@code TextStream} apply them.
         */
        public Builder stopStrings(String... value) { draft.text = draft.text.withStopStrings(Arrays.asList(value)); return this; }
        /** As {@link #stopStrings(String...)}. */
        public Builder stopStrings(List<String> value) { draft.text = draft.text.withStopStrings(new ArrayList<>(value)); return this; }
        /** Whether the output keeps the matched stop string (default false). */
        public Builder includeStopStringInOutput(boolean value) { draft.text = draft.text.withIncludeStopStringInOutput(value); return this; }
        /** Whether special tokens contribute no text (default true). */
        public Builder skipSpecialTokens(boolean value) { draft.text = draft.text.withSkipSpecialTokens(value); return this; }

        /**
         * The grammar the output must follow (vLLM {@code structured_outputs}, llama.cpp {@code grammar},
         * OpenAI {@code response_format}), compiled for the sampler's vocabulary; null for none.
         */
        public Builder grammar(Grammar value) { draft.constraint = draft.constraint.withGrammar(value); return this; }

        /** Validates and builds. @throws IllegalArgumentException naming field, value and range */
        public SamplingParams build() {
            return new SamplingParams(this);
        }
    }
}
