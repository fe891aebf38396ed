package org.sampling4j.interop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sampling4j.SamplingParams;
import org.sampling4j.grammar.GrammarCache;
import org.sampling4j.text.Encoder;
import org.sampling4j.text.Vocabulary;

/**
 * {@link SamplingParams} built from another system's request, with an account of every field the
 * request carried that did not become a parameter, so nothing is dropped silently:
 * <ul>
 *   <li>{@link #ignored()}: fields the API defines that are not the sampler's job (the model name,
 *       messages, streaming, output formatting), with the reason; the runtime around the sampler
 *       handles them. Stop strings are not among them: they become
 *       {@link SamplingParams#stopStrings()}, which a text-aware loop applies;</li>
 *   <li>{@link #unsupported()}: fields the API defines that would change which tokens are drawn
 *       and that Sampling4J lacks (structured output, beam search), with the reason;</li>
 *   <li>{@link #unknown()}: fields the API does not define: typos, or another API's fields.</li>
 * </ul>
 * {@link #strict()} returns the params only when the last two are empty. Ranges and error
 * messages follow the source API: OpenAI's {@code "3 is greater than the maximum of 2 -
 * 'temperature'"}, vLLM's {@code "temperature must be in [0, 2], got 3."}, HF's
 * {@code "`top_k` has to be a strictly positive integer, but is -3"}, Anthropic's
 * {@code "temperature: range: 0..1"}, Ollama's {@code option "top_k" must be of type integer},
 * MLX-LM's {@code "`min_p` has to be a float in the [0, 1] interval, but is 1.5"}, the llama.cpp
 * server's {@code "Error: repeat_last_n must be >= -1"}. Absent fields take the source system's
 * defaults where they differ from Sampling4J's (vLLM's max_tokens 16, HF's top_k 50, llama.cpp's
 * and Ollama's temperature 0.8 and top_k 40, MLX-LM's greedy temp 0).
 *
 * <p>Fields the source system tokenizes (vLLM {@code bad_words}, llama.cpp string
 * {@code logit_bias} and {@code dry_sequence_breakers}) need the runtime's
 * {@link org.sampling4j.text.Encoder} (and for DRY its {@link Vocabulary}): pass them to the
 * overloads that take them; without, those fields are reported in {@link #unsupported()} saying so.
 *
 * <pre>{@code
 * ParamsMapping m = ParamsMapping.fromOpenAi(jsonBodyAsMap);   // Jackson: mapper.readValue(body, Map.class)
 * if (!m.unknown().isEmpty()) log.warn("unknown request fields {}", m.unknown());
 * Sampler sampler = Sampler.of(m.strict(), vocabSize);
 * }</pre>
 */
public final class ParamsMapping {
    private final SamplingParams params;
    private final Map<String, String> ignored;
    private final Map<String, String> unsupported;
    private final List<String> unknown;

    ParamsMapping(SamplingParams params, Map<String, String> ignored, Map<String, String> unsupported,
                  List<String> unknown) {
        this.params = params;
        this.ignored = Collections.unmodifiableMap(new LinkedHashMap<>(ignored));
        this.unsupported = Collections.unmodifiableMap(new LinkedHashMap<>(unsupported));
        this.unknown = List.copyOf(unknown);
    }

    /**
     * An OpenAI chat or completions request body ({@code /v1/chat/completions},
     * {@code /v1/completions}): see {@link OpenAiRequest} for the fields and ranges.
     *
     * @throws IllegalArgumentException for a value outside the API's range, in OpenAI's wording
     */
    public static ParamsMapping fromOpenAi(Map<String, ?> body) {
        return OpenAiRequest.map(body, null, null);
    }

    /**
     * A vLLM {@code SamplingParams} as a dictionary (the keyword arguments of its constructor, or
     * the extra fields of vLLM's OpenAI server): see {@link VllmRequest}.
     *
     * @throws IllegalArgumentException for a value vLLM rejects, in vLLM's wording
     */
    public static ParamsMapping fromVllm(Map<String, ?> samplingParams) {
        return VllmRequest.map(samplingParams, null, null, null);
    }

