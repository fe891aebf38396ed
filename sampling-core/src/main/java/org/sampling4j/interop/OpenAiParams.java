package org.sampling4j.interop;

import java.util.Map;
import org.sampling4j.SamplingParams;
import org.sampling4j.internal.Range;

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
 *       names), {@code bad_words} as token-id lists, {@code min_keep} [1, +Inf).</li>
 *   <li>HF: {@code typical_p} (0, 1], {@code epsilon} / {@code epsilon_cutoff} [0, 1),
 *       {@code eta} / {@code eta_cutoff} [0, 1), {@code no_repeat_ngram} /
 *       {@code no_repeat_ngram_size} [0, +Inf).</li>
 *   <li>llama.cpp: {@code top_n_sigma} (&lt;= 0 disables, as llama.cpp's -1), {@code xtc_probability}
 *       [0, 1], {@code xtc_threshold} [0, 1] (default 0.1), {@code dynatemp_range} [0, +Inf),
 *       {@code dynatemp_exponent} [0, +Inf) (default 1), {@code mirostat} 0, 1 or 2,
 *       {@code mirostat_tau} [0, +Inf) (default 5), {@code mirostat_eta} [0, +Inf) (default 0.1),
 *       {@code dry_multiplier} [0, +Inf), {@code dry_base} [1, +Inf) (default 1.75),
 *       {@code dry_allowed_length} [0, +Inf) (default 2), {@code dry_penalty_last_n} -1 (whole
 *       sequence, the default), 0 (DRY off, as llama.cpp) or a window, {@code dry_sequence_breakers}
 *       as token-id lists.</li>
 * </ul>
 * A {@code null} value means absent.
 */
public final class OpenAiParams {
    private static final Range TEMPERATURE = Range.closed(0, 2).withNote("0 means greedy");
    private static final Range TOP_P = Range.openClosed(0, 1).withNote("1 disables top_p");
    private static final Range MIN_P = Range.closed(0, 1).withNote("0 disables min_p");
    private static final Range REPETITION = Range.openClosed(0, 2).withNote("1 disables repetition_penalty");
    private static final Range PENALTY = Range.closed(-2, 2).withNote("0 disables the penalty");
    private static final Range LOGPROBS = Range.closed(0, 20);
    private static final double MAX_BIAS = 100.0;
    private static final Range UNIT = Range.closed(0, 1);
    private static final Range NON_NEGATIVE = Range.atLeast(0);

    private OpenAiParams() {
    }

    /**
     * The params a request's fields describe.
     *
     * @throws UnsupportedSettingException for a field this version does not implement
     * @throws IllegalArgumentException    for a value outside the API's range
     */
    public static SamplingParams fromMap(Map<String, ?> fields) {
        SamplingParams.Builder b = SamplingParams.builder();
        LlamaCppKnobs llama = new LlamaCppKnobs();
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
                    MapValues.tokenMap(key, v).forEach((id, bias) -> {
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
                    b.badWords(MapValues.tokenSequences(key, v));
                    break;
                case "min_keep":
                    b.minKeep(Range.atLeast(1).check(key, MapValues.integer(key, v)));
                    break;
                case "typical_p":
                    b.typicalP(Range.openClosed(0, 1).withNote("1 disables typical_p").check(key, MapValues.number(key, v)));
                    break;
                case "epsilon":
                case "epsilon_cutoff":
                    b.epsilonCutoff(Range.closedOpen(0, 1).withNote("0 disables it").check(key, MapValues.number(key, v)));
                    break;
                case "eta":
                case "eta_cutoff":
                    b.etaCutoff(Range.closedOpen(0, 1).withNote("0 disables it").check(key, MapValues.number(key, v)));
                    break;
                case "no_repeat_ngram":
                case "no_repeat_ngram_size":
                    b.noRepeatNgramSize(NON_NEGATIVE.withNote("0 disables it").check(key, MapValues.integer(key, v)));
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

    /** llama.cpp's knobs, collected first because the builder sets each group at once. */
    private static final class LlamaCppKnobs {
        double topNSigma;
        double xtcProbability;
        double xtcThreshold = 0.1;
        double dynatempRange;
        double dynatempExponent = 1;
        int mirostat;
        double mirostatTau = 5;
        double mirostatEta = 0.1;
        double dryMultiplier;
        double dryBase = 1.75;
        int dryAllowedLength = 2;
        int dryPenaltyLastN = -1;
        int[][] dryBreakers;

        boolean read(String key, Object v) {
            switch (key) {
                case "top_n_sigma":
                    topNSigma = MapValues.number(key, v); // llama.cpp: -1 (any value <= 0) disables
                    return true;
                case "xtc_probability":
                    xtcProbability = UNIT.withNote("0 disables XTC").check(key, MapValues.number(key, v));
                    return true;
                case "xtc_threshold":
                    xtcThreshold = UNIT.withNote("above 0.5 XTC never removes a token").check(key, MapValues.number(key, v));
                    return true;
                case "dynatemp_range":
                    dynatempRange = NON_NEGATIVE.withNote("0 is plain temperature").check(key, MapValues.number(key, v));
                    return true;
                case "dynatemp_exponent":
                    dynatempExponent = NON_NEGATIVE.check(key, MapValues.number(key, v));
                    return true;
                case "mirostat":
                    mirostat = Range.closed(0, 2).withNote("0 off, 1 mirostat, 2 mirostat 2.0").check(key, MapValues.integer(key, v));
                    return true;
                case "mirostat_tau":
                    mirostatTau = NON_NEGATIVE.check(key, MapValues.number(key, v));
                    return true;
                case "mirostat_eta":
                    mirostatEta = NON_NEGATIVE.check(key, MapValues.number(key, v));
                    return true;
                case "dry_multiplier":
                    dryMultiplier = NON_NEGATIVE.withNote("0 disables DRY").check(key, MapValues.number(key, v));
                    return true;
                case "dry_base":
                    dryBase = Range.atLeast(1).check(key, MapValues.number(key, v));
                    return true;
                case "dry_allowed_length":
                    dryAllowedLength = NON_NEGATIVE.check(key, MapValues.integer(key, v));
                    return true;
                case "dry_penalty_last_n":
                    dryPenaltyLastN = Range.atLeast(-1).withNote("-1 is the whole sequence, 0 disables DRY")
                            .check(key, MapValues.integer(key, v));
                    return true;
                case "dry_sequence_breakers":
                    dryBreakers = MapValues.tokenSequences(key, v);
                    return true;
                default:
                    return false;
            }
        }

        void applyTo(SamplingParams.Builder b) {
            b.topNSigma(Math.max(topNSigma, 0))
                    .xtc(xtcProbability, xtcThreshold)
                    .dynamicTemperature(dynatempRange, dynatempExponent)
                    .mirostat(mirostat, mirostatTau, mirostatEta);
            // llama.cpp's window 0 turns DRY off and -1 means the whole context; the core's 0 is the latter.
            b.dry(dryPenaltyLastN == 0 ? 0 : dryMultiplier, dryBase, dryAllowedLength, Math.max(dryPenaltyLastN, 0));
            if (dryBreakers != null) {
                b.drySequenceBreakers(dryBreakers);
            }
        }
    }
}
