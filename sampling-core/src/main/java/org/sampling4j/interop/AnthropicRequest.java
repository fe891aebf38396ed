package org.sampling4j.interop;

import java.util.List;
import java.util.Map;
import org.sampling4j.SamplingParams;

/**
 * An Anthropic Messages API request body ({@code POST /v1/messages}) as {@link SamplingParams},
 * with the API reference's ranges and its error style ({@code "temperature: range: 0..1"},
 * {@code "max_tokens: Field required"}). Followed: the Messages API reference with
 * {@code anthropic-version: 2023-06-01}, as published in 2025 (temperature and top_p documented in
 * [0, 1], top_k with minimum 0, max_tokens required).
 *
 * <table>
 * <caption>Fields</caption>
 * <tr><th>field</th><th>range (default)</th><th>becomes</th></tr>
 * <tr><td>max_tokens</td><td>required, &gt;= 1</td><td>maxTokens</td></tr>
 * <tr><td>temperature</td><td>[0, 1] (1)</td><td>temperature (0 greedy here; Anthropic says 0 is "not fully deterministic")</td></tr>
 * <tr><td>top_p</td><td>[0, 1] (off)</td><td>topP; 0 keeps the most probable token, as the OpenAI mapping</td></tr>
 * <tr><td>top_k</td><td>&gt;= 0 (off)</td><td>topK; 0 is reported unsupported: its meaning is not documented</td></tr>
 * <tr><td>stop_sequences</td><td>list of strings, each non-empty and with a non-whitespace character</td><td>stopStrings
 *     (the match is excluded from the text; Anthropic reports it as {@code stop_sequence})</td></tr>
 * </table>
 * Left to the caller ({@link ParamsMapping#ignored()}): model, messages, system, stream, metadata,
 * tools, tool_choice, thinking, service_tier, container, mcp_servers, context_management,
 * inference_geo, output_config without a format. Unsupported: structured output
 * ({@code output_format}, or {@code output_config.format}). Not enforced: the model-specific rules
 * that some models refuse temperature and top_p together, and that extended thinking wants the
 * default temperature and no top_k.
 *
 * <p>The error texts follow the API's {@code invalid_request_error} messages seen in the field
 * ({@code "temperature: range: 0..1"}, {@code "stop_sequences: each stop sequence must contain
 * non-whitespace"}); Anthropic does not publish them, so those for top_k and max_tokens are written
 * in the same style. Whitespace is Python's ({@code str.isspace}).
 */
final class AnthropicRequest {
    private static final String[] NOT_SAMPLING = {"model", "messages", "system", "stream", "metadata", "tools",
        "tool_choice", "thinking", "service_tier", "container", "mcp_servers", "context_management", "inference_geo"};

    private AnthropicRequest() {
    }

    static ParamsMapping map(Map<String, ?> body) {
        RequestFields f = new RequestFields(body);
        SamplingParams.Builder b = SamplingParams.builder();
        Object maxTokens = f.raw("max_tokens");
        if (maxTokens == null) {
            throw new IllegalArgumentException("max_tokens: Field required");
        }
        int max = MapValues.integer("max_tokens", maxTokens);
        if (max < 1) {
            throw new IllegalArgumentException("max_tokens: range: 1..");
        }
        b.maxTokens(max);
        Double t = f.number("temperature");
        if (t != null) {
            b.temperature(range("temperature", t, 0, 1));
        }
        Double topP = f.number("top_p");
        if (topP != null) {
            double p = range("top_p", topP, 0, 1);
            b.topP(p == 0 ? Double.MIN_VALUE : p);
        }
        Integer topK = f.integer("top_k");
        if (topK != null) {
            if (topK < 0) {
                throw new IllegalArgumentException("top_k: range: 0..");
            }
            if (topK == 0) {
                f.unsupportedBecause("top_k", "top_k 0 is allowed by the API but its meaning is not documented"
                        + " (no top-k, or one token?); Sampling4J does not guess: leave it out for no top-k");
            } else {
                b.topK(topK);
            }
        }
        Object stops = f.raw("stop_sequences");
        if (stops != null) {
            if (!(stops instanceof List)) {
                throw new IllegalArgumentException("stop_sequences: Input should be a valid list");
            }
            List<String> strings = MapValues.stringList("stop_sequences", stops);
            for (String s : strings) {
                if (s.isEmpty()) {
                    throw new IllegalArgumentException("stop_sequences: each stop sequence must be non-empty");
                }
                if (PyText.isBlank(s)) {
                    throw new IllegalArgumentException("stop_sequences: each stop sequence must contain non-whitespace");
                }
            }
            b.stopStrings(strings);
        }
        f.unsupported("output_format", "structured output needs a constrained-decoding mask");
        Object config = f.raw("output_config");
        if (config instanceof Map && ((Map<?, ?>) config).get("format") != null) {
            f.unsupportedBecause("output_config", "structured output (its format) needs a constrained-decoding mask");
        } else {
            f.ignore("output_config", "output settings other than a format are the model's, not the sampler's");
        }
        for (String name : NOT_SAMPLING) {
            f.ignore(name, "not a sampling setting: the runtime handles it");
        }
        return f.result(b.build());
    }

    /** Anthropic's wording for a number out of its closed range. */
    private static double range(String name, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(name + ": range: " + MapValues.show(low) + ".." + MapValues.show(high));
        }
        return value;
    }
}
