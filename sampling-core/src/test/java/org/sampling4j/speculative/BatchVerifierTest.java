package org.sampling4j.speculative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.sampling4j.LogitsFixtures;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.junit.jupiter.api.Test;

/** Batched verification gives each sequence exactly what verifying it alone gives, on any thread count. */
class BatchVerifierTest {
    private static final long SEED = 0x5A4D_1504L;
    private static final int V = 300;
    private static final int B = 9;

    @Test
    void sequencesAreBitIdenticalToSingleVerificationWhateverTheBatchAndThreads() {
        SplittableRandom r = new SplittableRandom(SEED);
        Sampler[] samplers = new Sampler[B];
        int[][] drafts = new int[B][];
        int[] targetRows = new int[B];
        int[] draftRows = new int[B];
        int rows = 0;
        int draftRowCount = 0;
        for (int b = 0; b < B; b++) {
            samplers[b] = Sampler.of(b % 3 == 0 ? SamplingParams.builder().temperature(0).build()
                    : LogitsFixtures.params(r, V), V);
            drafts[b] = new int[b % 5];
            for (int i = 0; i < drafts[b].length; i++) {
                drafts[b][i] = r.nextInt(V);
            }
            targetRows[b] = rows;
            rows += drafts[b].length + 1;
            boolean oneHot = b % 4 == 1 || b % 3 == 0;
            draftRows[b] = oneHot ? -1 : draftRowCount;
            draftRowCount += oneHot ? 0 : drafts[b].length;
        }
        float[] target = LogitsFixtures.normal(r, rows * V, 2.0);
        float[] draft = LogitsFixtures.normal(r, Math.max(1, draftRowCount) * V, 2.0);
        int[][] expected = new int[B][];
        int[] expectedLength = new int[B];
        for (VerificationMode mode : VerificationMode.values()) {
            for (int b = 0; b < B; b++) {
                SequenceState state = SequenceState.create(SEED + b, 1, 2, 3);
                Verification out = new Verification(4);
                SpeculativeVerifier.of(mode).verify(samplers[b], state, samplers[b].newWorkspace(), drafts[b], target,
                        targetRows[b] * V, draftRows[b] < 0 ? null : draft, Math.max(0, draftRows[b]) * V, out);
                expected[b] = out.tokens();
                expectedLength[b] = state.generatedLength();
            }
            for (int threads : new int[] {1, 2, 4}) {
                BatchVerifier batch = BatchVerifier.builder(V).mode(mode).threads(threads).pool(new ForkJoinPool(3)).build();
                for (int repeat = 0; repeat < 2; repeat++) {
                    SequenceState[] states = new SequenceState[B];
                    Verification[] outs = new Verification[B];
                    for (int b = 0; b < B; b++) {
                        states[b] = SequenceState.create(SEED + b, 1, 2, 3);
                        outs[b] = new Verification(4);
                    }
                    batch.verify(samplers, states, drafts, target, targetRows, draft, draftRows, outs);
                    for (int b = 0; b < B; b++) {
                        assertArrayEquals(expected[b], outs[b].tokens(), mode + ", threads " + threads + ", sequence " + b);
                        assertEquals(expectedLength[b], states[b].generatedLength());
                    }
                }
            }
        }
    }

