package org.sampling4j.examples.demo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sampling4j.SamplingParams;
import org.sampling4j.generate.Generation;
import org.sampling4j.generate.Generator;
import org.sampling4j.StopReason;
import org.sampling4j.grammar.Grammar;
import org.sampling4j.grammar.GrammarException;
import org.sampling4j.grammar.GrammarLimits;
import org.sampling4j.grammar.JsonSchemaOptions;
import org.sampling4j.text.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * JSON Schema end to end on the demo model: a schema in ({@link #DEFAULT_SCHEMA} or a file),
 * {@link Grammar#jsonSchema} over the vocabulary of {@link CharNGramModel} (its characters, one byte
 * token each, plus an end token), then texts sampled from the model under the grammar's mask.
 *
 * <p>The character model is the demo model of the examples, and it fits: its alphabet (printable ASCII
 * of the project's own documentation) holds every character JSON's structure needs ({@code { } [ ] " : ,},
 * digits, letters, space, newline), so the mask can always steer it; a schema needing a character the
 * alphabet lacks (a backslash escape, a non-ASCII constant) compiles to a grammar without that path,
 * which {@link Grammar#jsonSchema} reports as an error if nothing is left. The model gives the end token
 * logit 0, above every ln P of a character, so a text stops as soon as the grammar allows it.
 *
 * <p>Each text is checked here by what the examples can check without a schema validator: it parses
 * as one JSON value (duplicate keys refused) and, for an object schema, holds the top-level
 * {@code required} keys. That every text is valid is the grammar's promise; the core's tests check it
 * against networknt json-schema-validator on hundreds of schemas, and this demo's test on its output.
 */
@Command(name = "json-demo", mixinStandardHelpOptions = true,
        description = "Compile a JSON Schema (default: an order payload) and sample valid JSON from the demo character model.")
public final class JsonSchemaDemo implements Callable<Integer> {
    /**
     * The README's example schema (an order line with a bounded string, a bounded integer and a date) in
     * draft-04, where {@code 1.0} is not an integer: from draft-06 on {@code 2.000...} is one, and the
     * character model, which has read many decimals and runs of zeros, would write zeros until the budget ends.
     */
    public static final String DEFAULT_SCHEMA = """
            {"$schema": "http://json-schema.org/draft-04/schema#",
             "type": "object",
             "properties": {"item": {"type": "string", "maxLength": 40},
                            "quantity": {"type": "integer", "minimum": 1, "maximum": 99},
                            "ship_by": {"type": "string", "format": "date"}},
             "required": ["item", "quantity"], "additionalProperties": false}""";
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    @Parameters(index = "0", arity = "0..1", paramLabel = "schema.json", description = "JSON Schema file (default: an order schema)")
    Path schemaFile;

    @Option(names = "--count", description = "texts to generate (default: ${DEFAULT-VALUE})")
    int count = 4;

    @Option(names = "--seed", description = "seed of the first text; text i uses seed + i (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--temperature", description = "sampling temperature (default: ${DEFAULT-VALUE})")
    double temperature = 0.7;

    @Option(names = "--max-tokens", description = "token budget per text (default: ${DEFAULT-VALUE})")
    int maxTokens = 2000;

    @Option(names = "--whitespace", description = "compact (no whitespace) or flexible (JSON whitespace wherever RFC 8259"
            + " allows it, runs of at most 20) (default: ${DEFAULT-VALUE})")
    String whitespace = "compact";

    @Option(names = "--order", description = "n-gram order of the demo model (default: ${DEFAULT-VALUE})")
    int order = 6;

    /** One generated text: its JSON, whether the grammar completed it, and the check's verdict (null = passed). */
    public record Sample(String text, boolean complete, String problem) {
    }

    @Override
    public Integer call() throws IOException {
        String schema = schemaFile == null ? DEFAULT_SCHEMA : Files.readString(schemaFile, StandardCharsets.UTF_8);
        PrintStream out = System.out;
        CharNGramModel model = CharNGramModel.train(GenerationDemo.corpus(), order, perMille -> { });
        Vocabulary vocabulary = vocabulary(model);
        Grammar grammar;
        try {
            grammar = Grammar.jsonSchema(schema, vocabulary, options(whitespace), GrammarLimits.DEFAULT);
        } catch (GrammarException e) {
            System.err.println("schema not compiled: " + e.getMessage());
            return 2;
        }
        out.println("Schema:");
        out.println(schema.strip());
        out.printf(Locale.ROOT, "%nCompiled with Grammar.jsonSchema (%s whitespace) over the demo model's %d characters + an end"
                + " token; %d texts from the character %d-gram model, temperature %s, seeds %d..%d:%n%n",
                whitespace, model.vocabSize(), count, order, temperature, seed, seed + count - 1);
        int bad = 0;
        int i = 0;
        for (Sample s : generate(model, vocabulary, grammar, schema, count, seed, temperature, maxTokens)) {
            out.printf(Locale.ROOT, "[%d] seed %d, %d characters%n", i + 1, seed + i++, s.text().length());
            out.println(s.text());
            String verdict = !s.complete() ? "INCOMPLETE (token budget reached)" : s.problem() == null
                    ? "complete; parses as JSON; required keys present" : "INVALID: " + s.problem();
            out.println("  -> " + verdict);
            bad += s.complete() && s.problem() == null ? 0 : 1;
        }
        return bad == 0 ? 0 : 1;
    }

    /**
     * {@code count} texts sampled from {@code model} under {@code grammar}, text i with seed {@code seed + i}:
     * the model's character logits, the end token at logit 0, the grammar's mask applied by the sampler.
     */
    public static List<Sample> generate(CharNGramModel model, Vocabulary vocabulary, Grammar grammar, String schema,
                                        int count, long seed, double temperature, int maxTokens) throws IOException {
        int eos = vocabulary.eosIds()[0];
        List<String> required = new ArrayList<>();
        STRICT.readTree(schema).path("required").forEach(k -> required.add(k.asText()));
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SamplingParams params = SamplingParams.builder().temperature(temperature).seed(seed + i).grammar(grammar)
                    .stopTokenIds(eos).maxTokens(maxTokens).build();
            Generator generator = Generator.of(params, vocabulary);
            Generation g = generator.generate((sequence, logits) -> {
                model.nextLogits(sequence, logits);
                logits[eos] = 0f; // ln 1: above every character, taken as soon as the mask allows it
            }, generator.sampler().newSequence(), null);
            boolean complete = g.stopReason() == StopReason.STOP_TOKEN;
            StringBuilder text = new StringBuilder();
            for (int t : g.tokens()) {
                if (t != eos) {
                    text.append(new String(vocabulary.bytes(t), StandardCharsets.UTF_8));
                }
            }
            out.add(new Sample(text.toString(), complete, complete ? problem(text.toString(), required) : null));
        }
        return out;
    }

    /** Null when {@code text} is one JSON value without duplicate keys holding every {@code required} key; else why not. */
    static String problem(String text, List<String> required) {
        JsonNode node;
        try {
            node = STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            return "not JSON: " + e.getOriginalMessage();
        }
        for (String k : required) {
            if (!node.has(k)) {
                return "required key \"" + k + "\" missing";
            }
        }
        return null;
    }

    /**
     * The options for {@code whitespace}: compact is the demo's default because the character model was
     * trained on prose, not JSON: space is its likeliest character, so in flexible mode it fills the
     * whitespace runs the grammar allows.
     */
    static JsonSchemaOptions options(String whitespace) {
        switch (whitespace) {
            case "compact":
                return JsonSchemaOptions.DEFAULT.compact();
            case "flexible":
                return JsonSchemaOptions.DEFAULT;
            default:
                throw new IllegalArgumentException("--whitespace = " + whitespace + " is not one of compact, flexible");
        }
    }

    /** The model's characters as one-byte tokens (id = the model's id), then {@code <|end|>}, the end token. */
    public static Vocabulary vocabulary(CharNGramModel model) {
        Vocabulary.Builder b = Vocabulary.builder();
        for (int id = 0; id < model.vocabSize(); id++) {
            b.add(model.text(new int[] {id}).getBytes(StandardCharsets.UTF_8));
        }
        b.addSpecial("<|end|>".getBytes(StandardCharsets.UTF_8));
        return b.eos(model.vocabSize()).build();
    }
}
