package org.sampling4j.picker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.sampling4j.ChainOrder;
import org.sampling4j.SampleResult;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.sampling4j.processor.TemperatureProcessor;
import org.sampling4j.processor.TopKProcessor;

/**
 * Adaptive-p against values computed by hand from llama.cpp's formula: {@code a = clamp(2 target -
 * S (1 - decay), 0, 1)}, {@code l = 5 - 10 d^2 / (1 + d)}, {@code d = |p - a| / 0.3}, draw from
 * softmax(l), {@code S' = p_chosen + decay S}, {@code S_0 = target / (1 - decay)}.
 */
class AdaptivePPickerTest {
    /** float ops in the transform against exact arithmetic: d carries a few float ulps. */
    private static final double TRANSFORM_TOLERANCE = 1e-5;
    private static final long SEED = 0xADA9_0001L;
    /** Probabilities 0.5, 0.3, 0.15, 0.05 as logits. */
    private static final float[] LOGITS = {(float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.15),
        (float) Math.log(0.05)};

    /** The new logit by the formula, in double. */
    private static double newLogit(double p, double a) {
        double d = Math.abs(p - a) / 0.3;
        return 5 - 10 * d * d / (1 + d);
    }

    /** softmax(newLogit(p_i, a)) computed from the probabilities, independently of the picker. */
    private static double[] transformed(double[] p, double a) {
        double[] l = new double[p.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.length; i++) {
            l[i] = newLogit(p[i], a);
            max = Math.max(max, l[i]);
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            l[i] = Math.exp(l[i] - max);
            sum += l[i];
        }
        for (int i = 0; i < p.length; i++) {
            l[i] /= sum;
        }
        return l;
    }

