package org.sampling4j.interop;

import java.util.Map;
import org.sampling4j.SamplingParams;
import org.sampling4j.grammar.GrammarCache;
import org.sampling4j.text.Vocabulary;

/**
 * An OpenAI {@code /v1/chat/completions} or {@code /v1/completions} request body as
 * {@link SamplingParams}, with the OpenAI API reference's ranges and its error wording
 * ({@code "2.5 is greater than the maximum of 2 - 'temperature'"}).
 *
 * <table>
 * <caption>Fields</caption>
 * <tr><th>field</th><th>range</th><th>becomes</th></tr>
 * <tr><td>temperature</td><td>[0, 2]</td><td>temperature (0 greedy)</td></tr>
 * <tr><td>top_p</td><td>[0, 1]</td><td>topP; 0 keeps the most probable token only</td></tr>
 * <tr><td>frequency_penalty, presence_penalty</td><td>[-2, 2]</td><td>the same</td></tr>
 * <tr><td>logit_bias</td><td>{"token id": [-100, 100]}</td><td>logitBias</td></tr>
 * <tr><td>seed</td><td>integer</td><td>seed</td></tr>
 * <tr><td>n</td><td>[1, 128]</td><td>n (sequences seeded seed + i)</td></tr>
 * <tr><td>max_tokens, max_completion_tokens</td><td>[1, +Inf)</td><td>maxTokens (the latter wins)</td></tr>
 * <tr><td>logprobs</td><td>chat: boolean; completions: [0, 5]</td><td>topLogprobs (completions)</td></tr>
 * <tr><td>top_logprobs</td><td>[0, 20], chat, with logprobs true</td><td>topLogprobs</td></tr>
 * <tr><td>stop</td><td>a string or up to 4 strings, none empty</td><td>stopStrings (the returned text
 *     excludes the match, as OpenAI's does)</td></tr>
 * </table>
 * Left to the caller ({@link ParamsMapping#ignored()}): model, messages, prompt, stream and its
 * options, user, metadata, store, tools and functions, audio,
 * modalities, reasoning and service settings, suffix, echo. {@code response_format} (text, json_object,
 * json_schema with strict) becomes {@link SamplingParams#grammar()} when a vocabulary is given
 * ({@link ConstraintFields}), else it is reported unsupported. Unsupported: {@code best_of} above 1. Logprobs are the processed ones
 * (OpenAI does not document which it returns).
 *
 * <p>{@code stop} follows the API reference ("Up to 4 sequences where the API will stop generating
 * further tokens. The returned text will not contain the stop sequence.") and its current error
 * wording for too many: {@code "Invalid 'stop': array too long. Expected an array with maximum length
 * 4, but got an array with length 5 instead."}. An empty string is refused in the same style
 * ({@code "Invalid 'stop[1]': empty string. Expected a string with minimum length 1, but got an empty
 * string instead."}); whether OpenAI itself refuses it is not documented.
 */
final class OpenAiRequest {
    private static final String[] NOT_SAMPLING = {"model", "messages", "prompt", "stream", "stream_options", "user",
        "metadata", "store", "tools", "tool_choice", "parallel_tool_calls", "functions", "function_call", "modalities",
        "audio", "service_tier", "reasoning_effort", "prediction", "web_search_options", "safety_identifier",
        "prompt_cache_key", "verbosity", "suffix", "echo"};

    /** The API's limit on stop sequences. */
    static final int MAX_STOP = 4;

    private OpenAiRequest() {
    }

