package org.sampling4j.it.consumer;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.sampling4j.SampleResult;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;

/**
 * Uses Sampling4J from a named module on the module path and checks what a downstream user
 * relies on: the module's name and exports, that the exported API samples (reproducibly), which
 * kernels twin the JVM got, and that the internal packages stay closed at run time and at
 * compile time. Prints one line per check and exits 1 if any failed.
 *
 * <p>Argument: the kernels twin expected ({@code panama} with
 * {@code --add-modules jdk.incubator.vector}, {@code scalar} without), or {@code auto}.
 */
public final class Main {
    private static final String CORE = "org.sampling4j";
    private static final String VECTOR = "jdk.incubator.vector";
    /** Exactly what module-info.java of sampling-core exports (DESIGN.md section 11). */
    private static final Set<String> EXPORTED = new TreeSet<>(List.of(
            "org.sampling4j", "org.sampling4j.chain", "org.sampling4j.processor", "org.sampling4j.picker",
            "org.sampling4j.random", "org.sampling4j.text", "org.sampling4j.batch", "org.sampling4j.generate",
            "org.sampling4j.interop", "org.sampling4j.grammar", "org.sampling4j.speculative"));
    private static final List<String> INTERNAL = List.of("org.sampling4j.kernel", "org.sampling4j.internal");
    /** The grammar engine's own packages: in the module, never exported. */
    private static final List<String> GRAMMAR_INTERNAL = List.of("org.sampling4j.grammar.syntax",
            "org.sampling4j.grammar.automaton", "org.sampling4j.grammar.schema", "org.sampling4j.grammar.engine");

    private static final List<String> failures = new ArrayList<>();

    private Main() {
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    public static void main(String[] args) throws Exception {
        String expectedKernels = args.length > 0 ? args[0] : "auto";
        Module core = Sampler.class.getModule();

        check("consumer is a named module", Main.class.getModule().isNamed(),
                String.valueOf(Main.class.getModule()));
        check("sampling-core is the named module " + CORE, core.isNamed() && CORE.equals(core.getName()),
                String.valueOf(core));
        if (!core.isNamed()) {
            finish();
            return;
        }
        ModuleDescriptor descriptor = core.getDescriptor();

        Set<String> exported = descriptor.exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        check("exports exactly " + EXPORTED, exported.equals(EXPORTED), "exports " + exported);
        check("no qualified exports or opens", descriptor.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified)
                && descriptor.opens().isEmpty() && !descriptor.isOpen(), descriptor.toString());
        for (String p : concat(INTERNAL, GRAMMAR_INTERNAL)) {
            check(p + " is in the module but not exported",
                    descriptor.packages().contains(p) && !core.isExported(p), "packages " + descriptor.packages());
        }
        boolean requiresVectorStatic = descriptor.requires().stream().anyMatch(r -> r.name().equals(VECTOR)
                && r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC));
        check("requires static " + VECTOR, requiresVectorStatic, "requires " + descriptor.requires());

        sample();

        Optional<Module> vector = ModuleLayer.boot().findModule(VECTOR);
        String kernels = new Workspace(1000).kernels();
        System.out.println("kernels: " + kernels + " (" + VECTOR + (vector.isPresent() ? " resolved" : " not resolved")
                + ", java " + Runtime.version() + ")");
        if (!"auto".equals(expectedKernels)) {
            check("kernels are " + expectedKernels, expectedKernels.equals(kernels), "kernels " + kernels);
        }
        check("panama exactly when " + VECTOR + " is resolved", kernels.equals("panama") == vector.isPresent(),
                "kernels " + kernels + ", module " + vector);
        vector.ifPresent(m -> check(CORE + " reads " + VECTOR + " (the requires static edge)", core.canRead(m), ""));

