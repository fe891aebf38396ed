package org.sampling4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text mode of the conformance CLI, record by record, against hand values and JTokkit. */
class TextCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> run(String... lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TextCli().run(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)), out);
        List<JsonNode> answers = new ArrayList<>();
        for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) {
            answers.add(JSON.readTree(l));
        }
        return answers;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String inline() {
        // 0 "He", 1 "llo", 2 "\n", 3 "\n", 4 "<eos>" (special), 5 0xC3, 6 0xA9 (é split in two)
        return "{\"tokens_b64\": [\"" + b64("He") + "\", \"" + b64("llo") + "\", \"" + b64("\n") + "\", \"" + b64("\n")
                + "\", \"" + b64("<eos>") + "\", \"ww==\", \"qQ==\"], \"special\": [4]}";
    }

    @Test
    void aStopAcrossTokensAndTheFlushOnLength() throws IOException {
        List<JsonNode> a = run(
                "{\"id\": 1, \"vocabulary\": " + inline() + ", \"tokens\": [0, 1, 2, 3, 0], \"stop\": [\"\\n\\n\"]}",
                "{\"id\": 2, \"vocabulary\": " + inline() + ", \"tokens\": [0, 2, 5], \"stop\": [\"\\n\\n\"]}",
                "{\"id\": 3, \"vocabulary\": " + inline() + ", \"tokens\": [0, 4, 5, 6], \"skip_special_tokens\": false}",
                "{\"id\": 4, \"vocabulary\": " + inline() + ", \"tokens\": [0, 1, 2, 3], \"stop\": [\"lo\\n\"],"
                        + " \"include_stop_str_in_output\": true}");
        assertEquals("[\"He\",\"llo\",\"\",\"\"]", a.get(0).get("deltas").toString());
        assertEquals("Hello", a.get(0).get("text").asText());
        assertEquals("stop", a.get(0).get("finish").asText());
        assertEquals("\n\n", a.get(0).get("stop").asText());
        assertEquals(4, a.get(0).get("tokens_consumed").asInt());

        assertEquals("[\"He\",\"\",\"\\n\uFFFD\"]", a.get(1).get("deltas").toString(),
                "the held-back \\n and the incomplete byte come out in the last delta");
        assertEquals("length", a.get(1).get("finish").asText());
        assertEquals(3, a.get(1).get("tokens_consumed").asInt());

        assertEquals("He<eos>\u00e9", a.get(2).get("text").asText());
        assertEquals("Hello\n", a.get(3).get("text").asText());
        assertEquals(3, a.get(3).get("tokens_consumed").asInt());
    }

    @Test
    void badRecordsGetAnErrorAndTheNextLineStillRuns() throws IOException {
        List<JsonNode> a = run(
                "{\"id\": \"a\", \"vocabulary\": " + inline() + ", \"tokens\": [0, 7]}",
                "{\"id\": \"b\", \"vocabulary\": " + inline() + ", \"tokens\": [0], \"stop\": [\"\"]}",
                "not json",
                "{\"id\": \"c\", \"vocabulary\": \"gpt-9\", \"tokens\": []}",
                "{\"id\": \"d\", \"vocabulary\": \"cl100k_base\", \"tokens\": [100256]}",
                "{\"id\": \"e\", \"vocabulary\": " + inline() + ", \"tokens\": [1]}");
        assertTrue(a.get(0).get("error").asText().contains("tokens[1] = 7"), a.get(0).toString());
        assertTrue(a.get(1).get("error").asText().contains("stop[0] is empty"), a.get(1).toString());
        assertTrue(a.get(2).get("error").asText().startsWith("not a JSON object"), a.get(2).toString());
        assertTrue(a.get(3).get("error").asText().contains("gpt-9"), a.get(3).toString());
        assertTrue(a.get(4).get("error").asText().contains("gap"), a.get(4).toString());
        assertEquals("llo", a.get(5).get("text").asText());
    }

    @Test
    void o200kStreamsEqualJTokkitsDecodingAndStopWhereTheTextDoes() throws IOException {
        Encoding enc = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        String text = "Streaming text: naïve café, 東京の天気は晴れです。\n\nUser: next question\n";
        int[] ids = enc.encodeOrdinary(text).toArray();
        StringBuilder tokens = new StringBuilder();
        for (int id : ids) {
            tokens.append(tokens.length() == 0 ? "" : ",").append(id);
        }
        List<JsonNode> a = run(
                "{\"id\": 1, \"vocabulary\": \"o200k_base\", \"tokens\": [" + tokens + "]}",
                "{\"id\": 2, \"vocabulary\": \"o200k_base\", \"tokens\": [" + tokens + "], \"stop\": [\"User:\", \"晴れ\"]}");
        assertEquals(enc.decode(new com.knuddels.jtokkit.api.IntArrayList() {{
            for (int id : ids) {
                add(id);
            }
        }}), a.get(0).get("text").asText());
        assertEquals(text.substring(0, text.indexOf("晴れ")), a.get(1).get("text").asText());
        assertEquals("晴れ", a.get(1).get("stop").asText());
    }
}
