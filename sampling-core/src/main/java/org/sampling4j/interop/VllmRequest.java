package org.sampling4j.interop;

import java.util.Map;
import org.sampling4j.LogprobsMode;
import org.sampling4j.SamplingParams;
import org.sampling4j.grammar.GrammarCache;
import org.sampling4j.text.Encoder;
import org.sampling4j.text.Vocabulary;

/**
 * A vLLM {@code SamplingParams} dictionary as {@link SamplingParams}, with vLLM's defaults, checks
 * and wording ({@code vllm/sampling_params.py}, {@code _verify_args}: {@code "top_p must be in
 * (0, 1], got 1.5."}).
 *
 * <table>
 * <caption>Fields</caption>
 * <tr><th>field</th><th>vLLM range</th><th>becomes</th></tr>
 * <tr><td>n</td><td>&gt;= 1; 1 under greedy</td><td>n (sequences seeded seed + i)</td></tr>
 * <tr><td>temperature</td><td>[0, 2]; below 1e-5 greedy, (0, 0.01) raised to 0.01 as vLLM does</td><td>temperature</td></tr>
 * <tr><td>top_p</td><td>(0, 1]</td><td>topP</td></tr>
 * <tr><td>top_k</td><td>0 or -1 disable, else &gt;= 1</td><td>topK</td></tr>
 * <tr><td>min_p</td><td>[0, 1]</td><td>minP</td></tr>
 * <tr><td>presence_penalty, frequency_penalty</td><td>[-2, 2]</td><td>the same</td></tr>
 * <tr><td>repetition_penalty</td><td>finite, &gt; 0</td><td>repetitionPenalty (prompt and output)</td></tr>
 * <tr><td>seed</td><td>integer; -1 = none</td><td>seed</td></tr>
 * <tr><td>max_tokens</td><td>&gt;= 1; absent = 16 (vLLM's default), null = no limit</td><td>maxTokens</td></tr>
 * <tr><td>min_tokens</td><td>[0, max_tokens]</td><td>minTokens, masking stop_token_ids (vLLM also masks the model's EOS: add it to stop_token_ids)</td></tr>
 * <tr><td>stop_token_ids</td><td>ids</td><td>stopTokenIds</td></tr>
 * <tr><td>logprobs</td><td>&gt;= 0, or -1 for the whole vocabulary</td><td>topLogprobs</td></tr>
 * <tr><td>logprobs_mode</td><td>raw_logprobs, raw_logits, processed_logprobs, processed_logits</td><td>logprobsMode (an engine option in vLLM, per request here)</td></tr>
 * <tr><td>logit_bias</td><td>{id: bias}</td><td>logitBias</td></tr>
 * <tr><td>allowed_token_ids</td><td>ids</td><td>allowedTokenIds</td></tr>
 * <tr><td>bad_words</td><td>strings, none empty; token-id lists also accepted (a Sampling4J extension)</td><td>badWords:
 *     each string tokenized by {@link VllmBadWords}'s rule with the {@link Encoder}; without one,
 *     reported in {@link ParamsMapping#unsupported()}</td></tr>
 * <tr><td>stop</td><td>a string or a list of strings, none empty; only with detokenize</td><td>stopStrings</td></tr>
 * <tr><td>include_stop_str_in_output</td><td>boolean, default false</td><td>includeStopStringInOutput</td></tr>
 * <tr><td>skip_special_tokens</td><td>boolean, default true</td><td>skipSpecialTokens</td></tr>
 * <tr><td>thinking_token_budget</td><td>&gt;= 0; absent = none; with the server's
 *     {@code reasoning_config.think_start_token_ids} / {@code think_end_token_ids}, passed in the same
 *     map under those names (a Sampling4J extension: vLLM reads them from its config)</td><td>thinkingBudget;
 *     without the ids, reported unsupported</td></tr>
 * </table>
 * Left to the caller: ignore_eos, detokenize and the other output-text options,
 * prompt_logprobs, output_kind, stream_interval, extra_args, repetition_detection. structured_outputs (and guided_decoding, guided_json, guided_regex, guided_choice,
 * guided_grammar, guided_json_object, guided_whitespace_pattern) become {@link SamplingParams#grammar()} when a
 * vocabulary is given ({@link ConstraintFields}), else they are reported unsupported. Unsupported: logprob_token_ids,
 * trace_decode_token_ids, and bad_words given as text when no encoder was passed.
 */