    static ParamsMapping map(Map<String, ?> body, Vocabulary vocab, GrammarCache cache) {
        RequestFields f = new RequestFields(body);
        SamplingParams.Builder b = SamplingParams.builder();
        Double t = range(f, "temperature", 0, 2);
        if (t != null) {
            b.temperature(t);
        }
        Double topP = range(f, "top_p", 0, 1);
        if (topP != null) {
            b.topP(topP == 0 ? Double.MIN_VALUE : topP);
        }
        Double freq = range(f, "frequency_penalty", -2, 2);
        if (freq != null) {
            b.frequencyPenalty(freq);
        }
        Double pres = range(f, "presence_penalty", -2, 2);
        if (pres != null) {
            b.presencePenalty(pres);
        }
        Object bias = f.raw("logit_bias");
        if (bias != null) {
            MapValues.tokenMap("logit_bias", bias).forEach((id, value) -> {
                check("logit_bias." + id, value, -100, 100);
                b.logitBias(id, value.floatValue());
            });
        }
        Long seed = f.longInteger("seed");
        if (seed != null) {
            b.seed(seed);
        }
        Double n = range(f, "n", 1, 128);
        if (n != null) {
            b.n(MapValues.integer("n", n));
        }
        for (String name : new String[] {"max_tokens", "max_completion_tokens"}) {
            Double max = range(f, name, 1, Integer.MAX_VALUE);
            if (max != null) {
                b.maxTokens(MapValues.integer(name, max));
            }
        }
        Object logprobs = f.raw("logprobs");
        if (logprobs instanceof Number) { // completions: the number of top logprobs
            b.topLogprobs(MapValues.integer("logprobs", check("logprobs", MapValues.number("logprobs", logprobs), 0, 5)));
        } else if (logprobs != null && !(logprobs instanceof Boolean)) {
            throw new IllegalArgumentException(logprobs + " is not of type 'boolean' - 'logprobs'");
        }
        Double top = range(f, "top_logprobs", 0, 20);
        if (top != null) {
            if (!Boolean.TRUE.equals(logprobs)) {
                throw new IllegalArgumentException("logprobs must be set to true if top_logprobs is used - 'top_logprobs'");
            }
            b.topLogprobs(MapValues.integer("top_logprobs", top));
        }
        Object stop = f.raw("stop");
        if (stop != null) {
            b.stopStrings(stop(stop));
        }
        for (String name : NOT_SAMPLING) {
            f.ignore(name, "not a sampling setting: the runtime handles it");
        }
        ConstraintFields.openAi(f).apply(f, b, vocab, cache, "ParamsMapping.fromOpenAi(body, vocabulary, cache)");
        Object bestOf = f.raw("best_of");
        if (bestOf != null && MapValues.number("best_of", bestOf) > 1) {
            f.unsupported("best_of", "ranking n candidates by total logprob is a generation-loop feature");
        }
        return f.result(b.build());
    }

    /** OpenAI's stop: a string or an array of at most {@value #MAX_STOP} strings, none empty. */
    static java.util.List<String> stop(Object value) {
        if (!(value instanceof CharSequence) && !(value instanceof java.util.List)) {
            throw new IllegalArgumentException("Invalid type for 'stop': expected one of a string or array of strings, but got "
                    + value + " instead.");
        }
        if (value instanceof java.util.List) {
            java.util.List<?> list = (java.util.List<?>) value;
            if (list.size() > MAX_STOP) {
                throw new IllegalArgumentException("Invalid 'stop': array too long. Expected an array with maximum length "
                        + MAX_STOP + ", but got an array with length " + list.size() + " instead.");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof CharSequence)) {
                    throw new IllegalArgumentException("Invalid type for 'stop[" + i + "]': expected a string, but got "
                            + list.get(i) + " instead.");
                }
            }
        }
        java.util.List<String> strings = MapValues.strings("stop", value);
        for (int i = 0; i < strings.size(); i++) {
            if (strings.get(i).isEmpty()) {
                String name = value instanceof CharSequence ? "stop" : "stop[" + i + "]";
                throw new IllegalArgumentException("Invalid '" + name + "': empty string. Expected a string with minimum"
                        + " length 1, but got an empty string instead.");
            }
        }
        return strings;
    }

    private static Double range(RequestFields f, String name, double min, double max) {
        Object raw = f.raw(name);
        if (raw == null) {
            return null;
        }
        return check(name, MapValues.number(name, raw), min, max);
    }

    /** OpenAI's wording for a number out of range. */
    private static double check(String name, double value, double min, double max) {
        if (value > max) {
            throw new IllegalArgumentException(show(value) + " is greater than the maximum of " + show(max) + " - '" + name + "'");
        }
        if (!(value >= min)) {
            throw new IllegalArgumentException(show(value) + " is less than the minimum of " + show(min) + " - '" + name + "'");
        }
        return value;
    }

    private static String show(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
