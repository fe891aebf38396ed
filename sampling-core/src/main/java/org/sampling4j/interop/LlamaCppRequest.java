package org.sampling4j.interop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sampling4j.ChainOrder;
import org.sampling4j.LogprobsMode;
import org.sampling4j.SamplingParams;
import org.sampling4j.grammar.GrammarCache;
import org.sampling4j.processor.FrequencyPresencePenaltyProcessor;
import org.sampling4j.text.Encoder;
import org.sampling4j.text.Vocabulary;

/**
 * A llama.cpp server {@code /completion} request body as {@link SamplingParams}, with llama.cpp's
 * defaults ({@code common_params_sampling}), its chain order ({@link ChainOrder#LLAMA_CPP}) and the
 * server's few checks in its own words ({@code "Error: repeat_last_n must be >= -1"}). Followed:
 * {@code tools/server} {@code params_from_json_cmpl} as of early 2026 (the version that reads
 * {@code n_cmpl}, {@code adaptive_target} and {@code backend_sampling}); a server started with other
 * sampling flags has other defaults: pass them in the request.
 *
 * <table>
 * <caption>Fields</caption>
 * <tr><th>field</th><th>llama.cpp (default)</th><th>becomes</th></tr>
 * <tr><td>temperature</td><td>0.8; &lt;= 0 greedy</td><td>temperature (negative: 0)</td></tr>
 * <tr><td>dynatemp_range, dynatemp_exponent</td><td>0 (off), 1</td><td>the same</td></tr>
 * <tr><td>top_k</td><td>40; &lt;= 0 off</td><td>topK</td></tr>
 * <tr><td>top_p</td><td>0.95; &gt;= 1 off, &lt;= 0 keeps min_keep tokens (at least one), as llama.cpp</td><td>topP</td></tr>
 * <tr><td>min_p</td><td>0.05; &lt;= 0 off</td><td>minP</td></tr>
 * <tr><td>typical_p</td><td>1; &gt;= 1 off</td><td>typicalP</td></tr>
 * <tr><td>top_n_sigma</td><td>-1; &lt;= 0 off</td><td>topNSigma</td></tr>
 * <tr><td>xtc_probability, xtc_threshold</td><td>0 (off), 0.1; a threshold above 0.5 turns XTC off</td><td>xtc</td></tr>
 * <tr><td>min_keep</td><td>0</td><td>minKeep (at least 1)</td></tr>
 * <tr><td>repeat_last_n</td><td>64; -1 the context, 0 turns the penalties off</td><td>penaltyLastN (-1: 0, the whole sequence)</td></tr>
 * <tr><td>repeat_penalty, frequency_penalty, presence_penalty</td><td>1, 0, 0</td><td>the same, repetition over prompt and output</td></tr>
 * <tr><td>dry_multiplier, dry_base, dry_allowed_length</td><td>0 (off), 1.75 (below 1: 1.75), 2</td><td>dry</td></tr>
 * <tr><td>dry_penalty_last_n</td><td>-1 the context; 0 turns DRY off</td><td>dryPenaltyLastN (-1: 0)</td></tr>
 * <tr><td>dry_sequence_breakers</td><td>strings, default {@link LlamaCppBreakers#DEFAULTS}</td><td>drySequenceBreakers by
 *     {@link LlamaCppBreakers} (needs an {@link Encoder} and a {@link Vocabulary}); token-id lists also
 *     accepted (a Sampling4J extension)</td></tr>
 * <tr><td>mirostat, mirostat_tau, mirostat_eta</td><td>0, 5, 0.1</td><td>mirostat</td></tr>
 * <tr><td>seed</td><td>uint32, 4294967295 (-1) = random</td><td>seed</td></tr>
 * <tr><td>n_predict (or max_tokens)</td><td>-1 = no limit</td><td>maxTokens</td></tr>
 * <tr><td>n_cmpl (or n)</td><td>1</td><td>n</td></tr>
 * <tr><td>n_probs (or logprobs)</td><td>0</td><td>topLogprobs; raw logprobs unless post_sampling_probs</td></tr>
 * <tr><td>logit_bias</td><td>[[id or text, bias or false], ...] or {"id or text": bias or false}</td><td>logitBias;
 *     text is encoded and each of its tokens biased; false bans; repeated tokens add up</td></tr>
 * <tr><td>ignore_eos</td><td>false</td><td>bans the {@link Vocabulary}'s EOS ids</td></tr>
 * <tr><td>stop</td><td>list of strings</td><td>stopStrings (match excluded from the text, as the server does)</td></tr>
 * <tr><td>reasoning_budget_tokens, reasoning_budget_start_tag, reasoning_budget_end_tag,
 *     reasoning_budget_message</td><td>-1 (unrestricted); tags and message as text, encoded with the
 *     {@link Encoder} (or token-id lists)</td><td>thinkingBudget, thinkingBudgetMessage</td></tr>
 * <tr><td>adaptive_target, adaptive_decay</td><td>-1 (off), 0.9; only with {@code adaptive_p} in samplers;
 *     target clamped to at most 1, decay to [0, 0.99]</td><td>adaptiveP</td></tr>
 * </table>
 *
 * <p><b>As llama.cpp.</b> logit_bias entries the server skips are skipped here too: a pair that is not
 * two elements, a bias that is neither a number nor false, an id that is negative or (with a
 * vocabulary) past it, a float id in the list form; string keys and text are encoded like the server's
 * {@code common_tokenize(vocab, text, false)}. Under mirostat the server's chain is logit_bias,
 * temperature and mirostat only, so the penalties, DRY, dynamic temperature and truncations given are
 * reported in {@link ParamsMapping#ignored()} and switched off.
 * <p><b>Differs, and refused or reported.</b> Values the server passes on unchecked where llama.cpp's
 * samplers misbehave or Sampling4J cannot follow are refused, naming the field: min_p above 1 (keeps no
 * token), typical_p &lt;= 0, xtc_probability above 1, negative xtc_threshold, min_keep, dry_multiplier,
 * or dry_allowed_length, repeat_penalty &lt;= 0, n_predict 0 (evaluate the prompt only) or below -1, a
 * negative temperature with a dynamic range, mirostat other than 0, 1, 2. Reported unsupported: a custom
 * {@code samplers} order (the default one with {@code adaptive_p} is accepted), grammar, json_schema and
 * response_format when no {@link Vocabulary} is given (with one they become {@link SamplingParams#grammar()},
 * {@link ConstraintFields}), XTC under greedy (llama.cpp runs XTC before its greedy pick, which can change the
 * argmax), text that needs the missing {@link Encoder} or {@link Vocabulary}.
 * <p><b>Differs, silently.</b> frequency_penalty and presence_penalty count only generated tokens
 * (the OpenAI / vLLM scope of {@link FrequencyPresencePenaltyProcessor}); llama.cpp counts every
 * token of its last repeat_last_n, prompt included. A {@code stop} given as one string is read as a
 * list of one, as llama.cpp's OpenAI-compatible endpoints do ({@code /completion} itself ignores a
 * string). The random draws differ from llama.cpp's (Philox, not its {@code mt19937}).
 * <p>This class reads the request-level fields in the server's order; the sampler chain's fields
 * are read by {@link LlamaCppChainFields}, those that become token ids by {@link LlamaCppTokenFields}.
 */
