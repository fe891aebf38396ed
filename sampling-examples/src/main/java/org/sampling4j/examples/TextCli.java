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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sampling4j.text.TextStream;
import org.sampling4j.text.Vocabulary;
import picocli.CommandLine.Command;

/**
 * The conformance CLI's {@code text} mode: JSON lines in on stdin, one line out per input, in order.
 *
 * <p>Input {@code {"id", "vocabulary", "tokens": [ids, one per step], "stop": [strings],
 * "include_stop_str_in_output": bool, "skip_special_tokens": bool}} (the last three optional:
 * none, false, true). The vocabulary is any form {@link VocabularySource} reads.
 *
 * <p>Output {@code {"id", "deltas": [the text released after each token consumed], "text",
 * "finish": "stop" | "length", "stop": the matched string (on stop), "tokens_consumed": n}}; on
 * {@code length} the last delta also carries what was held back, so the deltas concatenate to
 * {@code text}. An empty stop string, an id that is not a token of the vocabulary (a gap in a
 * tiktoken file's ranks included) or a malformed record gives {@code {"id", "error": "..."}}, and
 * the next line is still processed.
 */
@Command(name = "text", mixinStandardHelpOptions = true,
        description = "Stream token ids to text with stop strings: JSON lines on stdin, one result line per input.")
public final class TextCli implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final VocabularySource vocabularies = new VocabularySource();

    @Override
    public Integer call() throws IOException {
        run(System.in, System.out);
        return 0;
    }

    /** Processes every line of {@code in}, writing one line per input line to {@code out}. */
    void run(InputStream in, OutputStream out) throws IOException {
        JsonLines.forEach(in, out, this::answer);
    }

    ObjectNode answer(String line) {
        ObjectNode result = JSON.createObjectNode();
        JsonNode record;
        try {
            record = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            result.set("id", NullNode.getInstance());
            result.put("error", "not a JSON object: " + e.getOriginalMessage());
            return result;
        }
        JsonNode id = record == null || !record.isObject() || record.get("id") == null ? NullNode.getInstance() : record.get("id");
        result.set("id", id);
        try {
            if (record == null || !record.isObject()) {
                throw new IllegalArgumentException("a record must be a JSON object");
            }
            stream(record, result);
        } catch (RuntimeException | IOException e) {
            result.removeAll();
            result.set("id", id);
            result.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
        }
        return result;
    }

    private void stream(JsonNode record, ObjectNode result) throws IOException {
        Vocabulary vocabulary = vocabularies.get(record.get("vocabulary"));
        int[] tokens = tokens(record.get("tokens"), vocabulary);
        TextStream text = TextStream.builder(vocabulary)
                .stopStrings(strings(record.get("stop")))
                .includeStopStringInOutput(bool(record, "include_stop_str_in_output", false))
                .skipSpecialTokens(bool(record, "skip_special_tokens", true))
                .build();
        List<String> deltas = new ArrayList<>();
        StringBuilder delta = new StringBuilder();
        for (int token : tokens) {
            delta.setLength(0);
            boolean stopped = text.accept(token, delta);
            deltas.add(delta.toString());
            if (stopped) {
                break;
            }
        }
        if (!text.isStopped()) {
            String flushed = text.finish();
            if (deltas.isEmpty()) {
                deltas.add(flushed);
            } else {
                deltas.set(deltas.size() - 1, deltas.get(deltas.size() - 1) + flushed);
            }
        }
        ArrayNode d = result.putArray("deltas");
        deltas.forEach(d::add);
        result.put("text", String.join("", deltas));
        result.put("finish", text.isStopped() ? "stop" : "length");
        if (text.isStopped()) {
            result.put("stop", text.stopMatch().stopString());
        }
        result.put("tokens_consumed", text.isStopped() ? text.stopMatch().tokensConsumed() : tokens.length);
    }

    private static int[] tokens(JsonNode node, Vocabulary vocabulary) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("a record needs \"tokens\": an array of token ids");
        }
        int[] ids = new int[node.size()];
        for (int i = 0; i < ids.length; i++) {
            JsonNode t = node.get(i);
            if (!t.isIntegralNumber() || !t.canConvertToInt()) {
                throw new IllegalArgumentException("tokens[" + i + "] = " + t + " is not a token id");
            }
            int id = t.asInt();
            // A gap in a rank file's ids loads as an empty special token: it is not a token either.
            if (!vocabulary.isToken(id) || vocabulary.isSpecial(id) && vocabulary.length(id) == 0) {
                throw new IllegalArgumentException("tokens[" + i + "] = " + id + " is not a token id of this vocabulary ("
                        + vocabulary.size() + " ids" + (vocabulary.isToken(id) ? "; " + id + " is a gap in its ids" : "") + ")");
            }
            ids[i] = id;
        }
        return ids;
    }

    private static String[] strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return new String[0];
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("stop must be an array of strings, got " + node);
        }
        String[] s = new String[node.size()];
        for (int i = 0; i < s.length; i++) {
            if (!node.get(i).isTextual()) {
                throw new IllegalArgumentException("stop[" + i + "] must be a string, got " + node.get(i));
            }
            s[i] = node.get(i).asText();
            if (s[i].isEmpty()) {
                throw new IllegalArgumentException("stop[" + i + "] is empty: a stop string has at least one character");
            }
        }
        return s;
    }

    private static boolean bool(JsonNode record, String field, boolean absent) {
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false, got " + v);
        }
        return v.asBoolean();
    }
}