    /**
     * As {@link #fromVllm(Map)}, with the model's encoder for the fields vLLM tokenizes:
     * {@code bad_words} strings become token-id sequences by vLLM's rule ({@link VllmBadWords}).
     *
     * @param encoder the model's tokenizer (without special tokens); null reports bad_words strings unsupported
     * @throws IllegalArgumentException for a value vLLM rejects, in vLLM's wording
     */
    public static ParamsMapping fromVllm(Map<String, ?> samplingParams, Encoder encoder) {
        return VllmRequest.map(samplingParams, encoder, null, null);
    }

    /**
     * A llama.cpp server {@code /completion} request body: see {@link LlamaCppRequest}. Text that the
     * server tokenizes (string logit_bias keys, DRY sequence breakers, including the default ones
     * when DRY is on) is reported in {@link #unsupported()}; pass an encoder and a vocabulary with
     * {@link #fromLlamaCpp(Map, Encoder, Vocabulary)}.
     *
     * @throws IllegalArgumentException for a value the server rejects (in its wording) or passes on unchecked
     *                                  where llama.cpp's samplers misbehave
     */
    public static ParamsMapping fromLlamaCpp(Map<String, ?> body) {
        return LlamaCppRequest.map(body, null, null, null);
    }

    /**
     * As {@link #fromLlamaCpp(Map)}, with the model's encoder and vocabulary for what the server
     * tokenizes: string logit_bias entries (each token of the text gets the bias), DRY sequence
     * breakers ({@link LlamaCppBreakers}: llama.cpp's head/tail scan over the vocabulary), and
     * {@code ignore_eos} (bans the vocabulary's EOS ids).
     *
     * @param encoder    the model's tokenizer, without special tokens; null when there is none
     * @param vocabulary the model's vocabulary; null when there is none
     */
    public static ParamsMapping fromLlamaCpp(Map<String, ?> body, Encoder encoder, Vocabulary vocabulary) {
        return LlamaCppRequest.map(body, encoder, vocabulary, null);
    }

    /**
     * As {@link #fromOpenAi(Map)}, with the model's vocabulary for {@code response_format}
     * ({@code json_schema}, {@code json_object}): it becomes {@link SamplingParams#grammar()}.
     *
     * @param vocabulary the model's vocabulary; null reports a constraint unsupported
     * @param cache      shares one compiled grammar per distinct schema and vocabulary; null compiles each time
     * @throws IllegalArgumentException for a malformed or second constraint, naming the fields
     * @throws org.sampling4j.grammar.GrammarException when the constraint does not compile, its message
     *         prefixed by the field ({@code response_format.json_schema.schema: unsupported: /properties/x/...})
     */
    public static ParamsMapping fromOpenAi(Map<String, ?> body, Vocabulary vocabulary, GrammarCache cache) {
        return OpenAiRequest.map(body, vocabulary, cache);
    }

    /**
     * As {@link #fromVllm(Map, Encoder)}, with the model's vocabulary for {@code structured_outputs} and
     * the older {@code guided_*} fields: they become {@link SamplingParams#grammar()}.
     *
     * @param vocabulary the model's vocabulary; null reports a constraint unsupported
     * @param cache      shares one compiled grammar per distinct constraint and vocabulary; null compiles each time
     * @throws org.sampling4j.grammar.GrammarException when the constraint does not compile, its message
     *         prefixed by the field ({@code structured_outputs.json: ...})
     */
    public static ParamsMapping fromVllm(Map<String, ?> samplingParams, Encoder encoder, Vocabulary vocabulary,
                                         GrammarCache cache) {
        return VllmRequest.map(samplingParams, encoder, vocabulary, cache);
    }