final class LlamaCppRequest {
    private static final String[] NOT_SAMPLING = {"prompt", "model", "stream", "cache_prompt", "n_keep", "n_discard",
        "n_indent", "id_slot", "t_max_predict_ms", "t_max_prompt_ms", "response_fields", "lora", "return_tokens",
        "return_progress", "timings_per_token", "image_data", "multimodal_data", "n_cache_reuse", "chat_format",
        "reasoning_format", "generation_prompt", "parse_tool_calls", "chat_parser", "input_prefix", "input_suffix",
        "input_extra", "backend_sampling", "preserved_tokens", "speculative.n_min", "speculative.n_max",
        "speculative.p_min", "speculative.type"};
    /** LLAMA_DEFAULT_SEED: a seed of 0xFFFFFFFF (-1 as uint32) asks for a random one. */
    private static final long DEFAULT_SEED = 0xFFFFFFFFL;

    private LlamaCppRequest() {
    }

    static ParamsMapping map(Map<String, ?> body, Encoder encoder, Vocabulary vocabulary, GrammarCache cache) {
        RequestFields f = new RequestFields(body);
        SamplingParams.Builder b = SamplingParams.builder().chainOrder(ChainOrder.LLAMA_CPP);
        LlamaCppChainFields chain = LlamaCppChainFields.read(f, b, encoder, vocabulary);
        chain.minKeep();
        Long seed = f.longInteger("seed");
        if (seed != null && (seed & DEFAULT_SEED) != DEFAULT_SEED) {
            b.seed(seed & DEFAULT_SEED);
        }
        Integer predict = alias(f, "n_predict", "max_tokens");
        int nPredict = or(predict, -1);
        if (nPredict == 0 || nPredict < -1) {
            throw new IllegalArgumentException("n_predict = " + nPredict + " is not supported: -1 (no limit) or a positive"
                    + " count; llama.cpp's 0 evaluates the prompt only");
        }
        b.maxTokens(nPredict == -1 ? 0 : nPredict);
        Integer n = alias(f, "n_cmpl", "n");
        if (n != null) {
            b.n(n);
        }
        logprobs(f, b);
        Map<Integer, Double> bias = new LinkedHashMap<>();
        LlamaCppTokenFields.logitBias(f, encoder, vocabulary, bias);
        LlamaCppTokenFields.ignoreEos(f, vocabulary, bias);
        bias.forEach((id, value) -> b.logitBias(id, value.floatValue()));
        Object stop = f.raw("stop");
        if (stop != null) {
            List<String> strings = MapValues.strings("stop", stop);
            for (int i = 0; i < strings.size(); i++) {
                if (strings.get(i).isEmpty()) {
                    throw new IllegalArgumentException("stop[" + i + "] is empty: llama.cpp would stop at once");
                }
            }
            b.stopStrings(strings);
        }
        chain.adaptiveP();
        ConstraintFields.llamaCpp(f).apply(f, b, vocabulary, cache, "ParamsMapping.fromLlamaCpp(body, encoder, vocabulary, cache)");
        for (String name : new String[] {"grammar_lazy", "grammar_triggers", "grammar_type"}) {
            f.ignore(name, "a grammar setting: only used with grammar");
        }
        reasoningBudget(f, b, encoder);
        f.ignore("post_sampling_probs", "read with n_probs: it picks processed instead of raw logprobs");
        for (String name : NOT_SAMPLING) {
            f.ignore(name, "not a sampling setting: the runtime handles it");
        }
        return f.result(b.build());
    }

