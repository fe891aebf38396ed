package org.sampling4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The grammar mode of the conformance CLI, record by record: the fields of the format, the
 * accept / reject positions against JTokkit's own tokenization, generated texts checked by
 * {@code java.util.regex}, and the two kinds of errors.
 */
class GrammarCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private static List<JsonNode> run(String... lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GrammarCli().run(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)), out);
        List<JsonNode> answers = new ArrayList<>();
        for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) {
            answers.add(JSON.readTree(l));
        }
        return answers;
    }

    @Test
    void acceptReportsWhereATextLeavesTheLanguage() throws IOException {
        String pattern = "\\\\d{4}-\\\\d{2}-\\\\d{2}";
        List<JsonNode> a = run("{\"id\": \"date\", \"vocabulary\": \"cl100k_base\", \"grammar\": {\"type\": \"regex\", "
                + "\"pattern\": \"" + pattern + "\"}, \"accept\": [\"2026-12-01\", \"2026-12\", \"2026-1x-01\"]}");
        JsonNode r = a.get(0);
        assertEquals("date", r.get("id").asText());
        assertTrue(r.get("compiled").asBoolean(), r.toString());
        assertTrue(r.get("compile_us").asDouble() > 0);
        JsonNode ok = r.get("accept").get(0);
        assertTrue(ok.get("accepted").asBoolean(), ok.toString());
        assertTrue(ok.get("rejected_at").isNull());
        assertEquals(CL100K.encodeOrdinary("2026-12-01").size(), ok.get("tokens").asInt());
        JsonNode prefix = r.get("accept").get(1);
        assertFalse(prefix.get("accepted").asBoolean());
        assertEquals(prefix.get("tokens").asInt(), prefix.get("rejected_at").asInt(), "every token allowed, not complete");
        JsonNode wrong = r.get("accept").get(2);
        assertFalse(wrong.get("accepted").asBoolean());
        int at = wrong.get("rejected_at").asInt();
        int[] ids = CL100K.encodeOrdinary("2026-1x-01").toArray();
        String before = CL100K.decode(list(ids, at));
        String through = CL100K.decode(list(ids, at + 1));
        java.util.regex.Matcher m = Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(before);
        assertTrue(!m.matches() && m.hitEnd(),
                "the text before the rejected token is still a viable prefix: " + before);
        assertTrue(through.contains("x"), "the rejected token brings the 'x': " + through);
        JsonNode masks = r.get("mask_us");
        assertEquals(ok.get("tokens").asInt() + prefix.get("tokens").asInt() + at + 1, masks.get("count").asInt(),
                "one mask per token checked");
        assertTrue(masks.get("p50").asDouble() <= masks.get("p99").asDouble());
        assertTrue(masks.get("p99").asDouble() <= masks.get("max").asDouble());
    }

    private static com.knuddels.jtokkit.api.IntArrayList list(int[] ids, int n) {
        com.knuddels.jtokkit.api.IntArrayList l = new com.knuddels.jtokkit.api.IntArrayList(n);
        for (int i = 0; i < n; i++) {
            l.add(ids[i]);
        }
        return l;
    }

    @Test
    void generatedTextsMatchThePatternAndCompleteOnlyAtTheEndOfText() throws IOException {
        String pattern = "(yes|no|maybe) [a-z]{1,6}\\\\.";
        List<JsonNode> a = run("{\"id\": 7, \"vocabulary\": \"o200k_base\", \"grammar\": {\"type\": \"regex\", \"pattern\": \""
                + pattern + "\"}, \"generate\": {\"n\": 6, \"seed\": 11, \"max_tokens\": 40, \"temperature\": 1.0}}");
        JsonNode r = a.get(0);
        assertTrue(r.get("compiled").asBoolean(), r.toString());
        assertEquals(6, r.get("generate").size());
        Pattern oracle = Pattern.compile("(yes|no|maybe) [a-z]{1,6}\\.");
        for (JsonNode g : r.get("generate")) {
            String text = g.get("text").asText();
            if (g.get("complete").asBoolean()) {
                assertTrue(oracle.matcher(text).matches(), "complete but not in the language: " + text);
            } else {
                assertEquals(40, g.get("tokens").asInt(), "incomplete only at max_tokens: " + g);
            }
        }
        JsonNode again = run("{\"id\": 7, \"vocabulary\": \"o200k_base\", \"grammar\": {\"type\": \"regex\", "
                + "\"pattern\": \"" + pattern + "\"}, \"generate\": {\"n\": 6, \"seed\": 11, \"max_tokens\": 40, "
                + "\"temperature\": 1.0}}").get(0);
        assertEquals(r.get("generate"), again.get("generate"), "the same seed generates the same texts");
    }

    @Test
    void choicesGbnfAndTheJsonBuiltIns() throws IOException {
        List<JsonNode> a = run(
                "{\"id\": 1, \"vocabulary\": \"cl100k_base\", \"grammar\": {\"type\": \"choice\", \"choices\": [\"red\", \"green\"]},"
                        + " \"accept\": [\"green\", \"blue\"]}",
                "{\"id\": 2, \"vocabulary\": \"cl100k_base\", \"grammar\": {\"type\": \"gbnf\", \"grammar\": "
                        + "\"root ::= item (\\\", \\\" item)*\\nitem ::= [a-z]+\"}, \"accept\": [\"ab, cd\", \"ab,cd\"]}",
                "{\"id\": 3, \"vocabulary\": \"cl100k_base\", \"grammar\": {\"type\": \"json_object\"},"
                        + " \"accept\": [\"{\\\"a\\\": [1, 2.5, null]}\", \"[1]\"]}",
                "{\"id\": 4, \"vocabulary\": \"cl100k_base\", \"grammar\": {\"type\": \"json\"}, \"accept\": [\"[1, \\\"x\\\"]\"]}");
        assertEquals("[true,false]", accepted(a.get(0)));
        assertEquals("[true,false]", accepted(a.get(1)));
        assertEquals("[true,false]", accepted(a.get(2)));
        assertEquals("[true]", accepted(a.get(3)));
    }

    private static String accepted(JsonNode r) {
        List<Boolean> out = new ArrayList<>();
        for (JsonNode x : r.get("accept")) {
            out.add(x.get("accepted").asBoolean());
        }
        return out.toString().replace(" ", "");
    }

    @Test
    void errorsSayInvalidOrUnsupportedAndTheNextLineStillRuns() throws IOException {
        List<JsonNode> a = run(
                "{\"id\": 1, \"vocabulary\": \"cl100k_base\", \"grammar\": {\"type\": \"gbnf\", \"grammar\": \"root ::= \\\"a\\\" undefined-rule\"}}",
                "{\"id\": 2, \"vocabulary\": \"cl100k_base\", \"grammar\": {\"type\": \"regex\", \"pattern\": \"(a)\\\\1\"}}",
                "{\"id\": 3, \"vocabulary\": \"cl100k_base\", \"grammar\": {\"type\": \"json_schema\", \"schema\": {\"contains\": {}, \"maxContains\": 1}}}",
                "{\"id\": 4, \"vocabulary\": \"cl100k_base\", \"grammar\": {\"type\": \"regex\", \"pattern\": \"[a\"}}",
                "{\"id\": 5, \"vocabulary\": \"cl100k_base\", \"grammar\": {\"type\": \"choice\", \"choices\": [\"ok\"]}, \"accept\": [\"ok\"]}");
        for (int i = 0; i < 4; i++) {
            assertFalse(a.get(i).get("compiled").asBoolean(), a.get(i).toString());
        }
        assertTrue(a.get(0).get("error").asText().startsWith("invalid: "), a.get(0).toString());
        assertTrue(a.get(0).get("error").asText().contains("undefined-rule"), a.get(0).toString());
        assertTrue(a.get(1).get("error").asText().startsWith("unsupported: "), a.get(1).toString());
        assertTrue(a.get(2).get("error").asText().startsWith("unsupported: /maxContains: "), a.get(2).toString());
        assertTrue(a.get(3).get("error").asText().startsWith("invalid: "), a.get(3).toString());
        assertEquals("[true]", accepted(a.get(4)));
    }

    @Test
    void jsonSchemaRecordsCompileWithTheirOptionsAndNameThePointerOnError() throws IOException {
        String schema = "{\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 9},"
                + " \"ok\": {\"type\": \"boolean\"}}, \"required\": [\"n\"], \"additionalProperties\": false}";
        List<JsonNode> a = run(
                "{\"id\": \"good\", \"vocabulary\": \"cl100k_base\", \"grammar\": {\"type\": \"json_schema\", \"schema\": " + schema
                        + "}, \"accept\": [\"{\\\"ok\\\": true, \\\"n\\\": 3}\", \"{\\\"n\\\": 10}\", \"{}\"],"
                        + " \"generate\": {\"n\": 3, \"seed\": 7, \"max_tokens\": 60, \"temperature\": 1.0}}",
                "{\"id\": \"compact\", \"vocabulary\": \"cl100k_base\", \"grammar\": {\"type\": \"json_schema\", \"schema\": " + schema
                        + ", \"options\": {\"whitespace\": \"compact\", \"any_order\": false, \"strict\": true, \"format\": \"annotation\"}},"
                        + " \"accept\": [\"{\\\"n\\\":3,\\\"ok\\\":false}\", \"{\\\"n\\\": 3}\", \"{\\\"ok\\\":false,\\\"n\\\":3}\"]}",
                "{\"id\": \"bad\", \"vocabulary\": \"cl100k_base\", \"grammar\": {\"type\": \"json_schema\", \"schema\":"
                        + " {\"type\": \"integer\", \"minimum\": \"1\"}}}",
                "{\"id\": \"badopt\", \"vocabulary\": \"cl100k_base\", \"grammar\": {\"type\": \"json_schema\", \"schema\": true,"
                        + " \"options\": {\"whitespace\": \"tabs\"}}}");
        assertTrue(a.get(0).get("compiled").asBoolean(), a.get(0).toString());
        assertEquals("[true,false,false]", accepted(a.get(0)));
        assertEquals(3, a.get(0).get("generate").size());
        assertEquals("[true,false,false]", accepted(a.get(1)));
        assertFalse(a.get(2).get("compiled").asBoolean());
        assertTrue(a.get(2).get("error").asText().startsWith("invalid: /minimum: "), a.get(2).toString());
        assertFalse(a.get(3).get("compiled").asBoolean());
        assertTrue(a.get(3).get("error").asText().startsWith("invalid: "), a.get(3).toString());
        assertTrue(a.get(3).get("error").asText().contains("whitespace"), a.get(3).toString());
    }
}
