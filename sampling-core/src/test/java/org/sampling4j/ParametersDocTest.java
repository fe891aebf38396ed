package org.sampling4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sampling4j.chain.Setting;

/**
 * {@code docs/parameters.md} is generated from the settings registry ({@link Settings}): this test
 * fails when the committed file differs, and prints the file the registry produces, so updating is
 * copy-paste (or run it with {@code -Dsampling4j.writeDocs=true} to write the file).
 */
class ParametersDocTest {
    /** From the module directory (Maven's working directory), or from the repository root (an IDE's). */
    private static final Path FILE = Files.isDirectory(Path.of("sampling-core")) ? Path.of("docs", "parameters.md")
            : Path.of("..", "docs", "parameters.md");
    private static final String SOURCES = "../sampling-core/src/main/java/";

    @Test
    void committedParametersTableIsTheOneTheRegistryProduces() throws IOException {
        String expected = markdown();
        if (Boolean.getBoolean("sampling4j.writeDocs")) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "(missing)";
        if (!expected.equals(actual)) {
            fail("docs/parameters.md differs from what the settings registry produces; replace it with this"
                    + " (or run with -Dsampling4j.writeDocs=true):\n" + expected);
        }
    }

    @Test
    void everyRegisteredSettingIsASamplingParamsField() {
        Set<String> registered = Settings.all().stream().map(Setting::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), difference(registered, accessors()), "registered settings that SamplingParams lacks");
    }

    /** The generated file: a short introduction, the table, and the fields that are not numeric settings. */
    static String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("# Sampling parameters\n\n")
                .append("<!-- Generated from org.sampling4j.Settings by ParametersDocTest: do not edit by hand. -->\n\n")
                .append("Every numeric setting of the built-in processors and pickers, as `SamplingParams` and its builder\n")
                .append("name it. Each is declared once, beside the class that reads it (`TopPProcessor.TOP_P`, a\n")
                .append("`org.sampling4j.chain.Setting`): `SamplingParams.Builder.build()` and the processor's constructor\n")
                .append("check a value with that declaration, so both accept the same values and refuse the others with\n")
                .append("the same message (`topP = 1.5 is outside (0, 1]; 1 disables top-p`), and a chain built from\n")
                .append("params adds a step only when no setting of it is at a \"disabled by\" value. The request mappings\n")
                .append("(`org.sampling4j.interop`: OpenAI, vLLM, HF, llama.cpp, Anthropic, Ollama, MLX-LM) enforce their APIs' own ranges on top.\n\n")
                .append("| field | range | default | disabled by | processor |\n")
                .append("|---|---|---|---|---|\n");
        for (Setting setting : Settings.all()) {
            s.append("| `").append(setting.name()).append("` | ")
                    .append(setting.isInteger() && !setting.range().equals("any int") ? "int in " : "").append(setting.range())
                    .append(setting.note().isEmpty() ? "" : "; " + setting.note()).append(" | ")
                    .append(format(setting.defaultValue())).append(" | ").append(setting.disabledBy()).append(" | ")
                    .append(Settings.readersOf(setting).stream().map(ParametersDocTest::link).collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        Set<String> others = difference(accessors(), Settings.all().stream().map(Setting::name).collect(Collectors.toSet()));
        s.append("\nThe other fields are not numeric settings; their `SamplingParams.Builder` methods say what they\n")
                .append("hold: ").append(others.stream().map(f -> "`" + f + "`").collect(Collectors.joining(", "))).append(".\n");
        return s.toString();
    }

    private static String link(Class<?> type) {
        return "[" + type.getSimpleName() + "](" + SOURCES + type.getName().replace('.', '/') + ".java)";
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** SamplingParams' field accessors, sorted by name. */
    private static Set<String> accessors() {
        Set<String> names = new TreeSet<>();
        for (Method m : SamplingParams.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                    && !List.of("toBuilder", "stopConditions", "hashCode", "toString").contains(m.getName())) {
                names.add(m.getName());
            }
        }
        return names;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
