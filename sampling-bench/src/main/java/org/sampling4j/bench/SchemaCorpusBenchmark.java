package org.sampling4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.api.Encoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sampling4j.grammar.Grammar;
import org.sampling4j.grammar.GrammarLimits;
import org.sampling4j.grammar.GrammarMatcher;
import org.sampling4j.grammar.JsonSchemaOptions;
import org.sampling4j.text.Vocabulary;

/**
 * #13's performance targets over the whole JSON Schema corpus of sampling-core's tests (every schema
 * the compiler accepts, with its options), on o200k_base, {@code Mode.SampleTime}:
 * <ul>
 * <li>{@code compileToFirstMask}: schema text to the first mask of a new matcher, a different schema
 *     each call, cycling through the corpus, so the percentiles are over schemas (the vocabulary's
 *     token trie is built once, with the vocabulary, as in the conformance CLI);</li>
 * <li>{@code mask}: one {@link GrammarMatcher#fillMask} per call while every valid instance of every
 *     schema is replayed token by token (compact JSON, then each raw valid text), the matcher moved
 *     outside the timing, as in {@link MaskBenchmark}.</li>
 * </ul>
 * Run from the repository root (the corpus is read from {@code corpus}):
 * <pre>
 * flock /tmp/jmh.lock java --add-modules jdk.incubator.vector -jar sampling-bench/target/benchmarks.jar SchemaCorpusBenchmark -f 1 -wi 2 -w 2s -i 3 -r 2s
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class SchemaCorpusBenchmark {
    @Param({"sampling-core/src/test/resources/org/sampling4j/grammar/schema"})
    public String corpus;

    private Vocabulary vocabulary;
    private final List<String> schemas = new ArrayList<>();
    private final List<JsonSchemaOptions> options = new ArrayList<>();
    private final List<Grammar> grammars = new ArrayList<>();
    private final List<int[]> texts = new ArrayList<>();
    private final List<Grammar> textGrammar = new ArrayList<>();
    private int[] mask;
    private int nextSchema;
    private GrammarMatcher matcher;
    private int text;
    private int step;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Encoding encoding = BenchmarkTexts.o200kEncoding();
        vocabulary = BenchmarkTexts.o200kVocabulary();
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(corpus))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            JsonNode root = json.readTree(f.toFile());
            if (root.has("refused")) {
                continue;
            }
            String schema = json.writeValueAsString(root.get("schema"));
            JsonSchemaOptions o = options(root.path("options"));
            Grammar g = Grammar.jsonSchema(schema, vocabulary, o, GrammarLimits.DEFAULT);
            schemas.add(schema);
            options.add(o);
            grammars.add(g);
            List<String> valid = new ArrayList<>();
            root.path("valid").forEach(v -> valid.add(write(json, v)));
            root.path("valid_texts").forEach(v -> valid.add(v.asText()));
            for (String t : valid) {
                int[] ids = BenchmarkTexts.tokens(encoding, t);
                GrammarMatcher check = g.newMatcher();
                if (accepts(check, ids)) { // a valid text outside the options (e.g. long whitespace) is skipped
                    texts.add(ids);
                    textGrammar.add(g);
                }
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalStateException("no text of the corpus at " + corpus + " was accepted");
        }
        mask = new int[(vocabulary.size() + 31) / 32];
        text = texts.size() - 1;
        step = texts.get(text).length;
        System.out.println("# SchemaCorpusBenchmark: " + schemas.size() + " schemas, " + texts.size() + " texts");
    }

    private static boolean accepts(GrammarMatcher m, int[] ids) {
        for (int id : ids) {
            if (!m.tryAccept(id)) {
                return false;
            }
        }
        return m.canStop();
    }

    private static String write(ObjectMapper json, JsonNode v) {
        try {
            return json.writeValueAsString(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corpus files' options, named as in the conformance CLI. */
    static JsonSchemaOptions options(JsonNode o) {
        JsonSchemaOptions out = JsonSchemaOptions.DEFAULT;
        if (o.has("any_order")) {
            out = out.withAnyOrder(o.get("any_order").asBoolean());
        }
        if ("compact".equals(o.path("whitespace").asText(null))) {
            out = out.compact();
        }
        if (o.has("strict")) {
            out = out.withStrict(o.get("strict").asBoolean());
        }
        if ("annotation".equals(o.path("format").asText(null))) {
            out = out.withFormatAssertion(false);
        }
        return out;
    }

    /** The next step of the replay; a fresh matcher at the start of each text. */
    @Setup(Level.Invocation)
    public void advance() {
        if (step == texts.get(text).length) {
            text = (text + 1) % texts.size();
            step = 0;
            matcher = textGrammar.get(text).newMatcher();
            return;
        }
        matcher.accept(texts.get(text)[step++]);
        if (step == texts.get(text).length) {
            advance();
        }
    }

    @Benchmark
    public int[] mask() {
        matcher.fillMask(mask);
        return mask;
    }

    @Benchmark
    public int[] compileToFirstMask() {
        int i = nextSchema;
        nextSchema = (i + 1) % schemas.size();
        Grammar g = Grammar.jsonSchema(schemas.get(i), vocabulary, options.get(i), GrammarLimits.DEFAULT);
        g.newMatcher().fillMask(mask);
        return mask;
    }
}
