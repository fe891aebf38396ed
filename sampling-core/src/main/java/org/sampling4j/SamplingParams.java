package org.sampling4j;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.sampling4j.internal.Range;
import org.sampling4j.picker.Mirostat;
import org.sampling4j.processor.ClassifierFreeGuidanceProcessor;
import org.sampling4j.processor.DryProcessor;
import org.sampling4j.processor.DynamicTemperatureProcessor;
import org.sampling4j.processor.EpsilonProcessor;
import org.sampling4j.processor.EtaProcessor;
import org.sampling4j.processor.FrequencyPresencePenaltyProcessor;
import org.sampling4j.processor.MinPProcessor;
import org.sampling4j.processor.MinTokensProcessor;
import org.sampling4j.processor.NoRepeatNGramProcessor;
import org.sampling4j.processor.PenaltyScope;
import org.sampling4j.processor.RepetitionPenaltyProcessor;
import org.sampling4j.processor.TemperatureProcessor;
import org.sampling4j.processor.TopKProcessor;
import org.sampling4j.processor.TopNSigmaProcessor;
import org.sampling4j.processor.TopPProcessor;
import org.sampling4j.processor.TypicalProcessor;
import org.sampling4j.processor.XtcProcessor;

/**
 * The parameters of one sampling request, in the OpenAI / vLLM vocabulary. Immutable and
 * validated: {@link Builder#build()} names the field, the value and the allowed range of the first
 * bad setting. Core accepts the widest meaningful ranges (as llama.cpp does); request mappings
 * that follow a specific API's narrower ranges sit on top of this class.
 *
 * <table>
 * <caption>Fields, ranges and defaults</caption>
 * <tr><th>field</th><th>range</th><th>default</th><th>disabled by</th></tr>
 * <tr><td>temperature</td><td>[0, +Inf), 0 = greedy</td><td>1</td><td>1</td></tr>
 * <tr><td>topK</td><td>any int</td><td>0</td><td>{@code <= 0} or {@code >= V}</td></tr>
 * <tr><td>topP</td><td>(0, 1]</td><td>1</td><td>1</td></tr>
 * <tr><td>minP</td><td>[0, 1]</td><td>0</td><td>0</td></tr>
 * <tr><td>minKeep</td><td>[1, +Inf)</td><td>1</td><td></td></tr>
 * <tr><td>repetitionPenalty</td><td>(0, +Inf)</td><td>1</td><td>1</td></tr>
 * <tr><td>frequencyPenalty, presencePenalty</td><td>finite</td><td>0</td><td>0</td></tr>
 * <tr><td>penaltyLastN</td><td>[0, +Inf), 0 = whole history</td><td>0</td><td></td></tr>
 * <tr><td>logitBias</td><td>id in [0, V), bias finite or -Inf</td><td>empty</td><td></td></tr>
 * <tr><td>allowedTokenIds, bannedTokenIds</td><td>ids in [0, V)</td><td>none</td><td></td></tr>
 * <tr><td>minTokens (with stopTokenIds)</td><td>[0, +Inf)</td><td>0</td><td>0</td></tr>
 * <tr><td>stopTokenIds, stopSequences (token ids)</td><td>ids in [0, V)</td><td>none</td><td></td></tr>
 * <tr><td>maxTokens</td><td>[0, +Inf), 0 = no limit</td><td>0</td><td>0</td></tr>
 * <tr><td>guidanceScale</td><td>[0, +Inf)</td><td>1</td><td>1</td></tr>
 * <tr><td>n</td><td>[1, +Inf)</td><td>1</td><td></td></tr>
 * <tr><td>topLogprobs</td><td>[0, maxTopLogprobs], default max 20</td><td>0</td><td></td></tr>
 * <tr><td>seed</td><td>any long; absent = fresh random seed per sequence</td><td>absent</td><td></td></tr>
 * </table>
 */
