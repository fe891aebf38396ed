package org.sampling4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.api.Encoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.sampling4j.grammar.Grammar;
import org.sampling4j.grammar.GrammarLimits;
import org.sampling4j.grammar.GrammarMatcher;
import org.sampling4j.grammar.JsonSchemaOptions;
import org.sampling4j.text.Vocabulary;

/**
 * The per-mask and compile-to-first-mask distributions of {@link SchemaCorpusBenchmark}'s corpus in
 * THREAD CPU time, with the slowest schemas and positions named: on a shared machine wall-clock
 * samples mostly measure the neighbours, and a {@code SampleTime} run of a few seconds does not get
 * through the corpus once, so its percentiles mix first visits and cache hits in an order of its
 * own. Here every schema is compiled afresh and each valid text replayed twice: COLD (the first
 * sequence of a new grammar, every lexer state a first visit that fills the caches) and WARM (a
 * second sequence meeting the caches the first filled). The whole corpus runs {@code rounds} times
 * in one JVM; the last round is reported (the earlier ones warm the JIT). Not a JMH benchmark.
 * Each distribution also counts the masks over issue #13's bounds (500 us, 20 ms) and lists the
 * slowest {@code -Dreplay.top=N} (default 10), each with the kind of position it was computed at
 * ({@link JsonPosition}: a key or string body and how many characters into it, a number, between
 * values) and the text just before it, so the slow state shapes can be read off. On a noisy
 * machine {@code -Dreplay.min=true} reports each mask's least time over the rounds after the first
 * (every round compiles afresh, so each is a cold visit). From the repository root:
 * <pre>
 * java --add-modules jdk.incubator.vector -cp sampling-bench/target/benchmarks.jar org.sampling4j.bench.SchemaCorpusReplay [rounds] [corpus]
 * </pre>
 */
public final class SchemaCorpusReplay {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int TOP = Integer.getInteger("replay.top", 10);
    /** With {@code -Dreplay.min=true}: each mask's least time over the rounds after the first, not the last round's. */
    private static final boolean MIN = Boolean.getBoolean("replay.min");
    /** Issue #13's per-mask p99 and max bounds, in nanoseconds. */
    private static final long P99_BOUND = 500_000;
    private static final long MAX_BOUND = 20_000_000;

    private SchemaCorpusReplay() {
    }

    private record Sample(long nanos, String where) {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Path corpus = Path.of(args.length > 1 ? args[1] : "sampling-core/src/test/resources/org/sampling4j/grammar/schema");
        Encoding encoding = BenchmarkTexts.o200kEncoding();
        Vocabulary vocabulary = BenchmarkTexts.o200kVocabulary();
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int[] mask = new int[(vocabulary.size() + 31) / 32];
        List<List<Sample>> least = null;
        for (int round = 0; round < rounds; round++) {
            List<Sample> compile = new ArrayList<>();
            List<Sample> cold = new ArrayList<>();
            List<Sample> warm = new ArrayList<>();
            for (Path f : files) {
                JsonNode root = json.readTree(f.toFile());
                if (root.has("refused")) {
                    continue;
                }
                String name = f.getFileName().toString();
                String schema = json.writeValueAsString(root.get("schema"));
                JsonSchemaOptions o = SchemaCorpusBenchmark.options(root.path("options"));
                long t0 = CPU.getCurrentThreadCpuTime();
                Grammar g = Grammar.jsonSchema(schema, vocabulary, o, GrammarLimits.DEFAULT);
                g.newMatcher().fillMask(mask);
                compile.add(new Sample(CPU.getCurrentThreadCpuTime() - t0, name));
                List<String> valid = new ArrayList<>();
                root.path("valid").forEach(v -> valid.add(write(json, v)));
                root.path("valid_texts").forEach(v -> valid.add(v.asText()));
                for (List<Sample> out : List.of(cold, warm)) {
                    for (int t = 0; t < valid.size(); t++) {
                        replay(g, encoding, BenchmarkTexts.tokens(encoding, valid.get(t)), mask, name + " text " + t, out);
                    }
                }
            }
            List<List<Sample>> now = List.of(compile, cold, warm);
            if (MIN && round > 0) {
                least = least == null ? now : List.of(least(least.get(0), compile), least(least.get(1), cold), least(least.get(2), warm));
            }
            if (round == rounds - 1) {
                List<List<Sample>> shown = MIN && least != null ? least : now;
                report("compile to first mask", shown.get(0));
                report("mask, cold", shown.get(1));
                report("mask, warm", shown.get(2));
            }
        }
    }

    /** Times each mask of the text's replay into {@code out}, if the grammar accepts the whole text. */
    private static void replay(Grammar g, Encoding encoding, int[] ids, int[] mask, String where, List<Sample> out) {
        GrammarMatcher m = g.newMatcher();
        List<Sample> mine = new ArrayList<>(ids.length);
        for (int p = 0; p < ids.length; p++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            m.fillMask(mask);
            long t = CPU.getCurrentThreadCpuTime() - t0;
            // the position is described only for the samples that may be listed (decoding costs more than a mask)
            mine.add(new Sample(t, t >= P99_BOUND ? where + " @" + p + "  " + JsonPosition.describe(
                    BenchmarkTexts.decode(encoding, Arrays.copyOf(ids, p))) : where + " @" + p));
            if (!m.tryAccept(ids[p])) {
                return; // a valid text outside the options (e.g. long whitespace): skipped, as in the benchmark
            }
        }
        if (m.canStop()) {
            out.addAll(mine);
        }
    }

    /**
     * The lesser of each pair of samples of two rounds: the same positions in the same order (the
     * replay is deterministic), so a neighbour's burst in one round does not count as the mask's cost.
     */
    private static List<Sample> least(List<Sample> a, List<Sample> b) {
        if (a.size() != b.size()) {
            throw new IllegalStateException("rounds replayed " + a.size() + " and " + b.size() + " masks");
        }
        List<Sample> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            Sample x = a.get(i);
            Sample y = b.get(i);
            // the longer description: only samples over the bound carry the position's text
            String where = x.where.length() >= y.where.length() ? x.where : y.where;
            out.add(new Sample(Math.min(x.nanos, y.nanos), where));
        }
        return out;
    }

    private static void report(String label, List<Sample> samples) {
        long[] ns = samples.stream().mapToLong(Sample::nanos).sorted().toArray();
        int n = ns.length;
        long over = Arrays.stream(ns).filter(x -> x > P99_BOUND).count();
        long overMax = Arrays.stream(ns).filter(x -> x > MAX_BOUND).count();
        System.out.printf("%s (thread CPU): n=%d p50=%s p90=%s p99=%s p99.9=%s max=%s total=%s >500us=%d >20ms=%d%n",
                label, n, us(ns[n / 2]), us(ns[(int) (n * 0.9)]), us(ns[(int) (n * 0.99)]), us(ns[(int) (n * 0.999)]),
                us(ns[n - 1]), us(Arrays.stream(ns).sum()), over, overMax);
        samples.stream().sorted((a, b) -> Long.compare(b.nanos, a.nanos)).limit(TOP)
                .forEach(s -> System.out.printf("    %12s  %s%n", us(s.nanos), s.where));
    }

    private static String us(long nanos) {
        return nanos >= 1_000_000 ? String.format("%.1f ms", nanos / 1e6) : String.format("%.1f us", nanos / 1e3);
    }

    private static String write(ObjectMapper json, JsonNode v) {
        try {
            return json.writeValueAsString(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