    @Test
    void theRowsOwnLogProbsGiveTheSameTokensAsTheRowsAlone() {
        SplittableRandom r = new SplittableRandom(SEED + 1);
        Sampler[] samplers = new Sampler[B];
        int[][] drafts = new int[B][];
        int[] targetRows = new int[B];
        int[] draftRows = new int[B];
        for (int b = 0; b < B; b++) {
            samplers[b] = Sampler.of(SamplingParams.builder().temperature(0.5 + 0.1 * b).build(), V);
            drafts[b] = new int[1 + b % 4];
            targetRows[b] = b * 5;
            draftRows[b] = b % 3 == 2 ? -1 : b * 4;
        }
        float[] target = LogitsFixtures.normal(r, B * 5 * V, 2.0);
        float[] draft = LogitsFixtures.normal(r, B * 4 * V, 2.0);
        float[][] logProbs = new float[B][];
        for (int b = 0; b < B; b++) {
            for (int i = 0; i < drafts[b].length; i++) {
                // Mostly the target row's own argmax (often kept), sometimes random (often rejected).
                int row = (targetRows[b] + i) * V;
                int best = 0;
                for (int y = 1; y < V; y++) {
                    best = target[row + y] > target[row + best] ? y : best;
                }
                drafts[b][i] = r.nextInt(3) == 0 ? r.nextInt(V) : best;
            }
            if (draftRows[b] >= 0 && b % 4 != 3) { // b % 4 == 3: null, the rows path inside the same batch
                logProbs[b] = new float[drafts[b].length];
                DraftRow q = new DraftRow();
                for (int i = 0; i < drafts[b].length; i++) {
                    q.load(draft, (draftRows[b] + i) * V, V, i, org.sampling4j.kernel.KernelsProvider.get());
                    logProbs[b][i] = q.logProbability(drafts[b][i]);
                }
            }
        }
        BatchVerifier batch = BatchVerifier.builder(V).threads(2).pool(new ForkJoinPool(2)).build();
        SequenceState[] plainStates = new SequenceState[B];
        SequenceState[] logStates = new SequenceState[B];
        Verification[] plainOut = new Verification[B];
        Verification[] logOut = new Verification[B];
        for (int b = 0; b < B; b++) {
            plainStates[b] = SequenceState.create(SEED + b, 1, 2, 3);
            logStates[b] = SequenceState.create(SEED + b, 1, 2, 3);
            plainOut[b] = new Verification(4);
            logOut[b] = new Verification(4);
        }
        batch.verify(samplers, plainStates, drafts, target, targetRows, draft, draftRows, plainOut);
        batch.verify(samplers, logStates, drafts, target, targetRows, draft, draftRows, logProbs, logOut);
        int rejected = 0;
        for (int b = 0; b < B; b++) {
            assertArrayEquals(plainOut[b].tokens(), logOut[b].tokens(), "sequence " + b);
            assertArrayEquals(plainStates[b].generatedTokens(), logStates[b].generatedTokens(), "sequence " + b);
            rejected += plainOut[b].acceptedDrafts() < drafts[b].length ? 1 : 0;
        }
        assertTrue(rejected > 0, "some sequence must see a rejection");
        assertThrows(IllegalArgumentException.class, () -> batch.verify(samplers, logStates, drafts, target, targetRows,
                draft, draftRows, new float[1][], logOut));
    }

    @Test
    void aFailedSequenceIsNamedAndTheOthersAreVerified() {
        Sampler sampler = Sampler.builder(4).build();
        float[] target = new float[4 * 4];
        target[6] = Float.NaN; // sequence 1's only row
        SequenceState[] states = {SequenceState.create(1), SequenceState.create(2), SequenceState.create(3)};
        Verification[] outs = {new Verification(1), new Verification(1), new Verification(1)};
        BatchVerifier batch = BatchVerifier.builder(4).threads(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> batch.verify(
                new Sampler[] {sampler, sampler, sampler}, states, new int[][] {{1}, {}, {2}}, target,
                new int[] {0, 1, 2}, null, null, outs));
        assertTrue(e.getMessage().startsWith("sequence 1 of the batch: logits[2] = NaN"), e.getMessage());
        assertEquals(0, outs[1].count());
        assertTrue(outs[0].count() >= 1 && outs[2].count() >= 1);
        String m = assertThrows(IllegalArgumentException.class, () -> batch.verify(new Sampler[] {sampler, sampler},
                new SequenceState[] {states[0], states[0]}, new int[][] {{}, {}}, target, new int[] {0, 1}, null, null,
                new Verification[] {outs[0], outs[1]})).getMessage();
        assertTrue(m.contains("states[0] and [1] are the same object"), m);
    }
}
