package org.sampling4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.speculative.SpeculativeVerifier;
import org.sampling4j.speculative.Verification;

class SpeculativeCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final float[] ROW0 = {1f, 2f, 3f, 0.5f};
    private static final float[] ROW1 = {0f, 3f, 1f, 1f};
    private static final float[] ROW2 = {2f, 2f, 0f, 1f};
    private static final float[] DRAFT0 = {0f, 1f, 3f, 0f};
    private static final float[] DRAFT1 = {0f, 2f, 0f, 2f};

    private static String record(String id, String params, String draftLogits, String seeds) {
        return "{\"id\": \"" + id + "\", \"vocab\": 4, \"params\": " + params + ", \"history\": [1, 2],"
                + " \"target_logits_b64\": [\"" + ConformanceCli.encode(ROW0) + "\", \"" + ConformanceCli.encode(ROW1)
                + "\", \"" + ConformanceCli.encode(ROW2) + "\"], \"draft_tokens\": [2, 3], \"draft_logits_b64\": "
                + draftLogits + ", \"seeds\": " + seeds + "}";
    }

    private static final String DRAFTS = "[\"" + ConformanceCli.encode(DRAFT0) + "\", \"" + ConformanceCli.encode(DRAFT1) + "\"]";

    @Test
    void runsAreTheLibrarysVerificationPerSeedAndIgnoreParamsSeed() throws IOException {
        String params = "{\"temperature\": 0.9, \"top_k\": 3, \"presence_penalty\": 0.5, \"seed\": 99}";
        JsonNode out = run(record("a", params, DRAFTS, "[5, 6, 7, 8, 9, 10, 11, 12]")).get(0);
        assertEquals("a", out.get("id").asText());
        assertEquals(2, out.size(), "exactly id and runs");
        Sampler sampler = Sampler.of(SamplingParams.builder().temperature(0.9).topK(3).presencePenalty(0.5).build(), 4);
        float[] target = concat(ROW0, ROW1, ROW2);
        float[] draft = concat(DRAFT0, DRAFT1);
        for (int i = 0; i < 8; i++) {
            Verification v = new Verification(2);
            SpeculativeVerifier.standard().verify(sampler, SequenceState.resume(5 + i, new int[0], new int[] {1, 2}),
                    sampler.newWorkspace(), new int[] {2, 3}, target, draft, v);
            assertArrayEquals(v.tokens(), ints(out.get("runs").get(i)), "seed " + (5 + i));
        }
        JsonNode reversed = run(record("b", params, DRAFTS, "[12, 11, 10, 9, 8, 7, 6, 5]")).get(0);
        for (int i = 0; i < 8; i++) {
            assertEquals(out.get("runs").get(i), reversed.get("runs").get(7 - i), "reversing seeds reverses runs");
        }
    }

    @Test
    void nullDraftLogitsMeanOneHotDraftsAndGreedyKeepsTheArgmaxPrefix() throws IOException {
        JsonNode out = run(record("g", "{\"temperature\": 0}", "null", "[1, 2]")).get(0);
        // Row 0's argmax is 2 (the draft: kept), row 1's is 1, not the draft 3: emit 1.
        assertArrayEquals(new int[] {2, 1}, ints(out.get("runs").get(0)));
        assertArrayEquals(new int[] {2, 1}, ints(out.get("runs").get(1)));
    }

    @Test
    void badInputGetsAnErrorNamingTheFieldAndTheNextLineStillRuns() throws IOException {
        List<JsonNode> out = run(record("x", "{}", "[\"" + ConformanceCli.encode(DRAFT0) + "\"]", "[1]") + "\n"
                + record("y", "{}", DRAFTS, "[\"a\"]") + "\nnot json\n" + record("z", "{}", DRAFTS, "[1]"));
        assertEquals("x", out.get(0).get("id").asText());
        assertTrue(out.get(0).get("error").asText().contains("draft_logits_b64 has 1 rows but 2"), out.get(0).toString());
        assertTrue(out.get(1).get("error").asText().contains("seeds[0]"), out.get(1).toString());
        assertTrue(out.get(2).has("error"));
        assertEquals(1, out.get(3).get("runs").size());
    }

    private static float[] concat(float[]... rows) {
        float[] out = new float[rows.length * 4];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, 4 * i, 4);
        }
        return out;
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static List<JsonNode> run(String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpeculativeCli.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
