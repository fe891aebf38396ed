package org.sampling4j.interop;

import java.util.Map;
import org.sampling4j.SamplingParams;
import org.sampling4j.internal.Range;
import org.sampling4j.text.Encoder;
import org.sampling4j.text.Vocabulary;

/**
 * Builds {@link SamplingParams} from the flat parameter vocabulary of the conformance CLI and of
 * OpenAI-compatible servers (OpenAI, vLLM and llama.cpp names side by side), strictly: an unknown
 * field throws {@link UnsupportedSettingException}. For a whole request body of one API, with
 * that API's defaults and wording, use {@link ParamsMapping}.
 * <ul>
 *   <li>OpenAI / vLLM: {@code temperature} [0, 2], {@code top_p} [0, 1] (0 keeps {@code min_keep} tokens, at least
 *       one, as llama.cpp's top-p; the strict vLLM mapping refuses 0), {@code top_k} an int
 *       ({@code -1} or 0 disables, as vLLM), {@code min_p} [0, 1], {@code repetition_penalty}
 *       (0, 2], {@code frequency_penalty} and {@code presence_penalty} [-2, 2], {@code logit_bias}
 *       token id to bias clamped to [-100, 100] (as the OpenAI API documents), {@code seed} an
 *       integer, {@code logprobs} [0, 20], {@code n} [1, +Inf), {@code logprobs_mode} (vLLM's four
 *       names), {@code bad_words} as token-id lists (or strings, with an encoder), {@code min_keep} [1, +Inf),
 *       {@code stop} a string or
 *       a list of strings (none empty; the OpenAI mapping's limit of 4 is {@link ParamsMapping#fromOpenAi}'s),
 *       {@code include_stop_str_in_output} and {@code skip_special_tokens} booleans (vLLM's defaults
 *       false and true).</li>
 *   <li>HF: {@code typical_p}, {@code top_h}, {@code epsilon} / {@code epsilon_cutoff}, {@code eta} /
 *       {@code eta_cutoff}, {@code no_repeat_ngram} / {@code no_repeat_ngram_size}.</li>
 *   <li>llama.cpp: {@code top_n_sigma} (&lt;= 0 disables, as llama.cpp's -1), {@code xtc_probability},
 *       {@code xtc_threshold}, {@code dynatemp_range}, {@code dynatemp_exponent}, {@code mirostat},
 *       {@code mirostat_tau}, {@code mirostat_eta}, {@code adaptive_target} (negative disables; here it needs no
 *       {@code samplers} list) and {@code adaptive_decay}, {@code dry_multiplier}, {@code dry_base},
 *       {@code dry_allowed_length}, {@code dry_penalty_last_n} -1 (whole sequence, the default), 0
 *       (DRY off, as llama.cpp) or a window, {@code dry_sequence_breakers} as token-id lists (or, with
 *       {@link #fromMap(Map, Encoder, Vocabulary)}, as strings).</li>
 *   <li>vLLM's thinking budget: {@code thinking_token_budget} (-1 none, the default) with
 *       {@code think_start_token_ids} and {@code think_end_token_ids} (vLLM's reasoning_config names).</li>
 * </ul>
 * The HF and llama.cpp names and {@code min_keep} take the core setting's range, note and default
 * ({@code docs/parameters.md}), under the request's name: {@code typical_p = 1.5 is outside (0, 1];
 * 1 disables typical-p}.
 * A {@code null} value means absent.
 */
public final class OpenAiParams {
    // The OpenAI / vLLM ranges: those APIs' own, narrower than the core's on purpose.
    private static final Range TEMPERATURE = Range.closed(0, 2).withNote("0 means greedy");
    private static final Range TOP_P = Range.closed(0, 1).withNote("1 disables top_p, 0 keeps min_keep tokens");
    private static final Range MIN_P = Range.closed(0, 1).withNote("0 disables min_p");
    private static final Range REPETITION = Range.openClosed(0, 2).withNote("1 disables repetition_penalty");
    private static final Range PENALTY = Range.closed(-2, 2).withNote("0 disables the penalty");
    private static final Range LOGPROBS = Range.closed(0, 20);
    private static final double MAX_BIAS = 100.0;

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
        OpenAiExtendedKeys extended = new OpenAiExtendedKeys(encoder, vocabulary);
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
                    b.topP(HfSteps.llamaCppTopP(TOP_P.check(key, MapValues.number(key, v))));
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
                default:
                    if (!extended.read(key, v, b)) {
                        throw new UnsupportedSettingException(key);
                    }
            }
        }
        extended.applyTo(b);
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
}
