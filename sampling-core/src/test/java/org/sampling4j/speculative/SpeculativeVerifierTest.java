package org.sampling4j.speculative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.sampling4j.LogitsFixtures;
import org.sampling4j.SampleResult;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.StopReason;
import org.sampling4j.Workspace;
import org.junit.jupiter.api.Test;

/** The verifier's deterministic contract: greedy identity, plain-draw identity, state, logprobs, keying, bad input. */
class SpeculativeVerifierTest {
    private static final long SEED = 0x5A4D_1502L;
    private static final int V = 50;
    private static final int[] PROMPT = {3, 4, 4, 7};
    private static final SamplingParams FULL_CHAIN = SamplingParams.builder().repetitionPenalty(1.3)
            .frequencyPenalty(0.4).presencePenalty(0.3).topK(20).topP(0.95).minP(0.02).temperature(0.8).build();

    /** Plain decoding of n tokens on the Markov target: what every verification must reproduce where it is exact. */
    private static int[] plain(Sampler sampler, MarkovPair pair, long seed, int n) {
        SequenceState state = SequenceState.create(seed, PROMPT);
        Workspace ws = sampler.newWorkspace();
        for (int i = 0; i < n; i++) {
            sampler.sample(pair.target[last(state)], state, ws);
        }
        return state.generatedTokens();
    }

    private static int last(SequenceState s) {
        return s.generatedLength() > 0 ? s.generatedToken(s.generatedLength() - 1) : s.promptToken(s.promptLength() - 1);
    }

    /** Speculative decoding of at least n tokens, drafts from {@code drafter}. */
    private static int[] speculative(Sampler sampler, MarkovPair pair, long seed, int n, SpeculativeVerifier verifier,
            boolean withQ, java.util.function.BiFunction<SequenceState, Integer, int[]> drafter) {
        SequenceState state = SequenceState.create(seed, PROMPT);
        Workspace ws = sampler.newWorkspace();
        Verification out = new Verification(8);
        int round = 0;
        while (state.generatedLength() < n) {
            int[] x = drafter.apply(state, round++);
            int before = state.generatedLength();
            int count = verifier.verify(sampler, state, ws, x, pair.targetRows(last(state), x),
                    withQ ? pair.draftRows(last(state), x) : null, out);
            assertEquals(before + count, state.generatedLength(), "the state advances by the emitted tokens only");
            assertEquals(count, out.count());
            for (int i = 0; i < out.acceptedDrafts(); i++) {
                assertEquals(x[i], out.token(i), "kept drafts are emitted as drafted");
            }
        }
        return Arrays.copyOf(state.generatedTokens(), n);
    }

