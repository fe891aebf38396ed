package org.sampling4j.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sampling4j.processor.Chains.kept;
import static org.sampling4j.processor.Chains.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.sampling4j.chain.SequenceView;

/**
 * The thinking budget as a state machine over the history: N free tokens inside a section, then
 * the forced message and end sequence, a natural end, re-arming, and rollback.
 */
class ThinkingBudgetProcessorTest {
    private static final long SEED = 0x7B1D_0001L;
    private static final int V = 16;
    private static final float[] FLAT = new float[V];
    private static final int START = 1;
    private static final int END = 2;

    private static ThinkingBudgetProcessor budget(int n) {
        return new ThinkingBudgetProcessor(n, new int[] {START}, new int[] {END}, new int[0]);
    }

    private static int[] keptAfter(ThinkingBudgetProcessor p, int[] prompt, int... generated) {
        return kept(process(FLAT, prompt, generated, p));
    }

    private static int[] all() {
        return java.util.stream.IntStream.range(0, V).toArray();
    }

    @Test
    void allowsBudgetTokensInsideThenForcesTheEnd() {
        ThinkingBudgetProcessor p = budget(2);
        assertArrayEquals(all(), keptAfter(p, new int[] {START}), "0 of 2 used");
        assertArrayEquals(all(), keptAfter(p, new int[] {START}, 5), "1 of 2 used");
        assertArrayEquals(new int[] {END}, keptAfter(p, new int[] {START}, 5, 6), "2 of 2 used: the end is forced");
        assertArrayEquals(all(), keptAfter(p, new int[] {START}, 5, 6, END), "closed: free again");
    }

    @Test
    void aNaturalEndStopsTheCount() {
        ThinkingBudgetProcessor p = budget(2);
        assertArrayEquals(all(), keptAfter(p, new int[0], START, 5, END, 7, 8, 9), "outside, no budget applies");
        assertArrayEquals(all(), keptAfter(p, new int[0], 7, 8, 9, 10), "never opened");
    }

    @Test
    void budgetZeroClosesAtOnceAndEachSectionGetsAFreshBudget() {
        assertArrayEquals(new int[] {END}, keptAfter(budget(0), new int[] {START}));
        ThinkingBudgetProcessor p = budget(1);
        assertArrayEquals(new int[] {END}, keptAfter(p, new int[0], START, 5, END, 9, START, 6), "second section, 1 of 1 used");
        assertArrayEquals(all(), keptAfter(p, new int[0], START, 5, END, 9, START), "second section, 0 of 1 used");
    }

    @Test
    void forcesTheMessageThenTheEndOneTokenPerStep() {
        ThinkingBudgetProcessor p = new ThinkingBudgetProcessor(1, new int[] {START}, new int[] {END, 3}, new int[] {9, 10});
        assertArrayEquals(new int[] {9}, keptAfter(p, new int[0], START, 5));
        assertArrayEquals(new int[] {10}, keptAfter(p, new int[0], START, 5, 9));
        assertArrayEquals(new int[] {END}, keptAfter(p, new int[0], START, 5, 9, 10));
        assertArrayEquals(new int[] {3}, keptAfter(p, new int[0], START, 5, 9, 10, END));
        assertArrayEquals(all(), keptAfter(p, new int[0], START, 5, 9, 10, END, 3));
    }

    @Test
    void matchesSelfOverlappingSequencesAcrossPartialMatches() {
        // [7, 7, 8] inside 7 7 7 8: a naive restart after the third 7 misses it (llama.cpp's matcher).
        ThinkingBudgetProcessor p = new ThinkingBudgetProcessor(1, new int[] {7, 7, 8}, new int[] {END}, new int[0]);
        assertArrayEquals(all(), keptAfter(p, new int[0], 7, 7, 7, 8));
        assertArrayEquals(new int[] {END}, keptAfter(p, new int[0], 7, 7, 7, 8, 4));
        ThinkingBudgetProcessor q = new ThinkingBudgetProcessor(3, new int[] {START}, new int[] {5, 5, 6}, new int[0]);
        assertArrayEquals(all(), keptAfter(q, new int[0], START, 5, 5, 5, 6, 9, 9, 9), "5 5 5 6 ends the section");
    }