final class VllmRequest {
    private static final String[] NOT_SAMPLING = {"ignore_eos", "detokenize",
        "spaces_between_special_tokens", "output_kind", "stream_interval", "skip_clone",
        "extra_args", "repetition_detection", "skip_reading_prefix_cache", "flat_logprobs",
        "prompt_logprobs", "prompt_logprob_token_ids", "prompt_logprob_start", "truncate_prompt_tokens",
        "routed_experts_prompt_start"};
    private static final double SAMPLING_EPS = 1e-5;
    private static final double MIN_TEMPERATURE = 1e-2;

    private VllmRequest() {
    }

    /** thinking_token_budget with the reasoning config's start and end ids (vLLM's ThinkingTokenBudgetLogitsProcessor). */
    private static void thinkingBudget(RequestFields f, SamplingParams.Builder b) {
        Integer budget = f.integer("thinking_token_budget");
        int[] start = f.tokenIds("think_start_token_ids");
        int[] end = f.tokenIds("think_end_token_ids");
        if (budget == null) {
            for (String name : new String[] {"think_start_token_ids", "think_end_token_ids"}) {
                if (f.raw(name) != null) {
                    f.ignoredBecause(name, "only read with thinking_token_budget");
                }
            }
            return;
        }
        if (budget < 0) {
            throw new IllegalArgumentException("thinking_token_budget must be a non-negative integer, got " + budget + ".");
        }
        if (start == null || end == null || start.length == 0 || end.length == 0) {
            f.unsupportedBecause("thinking_token_budget", "needs the model's reasoning_config ids: pass"
                    + " think_start_token_ids and think_end_token_ids (non-empty) in the same map");
            return;
        }
        b.thinkingBudget(budget, start, end);
    }

