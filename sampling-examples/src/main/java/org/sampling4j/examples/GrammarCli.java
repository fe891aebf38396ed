package org.sampling4j.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.sampling4j.grammar.Grammar;
import org.sampling4j.grammar.GrammarException;
import org.sampling4j.grammar.GrammarMatcher;
import org.sampling4j.random.PortableGaussian;
import org.sampling4j.text.Vocabulary;
import picocli.CommandLine.Command;

/**
 * The conformance CLI's {@code grammar} mode: JSON lines in on stdin, one line out per input, in order.
 *
 * <p>Input {@code {"id", "vocabulary": "cl100k_base" | "o200k_base", "grammar": {"type": "regex",
 * "pattern"} | {"type": "choice", "choices"} | {"type": "gbnf", "grammar", "root"?} | {"type":
 * "json"} | {"type": "json_object"} | {"type": "json_schema", "schema", "options"?}, "accept":
 * [texts]?, "generate": {"n", "seed", "max_tokens", "temperature"}?}}.
 *
 * <p>Output {@code {"id", "compiled": true, "compile_us", "accept": [{"accepted", "tokens",
 * "rejected_at"}], "generate": [{"text", "complete", "tokens"}], "mask_us": {"count", "p50", "p99",
 * "max"}}}, or {@code {"id", "compiled": false, "error": "invalid: ..." | "unsupported: ..."}}.
 * <ul>
 * <li>{@code accept}: the text is tokenized by JTokkit's {@code encodeOrdinary}; before each token the
 *     full mask is computed (and timed) and the token must be in it; at the end the grammar must be
 *     complete. {@code rejected_at} is the first token outside its mask, {@code tokens} when all were
 *     allowed but the text is not complete, null when accepted.</li>
 * <li>{@code generate}: run i draws logits i.i.d. N(0, 1) from {@code seed + i} (Sampling4J's
 *     {@code PortableGaussian} over a {@code SplittableRandom}), masks them, and samples at the
 *     temperature with the sampler seeded {@code seed + i}; {@code <|endoftext|>} is the only end
 *     token, allowed exactly when the grammar is complete. A run stops when it is drawn
 *     ({@code complete: true}; not in {@code text} or {@code tokens}) or after {@code max_tokens}.</li>
 * <li>{@code compile_us}: grammar text to the first mask ready, the vocabulary already loaded (with
 *     the token trie its grammars share, built once per vocabulary by a throwaway grammar); each
 *     record compiles afresh. {@code mask_us}: every mask the record computed after that.</li>
 * </ul>
 */
@Command(name = "grammar", mixinStandardHelpOptions = true,
        description = "Compile grammars and check or generate texts under their token masks: JSON lines on stdin.")