    /**
     * As {@link #fromLlamaCpp(Map, Encoder, Vocabulary)}; {@code json_schema}, {@code grammar} and
     * {@code response_format} become {@link SamplingParams#grammar()}, compiled through {@code cache}.
     *
     * @param cache shares one compiled grammar per distinct constraint and vocabulary; null compiles each time
     * @throws org.sampling4j.grammar.GrammarException when the constraint does not compile, its message
     *         prefixed by the field ({@code grammar: invalid: line 1, column 3 ...})
     */
    public static ParamsMapping fromLlamaCpp(Map<String, ?> body, Encoder encoder, Vocabulary vocabulary,
                                             GrammarCache cache) {
        return LlamaCppRequest.map(body, encoder, vocabulary, cache);
    }

    /**
     * HuggingFace {@code model.generate(**kwargs)} / {@code GenerationConfig} keyword arguments:
     * see {@link HfGenerateRequest}. {@code do_sample} absent or false means greedy, as in HF.
     *
     * @throws IllegalArgumentException for a value HF rejects, in HF's wording
     */
    public static ParamsMapping fromHuggingFace(Map<String, ?> generateKwargs) {
        return HfGenerateRequest.map(generateKwargs);
    }

    /**
     * An Anthropic Messages API request body ({@code POST /v1/messages}): see {@link AnthropicRequest}.
     * {@code max_tokens} is required, as the API requires it.
     *
     * @throws IllegalArgumentException for a value outside the API's range, or no max_tokens, in Anthropic's style
     */
    public static ParamsMapping fromAnthropic(Map<String, ?> body) {
        return AnthropicRequest.map(body);
    }

    /**
     * An Ollama {@code /api/generate} or {@code /api/chat} request body, its sampling settings under
     * {@code options}: see {@link OllamaRequest}. Absent options take Ollama's server defaults
     * (temperature 0.8, top_k 40, top_p 0.9, repeat_penalty 1.1, repeat_last_n 64), not Sampling4J's.
     * Report keys of options read {@code options.name}.
     *
     * @throws IllegalArgumentException for a value of the wrong type (in Ollama's wording) or one its runners misbehave with
     */
    public static ParamsMapping fromOllama(Map<String, ?> body) {
        return OllamaRequest.map(body);
    }

    /**
     * MLX-LM's sampler settings: the keyword arguments of {@code make_sampler} and
     * {@code make_logits_processors} in one map. See {@link MlxLmRequest}: MLX-LM's defaults hold, so
     * an empty map is greedy ({@code temp} 0) and {@code top_p} 0 is off.
     *
     * @throws IllegalArgumentException for a value MLX-LM rejects, in its wording
     */
    public static ParamsMapping fromMlxLm(Map<String, ?> samplerKwargs) {
        return MlxLmRequest.map(samplerKwargs);
    }

    /** The parameters, whatever else the request carried. */
    public SamplingParams params() {
        return params;
    }

    /**
     * The parameters, if every field was either mapped or is not the sampler's job.
     *
     * @throws UnsupportedSettingException naming the first unsupported, else the first unknown field
     */
    public SamplingParams strict() {
        if (!unsupported.isEmpty()) {
            Map.Entry<String, String> first = unsupported.entrySet().iterator().next();
            throw new UnsupportedSettingException(first.getKey() + " is not supported by this version of Sampling4J: "
                    + first.getValue(), first.getKey());
        }
        if (!unknown.isEmpty()) {
            throw new UnsupportedSettingException(unknown.get(0) + " is not a field of this API", unknown.get(0));
        }
        return params;
    }

    /** Field name to the reason it was left to the caller, in request order. */
    public Map<String, String> ignored() {
        return ignored;
    }

    /** Field name to the reason Sampling4J cannot honour it, in request order. */
    public Map<String, String> unsupported() {
        return unsupported;
    }

    /** Fields the API does not define, in request order. */
    public List<String> unknown() {
        return unknown;
    }

    @Override
    public String toString() {
        return "ParamsMapping{" + params + ", ignored=" + ignored.keySet() + ", unsupported=" + unsupported.keySet()
                + ", unknown=" + unknown + "}";
    }
}