    @Test
    void greedyTargetsEmitPlainGreedyTokensForArbitraryDrafts() {
        MarkovPair pair = new MarkovPair(SEED, V, 2.0, 2.0, 1.0);
        Sampler sampler = Sampler.of(SamplingParams.builder().temperature(0).repetitionPenalty(1.5).presencePenalty(0.5)
                .build(), V);
        int[] expected = plain(sampler, pair, 1, 60);
        SplittableRandom r = new SplittableRandom(SEED);
        for (VerificationMode mode : VerificationMode.values()) {
            for (boolean withQ : new boolean[] {false, true}) {
                int[] accepted = {0};
                int[] got = speculative(sampler, pair, 1, 60, SpeculativeVerifier.of(mode), withQ, (state, round) -> {
                    // Half the drafts are the true continuation, half random: both kinds must be handled.
                    int g = state.generatedLength();
                    int[] x = new int[1 + round % 4];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = g + i < expected.length && r.nextBoolean() ? expected[g + i] : r.nextInt(V);
                    }
                    return x;
                });
                assertArrayEquals(expected, got, mode + (withQ ? " with q" : " one-hot"));
            }
        }
    }

    @Test
    void greedyKeepsExactlyTheDraftsEqualToTheProcessedArgmaxTiesToTheLowestId() {
        Sampler sampler = Sampler.of(SamplingParams.builder().temperature(0).build(), 4);
        float[] rows = {1, 3, 3, 0, /* */ 5, 1, 5, 2, /* */ 0, 0, 0, 0};
        Verification out = new Verification(2);
        SpeculativeVerifier.standard().verify(sampler, SequenceState.create(0), sampler.newWorkspace(), new int[] {1, 2},
                rows, null, out);
        assertArrayEquals(new int[] {1, 0}, out.tokens(), "draft 1 is the lowest-id argmax; draft 2 is not (0 is)");
        assertEquals(1, out.acceptedDrafts());
    }

    @Test
    void draftsEqualToPlainDrawsGiveTheSameTokensAsPlainSteps() {
        MarkovPair pair = new MarkovPair(SEED, V, 2.0, 2.0, 1.0);
        Sampler sampler = Sampler.of(FULL_CHAIN, V);
        for (int k = 0; k <= 4; k++) {
            for (long seed = 0; seed < 20; seed++) {
                int[] expected = plain(sampler, pair, seed, k + 1);
                SequenceState state = SequenceState.create(seed, PROMPT);
                Verification out = new Verification(4);
                int[] x = Arrays.copyOf(expected, k);
                SpeculativeVerifier.standard().verify(sampler, state, sampler.newWorkspace(), x,
                        pair.targetRows(last(state), x), null, out);
                assertArrayEquals(expected, out.tokens(), "K = " + k + ", seed " + seed);
                assertEquals(k, out.acceptedDrafts());
            }
        }
    }

    @Test
    void oneHotDraftsEmitPlainSamplingTokensWhateverTheDrafts() {
        MarkovPair pair = new MarkovPair(SEED, V, 1.0, 1.0, 1.0);
        Sampler sampler = Sampler.of(FULL_CHAIN, V);
        int[] expected = plain(sampler, pair, 42, 80);
        SplittableRandom r = new SplittableRandom(SEED + 1);
        for (VerificationMode mode : VerificationMode.values()) {
            int[] got = speculative(sampler, pair, 42, 80, SpeculativeVerifier.of(mode), false, (state, round) -> {
                int g = state.generatedLength();
                int[] x = new int[1 + round % 4];
                for (int i = 0; i < x.length; i++) {
                    x[i] = g + i < expected.length && r.nextInt(3) > 0 ? expected[g + i] : r.nextInt(V);
                }
                return x;
            });
            assertArrayEquals(expected, got, mode.toString());
        }
    }

    @Test
    void aPositionsTokensDoNotDependOnKOnlyOnThePosition() {
        // Same drafts prefix, same seed: verifying K = 1..4 of them emits the same first token and the
        // same accepted prefix, as far as each K reaches: uniforms are keyed by absolute position.
        MarkovPair pair = new MarkovPair(SEED, V, 1.0, 0.8, 0.7);
        Sampler sampler = Sampler.of(SamplingParams.builder().temperature(0.9).build(), V);
        SplittableRandom r = new SplittableRandom(SEED + 2);
        int agreed = 0;
        for (long seed = 0; seed < 200; seed++) {
            int[] x = pair.drawDrafts(r, PROMPT[PROMPT.length - 1], 4);
            int[] reference = null;
            for (int k = 4; k >= 1; k--) {
                int[] d = Arrays.copyOf(x, k);
                SequenceState state = SequenceState.create(seed, PROMPT);
                Verification out = new Verification(4);
                SpeculativeVerifier.standard().verify(sampler, state, sampler.newWorkspace(), d,
                        pair.targetRows(last(state), d), pair.draftRows(last(state), d), out);
                if (reference == null) {
                    reference = out.tokens();
                } else if (out.acceptedDrafts() < k) {
                    // Rejected inside the shorter block: the same position rejected, with the same correction.
                    assertArrayEquals(reference, out.tokens(), "seed " + seed + ", K " + k);
                    agreed++;
                } else {
                    assertArrayEquals(Arrays.copyOf(reference, k), Arrays.copyOf(out.tokens(), k), "seed " + seed);
                }
            }
        }
        assertTrue(agreed > 50, "the comparison exercised rejections: " + agreed);
    }

    @Test
    void emittedLogprobsEqualWhatPlainSamplingReportsForThatToken() {
        MarkovPair pair = new MarkovPair(SEED, V, 1.5, 1.0, 1.0);
        Sampler sampler = Sampler.builder(V).topLogprobs(5).build();
        Sampler chained = Sampler.of(SamplingParams.builder().topK(30).temperature(0.7).repetitionPenalty(1.2)
                .topLogprobs(5).build(), V);
        SplittableRandom r = new SplittableRandom(SEED + 3);
        int compared = 0;
        for (Sampler s : new Sampler[] {sampler, chained}) {
            for (VerificationMode mode : VerificationMode.values()) {
                for (long seed = 0; seed < 40; seed++) {
                    SequenceState state = SequenceState.create(seed, PROMPT);
                    int[] x = pair.drawDrafts(r, last(state), 3);
                    Verification out = new Verification(3, 5);
                    SpeculativeVerifier.of(mode).verify(s, state, s.newWorkspace(), x, pair.targetRows(last(state), x),
                            pair.draftRows(last(state), x), out);
                    state.rollback(out.count());
                    for (int i = 0; i < out.count(); i++) {
                        // Plain sampling at this position: many draws of it, one of which drew this token.
                        int[] tokens = new int[256];
                        SampleResult[] results = new SampleResult[256];
                        for (int j = 0; j < results.length; j++) {
                            results[j] = new SampleResult(5);
                        }
                        s.sampleMany(pair.target[last(state)], state, s.newWorkspace(), tokens, results);
                        for (int j = 0; j < tokens.length; j++) {
                            if (tokens[j] == out.token(i)) {
                                assertSameReport(results[j], out.result(i));
                                compared++;
                                break;
                            }
                        }
                        state.accept(out.token(i));
                    }
                }
            }
        }
        assertTrue(compared > 300, "compared " + compared);
    }

    private static void assertSameReport(SampleResult expected, SampleResult actual) {
        assertEquals(expected.token(), actual.token());
        assertEquals(expected.logprob(), actual.logprob(), 0.0, "processed logprob");
        assertEquals(expected.rawLogprob(), actual.rawLogprob(), 0.0, "raw logprob");
        assertEquals(expected.keptCount(), actual.keptCount());
        assertEquals(expected.topCount(), actual.topCount());
        for (int i = 0; i < expected.topCount(); i++) {
            assertEquals(expected.topToken(i), actual.topToken(i));
            assertEquals(expected.topValue(i), actual.topValue(i), 0.0);
        }
    }

    @Test
    void theDraftPrefixIsInTheStateWhenLaterRowsAreProcessed() {
        // Presence penalty 100 bans every generated token: a draft repeated inside one block can
        // only be kept if the state saw the first copy, so the second must be rejected.
        Sampler sampler = Sampler.of(SamplingParams.builder().presencePenalty(100).build(), 4);
        float[] rows = new float[3 * 4];
        for (VerificationMode mode : VerificationMode.values()) {
            for (boolean withQ : new boolean[] {false, true}) {
                for (long seed = 0; seed < 50; seed++) {
                    SequenceState state = SequenceState.create(seed, 0);
                    Verification out = new Verification(2);
                    float[] q = withQ ? new float[2 * 4] : null;
                    SpeculativeVerifier.of(mode).verify(sampler, state, sampler.newWorkspace(), new int[] {2, 2}, rows, q, out);
                    int[] t = out.tokens();
                    for (int i = 1; i < t.length; i++) {
                        for (int j = 0; j < i; j++) {
                            assertTrue(t[i] != t[j], mode + " " + withQ + ": token repeated " + Arrays.toString(t));
                        }
                    }
                    assertTrue(out.acceptedDrafts() <= 1);
                    assertEquals(t.length, state.generatedLength());
                }
            }
        }
    }

    @Test
    void stopConditionsEndTheEmittedTokensAtTheStopToken() {
        Sampler sampler = Sampler.builder(4).stopConditions(org.sampling4j.StopConditions.of(new int[] {1}, 0,
                new int[0][])).picker(org.sampling4j.picker.GreedyPicker.INSTANCE).build();
        float[] rows = {0, 5, 0, 0, /* */ 0, 0, 5, 0, /* */ 0, 0, 0, 5};
        Verification out = new Verification(2);
        SequenceState state = SequenceState.create(0);
        SpeculativeVerifier.standard().verify(sampler, state, sampler.newWorkspace(), new int[] {1, 2}, rows, null, out);
        assertArrayEquals(new int[] {1}, out.tokens());
        assertEquals(StopReason.STOP_TOKEN, out.stopReason());
        assertEquals(1, state.generatedLength());
    }

    @Test
    void rejectsBadInputNamingTheField() {
        Sampler sampler = Sampler.builder(4).build();
        Workspace ws = sampler.newWorkspace();
        SequenceState state = SequenceState.create(0);
        Verification out = new Verification(2);
        SpeculativeVerifier v = SpeculativeVerifier.standard();
        String m = assertThrows(IllegalArgumentException.class,
                () -> v.verify(sampler, state, ws, new int[] {4}, new float[8], null, out)).getMessage();
        assertTrue(m.contains("draftTokens[0] = 4 is outside [0, 4)"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> v.verify(sampler, state, ws, new int[] {1, 2}, new float[8], null, out)).getMessage();
        assertTrue(m.contains("targetLogits") && m.contains("3 rows of 4"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> v.verify(sampler, state, ws, new int[] {1, 2, 3}, new float[16], null, out)).getMessage();
        assertTrue(m.contains("draftTokens.length = 3") && m.contains("at most 2"), m);
        float[] badDraft = {0, Float.NaN, 0, 0};
        m = assertThrows(IllegalArgumentException.class,
                () -> v.verify(sampler, state, ws, new int[] {1}, new float[8], badDraft, out)).getMessage();
        assertTrue(m.contains("draftLogits row 0, token 1 = NaN"), m);
        float[] masked = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        m = assertThrows(IllegalArgumentException.class,
                () -> v.verify(sampler, state, ws, new int[] {1}, new float[8], masked, out)).getMessage();
        assertTrue(m.contains("no finite logit"), m);
        Sampler mirostat = Sampler.of(SamplingParams.builder().mirostat(2, 5, 0.1).build(), 4);
        m = assertThrows(IllegalArgumentException.class,
                () -> v.verify(mirostat, state, ws, new int[] {1}, new float[8], new float[4], out)).getMessage();
        assertTrue(m.contains("mirostat") && m.contains("draftLogits = null"), m);
        assertEquals(0, state.generatedLength(), "failed verifications leave the state alone");
    }

    @Test
    void doesNotModifyCallerArrays() {
        SplittableRandom r = new SplittableRandom(SEED + 4);
        float[] target = LogitsFixtures.normal(r, 3 * V, 2.0);
        float[] draft = LogitsFixtures.normal(r, 2 * V, 2.0);
        int[] drafts = {5, 6};
        float[] t0 = target.clone();
        float[] d0 = draft.clone();
        Sampler sampler = Sampler.of(FULL_CHAIN, V);
        for (VerificationMode mode : VerificationMode.values()) {
            SpeculativeVerifier.of(mode).verify(sampler, SequenceState.create(1, PROMPT), sampler.newWorkspace(), drafts,
                    target, draft, new Verification(2));
        }
        assertArrayEquals(t0, target);
        assertArrayEquals(d0, draft);
        assertArrayEquals(new int[] {5, 6}, drafts);
    }
}
