package org.sampling4j.interop;

import org.sampling4j.SamplingParams;
import org.sampling4j.chain.Setting;
import org.sampling4j.internal.Range;
import org.sampling4j.picker.AdaptivePPicker;
import org.sampling4j.picker.Mirostat;
import org.sampling4j.processor.DryProcessor;
import org.sampling4j.processor.DynamicTemperatureProcessor;
import org.sampling4j.processor.EpsilonProcessor;
import org.sampling4j.processor.EtaProcessor;
import org.sampling4j.processor.NoRepeatNGramProcessor;
import org.sampling4j.processor.TopNSigmaProcessor;
import org.sampling4j.processor.TopPProcessor;
import org.sampling4j.processor.ThinkingBudgetProcessor;
import org.sampling4j.processor.TopHProcessor;
import org.sampling4j.processor.TypicalProcessor;
import org.sampling4j.processor.XtcProcessor;
import org.sampling4j.text.Encoder;
import org.sampling4j.text.Vocabulary;

/**
 * The keys of {@link OpenAiParams} beyond the OpenAI / vLLM core: the HF ones ({@code typical_p}, {@code top_h},
 * {@code epsilon}, {@code eta}, {@code no_repeat_ngram}), {@code min_keep} and llama.cpp's knobs (top_n_sigma,
 * XTC, dynamic temperature, mirostat, adaptive-p, DRY) and vLLM's thinking budget, each checked with the core setting's range and note under the
 * request's name. One instance per request: it collects the llama.cpp knobs and sets them in {@link #applyTo}.
 */
final class OpenAiExtendedKeys {
    /** llama.cpp's dry_penalty_last_n for the whole sequence (the core's 0), its default. */
    private static final int LLAMA_CPP_WHOLE_SEQUENCE = -1;

    /** llama.cpp's knobs, collected first because the builder sets each group at once. */
    double topNSigma = TopNSigmaProcessor.TOP_N_SIGMA.defaultValue();
    double xtcProbability = XtcProcessor.XTC_PROBABILITY.defaultValue();
    double xtcThreshold = XtcProcessor.XTC_THRESHOLD.defaultValue();
    double dynatempRange = DynamicTemperatureProcessor.DYNATEMP_RANGE.defaultValue();
    double dynatempExponent = DynamicTemperatureProcessor.DYNATEMP_EXPONENT.defaultValue();
    int mirostat = Mirostat.MIROSTAT.defaultInt();
    double adaptiveTarget = AdaptivePPicker.ADAPTIVE_TARGET.defaultValue();
    double adaptiveDecay = AdaptivePPicker.ADAPTIVE_DECAY.defaultValue();
    double mirostatTau = Mirostat.MIROSTAT_TAU.defaultValue();
    double mirostatEta = Mirostat.MIROSTAT_ETA.defaultValue();
    double dryMultiplier = DryProcessor.DRY_MULTIPLIER.defaultValue();
    double dryBase = DryProcessor.DRY_BASE.defaultValue();
    int dryAllowedLength = DryProcessor.DRY_ALLOWED_LENGTH.defaultInt();
    int dryPenaltyLastN = LLAMA_CPP_WHOLE_SEQUENCE;
    int[][] dryBreakers;
    int thinkingTokenBudget = ThinkingBudgetProcessor.THINKING_TOKEN_BUDGET.defaultInt();
    int[] thinkStart = new int[0];
    int[] thinkEnd = new int[0];
    private final Encoder encoder;
    private final Vocabulary vocabulary;

    OpenAiExtendedKeys(Encoder encoder, Vocabulary vocabulary) {
        this.encoder = encoder;
        this.vocabulary = vocabulary;
    }

    /** Reads {@code key} if it is one of these, the HF keys and min_keep straight into {@code b}; false otherwise. */
    boolean read(String key, Object v, SamplingParams.Builder b) {
        switch (key) {
            case "min_keep":
                b.minKeep(integer(TopPProcessor.MIN_KEEP, key, v));
                return true;
            case "typical_p":
                b.typicalP(number(TypicalProcessor.TYPICAL_P, key, v));
                return true;
            case "top_h":
                b.topH(number(TopHProcessor.TOP_H, key, v));
                return true;
            case "epsilon":
            case "epsilon_cutoff":
                b.epsilonCutoff(number(EpsilonProcessor.EPSILON_CUTOFF, key, v));
                return true;
            case "eta":
            case "eta_cutoff":
                b.etaCutoff(number(EtaProcessor.ETA_CUTOFF, key, v));
                return true;
            case "no_repeat_ngram":
            case "no_repeat_ngram_size":
                b.noRepeatNgramSize(integer(NoRepeatNGramProcessor.NO_REPEAT_NGRAM_SIZE, key, v));
                return true;
            default:
                return readLlamaCpp(key, v);
        }
    }

