package org.sampling4j.speculative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.sampling4j.kernel.KernelsProvider;

/**
 * The log-probability entry point ({@code verify(..., draftLogProbs, out)}): bit-identical to the
 * rows-only entry point when the given log-probabilities are the rows' own, reads a draft row only
 * at a rejection, and rejects bad log-probabilities naming them. Its exact law is in
 * {@link SpeculativeLawStatisticalTest} ("log q given").
 */
class SpeculativeLogProbsTest {
    private static final long SEED = 0x5A4D_1503L;
    private static final int[] PROMPT = {3, 4, 4, 7};

    static Stream<Arguments> chains() {
        return Stream.of(
                Arguments.of("T 1, V 50", SamplingParams.builder().build(), 50),
                Arguments.of("T 1, V 700 (dense)", SamplingParams.builder().build(), 700),
                Arguments.of("full chain, V 50", SamplingParams.builder().repetitionPenalty(1.3).frequencyPenalty(0.4)
                        .presencePenalty(0.3).topK(20).topP(0.95).minP(0.02).temperature(0.8).build(), 50),
                Arguments.of("top-p 0.9, T 1.3, V 700", SamplingParams.builder().topP(0.9).temperature(1.3).build(), 700));
    }

    /** The rows' own log q(x): what the rows-only entry point compares. */
    private static float[] rowLogProbs(float[] draftRows, int[] drafts, int v) {
        float[] out = new float[drafts.length];
        DraftRow row = new DraftRow();
        for (int i = 0; i < drafts.length; i++) {
            row.load(draftRows, i * v, v, i, KernelsProvider.get());
            out[i] = row.logProbability(drafts[i]);
        }
        return out;
    }

    private static int last(SequenceState s) {
        return s.generatedLength() > 0 ? s.generatedToken(s.generatedLength() - 1) : s.promptToken(s.promptLength() - 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void emitsBitIdenticalTokensToTheRowsEntryPointWhenTheLogProbsAreTheRows(String name, SamplingParams params, int v) {
        MarkovPair pair = new MarkovPair(SEED + v, v, 1.5, 1.2, 0.8);
        Sampler sampler = Sampler.of(params, v);
        SpeculativeVerifier verifier = SpeculativeVerifier.standard();
        Workspace wsRows = sampler.newWorkspace();
        Workspace wsLog = sampler.newWorkspace();
        Verification outRows = new Verification(4);
        Verification outLog = new Verification(4);
        int rejections = 0;
        int kept = 0;
        for (int run = 0; run < 60; run++) {
            SequenceState a = SequenceState.create(SEED * 31 + run, PROMPT);
            SequenceState b = SequenceState.create(SEED * 31 + run, PROMPT);
            SplittableRandom drafts = new SplittableRandom(SEED + run);
            while (a.generatedLength() < 24) {
                int k = 1 + drafts.nextInt(4);
                int[] x = pair.drawDrafts(drafts, last(a), k);
                float[] target = pair.targetRows(last(a), x);
                float[] draft = pair.draftRows(last(a), x);
                int n = verifier.verify(sampler, a, wsRows, x, target, draft, outRows);
                int m = verifier.verify(sampler, b, wsLog, x, target, 0, draft, 0, rowLogProbs(draft, x, v), outLog);
                assertEquals(n, m, name + ", run " + run);
                assertArrayEquals(Arrays.copyOf(outRows.tokens(), n), Arrays.copyOf(outLog.tokens(), m), name);
                assertEquals(outRows.acceptedDrafts(), outLog.acceptedDrafts(), name);
                assertArrayEquals(a.generatedTokens(), b.generatedTokens(), name);
                rejections += outRows.acceptedDrafts() < k ? 1 : 0;
                kept += outRows.acceptedDrafts();
            }
        }
        assertTrue(rejections > 20 && kept > 20, name + ": the comparison must see both rejections (" + rejections
                + ") and kept drafts (" + kept + ")");
    }

    @Test
    void readsADraftRowOnlyAtTheFirstRejection() {
        int v = 50;
        Sampler sampler = Sampler.of(SamplingParams.builder().build(), v);
        SpeculativeVerifier verifier = SpeculativeVerifier.standard();
        int[] drafts = {5, 9, 11};
        // Target rows put p = 1 (in double) on each draft, so log q = 0 keeps every draft.
        float[] target = new float[4 * v];
        for (int i = 0; i < drafts.length; i++) {
            target[i * v + drafts[i]] = 200f;
        }
        float[] unreadable = new float[3 * v];
        Arrays.fill(unreadable, Float.NaN);
        float[] logProbs = {0f, 0f, 0f};
        SequenceState state = SequenceState.create(SEED, PROMPT);
        Verification out = new Verification(3);
        int n = verifier.verify(sampler, state, sampler.newWorkspace(), drafts, target, 0, unreadable, 0, logProbs, out);
        assertEquals(4, n);
        assertEquals(3, out.acceptedDrafts());
        // The rows-only entry point reads row 0 and refuses it.
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class, () -> verifier.verify(sampler,
                SequenceState.create(SEED, PROMPT), sampler.newWorkspace(), drafts, target, unreadable, out));
        assertTrue(rows.getMessage().contains("draftLogits row 0"), rows.getMessage());
        // A rejection at draft 1 (the target row 1 puts its mass elsewhere) reads row 1, and only it.
        float[] rejecting = target.clone();
        rejecting[v + drafts[1]] = 0f;
        rejecting[v + 30] = 200f;
        IllegalArgumentException lazy = assertThrows(IllegalArgumentException.class, () -> verifier.verify(sampler,
                SequenceState.create(SEED, PROMPT), sampler.newWorkspace(), drafts, rejecting, 0, unreadable, 0,
                logProbs, out));
        assertTrue(lazy.getMessage().contains("draftLogits row 1"), lazy.getMessage());
    }

    @Test
    void rejectsBadLogProbsNamingThem() {
        int v = 50;
        Sampler sampler = Sampler.of(SamplingParams.builder().build(), v);
        SpeculativeVerifier verifier = SpeculativeVerifier.standard();
        int[] drafts = {1, 2};
        float[] target = new float[3 * v];
        float[] draft = new float[2 * v];
        Verification out = new Verification(2);
        SequenceState state = SequenceState.create(SEED, PROMPT);
        Workspace ws = sampler.newWorkspace();
        for (float bad : new float[] {Float.NaN, 0.5f, Float.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> verifier.verify(sampler, state, ws, drafts, target, 0, draft, 0, new float[] {-1f, bad}, out));
            assertTrue(e.getMessage().contains("draftLogProbs[1] = " + bad), e.getMessage());
        }
        IllegalArgumentException shortArray = assertThrows(IllegalArgumentException.class,
                () -> verifier.verify(sampler, state, ws, drafts, target, 0, draft, 0, new float[] {-1f}, out));
        assertTrue(shortArray.getMessage().contains("draftLogProbs.length = 1"), shortArray.getMessage());
        NullPointerException noRows = assertThrows(NullPointerException.class,
                () -> verifier.verify(sampler, state, ws, drafts, target, 0, null, 0, new float[] {-1f, -1f}, out));
        assertTrue(noRows.getMessage().contains("draftLogits"), noRows.getMessage());
        assertEquals(0, state.generatedLength(), "bad input must not advance the state");
        // -Inf is a log-probability (q = 0): accepted as input.
        verifier.verify(sampler, state, ws, drafts, target, 0, draft, 0,
                new float[] {Float.NEGATIVE_INFINITY, -1f}, out);
    }
}
