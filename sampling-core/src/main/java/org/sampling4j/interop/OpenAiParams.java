package org.sampling4j.interop;

import java.util.Map;
import org.sampling4j.SamplingParams;
import org.sampling4j.chain.Setting;
import org.sampling4j.internal.Range;
import org.sampling4j.picker.Mirostat;
import org.sampling4j.processor.DryProcessor;
import org.sampling4j.processor.DynamicTemperatureProcessor;
import org.sampling4j.processor.EpsilonProcessor;
import org.sampling4j.processor.EtaProcessor;
import org.sampling4j.processor.NoRepeatNGramProcessor;
import org.sampling4j.processor.TopNSigmaProcessor;
import org.sampling4j.processor.TopPProcessor;
import org.sampling4j.processor.TypicalProcessor;
import org.sampling4j.processor.XtcProcessor;
import org.sampling4j.text.Encoder;
import org.sampling4j.text.Vocabulary;

/**
 * Builds {@link SamplingParams} from the flat parameter vocabulary of the conformance CLI and of
 * OpenAI-compatible servers (OpenAI, vLLM and llama.cpp names side by side), strictly: an unknown
 * field throws {@link UnsupportedSettingException}. For a whole request body of one API, with
 * that API's defaults and wording, use {@link ParamsMapping}.
 * <ul>
 *   <li>OpenAI / vLLM: {@code temperature} [0, 2], {@code top_p} (0, 1], {@code top_k} an int
 *       ({@code -1} or 0 disables, as vLLM), {@code min_p} [0, 1], {@code repetition_penalty}
 *       (0, 2], {@code frequency_penalty} and {@code presence_penalty} [-2, 2], {@code logit_bias}
 *       token id to bias clamped to [-100, 100] (as the OpenAI API documents), {@code seed} an
 *       integer, {@code logprobs} [0, 20], {@code n} [1, +Inf), {@code logprobs_mode} (vLLM's four
 *       names), {@code bad_words} as token-id lists (or strings, with an encoder), {@code min_keep} [1, +Inf),
 *       {@code stop} a string or
 *       a list of strings (none empty; the OpenAI mapping's limit of 4 is {@link ParamsMapping#fromOpenAi}'s),
 *       {@code include_stop_str_in_output} and {@code skip_special_tokens} booleans (vLLM's defaults
 *       false and true).</li>
 *   <li>HF: {@code typical_p}, {@code epsilon} / {@code epsilon_cutoff}, {@code eta} /
 *       {@code eta_cutoff}, {@code no_repeat_ngram} / {@code no_repeat_ngram_size}.</li>
 *   <li>llama.cpp: {@code top_n_sigma} (&lt;= 0 disables, as llama.cpp's -1), {@code xtc_probability},
 *       {@code xtc_threshold}, {@code dynatemp_range}, {@code dynatemp_exponent}, {@code mirostat},
 *       {@code mirostat_tau}, {@code mirostat_eta}, {@code dry_multiplier}, {@code dry_base},
 *       {@code dry_allowed_length}, {@code dry_penalty_last_n} -1 (whole sequence, the default), 0
 *       (DRY off, as llama.cpp) or a window, {@code dry_sequence_breakers} as token-id lists (or, with
 *       {@link #fromMap(Map, Encoder, Vocabulary)}, as strings).</li>
 * </ul>
 * The HF and llama.cpp names and {@code min_keep} take the core setting's range, note and default
 * ({@code docs/parameters.md}), under the request's name: {@code typical_p = 1.5 is outside (0, 1];
 * 1 disables typical-p}.
 * A {@code null} value means absent.
 */
public final class OpenAiParams {
    // The OpenAI / vLLM ranges: those APIs' own, narrower than the core's on purpose.
    private static final Range TEMPERATURE = Range.closed(0, 2).withNote("0 means greedy");
    private static final Range TOP_P = Range.openClosed(0, 1).withNote("1 disables top_p");
    private static final Range MIN_P = Range.closed(0, 1).withNote("0 disables min_p");
    private static final Range REPETITION = Range.openClosed(0, 2).withNote("1 disables repetition_penalty");
    private static final Range PENALTY = Range.closed(-2, 2).withNote("0 disables the penalty");
    private static final Range LOGPROBS = Range.closed(0, 20);
    private static final double MAX_BIAS = 100.0;
    /** llama.cpp's dry_penalty_last_n for the whole sequence (the core's 0), its default. */
    private static final int LLAMA_CPP_WHOLE_SEQUENCE = -1;