    private boolean readLlamaCpp(String key, Object v) {
        switch (key) {
            case "top_n_sigma":
                topNSigma = MapValues.number(key, v); // llama.cpp: -1 (any value <= 0) disables
                return true;
            case "xtc_probability":
                xtcProbability = number(XtcProcessor.XTC_PROBABILITY, key, v);
                return true;
            case "xtc_threshold":
                xtcThreshold = number(XtcProcessor.XTC_THRESHOLD, key, v);
                return true;
            case "dynatemp_range":
                dynatempRange = number(DynamicTemperatureProcessor.DYNATEMP_RANGE, key, v);
                return true;
            case "dynatemp_exponent":
                dynatempExponent = number(DynamicTemperatureProcessor.DYNATEMP_EXPONENT, key, v);
                return true;
            case "mirostat":
                mirostat = integer(Mirostat.MIROSTAT, key, v);
                return true;
            case "adaptive_target":
                adaptiveTarget = number(AdaptivePPicker.ADAPTIVE_TARGET, key, v);
                return true;
            case "adaptive_decay":
                adaptiveDecay = number(AdaptivePPicker.ADAPTIVE_DECAY, key, v);
                return true;
            case "mirostat_tau":
                mirostatTau = number(Mirostat.MIROSTAT_TAU, key, v);
                return true;
            case "mirostat_eta":
                mirostatEta = number(Mirostat.MIROSTAT_ETA, key, v);
                return true;
            case "dry_multiplier":
                dryMultiplier = number(DryProcessor.DRY_MULTIPLIER, key, v);
                return true;
            case "dry_base":
                dryBase = number(DryProcessor.DRY_BASE, key, v);
                return true;
            case "dry_allowed_length":
                dryAllowedLength = integer(DryProcessor.DRY_ALLOWED_LENGTH, key, v);
                return true;
            case "dry_penalty_last_n": // llama.cpp's range, not the core's: -1 is the whole sequence, 0 turns DRY off
                dryPenaltyLastN = Range.atLeast(LLAMA_CPP_WHOLE_SEQUENCE).withNote("-1 is the whole sequence, 0 disables DRY")
                        .check(key, MapValues.integer(key, v));
                return true;
            case "thinking_token_budget":
                thinkingTokenBudget = integer(ThinkingBudgetProcessor.THINKING_TOKEN_BUDGET, key, v);
                return true;
            case "think_start_token_ids":
                thinkStart = MapValues.tokenIds(key, v);
                return true;
            case "think_end_token_ids":
                thinkEnd = MapValues.tokenIds(key, v);
                return true;
            case "dry_sequence_breakers":
                dryBreakers = breakers(key, v);
                return true;
            default:
                return false;
        }
    }

    /** Token-id lists as given; strings by llama.cpp's rule, which needs the encoder and the vocabulary. */
    private int[][] breakers(String key, Object v) {
        if (!MapValues.isStringList(v)) {
            return MapValues.tokenSequences(key, v);
        }
        if (encoder == null || vocabulary == null) {
            throw new UnsupportedSettingException(key + " as text needs " + (encoder == null && vocabulary == null
                    ? "an Encoder and a Vocabulary" : encoder == null ? "an Encoder" : "a Vocabulary")
                    + " (llama.cpp scans the vocabulary for tokens that hold a breaker): pass them to"
                    + " OpenAiParams.fromMap(fields, encoder, vocabulary), or give token-id lists", key);
        }
        return LlamaCppBreakers.tokenize(MapValues.stringList(key, v), encoder, vocabulary);
    }

    void applyTo(SamplingParams.Builder b) {
        b.topNSigma(Math.max(topNSigma, TopNSigmaProcessor.TOP_N_SIGMA.offValue()))
                .xtc(xtcProbability, xtcThreshold)
                .dynamicTemperature(dynatempRange, dynatempExponent)
                .mirostat(mirostat, mirostatTau, mirostatEta)
                .adaptiveP(adaptiveTarget, adaptiveDecay);
        // llama.cpp's window 0 turns DRY off and -1 means the whole context; the core's 0 is the latter.
        b.dry(dryPenaltyLastN == 0 ? DryProcessor.DRY_MULTIPLIER.offValue() : dryMultiplier, dryBase, dryAllowedLength,
                Math.max(dryPenaltyLastN, 0));
        if (dryBreakers != null) {
            b.drySequenceBreakers(dryBreakers);
        }
        b.thinkingBudget(thinkingTokenBudget, thinkStart, thinkEnd);
    }

    /** A value checked with the core setting's range and note, named by the request's key. */
    private static double number(Setting setting, String key, Object v) {
        return setting.checkAs(key, MapValues.number(key, v));
    }

    private static int integer(Setting setting, String key, Object v) {
        return setting.checkAs(key, MapValues.integer(key, v));
    }
}
