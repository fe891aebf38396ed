package org.sampling4j.interop;

import java.util.Map;
import org.sampling4j.SamplingParams;

/**
 * HuggingFace transformers {@code generate} keyword arguments ({@code GenerationConfig} fields)
 * as {@link SamplingParams}, with HF's defaults, checks and wording (the warpers' and processors'
 * {@code ValueError}s: {@code "`top_p` has to be a float > 0 and < 1, but is 1.5"}).
 *
 * <p><b>Greedy unless {@code do_sample=True}.</b> As in HF, {@code do_sample} absent or false
 * means greedy: the warpers (temperature, top_h, top_k, top_p, min_p, typical_p, epsilon_cutoff,
 * eta_cutoff) are then reported in {@link ParamsMapping#ignored()}, while the processors
 * (repetition_penalty, no_repeat_ngram_size, bad_words_ids, suppress_tokens, sequence_bias,
 * min_new_tokens, guidance_scale) still apply, since they can change the argmax. With
 * {@code do_sample=True} an absent top_k is HF's library default 50 (a model's
 * {@code generation_config.json} may set others: pass them explicitly).
 *
 * <table>
 * <caption>Fields</caption>
 * <tr><th>field</th><th>HF range</th><th>becomes</th></tr>
 * <tr><td>temperature</td><td>&gt; 0</td><td>temperature</td></tr>
 * <tr><td>top_k</td><td>0 disables, else &gt; 0; default 50</td><td>topK</td></tr>
 * <tr><td>top_p</td><td>[0, 1]; 1 disables</td><td>topP (0 keeps the top token)</td></tr>
 * <tr><td>min_p</td><td>[0, 1]</td><td>minP</td></tr>
 * <tr><td>top_h</td><td>(0, 1]; unset disables</td><td>topH (HF 5.x TopHLogitsWarper)</td></tr>
 * <tr><td>typical_p</td><td>(0, 1); 1 disables</td><td>typicalP</td></tr>
 * <tr><td>epsilon_cutoff, eta_cutoff</td><td>(0, 1); 0 disables</td><td>the same</td></tr>
 * <tr><td>repetition_penalty</td><td>&gt; 0</td><td>repetitionPenalty (prompt and output, as HF)</td></tr>
 * <tr><td>no_repeat_ngram_size</td><td>0 disables, else &gt; 0</td><td>noRepeatNgramSize</td></tr>
 * <tr><td>bad_words_ids</td><td>token-id lists</td><td>badWords</td></tr>
 * <tr><td>suppress_tokens</td><td>ids</td><td>bannedTokenIds</td></tr>
 * <tr><td>sequence_bias</td><td>{(ids): bias} as [[ids], bias] pairs or {"id": bias}, single tokens</td><td>logitBias</td></tr>
 * <tr><td>eos_token_id</td><td>id or ids</td><td>stopTokenIds</td></tr>
 * <tr><td>min_new_tokens</td><td>&gt;= 0</td><td>minTokens</td></tr>
 * <tr><td>max_new_tokens</td><td>&gt; 0</td><td>maxTokens</td></tr>
 * <tr><td>num_return_sequences</td><td>&gt;= 1; 1 under greedy</td><td>n</td></tr>
 * <tr><td>guidance_scale</td><td>1 disables</td><td>guidanceScale (pass the unconditional row)</td></tr>
 * <tr><td>stop_strings</td><td>a string or a list of strings</td><td>stopStrings, with
 *     includeStopStringInOutput true (HF returns the ids up to and including the token that completes
 *     the match, so their text keeps it)</td></tr>
 * </table>
 * HF's {@code StopStringCriteria} also stops on a stop string that ends inside the last token and
 * returns that token whole; Sampling4J's text ends at the match, with the same tokens consumed.
 * HF needs the tokenizer passed to {@code generate} for stop strings; a runtime here decodes with
 * its {@code Vocabulary}. An empty stop string is refused (HF does not check it).
 * Left to the caller: max_length and min_length (they count the prompt),
 * negative_prompt_ids (the runtime runs the model on them for guidance), pad/bos ids, caching and
 * output options, renormalize_logits (logprobs here are always normalized). Unsupported: beam
 * search and its options, contrastive search, constraints, forced tokens, begin_suppress_tokens,
 * watermarking, assisted decoding, multi-token sequence_bias.
 */