    static ParamsMapping map(Map<String, ?> dict, Encoder encoder, Vocabulary vocab, GrammarCache cache) {
        RequestFields f = new RequestFields(dict);
        SamplingParams.Builder b = SamplingParams.builder();
        int n = or(f.integer("n"), 1);
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n + ".");
        }
        b.n(n);
        double presence = or(f.number("presence_penalty"), 0.0);
        if (!(presence >= -2 && presence <= 2)) {
            throw new IllegalArgumentException("presence_penalty must be in [-2, 2], got " + f.raw("presence_penalty") + ".");
        }
        double frequency = or(f.number("frequency_penalty"), 0.0);
        if (!(frequency >= -2 && frequency <= 2)) {
            throw new IllegalArgumentException("frequency_penalty must be in [-2, 2], got " + f.raw("frequency_penalty") + ".");
        }
        b.presencePenalty(presence).frequencyPenalty(frequency);
        double repetition = or(f.number("repetition_penalty"), 1.0);
        if (!Double.isFinite(repetition)) {
            throw new IllegalArgumentException("repetition_penalty must be a finite number, got " + f.raw("repetition_penalty") + ".");
        }
        if (repetition <= 0) {
            throw new IllegalArgumentException("repetition_penalty must be greater than zero, got " + f.raw("repetition_penalty") + ".");
        }
        b.repetitionPenalty(repetition);
        double t = or(f.number("temperature"), 1.0);
        if (!Double.isFinite(t)) {
            throw new IllegalArgumentException("temperature must be a finite number, got " + f.raw("temperature") + ".");
        }
        if (t < 0) {
            throw new IllegalArgumentException("temperature must be non-negative, got " + f.raw("temperature") + ".");
        }
        if (t > 2) {
            throw new IllegalArgumentException("temperature must be in [0, 2], got " + f.raw("temperature") + ".");
        }
        double topP = or(f.number("top_p"), 1.0);
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top_p must be in (0, 1], got " + f.raw("top_p") + ".");
        }
        int topK = or(f.integer("top_k"), 0);
        if (topK < -1) {
            throw new IllegalArgumentException("top_k must be 0 (disable), or at least 1, got " + topK + ".");
        }
        double minP = or(f.number("min_p"), 0.0);
        if (!(minP >= 0 && minP <= 1)) {
            throw new IllegalArgumentException("min_p must be in [0, 1], got " + f.raw("min_p") + ".");
        }
        if (t < SAMPLING_EPS) { // vLLM: zero temperature means greedy, and the truncations are reset
            if (n > 1) {
                throw new IllegalArgumentException("n must be 1 when using greedy sampling, got " + n + ".");
            }
            b.temperature(0);
        } else {
            b.temperature(Math.max(t, MIN_TEMPERATURE)).topP(topP).topK(Math.max(topK, 0)).minP(minP);
        }
        Integer maxTokens = dict.containsKey("max_tokens") ? f.integer("max_tokens") : Integer.valueOf(16);
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("max_tokens must be at least 1, got " + maxTokens + ".");
        }
        b.maxTokens(maxTokens == null ? 0 : maxTokens);
        int minTokens = or(f.integer("min_tokens"), 0);
        if (minTokens < 0) {
            throw new IllegalArgumentException("min_tokens must be greater than or equal to 0, got " + minTokens + ".");
        }
        if (maxTokens != null && minTokens > maxTokens) {
            throw new IllegalArgumentException("min_tokens must be less than or equal to max_tokens=" + maxTokens
                    + ", got " + minTokens + ".");
        }
        b.minTokens(minTokens);
        Long seed = f.longInteger("seed");
        if (seed != null && seed != -1) {
            b.seed(seed);
        }
        int[] stopIds = f.tokenIds("stop_token_ids");
        if (stopIds != null) {
            b.stopTokenIds(stopIds);
        }
        Integer logprobs = f.integer("logprobs");
        if (logprobs != null) {
            if (logprobs < -1) {
                throw new IllegalArgumentException("logprobs must be non-negative or -1, got " + logprobs + ".");
            }
            int count = logprobs == -1 ? Integer.MAX_VALUE : logprobs;
            b.maxTopLogprobs(Math.max(count, SamplingParams.builder().build().maxTopLogprobs())).topLogprobs(count);
        }
        Object mode = f.raw("logprobs_mode");
        if (mode != null) {
            b.logprobsMode(LogprobsMode.fromVllmName(String.valueOf(mode)));
        }
        Object bias = f.raw("logit_bias");
        if (bias != null) {
            MapValues.tokenMap("logit_bias", bias).forEach((id, value) -> b.logitBias(id, value.floatValue()));
        }
        int[] allowed = f.tokenIds("allowed_token_ids");
        if (allowed != null) {
            b.allowedTokenIds(allowed);
        }
        badWords(f, b, encoder);
        stopStrings(f, b);
        thinkingBudget(f, b);
        for (String name : NOT_SAMPLING) {
            f.ignore(name, "not a sampling setting: the runtime handles it");
        }
        ConstraintFields.vllm(f).apply(f, b, vocab, cache, "ParamsMapping.fromVllm(request, encoder, vocabulary, cache)");
        f.unsupported("logprob_token_ids", "logprobs of chosen ids are not reported yet");
        f.unsupported("trace_decode_token_ids", "forced tokens are the runtime's: SequenceState.accept");
        return f.result(b.build());
    }

    /**
     * vLLM's bad_words are strings, tokenized by {@link VllmBadWords}'s rule with the encoder; without
     * one they are reported unsupported. Token-id lists (a Sampling4J extension) pass through.
     */
    private static void badWords(RequestFields f, SamplingParams.Builder b, Encoder encoder) {
        Object raw = f.raw("bad_words");
        if (raw == null || (raw instanceof java.util.List && ((java.util.List<?>) raw).isEmpty())) {
            return;
        }
        if (!MapValues.isStringList(raw)) {
            if (raw instanceof java.util.List && ((java.util.List<?>) raw).stream().anyMatch(w -> w instanceof CharSequence)) {
                throw new IllegalArgumentException("bad_words = " + raw + " mixes strings and token-id lists");
            }
            b.badWords(MapValues.tokenSequences("bad_words", raw));
            return;
        }
        java.util.List<String> words = MapValues.stringList("bad_words", raw);
        VllmBadWords.check(words);
        if (encoder == null) {
            f.unsupported("bad_words", "bad_words as text needs the model's tokenizer: pass an Encoder,"
                    + " ParamsMapping.fromVllm(request, encoder), or give token-id lists");
            return;
        }
        b.badWords(VllmBadWords.tokenize(words, encoder));
    }

    /** vLLM's stop, include_stop_str_in_output and skip_special_tokens, with its checks. */
    private static void stopStrings(RequestFields f, SamplingParams.Builder b) {
        Object stop = f.raw("stop");
        if (stop != null) {
            java.util.List<String> strings = MapValues.strings("stop", stop);
            if (strings.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("stop cannot contain an empty string.");
            }
            if (!strings.isEmpty() && Boolean.FALSE.equals(f.bool("detokenize"))) {
                throw new IllegalArgumentException("stop strings are only supported when detokenize is True. "
                        + "Set detokenize=True to use stop.");
            }
            b.stopStrings(strings);
        }
        Boolean include = f.bool("include_stop_str_in_output");
        if (include != null) {
            b.includeStopStringInOutput(include);
        }
        Boolean skip = f.bool("skip_special_tokens");
        if (skip != null) {
            b.skipSpecialTokens(skip);
        }
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