    /**
     * The reasoning budget ({@code common/reasoning-budget.cpp}): {@code reasoning_budget_tokens} (-1
     * unrestricted, 0 closes at once) with the start and end tags and the optional message the server
     * tokenizes ({@code common_tokenize(vocab, text, false)}, here the {@link Encoder}); token-id
     * lists are also accepted (a Sampling4J extension). The forced sequence is the message, then the
     * end tag.
     */
    private static void reasoningBudget(RequestFields f, SamplingParams.Builder b, Encoder encoder) {
        Integer budget = f.integer("reasoning_budget_tokens");
        String[] names = {"reasoning_budget_start_tag", "reasoning_budget_end_tag", "reasoning_budget_message"};
        if (budget == null || budget == -1) {
            for (String name : names) {
                if (f.raw(name) != null) {
                    f.ignoredBecause(name, "only used with reasoning_budget_tokens >= 0");
                }
            }
            return;
        }
        if (budget < -1) {
            throw new IllegalArgumentException("reasoning_budget_tokens = " + budget + " is below -1: -1 is unrestricted,"
                    + " 0 ends reasoning at once, N > 0 is a budget of N tokens");
        }
        int[][] ids = new int[names.length][];
        for (int i = 0; i < names.length; i++) {
            Object v = f.raw(names[i]);
            if (v == null) {
                ids[i] = i == 2 ? new int[0] : null;
            } else if (v instanceof String) {
                if (encoder == null) {
                    f.unsupportedBecause(names[i], "a tag as text needs the model's tokenizer: pass an Encoder, or give token ids");
                    return;
                }
                ids[i] = encoder.encode((String) v);
            } else {
                ids[i] = MapValues.tokenIds(names[i], v);
            }
        }
        if (ids[0] == null || ids[1] == null || ids[0].length == 0 || ids[1].length == 0) {
            f.unsupportedBecause("reasoning_budget_tokens", "needs reasoning_budget_start_tag and reasoning_budget_end_tag"
                    + " (llama.cpp takes them from the chat template): pass them with the request");
            return;
        }
        b.thinkingBudget(budget, ids[0], ids[1]).thinkingBudgetMessage(ids[2]);
    }

    private static void logprobs(RequestFields f, SamplingParams.Builder b) {
        Object nProbs = f.raw("n_probs");
        Object logprobs = f.raw("logprobs");
        int count = nProbs == null ? 0 : MapValues.integer("n_probs", nProbs);
        if (count == 0 && logprobs != null) { // the server reads logprobs only when n_probs is left at its default
            count = logprobs instanceof Boolean ? ((Boolean) logprobs ? 1 : 0) : MapValues.integer("logprobs", logprobs);
        } else if (logprobs != null) {
            f.ignoredBecause("logprobs", "n_probs is set, and the server then reads it instead");
        }
        if (count > 0) {
            b.maxTopLogprobs(Math.max(count, SamplingParams.builder().build().maxTopLogprobs())).topLogprobs(count);
        }
        b.logprobsMode(Boolean.TRUE.equals(f.bool("post_sampling_probs")) ? LogprobsMode.PROCESSED_LOGPROBS
                : LogprobsMode.RAW_LOGPROBS);
    }

    /** The server's {@code json_value(data, name, json_value(data, alias, ...))}: name wins when both are given. */
    private static Integer alias(RequestFields f, String name, String alias) {
        if (f.raw(name) != null) {
            if (f.raw(alias) != null) {
                f.ignoredBecause(alias, name + " is set, and the server reads it instead");
            }
            return f.integer(name);
        }
        return f.integer(alias);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