    private static double[] originalProbabilities() {
        double[] p = new double[LOGITS.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(LOGITS[i]);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    @Test
    void transformPeaksAtTheAdaptedTargetAndFallsQuadraticThenLinear() {
        assertEquals(5.0, AdaptivePPicker.transform(0.5f, 0.5f), TRANSFORM_TOLERANCE);
        assertEquals(5 - 10 * 1.0 / 2, AdaptivePPicker.transform(0.2f, 0.5f), TRANSFORM_TOLERANCE, "d = 1");
        assertEquals(5 - 10 * 2.25 / 2.5, AdaptivePPicker.transform(0.05f, 0.5f), TRANSFORM_TOLERANCE, "d = 1.5");
        assertEquals(5 - 10 * (1 / 0.09) / (1 + 1 / 0.3), AdaptivePPicker.transform(1f, 0f), 1e-4, "d = 1 / 0.3");
    }

    @Test
    void adaptedTargetIsTwiceTheTargetMinusTheAverageClamped() {
        double s0 = 0.5 / (1 - 0.9);
        assertEquals(0.5f, AdaptivePPicker.adaptedTarget(0.5, s0, 0.9), 1e-7, "the start value averages to the target");
        double s1 = 0.9 + 0.9 * s0; // a token of probability 0.9 picked: average 0.54
        assertEquals(1 - 0.54, AdaptivePPicker.adaptedTarget(0.5, s1, 0.9), 1e-7);
        assertEquals(0f, AdaptivePPicker.adaptedTarget(0.1, 10 * 0.9, 0.9), "clamped at 0");
        assertEquals(1f, AdaptivePPicker.adaptedTarget(0.9, 0, 0.9), "clamped at 1");
    }

    @Test
    void firstStepDrawsFromTheTransformedDistributionAndReportsItsLogprob() {
        double[] expected = transformed(originalProbabilities(), 0.5);
        Sampler sampler = Sampler.builder(4).picker(new AdaptivePPicker(0.5, 0.9)).build();
        int draws = 40_000;
        long[] counts = new long[4];
        SampleResult r = new SampleResult();
        Workspace w = new Workspace(4);
        for (int i = 0; i < draws; i++) {
            int token = sampler.sample(LOGITS, SequenceState.create(SEED + i), w, r);
            counts[token]++;
            assertEquals(Math.log(expected[token]), r.logprob(), 1e-5, "the processed logprob is the transformed one");
        }
        double[] expectedCounts = new double[4];
        for (int i = 0; i < 4; i++) {
            expectedCounts[i] = expected[i] * draws;
        }
        // One chi-square test on fixed seeds: deterministic; alpha 0.001 keeps the chance that this
        // fixed seed set is unlucky at 0.1%.
        assertTrue(new ChiSquareTest().chiSquareTest(expectedCounts, counts) > 0.001,
                () -> java.util.Arrays.toString(counts) + " vs " + java.util.Arrays.toString(expectedCounts));
        assertTrue(expected[0] > expected[3], "0.5 is at the target");
    }

    @Test
    void stateAdvancesByTheOriginalProbabilityOfThePickedToken() {
        double[] p = originalProbabilities();
        Sampler sampler = Sampler.builder(4).picker(new AdaptivePPicker(0.5, 0.9)).build();
        SequenceState state = SequenceState.create(SEED);
        Workspace w = new Workspace(4);
        double s = 0.5 / (1 - 0.9);
        for (int step = 0; step < 6; step++) {
            int token = sampler.sample(LOGITS, state, w);
            s = p[token] + 0.9 * s;
            assertEquals(s, state.pickerState(), 1e-6, "step " + step);
        }
    }

    @Test
    void laterStepsUseTheAdaptedTarget() {
        // Force S by replaying: after picking token 0 (p = 0.5) the average stays 0.5; compute step 2's
        // distribution from the state the picker left and compare the reported logprob.
        Sampler sampler = Sampler.builder(4).picker(new AdaptivePPicker(0.3, 0.5)).build();
        SequenceState state = SequenceState.create(SEED + 7);
        Workspace w = new Workspace(4);
        SampleResult r = new SampleResult();
        sampler.sample(LOGITS, state, w, r);
        double s = state.pickerState();
        double a = Math.max(0, Math.min(1, 2 * 0.3 - s * (1 - 0.5)));
        int token = sampler.sample(LOGITS, state, w, r);
        assertEquals(Math.log(transformed(originalProbabilities(), a)[token]), r.logprob(), 1e-5);
    }

    @Test
    void rollbackRestoresTheAverageSoReplayedStepsRepeat() {
        Sampler sampler = Sampler.builder(4).picker(new AdaptivePPicker(0.4, 0.8)).build();
        SequenceState state = SequenceState.create(SEED + 3);
        Workspace w = new Workspace(4);
        int[] first = new int[8];
        double[] states = new double[8];
        for (int i = 0; i < 8; i++) {
            first[i] = sampler.sample(LOGITS, state, w);
            states[i] = state.pickerState();
        }
        state.rollback(5);
        assertEquals(states[2], state.pickerState());
        for (int i = 3; i < 8; i++) {
            assertEquals(first[i], sampler.sample(LOGITS, state, w), "step " + i);
            assertEquals(states[i], state.pickerState(), "step " + i);
        }
    }

    @Test
    void removedTokensStayRemoved() {
        // The transform would give a p = 0 token logit 5 - 10 d^2 / (1 + d) > -Inf; it must not revive it.
        Sampler sampler = Sampler.builder(3).add(TopKProcessorHolder.TOP_2).picker(new AdaptivePPicker(0.0, 0.9)).build();
        float[] logits = {0f, Float.NEGATIVE_INFINITY, -1f};
        Workspace w = new Workspace(3);
        for (int i = 0; i < 2000; i++) {
            assertTrue(sampler.sample(logits, SequenceState.create(SEED + i), w) != 1);
        }
        Sampler dense = Sampler.builder(3).picker(new AdaptivePPicker(0.0, 0.9)).build();
        for (int i = 0; i < 2000; i++) {
            assertTrue(dense.sample(logits, SequenceState.create(SEED + i), w) != 1, "dense row");
        }
    }

    /** A top-k so the picker also runs on a sparse set. */
    private static final class TopKProcessorHolder {
        static final TopKProcessor TOP_2 = new TopKProcessor(2);
    }

    @Test
    void readsProbabilitiesAtThePendingTemperature() {
        float[] doubled = new float[4];
        for (int i = 0; i < 4; i++) {
            doubled[i] = 2 * LOGITS[i];
        }
        Sampler sampler = Sampler.builder(4).add(new TemperatureProcessor(2)).picker(new AdaptivePPicker(0.5, 0.9)).build();
        SampleResult r = new SampleResult();
        int token = sampler.sample(doubled, SequenceState.create(SEED), new Workspace(4), r);
        assertEquals(Math.log(transformed(originalProbabilities(), 0.5)[token]), r.logprob(), 1e-5);
    }

    @Test
    void planIsGreedyThenMirostatThenAdaptivePThenThePlainDraw() {
        SamplingParams adaptive = SamplingParams.builder().adaptiveP(0.5, 0.9).chainOrder(ChainOrder.LLAMA_CPP).build();
        String name = new AdaptivePPicker(0.5, 0.9).name();
        assertTrue(name.startsWith("adaptive-p("), name);
        assertEquals("pick(" + name + ")", Sampler.of(adaptive, 8).toString());
        assertTrue(Sampler.of(adaptive.toBuilder().temperature(0).build(), 8).toString().endsWith("pick(greedy)"));
        assertTrue(Sampler.of(adaptive.toBuilder().mirostat(2, 5, 0.1).build(), 8).toString().contains("mirostat-v2"));
        assertEquals("pick(inverse-cdf)", Sampler.of(adaptive.toBuilder().adaptiveP(-1, 0.9).build(), 8).toString());
        assertEquals("top-k > top-p > min-p > temperature > pick(" + name + ")", Sampler.of(adaptive.toBuilder()
                .temperature(0.8).topK(40).topP(0.95).minP(0.05).build(), 1000).toString(), "last, after every filter");
    }

    @Test
    void rejectsSettingsOutsideTheirRangesNamingFieldValueAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AdaptivePPicker(0.5, 1.0));
        assertEquals("adaptiveDecay = 1 is outside [0, 0.99]; the weight of the past in the average", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SamplingParams.builder().adaptiveP(1.5, 0.9).build());
        assertEquals("adaptiveTarget = 1.5 is outside [-1, 1]; negative disables adaptive-p", e.getMessage());
        Sampler noOp = Sampler.builder(4).picker(new AdaptivePPicker(-0.5, 0.9)).build();
        Sampler plain = Sampler.builder(4).build();
        SequenceState a = SequenceState.create(SEED);
        SequenceState b = SequenceState.create(SEED);
        for (int i = 0; i < 20; i++) {
            assertEquals(plain.sample(LOGITS, b, new Workspace(4)), noOp.sample(LOGITS, a, new Workspace(4)), "a negative target is the plain draw");
        }
        assertTrue(Double.isNaN(a.pickerState()), "and keeps no state");
        assertArrayEquals(new double[] {-1, 0.9}, new double[] {SamplingParams.defaults().adaptiveTarget(),
            SamplingParams.defaults().adaptiveDecay()}, "llama.cpp's defaults: off");
    }
}
