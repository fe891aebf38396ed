package org.sampling4j.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sampling4j.examples.Main;
import org.sampling4j.grammar.Grammar;
import org.sampling4j.text.Vocabulary;
import picocli.CommandLine;

/**
 * {@code json-demo} end to end: the command on its default schema prints complete texts that parse as
 * JSON and hold the required keys; every generated text satisfies the default schema, checked here by
 * hand keyword by keyword (types, bounds, lengths, the date, no other keys); a schema file works; a
 * refused schema exits 2 with the compiler's message.
 */
class JsonSchemaDemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCommandPrintsCompleteValidTextsForTheDefaultSchema() throws Exception {
        Run run = run("json-demo", "--count", "3");
        assertEquals(0, run.exit, run.err + run.out);
        List<String> texts = new ArrayList<>();
        StringBuilder text = null;
        for (String line : run.out.split("\n", -1)) {
            if (line.matches("\\[[0-9]+\\] seed [0-9]+, [0-9]+ characters")) {
                text = new StringBuilder();
            } else if (line.startsWith("  -> ")) {
                assertEquals("  -> complete; parses as JSON; required keys present", line, run.out);
                texts.add(text.toString());
                text = null;
            } else if (text != null) {
                text.append(text.length() == 0 ? "" : "\n").append(line);
            }
        }
        assertEquals(3, texts.size(), run.out);
        for (String t : texts) {
            assertSatisfiesDefaultSchema(t);
        }
    }

    @Test
    void everyTextSatisfiesTheDefaultSchemaKeywordByKeyword() throws Exception {
        CharNGramModel model = CharNGramModel.train(GenerationDemo.corpus(), 6, p -> { });
        Vocabulary v = JsonSchemaDemo.vocabulary(model);
        Grammar g = Grammar.jsonSchema(JsonSchemaDemo.DEFAULT_SCHEMA, v, JsonSchemaDemo.options("flexible"),
                org.sampling4j.grammar.GrammarLimits.DEFAULT);
        for (JsonSchemaDemo.Sample s : JsonSchemaDemo.generate(model, v, g, JsonSchemaDemo.DEFAULT_SCHEMA, 12, 7, 1.0, 2000)) {
            assertTrue(s.complete(), "incomplete: " + s.text());
            assertEquals(null, s.problem(), s.text());
            assertSatisfiesDefaultSchema(s.text());
        }
    }

    @Test
    void aSchemaFileIsReadAndARefusedSchemaExitsWithTheMessage(@TempDir Path dir) throws Exception {
        Path tool = dir.resolve("tool.json");
        Files.writeString(tool, "{\"type\": \"object\", \"properties\": {\"unit\": {\"enum\": [\"celsius\", \"fahrenheit\"]},"
                + " \"days\": {\"type\": \"array\", \"items\": {\"type\": \"integer\", \"minimum\": 0, \"maximum\": 6}, \"maxItems\": 3}},"
                + " \"required\": [\"unit\", \"days\"], \"additionalProperties\": false}");
        Run ok = run("json-demo", tool.toString(), "--count", "2", "--seed", "3", "--whitespace", "flexible");
        assertEquals(0, ok.exit, ok.err + ok.out);
        assertEquals(2, ok.out.split("complete; parses as JSON; required keys present", -1).length - 1, ok.out);
        Path refused = dir.resolve("refused.json");
        Files.writeString(refused, "{\"type\": \"array\", \"uniqueItems\": true}");
        Run no = run("json-demo", refused.toString());
        assertEquals(2, no.exit, no.out);
        assertTrue(no.err.contains("unsupported: /uniqueItems: "), no.err);
    }

    @Test
    void mainsHelpListsTheCommand() {
        Run help = run("--help");
        assertEquals(0, help.exit, help.err);
        assertTrue(help.out.contains("json-demo") && help.out.contains("Compile a JSON Schema"), help.out);
    }

    /** The default schema by hand: item a string of at most 40 code points, quantity an integer in [1, 99], ship_by a real date. */
    private static void assertSatisfiesDefaultSchema(String text) throws Exception {
        JsonNode n = JSON.readTree(text);
        assertTrue(n.isObject(), text);
        Set<String> allowed = Set.of("item", "quantity", "ship_by");
        n.fieldNames().forEachRemaining(k -> assertTrue(allowed.contains(k), "extra key " + k + " in " + text));
        assertTrue(n.get("item").isTextual() && n.get("item").asText().codePointCount(0, n.get("item").asText().length()) <= 40, text);
        JsonNode q = n.get("quantity");
        assertTrue(q.isIntegralNumber() || (q.isNumber() && q.decimalValue().stripTrailingZeros().scale() <= 0), text);
        assertTrue(q.asInt() >= 1 && q.asInt() <= 99 && q.decimalValue().compareTo(java.math.BigDecimal.valueOf(q.asInt())) == 0, text);
        if (n.has("ship_by")) {
            String d = n.get("ship_by").asText();
            assertTrue(d.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}"), text);
            LocalDate.parse(d); // throws for 2023-02-29 and the like
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new Main()).execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
