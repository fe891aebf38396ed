package org.sampling4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sampling4j.kernel.Kernels;
import org.sampling4j.kernel.KernelsProvider;

/**
 * Whole chains on both kernel twins: 10 000 seeded steps over random configurations, vocabularies
 * and histories must give the same tokens and bit-identical logprobs (processed, raw, top-N).
 * Skips on a JVM without jdk.incubator.vector; {@code .ci/run} also compares the determinism
 * fingerprints of whole runs across JDK 17, JDK 25 and the scalar-only JVM.
 */
class ChainDifferentialTest {
    private static final long SEED = 0x5A4D_0D01L;
    private static final int STEPS = 10_000;

    @Test
    void scalarAndPanamaSampleTheSameTokensAndLogprobBits() {
        Kernels panama = null;
        String whyNot = "";
        try {
            panama = KernelsProvider.panama();
        } catch (IllegalStateException e) {
            whyNot = e.getMessage();
        }
        assumeTrue(panama != null, "Panama kernels unavailable: " + whyNot);
        Kernels scalar = KernelsProvider.scalar();
        SplittableRandom r = new SplittableRandom(SEED);
        SampleResult a = new SampleResult();
        SampleResult b = new SampleResult();
        int steps = 0;
        while (steps < STEPS) {
            int v = 1 + r.nextInt(r.nextInt(5) == 0 ? 40_000 : 600);
            SamplingParams p = LogitsFixtures.params(r, v).toBuilder().topLogprobs(r.nextInt(6)).build();
            Sampler sampler = Sampler.of(p, v);
            Workspace ws1 = new Workspace(v, scalar.name());
            Workspace ws2 = new Workspace(v, panama.name());
            int[] prompt = LogitsFixtures.tokens(r, v, 10);
            SequenceState s1 = sampler.newSequence(prompt);
            SequenceState s2 = sampler.newSequence(prompt);
            for (int i = 0; i < 10; i++, steps++) {
                float[] logits = LogitsFixtures.varied(r, v);
                int t1;
                try {
                    t1 = sampler.sample(logits, s1, ws1, a);
                } catch (IllegalArgumentException masked) {
                    continue;
                }
                int t2 = sampler.sample(logits, s2, ws2, b);
                String where = "step " + steps + " V " + v + " " + p;
                assertEquals(t1, t2, where);
                assertEquals(Double.doubleToRawLongBits(a.logprob()), Double.doubleToRawLongBits(b.logprob()), where);
                assertEquals(Double.doubleToRawLongBits(a.rawLogprob()), Double.doubleToRawLongBits(b.rawLogprob()), where);
                assertEquals(a.keptCount(), b.keptCount(), where);
                assertEquals(a.topCount(), b.topCount(), where);
                for (int k = 0; k < a.topCount(); k++) {
                    assertEquals(a.topToken(k), b.topToken(k), where);
                    assertEquals(Double.doubleToRawLongBits(a.topValue(k)), Double.doubleToRawLongBits(b.topValue(k)), where);
                }
            }
        }
    }
}
