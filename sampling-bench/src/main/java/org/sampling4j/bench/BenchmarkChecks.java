package org.sampling4j.bench;

import org.sampling4j.Sampler;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;

/** Setup-time checks: a benchmark whose sampler picks wrong tokens must not report a time. */
final class BenchmarkChecks {
    private static final int DRAWS = 200;

    private BenchmarkChecks() {
    }

    /**
     * Sampling4J and the naive baseline share the uniform at (seed, step). They walk their
     * candidates in different orders, so only greedy must agree token for token; for every other
     * configuration the token must have non-zero probability under the processed distribution.
     */
    static void checkAgainstNaive(Sampler sampler, NaiveSampler naive, float[] logits, int[] history, long seed) {
        int v = logits.length;
        Workspace ws = new Workspace(v);
        float[] processed = new float[v];
        sampler.process(logits, SequenceState.resume(seed, new int[0], history), ws, processed);
        boolean greedy = sampler.toString().endsWith("pick(greedy)");
        for (int i = 0; i < DRAWS; i++) {
            SequenceState state = SequenceState.resume(seed + i, new int[0], history);
            int token = sampler.sample(logits, state, ws);
            int expected = naive.sample(logits, history, seed + i, history.length);
            if (processed[token] == Float.NEGATIVE_INFINITY || processed[expected] == Float.NEGATIVE_INFINITY
                    || greedy && token != expected) {
                throw new IllegalStateException("wrong token: " + sampler + " drew " + token + ", naive " + expected);
            }
        }
    }
}