final class HfGenerateRequest {
    private static final String[] WARPERS = {"temperature", "top_h", "top_k", "top_p", "min_p", "typical_p",
        "epsilon_cutoff", "eta_cutoff"};
    private static final String[] NOT_SAMPLING = {"pad_token_id", "bos_token_id", "decoder_start_token_id", "use_cache",
        "output_scores", "output_logits", "return_dict_in_generate", "output_attentions", "output_hidden_states",
        "streamer", "max_time", "attention_mask", "cache_implementation", "return_legacy_cache",
        "negative_prompt_ids", "negative_prompt_attention_mask", "renormalize_logits", "remove_invalid_values",
        "max_length", "min_length", "synced_gpus", "tokenizer"};
    private static final String[] UNSUPPORTED = {"num_beam_groups", "diversity_penalty", "penalty_alpha", "constraints",
        "force_words_ids", "forced_bos_token_id", "forced_eos_token_id", "begin_suppress_tokens",
        "exponential_decay_length_penalty", "encoder_repetition_penalty", "encoder_no_repeat_ngram_size",
        "prefix_allowed_tokens_fn", "watermarking_config", "assistant_model", "prompt_lookup_num_tokens",
        "dola_layers", "low_memory"};

    private HfGenerateRequest() {
    }

    static ParamsMapping map(Map<String, ?> kwargs) {
        RequestFields f = new RequestFields(kwargs);
        SamplingParams.Builder b = SamplingParams.builder();
        boolean sample = Boolean.TRUE.equals(f.bool("do_sample"));
        if (sample) {
            warpers(f, b);
        } else {
            b.temperature(0);
            for (String name : WARPERS) {
                if (f.raw(name) != null) {
                    f.ignoredBecause(name, "only used when do_sample=True; HF ignores it too (greedy decoding)");
                }
            }
        }
        Double penalty = f.number("repetition_penalty");
        if (penalty != null) {
            if (!(penalty > 0)) {
                throw new IllegalArgumentException("`penalty` has to be a strictly positive float, but is " + f.raw("repetition_penalty"));
            }
            b.repetitionPenalty(penalty);
        }
        Integer ngram = f.integer("no_repeat_ngram_size");
        if (ngram != null && ngram != 0) {
            if (ngram < 0) {
                throw new IllegalArgumentException("`ngram_size` has to be a strictly positive integer, but is " + ngram);
            }
            b.noRepeatNgramSize(ngram);
        }
        int[][] bad = f.tokenSequences("bad_words_ids");
        if (bad != null) {
            b.badWords(bad);
        }
        int[] suppress = f.tokenIds("suppress_tokens");
        if (suppress != null) {
            b.bannedTokenIds(suppress);
        }
        sequenceBias(f, b);
        int[] eos = f.tokenIds("eos_token_id");
        if (eos != null) {
            b.stopTokenIds(eos);
        }
        Integer minNew = f.integer("min_new_tokens");
        if (minNew != null) {
            if (minNew < 0) {
                throw new IllegalArgumentException("`min_new_tokens` has to be a positive integer, but is " + minNew);
            }
            b.minTokens(minNew);
        }
        Integer maxNew = f.integer("max_new_tokens");
        if (maxNew != null) {
            if (maxNew <= 0) {
                throw new IllegalArgumentException("`max_new_tokens` must be greater than 0, but is " + maxNew + ".");
            }
            b.maxTokens(maxNew);
        }
        Integer n = f.integer("num_return_sequences");
        if (n != null) {
            if (!sample && n != 1) {
                throw new IllegalArgumentException("Greedy methods without beam search do not support"
                        + " `num_return_sequences` different than 1 (got " + n + ").");
            }
            b.n(n);
        }
        Double guidance = f.number("guidance_scale");
        if (guidance != null) {
            b.guidanceScale(guidance);
        }
        Object stop = f.raw("stop_strings");
        if (stop != null) {
            java.util.List<String> strings = MapValues.strings("stop_strings", stop);
            for (int i = 0; i < strings.size(); i++) {
                if (strings.get(i).isEmpty()) {
                    throw new IllegalArgumentException("`stop_strings` cannot contain an empty string, but entry " + i + " is ''");
                }
            }
            b.stopStrings(strings).includeStopStringInOutput(true);
        }
        Integer beams = f.integer("num_beams");
        if (beams != null && beams > 1) {
            f.unsupported("num_beams", "beam search keeps several hypotheses: a generation-loop feature");
        }
        for (String name : new String[] {"length_penalty", "early_stopping"}) {
            f.ignore(name, "only used by beam search");
        }
        for (String name : NOT_SAMPLING) {
            f.ignore(name, "not a sampling setting: the runtime handles it");
        }
        for (String name : UNSUPPORTED) {
            f.unsupported(name, "not implemented by Sampling4J");
        }
        return f.result(b.build());
    }

