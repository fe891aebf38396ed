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
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.sampling4j.interop.OpenAiParams;
import org.sampling4j.interop.UnsupportedSettingException;
import org.sampling4j.speculative.SpeculativeVerifier;
import org.sampling4j.speculative.Verification;
import org.sampling4j.speculative.VerificationMode;
import picocli.CommandLine.Command;

/**
 * The conformance CLI's speculative mode: JSON lines in on stdin, one line out per input line.
 *
 * <p>{@code {"id", "vocab", "params", "history", "target_logits_b64": [K + 1 rows],
 * "draft_tokens": [K], "draft_logits_b64": [K rows] | null, "seeds": [...]}} -&gt;
 * {@code {"id", "runs": [[emitted token ids of the run with seeds[i]], ...]}}. Each row is base64
 * little-endian float32 of {@code vocab} values. The params are those of the conformance CLI's
 * {@code params} mode ({@link OpenAiParams}); {@code params.seed} is ignored: run i is keyed by
 * {@code seeds[i]} and the absolute positions only (the history counts as generated tokens, so the
 * first draft is at position {@code history.length}), so reversing {@code seeds} reverses
 * {@code runs}. q is the softmax of each draft logits row exactly as given; null draft logits mean
 * one-hot drafts. Greedy ties go to the lowest id. An optional {@code "verification": "standard" |
 * "block"} picks the mode (default standard). A parameter this version does not implement -&gt;
 * {@code {"id", "unsupported": name}}; bad input -&gt; {@code {"id", "error": message}}, and the
 * next line is still processed.
 */
@Command(name = "speculative", mixinStandardHelpOptions = true,
        description = "Verify speculative drafts: read JSON lines on stdin, write the emitted tokens per seed on stdout.")
public final class SpeculativeCli implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        run(System.in, System.out);
        return 0;
    }

    /** Processes every line of {@code in}, writing one line per input line to {@code out}. */
    static void run(InputStream in, OutputStream out) throws IOException {
        JsonLines.forEach(in, out, SpeculativeCli::answer);
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
            result.set("runs", runs(record));
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

    private static ArrayNode runs(JsonNode record) {
        int[] drafts = tokenIds(record.get("draft_tokens"), "draft_tokens");
        int k = drafts.length;
        float[][] target = rows(record.get("target_logits_b64"), "target_logits_b64", k + 1);
        JsonNode draftNode = record.get("draft_logits_b64");
        boolean oneHot = draftNode == null || draftNode.isNull();
        float[][] draft = oneHot ? null : rows(draftNode, "draft_logits_b64", k);
        int vocab = vocab(record, target[0].length);
        float[] targetRows = concat(target, vocab, "target_logits_b64");
        float[] draftRows = oneHot ? null : concat(draft, vocab, "draft_logits_b64");
        SamplingParams params = OpenAiParams.fromMap(ConformanceCli.map(record.get("params"), "params"));
        Sampler sampler = Sampler.of(params, vocab);
        SpeculativeVerifier verifier = SpeculativeVerifier.of(mode(record.get("verification")));
        int[] history = ConformanceCli.history(record);
        JsonNode seeds = record.get("seeds");
        if (seeds == null || !seeds.isArray()) {
            throw new IllegalArgumentException("seeds is missing or not an array of integers");
        }
        Workspace ws = sampler.newWorkspace();
        Verification out = new Verification(k);
        ArrayNode runs = JSON.createArrayNode();
        for (int i = 0; i < seeds.size(); i++) {
            long seed = ConformanceCli.integer(seeds.get(i), "seeds[" + i + "]");
            SequenceState state = SequenceState.resume(seed, new int[0], history);
            verifier.verify(sampler, state, ws, drafts, targetRows, draftRows, out);
            ArrayNode tokens = JSON.createArrayNode();
            for (int t = 0; t < out.count(); t++) {
                tokens.add(out.token(t));
            }
            runs.add(tokens);
        }
        return runs;
    }

    private static VerificationMode mode(JsonNode node) {
        if (node == null || node.isNull() || "standard".equals(node.asText())) {
            return VerificationMode.STANDARD;
        }
        if (node.isTextual() && "block".equals(node.asText())) {
            return VerificationMode.BLOCK;
        }
        throw new IllegalArgumentException("verification = " + node + " is not one of \"standard\", \"block\"");
    }

    private static int vocab(JsonNode record, int first) {
        JsonNode vocab = record.get("vocab");
        if (vocab == null || vocab.isNull()) {
            return first;
        }
        if (!vocab.isIntegralNumber() || !vocab.canConvertToInt() || vocab.asInt() < 1) {
            throw new IllegalArgumentException("vocab = " + vocab + " is not a positive integer");
        }
        return vocab.asInt();
    }

    private static int[] tokenIds(JsonNode node, String field) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(field + " is missing or not an array of token ids");
        }
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode t = node.get(i);
            if (!t.isIntegralNumber() || !t.canConvertToInt()) {
                throw new IllegalArgumentException(field + "[" + i + "] = " + t + " is not a token id");
            }
            out[i] = t.asInt();
        }
        return out;
    }

    private static float[][] rows(JsonNode node, String field, int expected) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(field + " is missing or not an array of base64 rows");
        }
        if (node.size() != expected) {
            throw new IllegalArgumentException(field + " has " + node.size() + " rows but " + expected
                    + " are needed (draft_tokens has " + (field.startsWith("target") ? expected - 1 : expected)
                    + " tokens" + (field.startsWith("target") ? ": K + 1 target rows)" : ": one draft row per draft)"));
        }
        float[][] rows = new float[expected][];
        for (int i = 0; i < expected; i++) {
            rows[i] = ConformanceCli.floats(node.get(i), field + "[" + i + "]");
        }
        return rows;
    }

    private static float[] concat(float[][] rows, int vocab, String field) {
        float[] out = new float[rows.length * vocab];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != vocab) {
                throw new IllegalArgumentException(field + "[" + i + "] holds " + rows[i].length + " floats but vocab = " + vocab);
            }
            System.arraycopy(rows[i], 0, out, i * vocab, vocab);
        }
        return out;
    }
}
