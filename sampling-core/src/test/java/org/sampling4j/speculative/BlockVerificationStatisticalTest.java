package org.sampling4j.speculative;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Block verification keeps at least as many drafts as standard verification on average (Sun et
 * al. 2024, theorem 2). {@value #ROUNDS} rounds of K = 4 drafts from the same state per mode on
 * a Markov pair whose draft is a poor, flattened copy of the target (where blocks help); the
 * means must satisfy {@code block >= standard - 4 se} (se of the difference of the two means,
 * false alarm 3e-5 if they were equal) and, for this pair, block is strictly ahead by more than
 * 4 se, so the test fails if block verification degenerates to the standard rule.
 */
@Tag("statistical")
class BlockVerificationStatisticalTest {
    private static final long SEED = 0x5A4D_1503L;
    private static final int V = 6;
    private static final int K = 4;
    private static final int ROUNDS = 40_000;
    private static final int[] PROMPT = {0};

    @Test
    void blockVerificationKeepsMoreDraftsOnAverage() {
        MarkovPair pair = new MarkovPair(SEED, V, 2.0, 0.6, 1.0);
        Sampler sampler = Sampler.of(SamplingParams.builder().temperature(1.0).build(), V);
        double[] standard = meanAndVariance(pair, sampler, SpeculativeVerifier.standard());
        double[] block = meanAndVariance(pair, sampler, SpeculativeVerifier.block());
        double se = Math.sqrt(standard[1] / ROUNDS + block[1] / ROUNDS);
        String report = "standard " + standard[0] + ", block " + block[0] + ", se " + se;
        assertTrue(block[0] >= standard[0] - 4 * se, report);
        assertTrue(block[0] > standard[0] + 4 * se, "block should be clearly ahead here: " + report);
    }

    private static double[] meanAndVariance(MarkovPair pair, Sampler sampler, SpeculativeVerifier verifier) {
        SplittableRandom r = new SplittableRandom(SEED);
        Workspace ws = sampler.newWorkspace();
        Verification out = new Verification(K);
        double sum = 0;
        double squares = 0;
        for (int round = 0; round < ROUNDS; round++) {
            SequenceState state = SequenceState.create(SEED + round, PROMPT);
            int[] x = pair.drawDrafts(r, PROMPT[0], K);
            verifier.verify(sampler, state, ws, x, pair.targetRows(PROMPT[0], x), pair.draftRows(PROMPT[0], x), out);
            sum += out.acceptedDrafts();
            squares += (double) out.acceptedDrafts() * out.acceptedDrafts();
        }
        double mean = sum / ROUNDS;
        return new double[] {mean, squares / ROUNDS - mean * mean};
    }
}