public final class SamplingParams {
    private final double temperature;
    private final int topK;
    private final double topP;
    private final double minP;
    private final int minKeep;
    private final double repetitionPenalty;
    private final PenaltyScope repetitionScope;
    private final double frequencyPenalty;
    private final double presencePenalty;
    private final int penaltyLastN;
    private final Map<Integer, Float> logitBias;
    private final int[] allowedTokenIds;
    private final int[] bannedTokenIds;
    private final int minTokens;
    private final int[] stopTokenIds;
    private final int maxTokens;
    private final int[][] stopSequences;
    private final double typicalP;
    private final double epsilonCutoff;
    private final double etaCutoff;
    private final int noRepeatNgramSize;
    private final double topNSigma;
    private final double xtcProbability;
    private final double xtcThreshold;
    private final double dynatempRange;
    private final double dynatempExponent;
    private final int mirostat;
    private final double mirostatTau;
    private final double mirostatEta;
    private final double dryMultiplier;
    private final double dryBase;
    private final int dryAllowedLength;
    private final int dryPenaltyLastN;
    private final int[][] drySequenceBreakers;
    private final int[][] badWords;
    private final double guidanceScale;
    private final int n;
    private final LogprobsMode logprobsMode;
    private final Long seed;
    private final int topLogprobs;
    private final int maxTopLogprobs;
    private final ChainOrder chainOrder;

    private SamplingParams(Builder b) {
        temperature = TemperatureProcessor.TEMPERATURE.check(b.temperature);
        topK = TopKProcessor.TOP_K.check(b.topK);
        topP = TopPProcessor.TOP_P.check(b.topP);
        minP = MinPProcessor.MIN_P.check(b.minP);
        minKeep = TopPProcessor.MIN_KEEP.check(b.minKeep);
        repetitionPenalty = RepetitionPenaltyProcessor.REPETITION_PENALTY.check(b.repetitionPenalty);
        repetitionScope = Objects.requireNonNull(b.repetitionScope, "repetitionScope");
        frequencyPenalty = FrequencyPresencePenaltyProcessor.FREQUENCY_PENALTY.check(b.frequencyPenalty);
        presencePenalty = FrequencyPresencePenaltyProcessor.PRESENCE_PENALTY.check(b.presencePenalty);
        penaltyLastN = RepetitionPenaltyProcessor.PENALTY_LAST_N.check(b.penaltyLastN);
        logitBias = checkBias(b.logitBias);
        allowedTokenIds = checkIds("allowedTokenIds", b.allowedTokenIds);
        bannedTokenIds = checkIds("bannedTokenIds", b.bannedTokenIds);
        minTokens = MinTokensProcessor.MIN_TOKENS.check(b.minTokens);
        stopTokenIds = checkIds("stopTokenIds", b.stopTokenIds);
        maxTokens = b.maxTokens;
        stopSequences = b.stopSequences == null ? new int[0][] : b.stopSequences.clone();
        StopConditions.of(stopTokenIds, maxTokens, stopSequences); // validates
        typicalP = TypicalProcessor.TYPICAL_P.check(b.typicalP);
        epsilonCutoff = EpsilonProcessor.EPSILON_CUTOFF.check(b.epsilonCutoff);
        etaCutoff = EtaProcessor.ETA_CUTOFF.check(b.etaCutoff);
        noRepeatNgramSize = NoRepeatNGramProcessor.NO_REPEAT_NGRAM_SIZE.check(b.noRepeatNgramSize);
        topNSigma = TopNSigmaProcessor.TOP_N_SIGMA.check(b.topNSigma);
        xtcProbability = XtcProcessor.XTC_PROBABILITY.check(b.xtcProbability);
        xtcThreshold = XtcProcessor.XTC_THRESHOLD.check(b.xtcThreshold);
        dynatempRange = DynamicTemperatureProcessor.DYNATEMP_RANGE.check(b.dynatempRange);
        dynatempExponent = DynamicTemperatureProcessor.DYNATEMP_EXPONENT.check(b.dynatempExponent);
        mirostat = Mirostat.MIROSTAT.check(b.mirostat);
        mirostatTau = Mirostat.MIROSTAT_TAU.check(b.mirostatTau);
        mirostatEta = Mirostat.MIROSTAT_ETA.check(b.mirostatEta);
        dryMultiplier = DryProcessor.DRY_MULTIPLIER.check(b.dryMultiplier);
        dryBase = DryProcessor.DRY_BASE.check(b.dryBase);
        dryAllowedLength = DryProcessor.DRY_ALLOWED_LENGTH.check(b.dryAllowedLength);
        dryPenaltyLastN = DryProcessor.DRY_PENALTY_LAST_N.check(b.dryPenaltyLastN);
        drySequenceBreakers = checkSequences("drySequenceBreakers", b.drySequenceBreakers);
        badWords = checkSequences("badWords", b.badWords);
        guidanceScale = ClassifierFreeGuidanceProcessor.GUIDANCE_SCALE.check(b.guidanceScale);
        n = Range.atLeast(1).check("n", b.n);
        logprobsMode = Objects.requireNonNull(b.logprobsMode, "logprobsMode");
        seed = b.seed;
        maxTopLogprobs = Range.atLeast(0).check("maxTopLogprobs", b.maxTopLogprobs);
        topLogprobs = Range.closed(0, maxTopLogprobs).withNote("raise maxTopLogprobs to allow more")
                .check("topLogprobs", b.topLogprobs);
        chainOrder = Objects.requireNonNull(b.chainOrder, "chainOrder");
    }

