package org.sampling4j.interop;

import java.util.ArrayList;
import java.util.List;
import org.sampling4j.SamplingParams;
import org.sampling4j.picker.AdaptivePPicker;
import org.sampling4j.picker.Mirostat;
import org.sampling4j.processor.DynamicTemperatureProcessor;
import org.sampling4j.processor.FrequencyPresencePenaltyProcessor;
import org.sampling4j.processor.RepetitionPenaltyProcessor;
import org.sampling4j.processor.TemperatureProcessor;
import org.sampling4j.processor.TopPProcessor;
import org.sampling4j.processor.XtcProcessor;
import org.sampling4j.text.Encoder;
import org.sampling4j.text.Vocabulary;

/**
 * The llama.cpp server request fields of {@link LlamaCppRequest} that build its sampler chain:
 * mirostat, temperature and dynamic temperature, the truncations (top_k, top_p, min_p, typical_p,
 * top_n_sigma, XTC, min_keep), the penalties, DRY (by {@link LlamaCppTokenFields}), the
 * {@code samplers} order and adaptive-p, with the checks {@code params_from_json_cmpl} makes on
 * them. Which of them run depends on the chain: under mirostat only temperature does, and
 * adaptive-p only when neither greedy nor mirostat picks. {@link #read} takes the chain, and
 * {@link LlamaCppRequest} calls {@link #minKeep} and {@link #adaptiveP} where the request reads
 * them, so the first field refused is the same as when one method read them all.
 */
final class LlamaCppChainFields {
    /** The fields that llama.cpp's mirostat chain (temperature, then mirostat) does not run. */
    private static final String[] NOT_UNDER_MIROSTAT = {"top_k", "top_p", "min_p", "typical_p", "top_n_sigma",
        "xtc_probability", "xtc_threshold", "repeat_penalty", "frequency_penalty", "presence_penalty", "repeat_last_n",
        "dry_multiplier", "dry_base", "dry_allowed_length", "dry_penalty_last_n", "dry_sequence_breakers",
        "dynatemp_range", "dynatemp_exponent"};
    /** common_params_sampling's default samplers, by their request names. */
    private static final List<String> DEFAULT_SAMPLERS = List.of("penalties", "dry", "top_n_sigma", "top_k", "typ_p",
            "top_p", "min_p", "xtc", "temperature");

    private final RequestFields f;
    private final SamplingParams.Builder b;
    /** The mirostat version, 0 for none. */
    private final int mirostat;
    /** Whether a temperature &lt;= 0 without a dynamic range makes llama.cpp pick the argmax. */
    private final boolean greedy;

    private LlamaCppChainFields(RequestFields f, SamplingParams.Builder b, int mirostat, boolean greedy) {
        this.f = f;
        this.b = b;
        this.mirostat = mirostat;
        this.greedy = greedy;
    }

    /** Mirostat, temperature, the server's checks and, unless mirostat runs, the default chain's fields, into {@code b}. */
    static LlamaCppChainFields read(RequestFields f, SamplingParams.Builder b, Encoder encoder, Vocabulary vocabulary) {
        int mirostat = Mirostat.MIROSTAT.checkAs("mirostat", or(f.integer("mirostat"), 0));
        double tau = Mirostat.MIROSTAT_TAU.checkAs("mirostat_tau", or(f.number("mirostat_tau"), 5.0));
        double eta = Mirostat.MIROSTAT_ETA.checkAs("mirostat_eta", or(f.number("mirostat_eta"), 0.1));
        b.mirostat(mirostat, tau, eta);
        double t = or(f.number("temperature"), 0.8);
        double range = or(f.number("dynatemp_range"), 0.0);
        double exponent = DynamicTemperatureProcessor.DYNATEMP_EXPONENT.checkAs("dynatemp_exponent",
                or(f.number("dynatemp_exponent"), 1.0));
        if (t < 0 && range > 0) {
            throw new IllegalArgumentException("temperature = " + f.raw("temperature") + " with dynatemp_range = "
                    + f.raw("dynatemp_range") + ": llama.cpp's range would reach negative temperatures; use temperature >= 0");
        }
        b.temperature(TemperatureProcessor.TEMPERATURE.checkAs("temperature", Math.max(t, 0)));
        LlamaCppChainFields chain = new LlamaCppChainFields(f, b, mirostat, t <= 0 && !(range > 0));
        chain.serverChecks();
        if (mirostat == 0) {
            b.dynamicTemperature(Math.max(range, 0), exponent);
            chain.truncation();
            chain.penalties();
            LlamaCppTokenFields.dry(f, b, encoder, vocabulary);
        } else {
            for (String name : NOT_UNDER_MIROSTAT) {
                f.ignore(name, "llama.cpp's mirostat chain is logit_bias, temperature, mirostat: this setting does not run");
            }
        }
        return chain;
    }