        runtimeEncapsulation();
        compileTimeEncapsulation(core);
        finish();
    }

    /** A greedy pick of a known argmax, then a seeded run that must repeat to the bit. */
    private static void sample() {
        int vocab = 1000;
        float[] logits = new float[vocab];
        for (int i = 0; i < vocab; i++) {
            logits[i] = (float) (2.0 * Math.sin(i * 0.37) + Math.cos(i * 0.011));
        }
        logits[123] = 9f;
        logits[456] = 8.5f;
        logits[789] = 8.2f;

        Sampler greedy = Sampler.of(SamplingParams.builder().temperature(0).build(), vocab);
        int argmax = greedy.sample(logits, greedy.newSequence(1, 2, 3), greedy.newWorkspace());
        check("greedy picks the argmax", argmax == 123, "token " + argmax);

        Sampler sampler = Sampler.of(SamplingParams.builder()
                .temperature(0.8).topP(0.9).repetitionPenalty(1.1).seed(42).build(), vocab);
        int[] first = draw(sampler, logits, 8);
        int[] second = draw(sampler, logits, 8);
        check("tokens are in [0, V)", Arrays.stream(first).allMatch(t -> t >= 0 && t < vocab), Arrays.toString(first));
        check("the same seed draws the same tokens", Arrays.equals(first, second),
                Arrays.toString(first) + " vs " + Arrays.toString(second));
        // The script compares this line between the panama and the scalar runs (same bits expected).
        System.out.println("tokens: " + Arrays.toString(first) + " fingerprint " + sampler.fingerprint());
    }

    private static int[] draw(Sampler sampler, float[] logits, int n) {
        SequenceState sequence = sampler.newSequence(1, 2, 3);
        Workspace workspace = sampler.newWorkspace();
        SampleResult result = new SampleResult();
        int[] tokens = new int[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = sampler.sample(logits, sequence, workspace, result);
            if (!(result.logprob() <= 0) || result.token() != tokens[i]) {
                check("step " + i + " reports its token and a logprob <= 0", false, String.valueOf(result));
            }
        }
        return tokens;
    }

    /** Reflection from another module must not reach the unexported kernel package. */
    private static void runtimeEncapsulation() {
        try {
            Class<?> provider = Class.forName(CORE + ".kernel.KernelsProvider");
            Object kernels = provider.getMethod("get").invoke(null);
            check("reflection into org.sampling4j.kernel is refused", false, "got " + kernels);
        } catch (IllegalAccessException expected) {
            check("reflection into org.sampling4j.kernel is refused", true, "");
        } catch (ReflectiveOperationException e) {
            check("reflection into org.sampling4j.kernel is refused", false, "unexpected " + e);
        }
    }

    /**
     * javac (the running JDK's) on a module that requires org.sampling4j: importing an exported
     * package compiles, importing kernel or internal does not, each for "not visible".
     */
    private static void compileTimeEncapsulation(Module core) throws IOException {
        Optional<ToolProvider> javac = ToolProvider.findFirst("javac");
        if (javac.isEmpty()) {
            check("javac is available for the compile-time check", false, "no javac ToolProvider in this runtime");
            return;
        }
        URI location = core.getLayer().configuration().findModule(CORE)
                .flatMap(m -> m.reference().location()).orElseThrow();
        String modulePath = Path.of(location).toString();
        Path dir = Files.createTempDirectory("sampling4j-consumer-");
        try {
            String allowed = "import org.sampling4j.Sampler;\nimport org.sampling4j.chain.LogitsProcessor;\n"
                    + "import org.sampling4j.random.Uniforms;\nimport org.sampling4j.text.Vocabulary;\n"
                    + "final class Uses { Sampler s; LogitsProcessor p; Uniforms u; Vocabulary v; }\n";
            Result ok = compile(javac.get(), dir.resolve("ok"), modulePath, allowed);
            check("javac: a module importing exported packages compiles", ok.exit == 0, ok.output);

            String forbidden = "import org.sampling4j.kernel.Kernels;\n"
                    + "import org.sampling4j.internal.Range;\nfinal class Uses { Kernels k; Range r; }\n";
            Result bad = compile(javac.get(), dir.resolve("bad"), modulePath, forbidden);
            boolean eachRefused = INTERNAL.stream().allMatch(p -> bad.output.contains("package " + p + " is not visible"));
            check("javac: importing org.sampling4j.kernel / internal fails (not visible)",
                    bad.exit != 0 && eachRefused, "exit " + bad.exit + "\n" + bad.output);
            if (bad.exit != 0) {
                System.out.println("  javac said: " + bad.output.lines().filter(l -> l.contains("error:"))
                        .map(String::strip).collect(Collectors.joining(" | ")));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static Result compile(ToolProvider javac, Path root, String modulePath, String source) throws IOException {
        Path src = root.resolve("src");
        Files.createDirectories(src.resolve("probe"));
        Files.writeString(src.resolve("module-info.java"), "module probe { requires org.sampling4j; }\n");
        Files.writeString(src.resolve("probe/Uses.java"), "package probe;\n" + source);
        StringWriter out = new StringWriter();
        try (PrintWriter writer = new PrintWriter(out)) {
            int exit = javac.run(writer, writer, "--release", "17", "-Xlint:-options", "--module-path", modulePath,
                    "-d", root.resolve("out").toString(),
                    src.resolve("module-info.java").toString(), src.resolve("probe/Uses.java").toString());
            writer.flush();
            return new Result(exit, out.toString());
        }
    }

    private static final class Result {
        final int exit;
        final String output;

        Result(int exit, String output) {
            this.exit = exit;
            this.output = output;
        }
    }

    private static void check(String what, boolean ok, String detail) {
        System.out.println((ok ? "ok    " : "FAIL  ") + what + (ok || detail.isEmpty() ? "" : ": " + detail));
        if (!ok) {
            failures.add(what);
        }
    }

    private static void finish() {
        if (failures.isEmpty()) {
            System.out.println("module-consumer: all checks passed");
        } else {
            System.out.println("module-consumer: " + failures.size() + " check(s) failed: " + failures);
            System.exit(1);
        }
    }
}