    private static Map<Integer, Float> checkBias(Map<Integer, Float> bias) {
        Map<Integer, Float> copy = new TreeMap<>();
        for (Map.Entry<Integer, Float> e : bias.entrySet()) {
            Integer id = Objects.requireNonNull(e.getKey(), "logitBias token id");
            Float value = Objects.requireNonNull(e.getValue(), "logitBias value");
            if (id < 0) {
                throw new IllegalArgumentException("logitBias token id " + id + " is outside [0, vocabSize)");
            }
            if (!(value < Float.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("logitBias[" + id + "] = " + value
                        + " is outside [-Inf, +Inf): a bias must be finite or -Inf (bans the token)");
            }
            copy.put(id, value);
        }
        return Collections.unmodifiableMap(copy);
    }

    private static int[][] checkSequences(String field, int[][] sequences) {
        if (sequences == null) {
            return new int[0][];
        }
        int[][] copy = new int[sequences.length][];
        for (int i = 0; i < copy.length; i++) {
            if (sequences[i] == null || sequences[i].length == 0) {
                throw new IllegalArgumentException(field + "[" + i + "] is empty: a token sequence needs at least one token");
            }
            copy[i] = checkIds(field + "[" + i + "]", sequences[i]);
        }
        return copy;
    }

    private static int[][] deepCopy(int[][] sequences) {
        int[][] copy = new int[sequences.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = sequences[i].clone();
        }
        return copy;
    }

    private static int[] checkIds(String field, int[] ids) {
        if (ids == null) {
            return null;
        }
        for (int id : ids) {
            if (id < 0) {
                throw new IllegalArgumentException(field + " contains token id " + id + ", outside [0, vocabSize)");
            }
        }
        return ids.clone();
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
        b.temperature = temperature;
        b.topK = topK;
        b.topP = topP;
        b.minP = minP;
        b.minKeep = minKeep;
        b.repetitionPenalty = repetitionPenalty;
        b.repetitionScope = repetitionScope;
        b.frequencyPenalty = frequencyPenalty;
        b.presencePenalty = presencePenalty;
        b.penaltyLastN = penaltyLastN;
        b.logitBias = new LinkedHashMap<>(logitBias);
        b.allowedTokenIds = allowedTokenIds == null ? null : allowedTokenIds.clone();
        b.bannedTokenIds = bannedTokenIds == null ? null : bannedTokenIds.clone();
        b.minTokens = minTokens;
        b.stopTokenIds = stopTokenIds == null ? null : stopTokenIds.clone();
        b.maxTokens = maxTokens;
        b.stopSequences = stopSequences.clone();
        b.typicalP = typicalP;
        b.epsilonCutoff = epsilonCutoff;
        b.etaCutoff = etaCutoff;
        b.noRepeatNgramSize = noRepeatNgramSize;
        b.topNSigma = topNSigma;
        b.xtcProbability = xtcProbability;
        b.xtcThreshold = xtcThreshold;
        b.dynatempRange = dynatempRange;
        b.dynatempExponent = dynatempExponent;
        b.mirostat = mirostat;
        b.mirostatTau = mirostatTau;
        b.mirostatEta = mirostatEta;
        b.dryMultiplier = dryMultiplier;
        b.dryBase = dryBase;
        b.dryAllowedLength = dryAllowedLength;
        b.dryPenaltyLastN = dryPenaltyLastN;
        b.drySequenceBreakers = deepCopy(drySequenceBreakers);
        b.badWords = deepCopy(badWords);
        b.guidanceScale = guidanceScale;
        b.n = n;
        b.logprobsMode = logprobsMode;
        b.seed = seed;
        b.topLogprobs = topLogprobs;
        b.maxTopLogprobs = maxTopLogprobs;
        b.chainOrder = chainOrder;
        return b;
    }

    public double temperature() { return temperature; }
    public int topK() { return topK; }
    public double topP() { return topP; }
    public double minP() { return minP; }
    public int minKeep() { return minKeep; }
    public double repetitionPenalty() { return repetitionPenalty; }
    public PenaltyScope repetitionScope() { return repetitionScope; }
    public double frequencyPenalty() { return frequencyPenalty; }
    public double presencePenalty() { return presencePenalty; }
    public int penaltyLastN() { return penaltyLastN; }
    /** Unmodifiable, ordered by token id. */
    public Map<Integer, Float> logitBias() { return logitBias; }
    /** A copy, or null when every token is allowed. */
    public int[] allowedTokenIds() { return allowedTokenIds == null ? null : allowedTokenIds.clone(); }
    /** A copy, or null. */
    public int[] bannedTokenIds() { return bannedTokenIds == null ? null : bannedTokenIds.clone(); }
    public int minTokens() { return minTokens; }
    /** A copy, or null. */
    public int[] stopTokenIds() { return stopTokenIds == null ? null : stopTokenIds.clone(); }
    /** The token budget, 0 for none. */
    public int maxTokens() { return maxTokens; }
    /** The stop token sequences (copies), empty for none. */
    public int[][] stopSequences() {
        int[][] copy = new int[stopSequences.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = stopSequences[i].clone();
        }
        return copy;
    }
    /** Stop token ids, max tokens and stop sequences, as the sampler checks them after each token. */
    public StopConditions stopConditions() { return StopConditions.of(stopTokenIds, maxTokens, stopSequences); }
    public double typicalP() { return typicalP; }
    public double epsilonCutoff() { return epsilonCutoff; }
    public double etaCutoff() { return etaCutoff; }
    public int noRepeatNgramSize() { return noRepeatNgramSize; }
    public double topNSigma() { return topNSigma; }
    public double xtcProbability() { return xtcProbability; }
    public double xtcThreshold() { return xtcThreshold; }
    public double dynatempRange() { return dynatempRange; }
    public double dynatempExponent() { return dynatempExponent; }
    public int mirostat() { return mirostat; }
    public double mirostatTau() { return mirostatTau; }
    public double mirostatEta() { return mirostatEta; }
    public double dryMultiplier() { return dryMultiplier; }
    public double dryBase() { return dryBase; }
    public int dryAllowedLength() { return dryAllowedLength; }
    public int dryPenaltyLastN() { return dryPenaltyLastN; }
    /** Copies of the token sequences, empty for none. */
    public int[][] drySequenceBreakers() { return deepCopy(drySequenceBreakers); }
    /** Copies of the token sequences, empty for none. */
    public int[][] badWords() { return deepCopy(badWords); }
    /** Classifier-free guidance scale (HF guidance_scale); 1 = off. */
    public double guidanceScale() { return guidanceScale; }
    /** How many sequences a request asks for (vLLM / OpenAI n, HF num_return_sequences). */
    public int n() { return n; }
    /** What {@link SampleResult}'s top-N list reports. */
    public LogprobsMode logprobsMode() { return logprobsMode; }
    public OptionalLong seed() { return seed == null ? OptionalLong.empty() : OptionalLong.of(seed); }
    public int topLogprobs() { return topLogprobs; }
    public int maxTopLogprobs() { return maxTopLogprobs; }
    public ChainOrder chainOrder() { return chainOrder; }

    private static final String[] FIELD_NAMES = {"temperature", "topK", "topP", "minP", "minKeep", "repetitionPenalty", "repetitionScope", "frequencyPenalty", "presencePenalty", "penaltyLastN", "logitBias", "allowedTokenIds", "bannedTokenIds", "minTokens", "stopTokenIds", "maxTokens", "stopSequences", "typicalP", "epsilonCutoff", "etaCutoff", "noRepeatNgramSize", "topNSigma", "xtcProbability", "xtcThreshold", "dynatempRange", "dynatempExponent", "mirostat", "mirostatTau", "mirostatEta", "dryMultiplier", "dryBase", "dryAllowedLength", "dryPenaltyLastN", "drySequenceBreakers", "badWords", "guidanceScale", "n", "logprobsMode", "seed", "topLogprobs", "maxTopLogprobs", "chainOrder"};

    /** Every field, in FIELD_NAMES order: one list for equals, hashCode and toString. */
    private Object[] fields() {
        return new Object[] {temperature, topK, topP, minP, minKeep, repetitionPenalty, repetitionScope, frequencyPenalty, presencePenalty, penaltyLastN, logitBias, allowedTokenIds, bannedTokenIds, minTokens, stopTokenIds, maxTokens, stopSequences, typicalP, epsilonCutoff, etaCutoff, noRepeatNgramSize, topNSigma, xtcProbability, xtcThreshold, dynatempRange, dynatempExponent, mirostat, mirostatTau, mirostatEta, dryMultiplier, dryBase, dryAllowedLength, dryPenaltyLastN, drySequenceBreakers, badWords, guidanceScale, n, logprobsMode, seed, topLogprobs, maxTopLogprobs, chainOrder};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamplingParams && Arrays.deepEquals(fields(), ((SamplingParams) o).fields());
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(fields());
    }

    @Override
    public String toString() {
        Object[] values = fields();
        StringBuilder s = new StringBuilder("SamplingParams{");
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            s.append(i == 0 ? "" : ", ").append(FIELD_NAMES[i]).append('=')
                    .append(v instanceof Object[] ? Arrays.deepToString((Object[]) v)
                            : v instanceof int[] ? Arrays.toString((int[]) v) : String.valueOf(v));
        }
        return s.append('}').toString();
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private double temperature = TemperatureProcessor.TEMPERATURE.defaultValue();
        private int topK = TopKProcessor.TOP_K.defaultInt();
        private double topP = TopPProcessor.TOP_P.defaultValue();
        private double minP = MinPProcessor.MIN_P.defaultValue();
        private int minKeep = TopPProcessor.MIN_KEEP.defaultInt();
        private double repetitionPenalty = RepetitionPenaltyProcessor.REPETITION_PENALTY.defaultValue();
        private PenaltyScope repetitionScope = PenaltyScope.PROMPT_AND_GENERATED;
        private double frequencyPenalty = FrequencyPresencePenaltyProcessor.FREQUENCY_PENALTY.defaultValue();
        private double presencePenalty = FrequencyPresencePenaltyProcessor.PRESENCE_PENALTY.defaultValue();
        private int penaltyLastN = RepetitionPenaltyProcessor.PENALTY_LAST_N.defaultInt();
        private Map<Integer, Float> logitBias = new LinkedHashMap<>();
        private int[] allowedTokenIds;
        private int[] bannedTokenIds;
        private int minTokens = MinTokensProcessor.MIN_TOKENS.defaultInt();
        private int[] stopTokenIds;
        private int maxTokens;
        private int[][] stopSequences;
        private double typicalP = TypicalProcessor.TYPICAL_P.defaultValue();
        private double epsilonCutoff = EpsilonProcessor.EPSILON_CUTOFF.defaultValue();
        private double etaCutoff = EtaProcessor.ETA_CUTOFF.defaultValue();
        private int noRepeatNgramSize = NoRepeatNGramProcessor.NO_REPEAT_NGRAM_SIZE.defaultInt();
        private double topNSigma = TopNSigmaProcessor.TOP_N_SIGMA.defaultValue();
        private double xtcProbability = XtcProcessor.XTC_PROBABILITY.defaultValue();
        private double xtcThreshold = XtcProcessor.XTC_THRESHOLD.defaultValue();
        private double dynatempRange = DynamicTemperatureProcessor.DYNATEMP_RANGE.defaultValue();
        private double dynatempExponent = DynamicTemperatureProcessor.DYNATEMP_EXPONENT.defaultValue();
        private int mirostat = Mirostat.MIROSTAT.defaultInt();
        private double mirostatTau = Mirostat.MIROSTAT_TAU.defaultValue();
        private double mirostatEta = Mirostat.MIROSTAT_ETA.defaultValue();
        private double dryMultiplier = DryProcessor.DRY_MULTIPLIER.defaultValue();
        private double dryBase = DryProcessor.DRY_BASE.defaultValue();
        private int dryAllowedLength = DryProcessor.DRY_ALLOWED_LENGTH.defaultInt();
        private int dryPenaltyLastN = DryProcessor.DRY_PENALTY_LAST_N.defaultInt();
        private int[][] drySequenceBreakers;
        private int[][] badWords;
        private double guidanceScale = ClassifierFreeGuidanceProcessor.GUIDANCE_SCALE.defaultValue();
        private int n = 1;
        private LogprobsMode logprobsMode = LogprobsMode.PROCESSED_LOGPROBS;
        private Long seed;
        private int topLogprobs;
        private int maxTopLogprobs = SampleResult.DEFAULT_CAPACITY;
        private ChainOrder chainOrder = ChainOrder.HUGGINGFACE;

        private Builder() {
        }

        public Builder temperature(double value) { temperature = value; return this; }
        public Builder topK(int value) { topK = value; return this; }
        public Builder topP(double value) { topP = value; return this; }
        public Builder minP(double value) { minP = value; return this; }
        public Builder minKeep(int value) { minKeep = value; return this; }
        public Builder repetitionPenalty(double value) { repetitionPenalty = value; return this; }
        public Builder repetitionScope(PenaltyScope value) { repetitionScope = value; return this; }
        public Builder frequencyPenalty(double value) { frequencyPenalty = value; return this; }
        public Builder presencePenalty(double value) { presencePenalty = value; return this; }
        public Builder penaltyLastN(int value) { penaltyLastN = value; return this; }
        /** Replaces the whole bias map (token id to additive bias). */
        public Builder logitBias(Map<Integer, Float> value) { logitBias = new LinkedHashMap<>(value); return this; }
        /** Adds one bias entry. */
        public Builder logitBias(int tokenId, float bias) { logitBias.put(tokenId, bias); return this; }
        /** Only these tokens may be drawn; null = all. */
        public Builder allowedTokenIds(int... ids) { allowedTokenIds = ids; return this; }
        public Builder bannedTokenIds(int... ids) { bannedTokenIds = ids; return this; }
        public Builder minTokens(int value) { minTokens = value; return this; }
        /** Stop / end-of-sequence token ids, masked until {@code minTokens} tokens were generated. */
        public Builder stopTokenIds(int... ids) { stopTokenIds = ids; return this; }
        /** Stop after this many generated tokens; 0 = no limit. */
        public Builder maxTokens(int value) { maxTokens = value; return this; }
        /** Stop when the generated tokens end with one of these token sequences. */
        public Builder stopSequences(int[]... value) { stopSequences = value; return this; }
        /** HF typical_p, (0, 1]; 1 disables. */
        public Builder typicalP(double value) { typicalP = value; return this; }
        /** HF epsilon_cutoff, [0, 1); 0 disables. */
        public Builder epsilonCutoff(double value) { epsilonCutoff = value; return this; }
        /** HF eta_cutoff, [0, 1); 0 disables. */
        public Builder etaCutoff(double value) { etaCutoff = value; return this; }
        /** HF no_repeat_ngram_size; 0 disables. */
        public Builder noRepeatNgramSize(int value) { noRepeatNgramSize = value; return this; }
        /** llama.cpp top_n_sigma, [0, +Inf); 0 disables. */
        public Builder topNSigma(double value) { topNSigma = value; return this; }
        /** XTC: the chance of applying it, [0, 1], and the probability threshold, [0, 1] (default 0.1). */
        public Builder xtc(double probability, double threshold) { xtcProbability = probability; xtcThreshold = threshold; return this; }
        /** Dynamic temperature: temperature +- range scaled by normalised entropy^exponent (exponent default 1). */
        public Builder dynamicTemperature(double range, double exponent) { dynatempRange = range; dynatempExponent = exponent; return this; }
        /** Mirostat version (0 off, 1, 2), target surprise tau (default 5) and learning rate eta (default 0.1). */
        public Builder mirostat(int version, double tau, double eta) { mirostat = version; mirostatTau = tau; mirostatEta = eta; return this; }
        /** DRY multiplier (0 disables), base (default 1.75), allowed length (default 2), window (0 = whole sequence). */
        public Builder dry(double multiplier, double base, int allowedLength, int penaltyLastN) {
            dryMultiplier = multiplier; dryBase = base; dryAllowedLength = allowedLength; dryPenaltyLastN = penaltyLastN; return this;
        }
        /** DRY's sequence breakers, as token-id sequences. */
        public Builder drySequenceBreakers(int[]... value) { drySequenceBreakers = value; return this; }
        /** vLLM bad_words as token-id sequences: the last token is banned after the others. */
        public Builder badWords(int[]... value) { badWords = value; return this; }
        /** Classifier-free guidance scale, [0, +Inf); 1 disables. The sampler then needs the unconditional row. */
        public Builder guidanceScale(double value) { guidanceScale = value; return this; }
        /** Number of sequences, [1, +Inf): {@link Sampler#newSequences} makes them, seeded seed + i. */
        public Builder n(int value) { n = value; return this; }
        /** What the top-N logprobs list reports (default processed logprobs). */
        public Builder logprobsMode(LogprobsMode value) { logprobsMode = value; return this; }
        public Builder seed(long value) { seed = value; return this; }
        /** Forget the seed: each new sequence draws a fresh random one. */
        public Builder clearSeed() { seed = null; return this; }
        public Builder topLogprobs(int value) { topLogprobs = value; return this; }
        public Builder maxTopLogprobs(int value) { maxTopLogprobs = value; return this; }
        public Builder chainOrder(ChainOrder value) { chainOrder = value; return this; }

        /** Validates and builds. @throws IllegalArgumentException naming field, value and range */
        public SamplingParams build() {
            return new SamplingParams(this);
        }
    }
}
