package org.sampling4j.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.SampleResult;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.sampling4j.interop.HfSteps;
import org.sampling4j.interop.OpenAiParams;
import org.sampling4j.interop.UnsupportedSettingException;
import picocli.CommandLine.Command;

/**
 * The conformance CLI: JSON lines in on stdin, one JSON line out per input line, in input order.
 *
 * <ul>
 *   <li>{@code {"id", "steps", "logits_b64", "history"}} (the format of
 *       {@code shared/conformance/README.md} without the expected fields) -&gt;
 *       {@code {"id", "logits_b64"}}: the processed logits, removed tokens {@code -inf}.</li>
 *   <li>{@code {"id", "params", "history", "logits_b64", "draws"}} -&gt; {@code {"id", "tokens",
 *       "logprobs"}}: {@code draws} consecutive steps on the same logits, each appending its token
 *       to the history; each logprob is the processed logprob of the chosen token.</li>
 *   <li>a step or parameter this version does not implement -&gt; {@code {"id", "unsupported": name}};
 *       bad input -&gt; {@code {"id", "error": message}}, and the next line is still processed.</li>
 * </ul>
 * The params use OpenAI / vLLM names: temperature, top_k, top_p, min_p, repetition_penalty,
 * frequency_penalty, presence_penalty, logit_bias, seed, logprobs, and the extended samplers' HF /
 * vLLM / llama.cpp names (typical_p, epsilon, eta, no_repeat_ngram, top_n_sigma, xtc_probability,
 * xtc_threshold, dynatemp_range, dynatemp_exponent, mirostat, mirostat_tau, mirostat_eta,
 * dry_multiplier, dry_base, dry_allowed_length, dry_penalty_last_n, dry_sequence_breakers, n,
 * bad_words as token-id lists, logprobs_mode, min_keep): see {@link OpenAiParams}. The steps are
 * those of {@link HfSteps}. The history counts as generated tokens and the first draw is at step
 * {@code history.length}; without a seed, a fresh random one. With {@code n > 1} the record runs n
 * sequences seeded seed + i and {@code tokens} and {@code logprobs} hold one array per sequence.
 * A steps record may carry a {@code seed} (default 0) for XTC's coin.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = "Read conformance JSON lines on stdin, write one result line per input on stdout.")
public final class ConformanceCli implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        run(System.in, System.out);
        return 0;
    }

    /** Processes every line of {@code in}, writing one line per input line to {@code out}. */
    static void run(InputStream in, OutputStream out) throws IOException {
        JsonLines.forEach(in, out, ConformanceCli::answer);
    }

    static ObjectNode answer(String line) {
        ObjectNode result = JSON.createObjectNode();
        JsonNode record;
        try {
            record = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            result.set("id", NullNode.getInstance());
            result.put("error", "not a JSON object: " + e.getOriginalMessage());
            return result;
        }
        JsonNode id = record == null ? null : record.get("id");
        result.set("id", id == null ? NullNode.getInstance() : id);
        try {
            if (record == null || !record.isObject()) {
                throw new IllegalArgumentException("a record must be a JSON object");
            }
            if (record.has("steps")) {
                processSteps(record, result);
            } else if (record.has("params")) {
                draw(record, result);
            } else {
                throw new IllegalArgumentException("a record needs \"steps\" or \"params\"");
            }
        } catch (UnsupportedSettingException e) {
            result.removeAll();
            result.set("id", id == null ? NullNode.getInstance() : id);
            result.put("unsupported", e.setting());
        } catch (RuntimeException e) {
            result.removeAll();
            result.set("id", id == null ? NullNode.getInstance() : id);
            result.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
        }
        return result;
    }

    private static void processSteps(JsonNode record, ObjectNode result) {
        float[] logits = logits(record);
        JsonNode steps = record.get("steps");
        if (!steps.isArray()) {
            throw new IllegalArgumentException("steps must be an array");
        }
        Sampler.Builder chain = Sampler.builder(logits.length);
        for (JsonNode step : steps) {
            JsonNode name = step.get("name");
            if (name == null || !name.isTextual()) {
                throw new IllegalArgumentException("every step needs a \"name\"");
            }
            LogitsProcessor processor = HfSteps.create(name.asText(), map(step.get("params"), "params of " + name.asText()));
            if (processor != null) {
                chain.add(processor);
            }
        }
        float[] out = new float[logits.length];
        JsonNode seedNode = record.get("seed");
        long seed = seedNode == null || seedNode.isNull() ? 0 : integer(seedNode, "seed");
        chain.build().process(logits, SequenceState.resume(seed, new int[0], history(record)), new Workspace(logits.length), out);
        result.put("logits_b64", encode(out));
    }

    private static void draw(JsonNode record, ObjectNode result) {
        float[] logits = logits(record);
        SamplingParams params = OpenAiParams.fromMap(map(record.get("params"), "params"));
        JsonNode drawsNode = record.get("draws");
        int draws = drawsNode == null || drawsNode.isNull() ? 1 : drawsNode.asInt(-1);
        if (drawsNode != null && !drawsNode.isNull() && (!drawsNode.canConvertToInt() || !drawsNode.isIntegralNumber())) {
            draws = -1;
        }
        if (draws < 0) {
            throw new IllegalArgumentException("draws = " + drawsNode + " is outside [0, 2147483647]");
        }
        Sampler sampler = Sampler.of(params, logits.length);
        int[] history = history(record);
        long seed = params.seed().orElseGet(() -> SequenceState.createUnseeded().seed());
        Workspace ws = sampler.newWorkspace();
        SampleResult sample = new SampleResult();
        ArrayNode allTokens = JSON.createArrayNode();
        ArrayNode allLogprobs = JSON.createArrayNode();
        for (int sequence = 0; sequence < params.n(); sequence++) {
            // n > 1: n independent sequences seeded seed + i, as Sampler.newSequences and vLLM do.
            SequenceState state = SequenceState.resume(seed + sequence, new int[0], history);
            ArrayNode tokens = JSON.createArrayNode();
            ArrayNode logprobs = JSON.createArrayNode();
            for (int i = 0; i < draws; i++) {
                tokens.add(sampler.sample(logits, state, ws, sample));
                logprobs.add(sample.logprob());
            }
            allTokens.add(tokens);
            allLogprobs.add(logprobs);
        }
        result.set("tokens", params.n() == 1 ? allTokens.get(0) : allTokens);
        result.set("logprobs", params.n() == 1 ? allLogprobs.get(0) : allLogprobs);
    }

    static long integer(JsonNode node, String field) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalArgumentException(field + " = " + node + " is not an integer");
        }
        return node.asLong();
    }

    private static float[] logits(JsonNode record) {
        float[] logits = floats(record.get("logits_b64"), "logits_b64");
        JsonNode vocab = record.get("vocab");
        if (vocab != null && !vocab.isNull() && vocab.asInt() != logits.length) {
            throw new IllegalArgumentException("vocab = " + vocab + " but logits_b64 holds " + logits.length + " floats");
        }
        return logits;
    }

    /** The little-endian float32 values of a base64 string; {@code field} names it in errors. */
    static float[] floats(JsonNode b64, String field) {
        if (b64 == null || !b64.isTextual()) {
            throw new IllegalArgumentException(field + " is missing or not a string");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(b64.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not valid base64: " + e.getMessage(), e);
        }
        if (bytes.length == 0 || bytes.length % 4 != 0) {
            throw new IllegalArgumentException(field + " decodes to " + bytes.length
                    + " bytes; expected a positive multiple of 4 (little-endian float32)");
        }
        float[] values = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    static int[] history(JsonNode record) {
        JsonNode h = record.get("history");
        if (h == null || h.isNull()) {
            return new int[0];
        }
        if (!h.isArray()) {
            throw new IllegalArgumentException("history must be an array of token ids");
        }
        int[] out = new int[h.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode t = h.get(i);
            if (!t.isIntegralNumber() || !t.canConvertToInt()) {
                throw new IllegalArgumentException("history[" + i + "] = " + t + " is not a token id");
            }
            out[i] = t.asInt();
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(field + " must be a JSON object");
        }
        return JSON.convertValue(node, Map.class);
    }

    static String encode(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