    @Test
    void forcesEvenATokenTheModelRuledOut() {
        float[] logits = FLAT.clone();
        logits[END] = Float.NEGATIVE_INFINITY;
        float[] out = process(logits, new int[] {START}, new int[0], budget(0));
        assertArrayEquals(new int[] {END}, kept(out));
        assertEquals(0f, out[END], "the forced token's value");
    }

    @Test
    void aBanOnTheForcedTokenFailsLoudly() {
        SamplingParams params = SamplingParams.builder().thinkingBudget(0, new int[] {START}, new int[] {END})
                .bannedTokenIds(END).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sampler.of(params, V).sample(FLAT, SequenceState.create(SEED, START), new Workspace(V)));
        assertTrue(e.getMessage().startsWith("no token left to sample"), e.getMessage());
    }

    @Test
    void samplingLoopEmitsTheForcedTokensAndRollbackReplaysThem() {
        // The model never proposes START, END or 9 (-Inf), so every one of them in the output is forced.
        float[] logits = FLAT.clone();
        logits[START] = logits[END] = logits[9] = Float.NEGATIVE_INFINITY;
        Sampler sampler = Sampler.of(SamplingParams.builder().seed(SEED).thinkingBudget(3, new int[] {START}, new int[] {END})
                .thinkingBudgetMessage(9).build(), V);
        SequenceState state = SequenceState.create(SEED, 4, START);
        Workspace w = new Workspace(V);
        int[] tokens = new int[8];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = sampler.sample(logits, state, w);
        }
        for (int i : new int[] {0, 1, 2, 5, 6, 7}) {
            assertTrue(tokens[i] != END && tokens[i] != 9 && tokens[i] != START, "free token " + i + ": " + tokens[i]);
        }
        assertEquals(9, tokens[3], "the message after 3 free tokens");
        assertEquals(END, tokens[4], "then the end");
        state.rollback(6);
        int[] replay = new int[5];
        for (int i = 0; i < 5; i++) {
            replay[i] = sampler.sample(logits, state, w);
        }
        assertArrayEquals(java.util.Arrays.copyOfRange(tokens, 2, 7), replay, "rolled back into the section and replayed");
    }

    /**
     * The cached, rollback-aware state of a {@code SequenceState} equals a naive simulation of the
     * rule (suffix comparison on the tokens since the phase began, no KMP), over 300 seeded random
     * histories on a 4-token alphabet with random rollbacks and sequences of 1 to 3 tokens.
     */
    @Test
    void cachedStateMatchesANaiveSimulationUnderRandomRollbacks() {
        Random r = new Random(SEED);
        for (int round = 0; round < 300; round++) {
            int[] start = randomSequence(r);
            int[] end = randomSequence(r);
            int[] message = r.nextBoolean() ? new int[0] : randomSequence(r);
            int n = r.nextInt(4);
            ThinkingBudgetProcessor p = new ThinkingBudgetProcessor(n, start, end, message);
            int[] prompt = new int[r.nextInt(4)];
            for (int i = 0; i < prompt.length; i++) {
                prompt[i] = r.nextInt(4);
            }
            SequenceState state = SequenceState.create(SEED, prompt);
            for (int step = 0; step < 60; step++) {
                if (r.nextInt(6) == 0 && state.generatedLength() > 0) {
                    state.rollback(1 + r.nextInt(state.generatedLength()));
                }
                int expected = naiveForced(allTokens(state), n, start, end, message);
                assertEquals(expected, p.forcedToken(state), "round " + round + " step " + step);
                assertEquals(expected, p.forcedToken(new FoldOnly(state)), "the default fold agrees");
                state.accept(expected >= 0 ? expected : r.nextInt(4));
            }
        }
    }

    private static int[] randomSequence(Random r) {
        int[] s = new int[1 + r.nextInt(3)];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextInt(4);
        }
        return s;
    }

    private static List<Integer> allTokens(SequenceState s) {
        List<Integer> t = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            t.add(s.token(i));
        }
        return t;
    }

    private static boolean endsWith(List<Integer> seen, int[] s) {
        if (seen.size() < s.length) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            if (seen.get(seen.size() - s.length + i) != s[i]) {
                return false;
            }
        }
        return true;
    }

    /** The rule, simulated naively: the forced token after {@code history}, or -1. */
    private static int naiveForced(List<Integer> history, int budget, int[] start, int[] end, int[] message) {
        int[] forced = new int[message.length + end.length];
        System.arraycopy(message, 0, forced, 0, message.length);
        System.arraycopy(end, 0, forced, message.length, end.length);
        String phase = "outside";
        int count = 0;
        List<Integer> seen = new ArrayList<>();
        for (int t : history) {
            seen.add(t);
            switch (phase) {
                case "outside":
                    if (endsWith(seen, start)) {
                        phase = budget == 0 ? "forcing" : "inside";
                        count = 0;
                        seen.clear();
                    }
                    break;
                case "inside":
                    if (endsWith(seen, end)) {
                        phase = "outside";
                        seen.clear();
                    } else if (++count >= budget) {
                        phase = "forcing";
                        count = 0;
                        seen.clear();
                    }
                    break;
                default:
                    if (++count >= forced.length) {
                        phase = "outside";
                        count = 0;
                    }
                    seen.clear();
            }
        }
        return phase.equals("forcing") ? forced[count] : -1;
    }

    /** A view that exposes only SequenceView's default fold of the automaton. */
    private static final class FoldOnly implements SequenceView {
        private final SequenceState s;

        FoldOnly(SequenceState s) {
            this.s = s;
        }

        public long seed() { return s.seed(); }
        public long step() { return s.step(); }
        public int promptLength() { return s.promptLength(); }
        public int generatedLength() { return s.generatedLength(); }
        public int promptToken(int i) { return s.promptToken(i); }
        public int generatedToken(int i) { return s.generatedToken(i); }
        public int length() { return s.length(); }
        public int token(int i) { return s.token(i); }
        public int maxTokenId() { return s.maxTokenId(); }
        public org.sampling4j.chain.TokenCounts allCounts() { return s.allCounts(); }
        public org.sampling4j.chain.TokenCounts generatedCounts() { return s.generatedCounts(); }
        public double pickerState() { return s.pickerState(); }
        public <T extends org.sampling4j.chain.SequenceTracker> T tracker(Object owner,
                java.util.function.Function<SequenceView, T> create) { return s.tracker(owner, create); }
    }

    @Test
    void rejectsBadSettingsNamingTheField() {
        assertEquals("thinkingTokenBudget = -2 is outside [-1, +Inf); -1 disables the thinking budget, 0 closes every section at once",
                assertThrows(IllegalArgumentException.class, () -> budget(-2)).getMessage());
        assertEquals("thinkStartTokenIds must hold at least one token id", assertThrows(IllegalArgumentException.class,
                () -> SamplingParams.builder().thinkingBudget(3, new int[0], new int[] {END}).build()).getMessage());
        assertEquals("thinkEndTokenIds[0] = -4 is outside [0, vocabSize)", assertThrows(IllegalArgumentException.class,
                () -> new ThinkingBudgetProcessor(3, new int[] {START}, new int[] {-4}, new int[0])).getMessage());
        assertEquals("thinkEndTokenIds[0] = 99 is outside [0, 16)", assertThrows(IllegalArgumentException.class,
                () -> Sampler.of(SamplingParams.builder().thinkingBudget(3, new int[] {START}, new int[] {99}).build(), V))
                .getMessage());
        assertEquals(-1, SamplingParams.defaults().thinkingTokenBudget(), "off by default");
        assertEquals("pick(inverse-cdf)", Sampler.of(SamplingParams.defaults(), V).toString());
        assertEquals("thinking-budget > pick(inverse-cdf)", Sampler.of(SamplingParams.builder()
                .thinkingBudget(3, new int[] {START}, new int[] {END}).build(), V).toString());
    }
}
