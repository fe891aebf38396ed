package org.sampling4j.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of the README's architecture section, checked on the main sources: every reference to another
 * package of Sampling4J points to a lower layer, packages of one layer never use each other, every
 * package has a package-info that says whether it is API, extension or internal, and every public
 * type has javadoc. Reads the sources, so a moved class or a new import fails here, not in review.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/sampling4j");
    /** Layer of each package, bottom first; a package may use only packages of a lower layer. */
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("internal", 0),
            Map.entry("kernel", 1), Map.entry("random", 1),
            Map.entry("chain", 2),
            Map.entry("processor", 3), Map.entry("picker", 3),
            Map.entry("text", 4),
            // Constrained decoding, bottom up: the IR and its front ends, byte automata, the parser
            // and masks, then the API that embedders call.
            Map.entry("grammar.syntax", 5), Map.entry("grammar.automaton", 6), Map.entry("grammar.schema", 6), Map.entry("grammar.engine", 7),
            Map.entry("grammar", 8),
            Map.entry("", 9),
            Map.entry("batch", 10), Map.entry("generate", 10), Map.entry("interop", 10), Map.entry("speculative", 10));
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.sampling4j((?:\\.[a-z]\\w*)*)\\.[A-Z]");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^\\s*public\\s+(?:static\\s+)?(?:final\\s+|abstract\\s+|sealed\\s+)*(class|interface|enum|record|@interface)\\s+(\\w+)");

    @Test
    void everyReferenceBetweenPackagesPointsDown() {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String from = packageOf(file);
            assertTrue(LAYER.containsKey(from), file + ": package '" + from + "' has no layer; add it to LAYER and to the README");
            Matcher m = REFERENCE.matcher(withoutComments(read(file)));
            while (m.find()) {
                String to = m.group(1).isEmpty() ? "" : m.group(1).substring(1);
                if (!to.equals(from) && LAYER.containsKey(to) && LAYER.get(to) >= LAYER.get(from)) {
                    violations.add(MAIN.relativize(file) + " (" + name(from) + ", layer " + LAYER.get(from) + ") uses "
                            + name(to) + " (layer " + LAYER.get(to) + ")");
                }
            }
        }
        assertEquals(List.of(), violations, "imports must point down the layers");
    }

    @Test
    void everyPackageSaysWhatKindOfPackageItIs() {
        TreeSet<String> packages = sources().stream().map(ArchitectureTest::packageOf).collect(Collectors.toCollection(TreeSet::new));
        for (String p : packages) {
            Path info = MAIN.resolve(p.replace('.', '/')).resolve("package-info.java");
            assertTrue(Files.exists(info), name(p) + " has no package-info.java");
            String text = read(info);
            assertTrue(text.contains("<b>API</b>") || text.contains("<b>Extension") || text.contains("<b>Internal</b>"),
                    info + " must say whether the package is API, extension interface or internal");
        }
    }

    @Test
    void everyPublicTypeHasJavadoc() {
        List<String> missing = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = List.of(read(file).split("\n", -1));
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = PUBLIC_TYPE.matcher(lines.get(i));
                if (m.find() && !documented(lines, i)) {
                    missing.add(MAIN.relativize(file) + ":" + (i + 1) + " " + m.group(2));
                }
            }
        }
        assertEquals(List.of(), missing, "public types without javadoc");
    }

    @Test
    void thePackageGraphHasNoCircles() {
        Map<String, TreeSet<String>> uses = new TreeMap<>();
        for (Path file : sources()) {
            String from = packageOf(file);
            Matcher m = REFERENCE.matcher(withoutComments(read(file)));
            while (m.find()) {
                String to = m.group(1).isEmpty() ? "" : m.group(1).substring(1);
                if (!to.equals(from)) {
                    uses.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        for (String start : uses.keySet()) {
            assertTrue(!reaches(uses, start, start, new TreeSet<>()), name(start) + " reaches itself: " + uses);
        }
    }

    private static boolean reaches(Map<String, TreeSet<String>> uses, String from, String target, TreeSet<String> seen) {
        for (String next : uses.getOrDefault(from, new TreeSet<>())) {
            if (next.equals(target) || seen.add(next) && reaches(uses, next, target, seen)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the lines above {@code i}, past annotations and blank lines, end a javadoc comment. */
    private static boolean documented(List<String> lines, int i) {
        for (int j = i - 1; j >= 0; j--) {
            String l = lines.get(j).trim();
            if (l.isEmpty() || l.startsWith("@")) {
                continue;
            }
            if (!l.endsWith("*/")) {
                return false;
            }
            for (int k = j; k >= 0; k--) {
                String c = lines.get(k).trim();
                if (c.startsWith("/**")) {
                    return true;
                }
                if (c.startsWith("/*")) {
                    return false;
                }
            }
            return false;
        }
        return false;
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    }

    private static String name(String p) {
        return p.isEmpty() ? "org.sampling4j" : "org.sampling4j." + p;
    }

    private static String packageOf(Path file) {
        Path dir = MAIN.relativize(file.getParent());
        return dir.toString().replace('/', '.');
    }

    private static List<Path> sources() {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
