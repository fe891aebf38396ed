package org.sampling4j.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns JMH JSON results into {@code report.md} (per vocabulary: each configuration's time for
 * the Panama kernels at the native width and in the AVX2 and 128-bit shapes, each with its ratio to
 * the floor measured in the same shape and run, the scalar kernels, the speed-up
 * over the naive baseline, and allocated bytes per operation; then the processor and kernel
 * tables) and {@code chart.png} (an XChart bar chart of the canonical configurations, shapes as series).
 *
 * <pre>
 * java -cp sampling-bench/target/benchmarks.jar org.sampling4j.bench.report.BenchmarkReport \
 *     results.json docs/benchmarks/jdk25 "JDK 25, AMD EPYC, 2 cores"
 * </pre>
 */
public final class BenchmarkReport {
    private static final String SAMPLER = "org.sampling4j.bench.SamplerBenchmark";
    private static final String PROCESSOR = "org.sampling4j.bench.ProcessorBenchmark";
    private static final String KERNEL = "org.sampling4j.bench.KernelBenchmark";
    /**
     * The vector shapes, as suffixes of the benchmark classes that fork the same benchmarks with
     * other JIT flags ({@code SamplerBenchmarkAvx2}, {@code SamplerBenchmark128}), and their names.
     */
    static final String[] SHAPES = {"", "Avx2", "128"};
    static final String[] SHAPE_NAMES = {"native width", "AVX2 shape (-XX:UseAVX=2)", "128-bit shape (-XX:MaxVectorSize=16)"};
    /** The chart's vocabulary: the one the performance targets name. */
    static final String CHART_VOCAB = "128256";

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BenchmarkReport <jmh-results.json> <output-dir> [\"machine and JDK\"]");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        List<Result> results = read(Path.of(args[0]));
        String title = args.length > 2 ? args[2] : "";
        Files.writeString(out.resolve("report.md"), markdown(results, title), StandardCharsets.UTF_8);
        Chart.write(results, CHART_VOCAB, title, out.resolve("chart.png"));
        System.out.println("wrote " + out.resolve("report.md") + " and " + out.resolve("chart.png"));
    }

    /** One JMH result: benchmark name, parameters, score (us/op), error, B/op (NaN without -prof gc). */
    record Result(String benchmark, Map<String, String> params, double score, double error, double bytesPerOp,
            String jdk, String jvmArgs) {
        String param(String name) {
            return params.getOrDefault(name, "");
        }
    }

    static List<Result> read(Path json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        List<Result> results = new ArrayList<>();
        for (JsonNode r : root) {
            Map<String, String> params = new LinkedHashMap<>();
            JsonNode p = r.get("params");
            if (p != null) {
                p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            }
            JsonNode primary = r.get("primaryMetric");
            JsonNode gc = r.path("secondaryMetrics").path("gc.alloc.rate.norm");
            results.add(new Result(r.get("benchmark").asText(), params, primary.get("score").asDouble(),
                    primary.path("scoreError").asDouble(Double.NaN), gc.isMissingNode() ? Double.NaN : gc.get("score").asDouble(),
                    r.path("jdkVersion").asText() + " " + r.path("vmName").asText(), r.path("jvmArgs").toString()));
        }
        return results;
    }

    static String markdown(List<Result> results, String title) {
        StringBuilder md = new StringBuilder();
        md.append("# Sampling4J benchmarks").append(title.isEmpty() ? "" : ": " + title).append("\n\n");
        if (!results.isEmpty()) {
            md.append("JVM: ").append(results.get(0).jdk()).append(". Times are JMH averages in microseconds per ")
                    .append("token (one `sample` call); `x floor` divides by the floor (one SIMD max pass over the ")
                    .append("same logits) measured in the same run; `vs naive` is the naive sampler's time ")
                    .append("(full sort, `Math.exp`) divided by Sampling4J's (Panama kernels).\n\n");
        }
        Map<String, Map<String, Map<String, Result>>> byVocab = new TreeMap<>((a, b) -> Integer.parseInt(a) - Integer.parseInt(b));
        for (Result r : results) {
            String key = shapedMethod(r, SAMPLER);
            if (key != null) {
                byVocab.computeIfAbsent(r.param("vocab"), v -> new LinkedHashMap<>())
                        .computeIfAbsent(r.param("config"), c -> new LinkedHashMap<>())
                        .put(key, r);
            }
        }
        for (Map.Entry<String, Map<String, Map<String, Result>>> vocab : byVocab.entrySet()) {
            md.append("## V = ").append(String.format(Locale.ROOT, "%,d", Integer.parseInt(vocab.getKey()))).append("\n\n");
            md.append("| configuration | Panama us/op | x floor | AVX2 shape us/op | x its floor | 128-bit us/op | x its floor"
                    + " | scalar us/op | naive us/op | vs naive | B/op |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Map.Entry<String, Map<String, Result>> config : vocab.getValue().entrySet()) {
                Map<String, Result> m = config.getValue();
                Result panama = m.get("samplePanama");
                Result scalar = m.get("sampleScalar");
                Result naive = m.get("naiveReference");
                md.append("| ").append(config.getKey());
                for (String shape : SHAPES) {
                    Result sample = m.get("samplePanama" + shape);
                    md.append(" | ").append(time(sample)).append(" | ").append(ratio(sample, m.get("floorMax" + shape), false));
                }
                md.append(" | ").append(time(scalar))
                        .append(" | ").append(time(naive))
                        .append(" | ").append(ratio(naive, panama, true))
                        .append(" | ").append(bytes(panama)).append(" |\n");
            }
            md.append('\n');
        }
        appendSimpleTable(md, results, PROCESSOR + ".", "processor", "Processors alone (`Sampler.process`, V = 128,256; subtract `none`)");
        for (int i = 0; i < SHAPES.length; i++) {
            appendSimpleTable(md, results, KERNEL + SHAPES[i] + ".", "twin",
                    "Kernels (one pass over 128,256 floats), " + SHAPE_NAMES[i]);
        }
        return md.toString();
    }

    /**
     * For a result of {@code prefix} or one of its shape classes ({@code prefix + "Avx2"} ...), the
     * method name with the shape's suffix ({@code samplePanamaAvx2}); null for other benchmarks.
     */
    static String shapedMethod(Result r, String prefix) {
        String b = r.benchmark();
        int dot = b.lastIndexOf('.');
        if (!b.startsWith(prefix) || dot < prefix.length()) {
            return null;
        }
        String shape = b.substring(prefix.length(), dot);
        for (String known : SHAPES) {
            if (known.equals(shape)) {
                return b.substring(dot + 1) + shape;
            }
        }
        return null;
    }

    private static void appendSimpleTable(StringBuilder md, List<Result> results, String prefix, String param, String heading) {
        List<Result> rows = results.stream().filter(r -> r.benchmark().startsWith(prefix)).toList();
        if (rows.isEmpty()) {
            return;
        }
        md.append("## ").append(heading).append("\n\n| benchmark | ").append(param).append(" | us/op | error | B/op |\n|---|---|---:|---:|---:|\n");
        for (Result r : rows) {
            md.append("| ").append(r.benchmark().substring(prefix.length())).append(" | ").append(r.param(param))
                    .append(" | ").append(time(r)).append(" | ").append(String.format(Locale.ROOT, "%.2f", r.error()))
                    .append(" | ").append(bytes(r)).append(" |\n");
        }
        md.append('\n');
    }

    static String time(Result r) {
        return r == null ? "" : String.format(Locale.ROOT, r.score() < 100 ? "%.2f" : "%.0f", r.score());
    }

    static String ratio(Result top, Result bottom, boolean speedUp) {
        if (top == null || bottom == null) {
            return "";
        }
        return String.format(Locale.ROOT, speedUp ? "%.0fx" : "%.1f", top.score() / bottom.score());
    }

    static String bytes(Result r) {
        return r == null || Double.isNaN(r.bytesPerOp()) ? "" : String.format(Locale.ROOT, "%.1f", r.bytesPerOp());
    }
}