    /** min_keep: llama.cpp's size_t, at least one token here. */
    void minKeep() {
        int minKeep = or(f.integer("min_keep"), 0);
        if (minKeep < 0) {
            throw new IllegalArgumentException("min_keep = " + minKeep + " is negative: llama.cpp would read it as a huge"
                    + " size_t and keep every token; use 0 or more");
        }
        b.minKeep(Math.max(minKeep, TopPProcessor.MIN_KEEP.defaultInt()));
    }

    /**
     * Adaptive-p, as {@code common_sampler_init} builds it: only when {@code samplers} lists
     * {@code adaptive_p} (the default order does not), always last in place of {@code dist}, never
     * under mirostat; a negative target is its no-op; llama.cpp clamps the decay to [0, 0.99] and the
     * target to at most 1. {@code samplers} is accepted when it is the default order, with or
     * without {@code adaptive_p} anywhere in it (llama.cpp moves it last); any other order is
     * reported unsupported.
     */
    void adaptiveP() {
        Object samplers = f.raw("samplers");
        boolean listed = false;
        if (samplers != null) {
            List<String> names = samplers instanceof List ? MapValues.strings("samplers", samplers) : null;
            List<String> rest = names == null ? null : new ArrayList<>(names);
            if (rest != null) {
                listed = rest.removeIf("adaptive_p"::equals);
            }
            if (rest == null || !rest.equals(DEFAULT_SAMPLERS)) {
                listed = false;
                f.unsupportedBecause("samplers", "a custom sampler order: Sampling4J runs llama.cpp's default one"
                        + " (ChainOrder.LLAMA_CPP: " + String.join(", ", DEFAULT_SAMPLERS) + "), optionally with"
                        + " adaptive_p; leave the field out for it");
            }
        }
        Double rawTarget = f.number("adaptive_target");
        Double rawDecay = f.number("adaptive_decay");
        double target = rawTarget == null ? AdaptivePPicker.ADAPTIVE_TARGET.defaultValue() : rawTarget;
        double decay = rawDecay == null ? AdaptivePPicker.ADAPTIVE_DECAY.defaultValue() : rawDecay;
        if (Double.isNaN(target) || Double.isNaN(decay)) {
            throw new IllegalArgumentException("adaptive_target = " + f.raw("adaptive_target") + ", adaptive_decay = "
                    + f.raw("adaptive_decay") + ": both must be numbers");
        }
        String why = !listed ? "llama.cpp runs adaptive-p only when samplers lists adaptive_p"
                : mirostat != 0 ? "llama.cpp's mirostat chain picks instead of adaptive-p"
                : greedy ? "a temperature <= 0 picks the argmax: adaptive-p cannot change it" : null;
        if (why != null || target < 0) {
            for (String name : new String[] {"adaptive_target", "adaptive_decay"}) {
                if (f.raw(name) != null) {
                    f.ignoredBecause(name, why != null ? why : "a negative adaptive_target disables adaptive-p");
                }
            }
            return;
        }
        b.adaptiveP(Math.min(target, 1), Math.max(0, Math.min(decay, AdaptivePPicker.ADAPTIVE_DECAY.upperBound())));
    }