    private static void warpers(RequestFields f, SamplingParams.Builder b) {
        Double t = f.number("temperature");
        if (t != null) {
            if (!(t > 0)) {
                throw new IllegalArgumentException("`temperature` (=" + f.raw("temperature") + ") has to be a strictly positive float,"
                        + " otherwise your next token scores will be invalid."
                        + (t == 0 ? " If you're looking for greedy decoding strategies, set `do_sample=False`." : ""));
            }
            b.temperature(t);
        }
        Integer topK = f.integer("top_k");
        int k = topK == null ? 50 : topK;
        if (k < 0) {
            throw new IllegalArgumentException("`top_k` has to be a strictly positive integer, but is " + k);
        }
        b.topK(k);
        Double topP = f.number("top_p");
        if (topP != null) {
            if (!(topP >= 0 && topP <= 1)) {
                throw new IllegalArgumentException("`top_p` has to be a float > 0 and < 1, but is " + f.raw("top_p"));
            }
            b.topP(topP == 0 ? Double.MIN_VALUE : topP);
        }
        Double topH = f.number("top_h");
        if (topH != null) {
            if (!(topH > 0 && topH <= 1)) {
                throw new IllegalArgumentException("`top_h` must be in the range (0, 1].");
            }
            b.topH(topH);
        }
        Double minP = f.number("min_p");
        if (minP != null) {
            if (!(minP >= 0 && minP <= 1)) {
                throw new IllegalArgumentException("`min_p` has to be a float in the [0, 1] interval, but is " + f.raw("min_p"));
            }
            b.minP(minP);
        }
        Double typical = f.number("typical_p");
        if (typical != null && typical != 1.0) {
            if (!(typical > 0 && typical < 1)) {
                throw new IllegalArgumentException("`typical_p` has to be a float > 0 and < 1, but is " + f.raw("typical_p"));
            }
            b.typicalP(typical);
        }
        Double epsilon = f.number("epsilon_cutoff");
        if (epsilon != null && epsilon != 0.0) {
            if (!(epsilon > 0 && epsilon < 1)) {
                throw new IllegalArgumentException("`epsilon_cutoff` has to be a float > 0 and < 1, but is " + f.raw("epsilon_cutoff"));
            }
            b.epsilonCutoff(epsilon);
        }
        Double eta = f.number("eta_cutoff");
        if (eta != null && eta != 0.0) {
            if (!(eta > 0 && eta < 1)) {
                throw new IllegalArgumentException("`eta_cutoff` has to be a float > 0 and < 1, but is " + f.raw("eta_cutoff"));
            }
            b.etaCutoff(eta);
        }
    }

    /**
     * HF's sequence_bias maps token-id tuples to a bias. JSON has no tuple keys, so it arrives as a
     * list of [[ids], bias] pairs (HF's own serialised form) or as {"id": bias} for single tokens.
     */
    private static void sequenceBias(RequestFields f, SamplingParams.Builder b) {
        Object raw = f.raw("sequence_bias");
        if (raw == null) {
            return;
        }
        if (raw instanceof Map) {
            MapValues.tokenMap("sequence_bias", raw).forEach((id, bias) -> b.logitBias(id, bias.floatValue()));
            return;
        }
        if (!(raw instanceof java.util.List)) {
            throw new IllegalArgumentException("`sequence_bias` has to be a list of [[token ids], bias] pairs, but is " + raw);
        }
        java.util.List<?> pairs = (java.util.List<?>) raw;
        for (int i = 0; i < pairs.size(); i++) {
            Object pair = pairs.get(i);
            if (!(pair instanceof java.util.List) || ((java.util.List<?>) pair).size() != 2) {
                throw new IllegalArgumentException("`sequence_bias` has to be a list of [[token ids], bias] pairs, but"
                        + " entry " + i + " is " + pair);
            }
            int[] ids = MapValues.tokenIds("sequence_bias[" + i + "][0]", ((java.util.List<?>) pair).get(0));
            double bias = MapValues.number("sequence_bias[" + i + "][1]", ((java.util.List<?>) pair).get(1));
            if (ids.length != 1) {
                throw new UnsupportedSettingException("sequence_bias[" + i + "] biases a sequence of " + ids.length
                        + " tokens: only single-token biases are supported", "sequence_bias");
            }
            b.logitBias(ids[0], (float) bias);
        }
    }
}
