package org.sampling4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sampling4j.SampleResult;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;

class ConformanceCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final float[] LOGITS = {1f, 2f, 3f, 4f, -1f};
    private static final String B64 = ConformanceCli.encode(LOGITS);

    @Test
    void stepsRecordsGetProcessedLogitsWithRemovedTokensMinusInfinity() throws IOException {
        List<JsonNode> out = run("{\"id\": \"a\", \"steps\": [{\"name\": \"temperature\", \"params\": {\"temperature\": 0.5}},"
                + " {\"name\": \"top_k\", \"params\": {\"top_k\": 2}}], \"logits_b64\": \"" + B64 + "\", \"history\": [1]}");
        assertEquals("a", out.get(0).get("id").asText());
        float[] processed = decode(out.get(0).get("logits_b64").asText());
        float ninf = Float.NEGATIVE_INFINITY;
        assertArrayEquals(new float[] {ninf, ninf, 3f / 0.5f, 4f / 0.5f, ninf}, processed);
        assertEquals(2, out.get(0).size(), "exactly id and logits_b64");
    }

    @Test
    void historyFeedsThePenalties() throws IOException {
        List<JsonNode> out = run("{\"id\": 1, \"steps\": [{\"name\": \"openai_penalties\", \"params\": "
                + "{\"frequency_penalty\": 0.5, \"presence_penalty\": 0.25}}], \"logits_b64\": \"" + B64 + "\", \"history\": [3, 3]}");
        assertEquals(4f - 2 * 0.5f - 0.25f, decode(out.get(0).get("logits_b64").asText())[3]);
    }

    @Test
    void paramsRecordsDrawConsecutiveStepsLikeTheLibrary() throws IOException {
        List<JsonNode> out = run("{\"id\": \"d\", \"params\": {\"temperature\": 1.3, \"top_p\": 0.95, \"seed\": 42, "
                + "\"frequency_penalty\": 0.4}, \"history\": [2], \"logits_b64\": \"" + B64 + "\", \"draws\": 6}");
        JsonNode d = out.get(0);
        Sampler sampler = Sampler.of(SamplingParams.builder().temperature(1.3).topP(0.95).seed(42).frequencyPenalty(0.4).build(), 5);
        SequenceState state = SequenceState.resume(42, new int[0], new int[] {2});
        SampleResult result = new SampleResult();
        for (int i = 0; i < 6; i++) {
            int token = sampler.sample(LOGITS, state, new Workspace(5), result);
            assertEquals(token, d.get("tokens").get(i).asInt(), "draw " + i);
            assertEquals(result.logprob(), d.get("logprobs").get(i).asDouble(), "draw " + i);
        }
        assertEquals(3, d.size(), "exactly id, tokens and logprobs");
    }

    @Test
    void stepsTopKZeroDisablesTopKAndTopPZeroKeepsMinKeep() throws IOException {
        List<JsonNode> out = run(
                "{\"id\": 1, \"steps\": [{\"name\": \"top_k\", \"params\": {\"top_k\": 0}}], \"logits_b64\": \"" + B64 + "\"}",
                "{\"id\": 2, \"steps\": [{\"name\": \"top_p\", \"params\": {\"top_p\": 0, \"min_keep\": 2}}], \"logits_b64\": \""
                        + B64 + "\"}");
        assertArrayEquals(LOGITS, decode(out.get(0).get("logits_b64").asText()), "top_k 0: no step");
        float ninf = Float.NEGATIVE_INFINITY;
        assertArrayEquals(new float[] {ninf, ninf, 3f, 4f, ninf}, decode(out.get(1).get("logits_b64").asText()),
                "top_p 0 keeps min_keep tokens, as llama.cpp");
    }

    @Test
    void stepsAcceptTopH() throws IOException {
        // LOGITS {1, 2, 3, 4, -1}: p ~ e^x; top_h 1 keeps every token (all five are in the best 100).
        List<JsonNode> out = run(
                "{\"id\": \"h\", \"steps\": [{\"name\": \"top_h\", \"params\": {\"top_h\": 1}}], \"logits_b64\": \"" + B64 + "\"}",
                "{\"id\": \"h0\", \"steps\": [{\"name\": \"top_h\", \"params\": {\"top_h\": 0}}], \"logits_b64\": \"" + B64 + "\"}");
        assertArrayEquals(LOGITS, decode(out.get(0).get("logits_b64").asText()));
        assertEquals("top_h = 0.0 is outside (0, 1] (HF TopHLogitsWarper's range)", out.get(1).get("error").asText());
    }

    @Test
    void greedyParamsPickTheArgmaxWithLogprobZero() throws IOException {
        JsonNode d = run("{\"id\": 0, \"params\": {\"temperature\": 0}, \"logits_b64\": \"" + B64 + "\", \"draws\": 3}").get(0);
        assertEquals("[3,3,3]", d.get("tokens").toString());
        assertEquals("[0.0,0.0,0.0]", d.get("logprobs").toString());
    }

    @Test
    void reportsUnsupportedAndBadInputAndKeepsGoingInOrder() throws IOException {
        List<JsonNode> out = run(
                "{\"id\": 1, \"steps\": [{\"name\": \"mirostat\", \"params\": {\"mirostat_tau\": 5}}], \"logits_b64\": \"" + B64 + "\"}",
                "{\"id\": 2, \"params\": {\"guidance_scale\": 2}, \"logits_b64\": \"" + B64 + "\"}",
                "{\"id\": 3, \"params\": {\"top_p\": 1.5}, \"logits_b64\": \"" + B64 + "\"}",
                "{broken",
                "{\"id\": 5, \"params\": {}, \"logits_b64\": \"AAA\"}",
                "{\"id\": 6, \"params\": {}, \"logits_b64\": \"" + B64 + "\", \"history\": [5]}",
                "{\"id\": 7, \"steps\": [{\"name\": \"top_k\", \"params\": {\"top_k\": 1}}], \"logits_b64\": \"" + B64 + "\"}");
        assertEquals(7, out.size());
        assertEquals("mirostat", out.get(0).get("unsupported").asText(), "mirostat is a picker, not a logits step");
        assertEquals("guidance_scale", out.get(1).get("unsupported").asText(), "a record has no unconditional row");
        assertEquals("top_p = 1.5 is outside [0, 1]; 1 disables top_p, 0 keeps min_keep tokens", out.get(2).get("error").asText());
        assertTrue(out.get(3).get("id").isNull() && out.get(3).has("error"));
        assertTrue(out.get(4).get("error").asText().contains("logits_b64"), out.get(4).toString());
        assertEquals("history token id 5 is outside [0, 5)", out.get(5).get("error").asText());
        assertEquals(7, out.get(6).get("id").asInt());
        assertTrue(out.get(6).has("logits_b64"));
    }

    private static List<JsonNode> run(String... lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConformanceCli.run(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)), bytes);
        List<JsonNode> out = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static float[] decode(String b64) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(b64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] f = new float[b.remaining() / 4];
        b.asFloatBuffer().get(f);
        return f;
    }

    @Test
    void extendedStepsMatchTheirProcessors() throws IOException {
        float[] x = {0.5f, 2f, 3f, 4f, -1f, 1f, 2.5f, 0f};
        String b64 = ConformanceCli.encode(x);
        String[] steps = {
            "{\"name\": \"top_n_sigma\", \"params\": {\"top_n_sigma\": 1.0}}",
            "{\"name\": \"xtc\", \"params\": {\"xtc_probability\": 1.0, \"xtc_threshold\": 0.1}}",
            "{\"name\": \"dynatemp\", \"params\": {\"temperature\": 0.8, \"dynatemp_range\": 0.5, \"dynatemp_exponent\": 1.5}}",
            "{\"name\": \"dry\", \"params\": {\"dry_multiplier\": 0.8, \"dry_allowed_length\": 1, \"dry_sequence_breakers\": [[7]]}}",
            "{\"name\": \"bad_words\", \"params\": {\"bad_words\": [[3], [1, 2]]}}",
        };
        org.sampling4j.chain.LogitsProcessor[] processors = {
            new org.sampling4j.processor.TopNSigmaProcessor(1.0),
            new org.sampling4j.processor.XtcProcessor(1.0, 0.1, 1),
            new org.sampling4j.processor.DynamicTemperatureProcessor(0.8, 0.5, 1.5),
            new org.sampling4j.processor.DryProcessor(0.8, 1.75, 1, 0, new int[][] {{7}}),
            new org.sampling4j.processor.BadWordsProcessor(new int[][] {{3}, {1, 2}}),
        };
        int[] history = {1, 2, 6, 5, 1, 2};
        for (int i = 0; i < steps.length; i++) {
            List<JsonNode> out = run("{\"id\": " + i + ", \"steps\": [" + steps[i] + "], \"logits_b64\": \"" + b64
                    + "\", \"history\": [1, 2, 6, 5, 1, 2]}");
            assertTrue(out.get(0).has("logits_b64"), steps[i] + " -> " + out.get(0));
            float[] expected = new float[x.length];
            Sampler.builder(x.length).add(processors[i]).build()
                    .process(x, SequenceState.resume(0, new int[0], history), new Workspace(x.length), expected);
            assertArrayEquals(expected, decode(out.get(0).get("logits_b64").asText()), steps[i]);
        }
        List<JsonNode> off = run("{\"id\": \"off\", \"steps\": [{\"name\": \"top_n_sigma\", \"params\": {\"top_n_sigma\": -1}}],"
                + " \"logits_b64\": \"" + b64 + "\", \"history\": []}");
        assertArrayEquals(x, decode(off.get(0).get("logits_b64").asText()), "top_n_sigma -1 disables the step, as llama.cpp");
    }

    @Test
    void nRunsSequencesSeededSeedPlusI() throws IOException {
        List<JsonNode> out = run("{\"id\": \"n\", \"params\": {\"temperature\": 1.5, \"seed\": 100, \"n\": 3,"
                + " \"bad_words\": [[4]], \"mirostat\": 2, \"mirostat_tau\": 3}, \"history\": [], \"logits_b64\": \"" + B64
                + "\", \"draws\": 5}");
        JsonNode tokens = out.get(0).get("tokens");
        assertEquals(3, tokens.size(), out.get(0).toString());
        Sampler sampler = Sampler.of(SamplingParams.builder().temperature(1.5).seed(100).badWords(new int[] {4})
                .mirostat(2, 3, 0.1).build(), 5);
        SequenceState[] states = sampler.newSequences(3);
        for (int i = 0; i < 3; i++) {
            for (int d = 0; d < 5; d++) {
                int token = sampler.sample(LOGITS, states[i], new Workspace(5));
                assertEquals(token, tokens.get(i).get(d).asInt(), "sequence " + i + " draw " + d);
                assertTrue(token != 4, "bad word banned");
            }
        }
        assertEquals(5, out.get(0).get("logprobs").get(2).size());
    }
}
