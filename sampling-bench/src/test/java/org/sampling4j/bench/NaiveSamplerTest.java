package org.sampling4j.bench;

import org.sampling4j.random.PortableGaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sampling4j.Sampler;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;

class NaiveSamplerTest {
    private static final long SEED = 0x5A4D_0A01L;

    /** The baseline and the library keep the same candidates, so the benchmark check is meaningful. */
    @ParameterizedTest
    @EnumSource(CanonicalConfig.class)
    void baselineAndLibraryDrawOnlyKeptTokensAndAgreeOnGreedy(CanonicalConfig config) {
        SplittableRandom r = new SplittableRandom(SEED);
        int v = 5000;
        float[] logits = new float[v];
        for (int i = 0; i < v; i++) {
            logits[i] = (float) (PortableGaussian.next(r) * 3);
        }
        int[] history = new int[64];
        for (int i = 0; i < history.length; i++) {
            history[i] = r.nextInt(v);
        }
        Sampler sampler = Sampler.of(config.params(SEED), v);
        BenchmarkChecks.checkAgainstNaive(sampler, new NaiveSampler(config.params(SEED), v), logits, history, SEED);
        // With the same kept set and uniform, token frequencies agree; spot-check the mode.
        int[] mine = new int[v];
        int[] theirs = new int[v];
        NaiveSampler naive = new NaiveSampler(config.params(SEED), v);
        Workspace ws = new Workspace(v);
        for (int i = 0; i < 2000; i++) {
            mine[sampler.sample(logits, SequenceState.resume(i, new int[0], history), ws)]++;
            theirs[naive.sample(logits, history, i + 7_000_000L, 64)]++;
        }
        assertEquals(argmax(mine), argmax(theirs), "most frequent token");
    }

    private static int argmax(int[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best;
    }
}