    private OpenAiParams() {
    }

    /**
     * The params a request's fields describe.
     *
     * @throws UnsupportedSettingException for a field this version does not implement
     * @throws IllegalArgumentException    for a value outside the API's range
     */
    public static SamplingParams fromMap(Map<String, ?> fields) {
        return fromMap(fields, null, null);
    }

    /**
     * As {@link #fromMap(Map)}, with the model's encoder and vocabulary for the fields given as text,
     * each turned into ids by its reference system's rule: {@code bad_words} strings by vLLM's
     * ({@link VllmBadWords}), {@code dry_sequence_breakers} strings by llama.cpp's
     * ({@link LlamaCppBreakers}, which also needs the vocabulary), and {@code logit_bias} keys that
     * are not token ids by llama.cpp server's (every token of the key's encoding gets the bias; the
     * bias is clamped as the id keys' is, and tokens biased twice add up).
     *
     * @param encoder    the model's tokenizer, without special tokens; null if there is none
     * @param vocabulary the model's vocabulary; null if there is none
     * @throws UnsupportedSettingException for a field this version does not implement, or text without
     *                                     the encoder (or vocabulary) it needs, naming what to pass
     * @throws IllegalArgumentException    for a value outside the API's range
     */
    public static SamplingParams fromMap(Map<String, ?> fields, Encoder encoder, Vocabulary vocabulary) {
        SamplingParams.Builder b = SamplingParams.builder();
        LlamaCppKnobs llama = new LlamaCppKnobs(encoder, vocabulary);
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            switch (key) {
                case "temperature":
                    b.temperature(TEMPERATURE.check(key, MapValues.number(key, v)));
                    break;
                case "top_p":
                    b.topP(TOP_P.check(key, MapValues.number(key, v)));
                    break;
                case "top_k":
                    b.topK(MapValues.integer(key, v));
                    break;
                case "min_p":
                    b.minP(MIN_P.check(key, MapValues.number(key, v)));
                    break;
                case "repetition_penalty":
                    b.repetitionPenalty(REPETITION.check(key, MapValues.number(key, v)));
                    break;
                case "frequency_penalty":
                    b.frequencyPenalty(PENALTY.check(key, MapValues.number(key, v)));
                    break;
                case "presence_penalty":
                    b.presencePenalty(PENALTY.check(key, MapValues.number(key, v)));
                    break;
                case "logit_bias":
                    logitBias(key, v, encoder).forEach((id, bias) -> {
                        if (Double.isNaN(bias)) {
                            throw new IllegalArgumentException("logit_bias[" + id + "] = NaN is not a number");
                        }
                        b.logitBias(id, (float) Math.max(-MAX_BIAS, Math.min(MAX_BIAS, bias)));
                    });
                    break;
                case "seed":
                    b.seed(MapValues.longInteger(key, v));
                    break;
                case "logprobs":
                    b.topLogprobs(v instanceof Boolean ? 0 : LOGPROBS.check(key, MapValues.integer(key, v)));
                    break;
                case "n":
                    b.n(Range.atLeast(1).check(key, MapValues.integer(key, v)));
                    break;
                case "logprobs_mode":
                    b.logprobsMode(org.sampling4j.LogprobsMode.fromVllmName(String.valueOf(v)));
                    break;
                case "bad_words":
                    if (encoder != null && MapValues.isStringList(v)) {
                        b.badWords(VllmBadWords.tokenize(MapValues.stringList(key, v), encoder));
                    } else {
                        b.badWords(MapValues.tokenSequences(key, v));
                    }
                    break;
                case "stop":
                    b.stopStrings(stopStrings(key, v));
                    break;
                case "include_stop_str_in_output":
                    b.includeStopStringInOutput(bool(key, v));
                    break;
                case "skip_special_tokens":
                    b.skipSpecialTokens(bool(key, v));
                    break;
                case "min_keep":
                    b.minKeep(integer(TopPProcessor.MIN_KEEP, key, v));
                    break;
                case "typical_p":
                    b.typicalP(number(TypicalProcessor.TYPICAL_P, key, v));
                    break;
                case "epsilon":
                case "epsilon_cutoff":
                    b.epsilonCutoff(number(EpsilonProcessor.EPSILON_CUTOFF, key, v));
                    break;
                case "eta":
                case "eta_cutoff":
                    b.etaCutoff(number(EtaProcessor.ETA_CUTOFF, key, v));
                    break;
                case "no_repeat_ngram":
                case "no_repeat_ngram_size":
                    b.noRepeatNgramSize(integer(NoRepeatNGramProcessor.NO_REPEAT_NGRAM_SIZE, key, v));
                    break;
                default:
                    if (!llama.read(key, v)) {
                        throw new UnsupportedSettingException(key);
                    }
            }
        }
        llama.applyTo(b);
        return b.build();
    }

    /**
     * Token id to bias; with an encoder, a key that is not a token id is text whose every token gets
     * the bias (llama.cpp server's rule), entries adding up. Without one such a key is refused.
     */
    private static Map<Integer, Double> logitBias(String key, Object v, Encoder encoder) {
        if (encoder == null || !(v instanceof Map)) {
            return MapValues.tokenMap(key, v);
        }
        Map<Integer, Double> out = new java.util.TreeMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
            String k = String.valueOf(e.getKey());
            double bias = MapValues.number(key + "[" + k + "]", e.getValue());
            Integer id = parseId(k);
            if (id != null) {
                out.merge(id, bias, Double::sum);
            } else {
                LlamaCppTokenFields.addText(out, k, bias, encoder);
            }
        }
        return out;
    }

    private static Integer parseId(String key) {
        try {
            return Integer.parseInt(key.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static java.util.List<String> stopStrings(String key, Object v) {
        java.util.List<String> strings = MapValues.strings(key, v);
        for (int i = 0; i < strings.size(); i++) {
            if (strings.get(i).isEmpty()) {
                throw new IllegalArgumentException(key + "[" + i + "] = \"\" is empty: a stop string has at least one character");
            }
        }
        return strings;
    }

    private static boolean bool(String key, Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        throw new IllegalArgumentException(key + " = " + v + " is not a boolean");
    }

    /** A value checked with the core setting's range and note, named by the request's key. */
    private static double number(Setting setting, String key, Object v) {
        return setting.checkAs(key, MapValues.number(key, v));
    }

    private static int integer(Setting setting, String key, Object v) {
        return setting.checkAs(key, MapValues.integer(key, v));
    }

    /** llama.cpp's knobs, collected first because the builder sets each group at once. */
    private static final class LlamaCppKnobs {
        double topNSigma = TopNSigmaProcessor.TOP_N_SIGMA.defaultValue();
        double xtcProbability = XtcProcessor.XTC_PROBABILITY.defaultValue();
        double xtcThreshold = XtcProcessor.XTC_THRESHOLD.defaultValue();
        double dynatempRange = DynamicTemperatureProcessor.DYNATEMP_RANGE.defaultValue();
        double dynatempExponent = DynamicTemperatureProcessor.DYNATEMP_EXPONENT.defaultValue();
        int mirostat = Mirostat.MIROSTAT.defaultInt();
        double mirostatTau = Mirostat.MIROSTAT_TAU.defaultValue();
        double mirostatEta = Mirostat.MIROSTAT_ETA.defaultValue();
        double dryMultiplier = DryProcessor.DRY_MULTIPLIER.defaultValue();
        double dryBase = DryProcessor.DRY_BASE.defaultValue();
        int dryAllowedLength = DryProcessor.DRY_ALLOWED_LENGTH.defaultInt();
        int dryPenaltyLastN = LLAMA_CPP_WHOLE_SEQUENCE;
        int[][] dryBreakers;
        private final Encoder encoder;
        private final Vocabulary vocabulary;

        LlamaCppKnobs(Encoder encoder, Vocabulary vocabulary) {
            this.encoder = encoder;
            this.vocabulary = vocabulary;
        }

        boolean read(String key, Object v) {
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
                    .mirostat(mirostat, mirostatTau, mirostatEta);
            // llama.cpp's window 0 turns DRY off and -1 means the whole context; the core's 0 is the latter.
            b.dry(dryPenaltyLastN == 0 ? DryProcessor.DRY_MULTIPLIER.offValue() : dryMultiplier, dryBase, dryAllowedLength,
                    Math.max(dryPenaltyLastN, 0));
            if (dryBreakers != null) {
                b.drySequenceBreakers(dryBreakers);
            }
        }
    }
}