    /** The checks params_from_json_cmpl makes whatever the sampler chain. */
    private void serverChecks() {
        Integer lastN = f.integer("repeat_last_n");
        if (lastN != null && lastN < -1) {
            throw new IllegalArgumentException("Error: repeat_last_n must be >= -1");
        }
        Integer dryLastN = f.integer("dry_penalty_last_n");
        if (dryLastN != null && dryLastN < -1) {
            throw new IllegalArgumentException("Error: dry_penalty_last_n must be >= -1");
        }
        Object breakers = f.raw("dry_sequence_breakers");
        if (breakers != null && (!(breakers instanceof List) || ((List<?>) breakers).isEmpty())) {
            throw new IllegalArgumentException("Error: dry_sequence_breakers must be a non-empty array of strings");
        }
    }

    private void truncation() {
        int topK = or(f.integer("top_k"), 40);
        b.topK(Math.max(topK, 0));
        double topP = or(f.number("top_p"), 0.95);
        b.topP(topP >= 1 ? 1 : topP <= 0 ? Double.MIN_VALUE : topP);
        double minP = or(f.number("min_p"), 0.05);
        if (minP > 1) {
            throw new IllegalArgumentException("min_p = " + f.raw("min_p") + " is above 1: llama.cpp would keep no token");
        }
        b.minP(Math.max(minP, 0));
        double typical = or(f.number("typical_p"), 1.0);
        if (!(typical > 0)) {
            throw new IllegalArgumentException("typical_p = " + f.raw("typical_p") + " is not above 0: use 1 to turn typical"
                    + " sampling off");
        }
        b.typicalP(Math.min(typical, 1));
        b.topNSigma(Math.max(or(f.number("top_n_sigma"), -1.0), 0));
        double probability = or(f.number("xtc_probability"), 0.0);
        double threshold = or(f.number("xtc_threshold"), XtcProcessor.XTC_THRESHOLD.defaultValue());
        if (probability > 1) {
            throw new IllegalArgumentException("xtc_probability = " + f.raw("xtc_probability") + " is above 1");
        }
        if (threshold < 0) {
            throw new IllegalArgumentException("xtc_threshold = " + f.raw("xtc_threshold") + " is negative");
        }
        boolean xtc = probability > 0 && !XtcProcessor.XTC_THRESHOLD.isOff(threshold);
        if (xtc) {
            b.xtc(probability, threshold);
            if (greedy) {
                f.unsupported("xtc_probability", "llama.cpp runs XTC before its greedy pick (temperature <= 0), so XTC can"
                        + " change the token; Sampling4J's greedy pick skips XTC");
            }
        }
    }

    private void penalties() {
        int lastN = or(f.integer("repeat_last_n"), 64);
        double repeat = RepetitionPenaltyProcessor.REPETITION_PENALTY.checkAs("repeat_penalty", or(f.number("repeat_penalty"), 1.0));
        double frequency = FrequencyPresencePenaltyProcessor.FREQUENCY_PENALTY.checkAs("frequency_penalty",
                or(f.number("frequency_penalty"), 0.0));
        double presence = FrequencyPresencePenaltyProcessor.PRESENCE_PENALTY.checkAs("presence_penalty",
                or(f.number("presence_penalty"), 0.0));
        if (lastN == 0) { // llama.cpp: a window of 0 turns the penalties off
            for (String name : new String[] {"repeat_penalty", "frequency_penalty", "presence_penalty"}) {
                if (f.raw(name) != null) {
                    f.ignoredBecause(name, "repeat_last_n 0 turns llama.cpp's penalties off");
                }
            }
            return;
        }
        b.repetitionPenalty(repeat).frequencyPenalty(frequency).presencePenalty(presence).penaltyLastN(Math.max(lastN, 0));
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
