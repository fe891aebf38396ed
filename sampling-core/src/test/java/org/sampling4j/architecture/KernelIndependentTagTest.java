package org.sampling4j.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link org.sampling4j.KernelIndependent} honest. {@code .ci/run} leaves the classes that carry
 * it out of the scalar, 256-bit and 128-bit rows, which is right only if nothing they run can reach
 * a kernel. Read from the sources: a tagged class, and every test class of its own package that it
 * names, must not name the types through which sampling reaches the kernels.
 */
class KernelIndependentTagTest {
    private static final Path TEST = Path.of("src/test/java/org/sampling4j");
    private static final Pattern SAMPLING = Pattern.compile(
            "\\b(Sampler|BatchSampler|BatchVerifier|SpeculativeVerifier|Workspace|Candidates|Chain|Kernels|KernelsProvider"
                    + "|TokenPicker|LogitsProcessor|Generator)\\b");
    private static final Pattern TYPE_NAME = Pattern.compile("\\b([A-Z]\\w+)\\b");

    @Test
    void taggedClassesNeverNameTheSamplingPath() {
        List<Path> tagged = sources().stream().filter(p -> code(p).contains("@KernelIndependent\n")).collect(Collectors.toList());
        assertTrue(tagged.size() >= 20, "expected the grammar, schema and text test classes to be tagged, found " + tagged.size());
        List<String> violations = new ArrayList<>();
        for (Path file : tagged) {
            check(file, file, violations);
            Matcher m = TYPE_NAME.matcher(code(file));
            while (m.find()) {
                Path helper = file.resolveSibling(m.group(1) + ".java");
                if (!helper.equals(file) && Files.exists(helper) && !code(helper).contains("@KernelIndependent\n")) {
                    check(file, helper, violations);
                }
            }
        }
        assertEquals(List.of(), violations.stream().distinct().collect(Collectors.toList()),
                "a @KernelIndependent class reaches the sampling path: drop the tag, or move the sampling out");
    }

    private static void check(Path tagged, Path file, List<String> violations) {
        Matcher m = SAMPLING.matcher(code(file));
        if (m.find()) {
            violations.add(TEST.relativize(tagged) + (file.equals(tagged) ? "" : " via " + file.getFileName()) + " names " + m.group(1));
        }
    }

    /** The source without comments and string literals, so a javadoc mention is not a use. */
    private static String code(Path p) {
        try {
            return Files.readString(p).replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ")
                    .replaceAll("\"(?:\\\\.|[^\"\\\\\n])*\"", "\"\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sources() {
        try (Stream<Path> s = Files.walk(TEST)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
