package org.sampling4j.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sampling4j.interop.StopStringsMappingTest.map;

import org.junit.jupiter.api.Test;
import org.sampling4j.Sampler;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.processor.TopHProcessor;

/** top_h through the HF generate mapping, the conformance steps and the CLI's flat params. */
class TopHMappingTest {
    @Test
    void hfGenerateMapsTopHUnderSamplingWithHfsRangeAndWording() {
        assertEquals(0.4, ParamsMapping.fromHuggingFace(map("do_sample", true, "top_h", 0.4)).strict().topH());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParamsMapping.fromHuggingFace(map("do_sample", true, "top_h", 0)));
        assertEquals("`top_h` must be in the range (0, 1].", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParamsMapping.fromHuggingFace(map("do_sample", true, "top_h", 1.01)));
        ParamsMapping greedy = ParamsMapping.fromHuggingFace(map("top_h", 0.4));
        assertEquals(0.0, greedy.params().topH(), "a warper: ignored under greedy, as HF");
        assertTrue(greedy.ignored().containsKey("top_h"));
    }

    @Test
    void hfGenerateRunsTopHAfterTemperatureAndBeforeTopK() {
        Sampler s = Sampler.of(ParamsMapping.fromHuggingFace(map("do_sample", true, "temperature", 0.7, "top_h", 0.4)).strict(), 1000);
        assertEquals("temperature > top-h > top-k > pick(inverse-cdf)", s.toString(), "HF's default top_k 50 follows");
    }

    @Test
    void stepsModeAcceptsTopHInHfsRange() {
        LogitsProcessor p = HfSteps.create("top_h", map("top_h", 0.6));
        assertEquals("top-h", p.name());
        float[] logits = {(float) Math.log(0.5), (float) Math.log(0.25), (float) Math.log(0.125), (float) Math.log(0.125)};
        float[] out = new float[4];
        Sampler.builder(4).add(p).build().process(logits, SequenceState.create(1), new Workspace(4), out);
        float ninf = Float.NEGATIVE_INFINITY;
        assertArrayEquals(new float[] {logits[0], logits[1], ninf, ninf}, out, "0.6 >= 1 / 1.75 keeps two tokens");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HfSteps.create("top_h", map("top_h", 0)));
        assertEquals("top_h = 0.0 is outside (0, 1] (HF TopHLogitsWarper's range)", e.getMessage());
        assertThrows(UnsupportedSettingException.class, () -> HfSteps.create("top_h", map("top_h", 0.5, "min_keep", 2)));
    }

    @Test
    void cliParamsTakeTheCoreRange() {
        assertEquals(0.3, OpenAiParams.fromMap(map("top_h", 0.3)).topH());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpenAiParams.fromMap(map("top_h", 2)));
        assertEquals("top_h = 2 is outside [0, 1]; 0 disables top-h (HF: top_h unset)", e.getMessage());
        assertEquals(TopHProcessor.TOP_H.defaultValue(), OpenAiParams.fromMap(map()).topH());
    }
}
