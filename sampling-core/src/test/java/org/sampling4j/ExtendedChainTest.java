package org.sampling4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sampling4j.kernel.Kernels;
import org.sampling4j.kernel.KernelsProvider;

/**
 * The extended knobs in random combinations and all three chain orders: the token is always one
 * the processed distribution keeps, both kernels twins agree to the bit (when the Panama twin is
 * present), and bad input is only ever an IllegalArgumentException.
 */
class ExtendedChainTest {
    private static final long SEED = 0x5A4D_1101L;

    @Test
    void randomExtendedChainsDrawKeptTokensIdenticallyOnBothTwins() {
        Kernels scalar = KernelsProvider.scalar();
        Kernels other = KernelsProvider.get();
        SplittableRandom r = new SplittableRandom(SEED);
        SampleResult a = new SampleResult();
        SampleResult b = new SampleResult();
        int sampled = 0;
        for (int config = 0; config < 400; config++) {
            int v = 1 + r.nextInt(r.nextInt(5) == 0 ? 5000 : 300);
            SamplingParams p = LogitsFixtures.extendedParams(r, v).toBuilder().topLogprobs(r.nextInt(4)).build();
            Sampler sampler = Sampler.of(p, v);
            Workspace ws1 = new Workspace(v, scalar.name());
            Workspace ws2 = new Workspace(v, other.name());
            int[] prompt = LogitsFixtures.tokens(r, v, 10);
            SequenceState s1 = sampler.newSequence(prompt);
            SequenceState s2 = sampler.newSequence(prompt);
            float[] processed = new float[v];
            for (int step = 0; step < 8; step++) {
                float[] logits = LogitsFixtures.varied(r, v);
                String where = "config " + config + " step " + step + " V " + v + " " + sampler;
                int t1;
                try {
                    sampler.process(logits, s1, ws1, processed);
                    t1 = sampler.sample(logits, s1, ws1, a);
                } catch (IllegalArgumentException everythingRemoved) {
                    assertTrue(everythingRemoved.getMessage().startsWith("no token left"), where + ": "
                            + everythingRemoved.getMessage());
                    break;
                }
                sampled++;
                int t2 = sampler.sample(logits, s2, ws2, b);
                assertEquals(t1, t2, where);
                assertEquals(Double.doubleToRawLongBits(a.logprob()), Double.doubleToRawLongBits(b.logprob()), where);
                assertEquals(a.keptCount(), b.keptCount(), where);
                assertEquals(Double.doubleToRawLongBits(s1.pickerState()), Double.doubleToRawLongBits(s2.pickerState()),
                        where);
                if (p.mirostat() == 0 && p.xtcProbability() == 0) {
                    // process() runs the same chain; pickers that truncate or coins aside, the
                    // token must be one it keeps.
                    assertNotEquals(Float.NEGATIVE_INFINITY, processed[t1], where + " token " + t1);
                }
            }
        }
        assertTrue(sampled > 2000, "sampled " + sampled);
    }

    /**
     * The extended processors allocate nothing per step once the JIT has settled (vectors boxed by
     * a kernel that C2 failed to inline would show here as kilobytes per step).
     */
    @Test
    void extendedStepsAllocateNothingInSteadyState() {
        int v = 4096;
        float[] logits = LogitsFixtures.normal(new SplittableRandom(SEED + 7), v, 2);
        float[] unconditional = LogitsFixtures.normal(new SplittableRandom(SEED + 8), v, 2);
        SamplingParams[] configs = {
            SamplingParams.builder().topNSigma(1.5).seed(1).build(),
            SamplingParams.builder().dynamicTemperature(0.5, 1).seed(1).build(),
            SamplingParams.builder().typicalP(0.9).etaCutoff(1e-3).seed(1).build(),
            SamplingParams.builder().xtc(1, 0.01).topLogprobs(5).seed(1).build(),
            SamplingParams.builder().dry(0.8, 1.75, 2, 0).mirostat(2, 5, 0.1).seed(1).build(),
            SamplingParams.builder().guidanceScale(1.5).badWords(new int[] {1, 2}).noRepeatNgramSize(2).seed(1).build(),
        };
        for (SamplingParams params : configs) {
            Sampler sampler = Sampler.of(params, v);
            Workspace ws = sampler.newWorkspace();
            SequenceState state = sampler.newSequence(1, 2, 3, 1, 2);
            SampleResult result = new SampleResult();
            boolean guided = params.guidanceScale() != 1.0;
            long fewest = SteadyState.fewestBytes(() -> {
                for (int i = 0; i < 200; i++) {
                    if (guided) {
                        sampler.sample(logits, unconditional, state, ws, result);
                    } else {
                        sampler.sample(logits, state, ws, result);
                    }
                    state.rollback(1);
                }
            });
            assertEquals(0, fewest, "bytes allocated by the best round of 200 steps of " + sampler);
        }
    }
}