public final class GrammarCli implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final VocabularySource vocabularies = new VocabularySource();
    /** Each vocabulary with <|endoftext|> as its only end token, made once: grammars cache their token trie per vocabulary. */
    private final Map<String, Vocabulary> withEndOfText = new HashMap<>();

    @Override
    public Integer call() throws IOException {
        run(System.in, System.out);
        return 0;
    }

    /** Processes every line of {@code in}, writing one line per input line to {@code out}. */
    void run(InputStream in, OutputStream out) throws IOException {
        JsonLines.forEach(in, out, this::answer);
    }

    private ObjectNode answer(String line) {
        ObjectNode result = JSON.createObjectNode();
        try {
            JsonNode record = JSON.readTree(line);
            result.set("id", record.get("id"));
            answer(record, result);
        } catch (JsonProcessingException e) {
            result.put("compiled", false);
            result.put("error", "invalid: the line is not JSON: " + e.getOriginalMessage());
        } catch (GrammarException e) {
            result.removeAll();
            result.set("id", idOf(line));
            result.put("compiled", false);
            result.put("error", e.getMessage());
        } catch (IllegalArgumentException | IOException e) {
            result.removeAll();
            result.set("id", idOf(line));
            result.put("compiled", false);
            result.put("error", "invalid: " + e.getMessage());
        }
        return result;
    }

    private static JsonNode idOf(String line) {
        try {
            return JSON.readTree(line).get("id");
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private void answer(JsonNode record, ObjectNode result) throws IOException {
        String name = record.path("vocabulary").asText("");
        Encoding encoding = encoding(name);
        Vocabulary vocabulary = withEndOfText.get(name);
        if (vocabulary == null) {
            Vocabulary loaded = vocabularies.get(record.get("vocabulary"));
            vocabulary = loaded.withEos(endOfText(loaded, name));
            // Part of loading the vocabulary, not of any record's compile_us: the token trie every
            // grammar of this vocabulary shares is built here, by a first throwaway grammar.
            Grammar.choice(List.of("x"), vocabulary).newMatcher().fillMask(new int[(vocabulary.logitsSize() + 31) / 32]);
            withEndOfText.put(name, vocabulary);
        }
        int eos = vocabulary.eosIds()[0];
        JsonNode spec = record.get("grammar");
        if (spec == null || !spec.isObject()) {
            throw new IllegalArgumentException("a record needs \"grammar\": {\"type\": ...}");
        }
        MaskTimes times = new MaskTimes();
        int[] mask = new int[(vocabulary.logitsSize() + 31) / 32];
        long start = System.nanoTime();
        Grammar grammar = GrammarSpecs.compile(spec, vocabulary);
        grammar.newMatcher().fillMask(mask);
        long compileNanos = System.nanoTime() - start;
        result.put("compiled", true);
        result.put("compile_us", compileNanos / 1000.0);
        ArrayNode accepted = result.putArray("accept");
        JsonNode texts = record.get("accept");
        if (texts != null && !texts.isNull()) {
            if (!texts.isArray()) {
                throw new IllegalArgumentException("accept must be an array of strings, got " + texts);
            }
            for (JsonNode text : texts) {
                if (!text.isTextual()) {
                    throw new IllegalArgumentException("accept must hold strings, got " + text);
                }
                accepted.add(accept(grammar, encoding.encodeOrdinary(text.asText()), mask, times));
            }
        }
        ArrayNode generated = result.putArray("generate");
        JsonNode gen = record.get("generate");
        if (gen != null && !gen.isNull()) {
            int n = intField(gen, "n", 1, 1, 10_000);
            long seed = gen.path("seed").asLong(0);
            int maxTokens = intField(gen, "max_tokens", 256, 0, 1_000_000);
            double temperature = gen.path("temperature").asDouble(1.0);
            for (int i = 0; i < n; i++) {
                generated.add(generate(grammar, seed + i, maxTokens, temperature, eos, mask, times));
            }
        }
        result.set("mask_us", times.summary(JSON.createObjectNode()));
    }

    private static ObjectNode accept(Grammar grammar, IntArrayList tokens, int[] mask, MaskTimes times) {
        GrammarMatcher matcher = grammar.newMatcher();
        ObjectNode r = JSON.createObjectNode();
        r.put("tokens", tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            times.fill(matcher, mask);
            int t = tokens.get(i);
            if ((mask[t >>> 5] >>> (t & 31) & 1) == 0) {
                r.put("accepted", false);
                r.put("rejected_at", i);
                return r;
            }
            matcher.accept(t);
        }
        boolean complete = matcher.canStop();
        r.put("accepted", complete);
        if (complete) {
            r.putNull("rejected_at");
        } else {
            r.put("rejected_at", tokens.size());
        }
        return r;
    }

    private static ObjectNode generate(Grammar grammar, long seed, int maxTokens, double temperature, int eos, int[] mask,
                                       MaskTimes times) {
        Vocabulary vocabulary = grammar.vocabulary();
        int v = vocabulary.logitsSize();
        Sampler sampler = Sampler.of(SamplingParams.builder().temperature(temperature).seed(seed).build(), v);
        Workspace workspace = sampler.newWorkspace();
        SequenceState state = sampler.newSequence();
        GrammarMatcher matcher = grammar.newMatcher();
        SplittableRandom random = new SplittableRandom(seed);
        float[] logits = new float[v];
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int count = 0;
        boolean complete = false;
        while (count < maxTokens) {
            times.fill(matcher, mask);
            for (int j = 0; j < v; j++) {
                float x = (float) PortableGaussian.next(random);
                logits[j] = (mask[j >>> 5] >>> (j & 31) & 1) != 0 ? x : Float.NEGATIVE_INFINITY;
            }
            int token = sampler.sample(logits, state, workspace);
            if (token == eos) {
                complete = true;
                break;
            }
            matcher.accept(token);
            text.writeBytes(vocabulary.bytes(token));
            count++;
        }
        ObjectNode r = JSON.createObjectNode();
        r.put("text", new String(text.toByteArray(), StandardCharsets.UTF_8));
        r.put("complete", complete);
        r.put("tokens", count);
        return r;
    }

    private static Encoding encoding(String name) {
        switch (name) {
            case "cl100k_base":
                return Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
            case "o200k_base":
                return Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
            default:
                throw new IllegalArgumentException("vocabulary = \"" + name + "\" is not one of cl100k_base, o200k_base");
        }
    }

    private static int endOfText(Vocabulary vocabulary, String name) {
        byte[] wanted = "<|endoftext|>".getBytes(StandardCharsets.UTF_8);
        for (int id = 0; id < vocabulary.size(); id++) {
            if (vocabulary.isSpecial(id) && Arrays.equals(vocabulary.bytes(id), wanted)) {
                return id;
            }
        }
        throw new IllegalArgumentException(name + " has no <|endoftext|> special token");
    }

    private static int intField(JsonNode node, String field, int absent, int min, int max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw new IllegalArgumentException("generate." + field + " = " + v + " is outside [" + min + ", " + max + "]");
        }
        return v.asInt();
    }

    /** Every mask a record computes, timed one by one. */
    private static final class MaskTimes {
        private final List<Long> nanos = new ArrayList<>();

        void fill(GrammarMatcher matcher, int[] mask) {
            long t0 = System.nanoTime();
            matcher.fillMask(mask);
            nanos.add(System.nanoTime() - t0);
        }

        ObjectNode summary(ObjectNode out) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            out.put("count", sorted.length);
            out.put("p50", rank(sorted, 0.50));
            out.put("p99", rank(sorted, 0.99));
            out.put("max", sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
            return out;
        }

        /** Nearest-rank percentile in microseconds; 0 for no masks. */
        private static double rank(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, i)] / 1000.0;
        }
    }
}
