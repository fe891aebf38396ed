package org.sampling4j.speculative;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Speculative decoding emits the target's law: the joint distribution of the first
 * {@value #N} generated tokens, produced by rounds of K drafts drawn from a Markov draft q and
 * verified against a Markov target p with the chain, matches the exact autoregressive law of
 * the target with that chain (enumerated through {@code Sampler.process}), by chi-square.
 *
 * <p>Per (chain, mode): {@value #REPETITIONS} repetitions of {@value #RUNS} runs on V = {@value #V}
 * ({@code V^N} = 64 cells; cells whose expected count is below 5 are merged), repetition r with
 * K = 1 + r % 4 and its own seeds; each repetition is a test at alpha = 0.01 and the case fails
 * when more than {@value #MAX_REJECTIONS} reject: a false alarm of P(Binomial(10, 0.01) > 2) =
 * 0.011%. Standard mode with draft distributions also checks the acceptance rate of the first
 * draft of every round against {@code alpha = sum_y min(p(y), q(y))}: accepted drafts are a sum of
 * independent Bernoulli(alpha_round) and must lie within {@value #Z_LIMIT} standard deviations of
 * their mean (false alarm 6e-5). "log q given" passes the drafts' log-probabilities (the test's
 * own double softmax, rounded to float) to the entry point that reads a draft row only at a
 * rejection.
 */
@Tag("statistical")
class SpeculativeLawStatisticalTest {
    private static final long SEED = 0x5A4D_1501L;
    private static final int V = 4;
    private static final int N = 3;
    private static final int REPETITIONS = 10;
    private static final int RUNS = 6_000;
    private static final double ALPHA = 0.01;
    private static final int MAX_REJECTIONS = 2;
    private static final double Z_LIMIT = 4.0;
    private static final int[] PROMPT = {1, 2, 2};

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        List<Object[]> chains = List.of(
                new Object[] {"T 1", SamplingParams.builder().build()},
                new Object[] {"top-k 3, T 0.8", SamplingParams.builder().topK(3).temperature(0.8).build()},
                new Object[] {"top-p 0.8, T 1.2", SamplingParams.builder().topP(0.8).temperature(1.2).build()},
                new Object[] {"min-p 0.15", SamplingParams.builder().minP(0.15).build()},
                new Object[] {"penalties", SamplingParams.builder().repetitionPenalty(1.4).frequencyPenalty(0.4)
                        .presencePenalty(0.3).temperature(0.9).build()},
                new Object[] {"full chain", SamplingParams.builder().repetitionPenalty(1.2).frequencyPenalty(0.3)
                        .presencePenalty(0.2).topK(3).topP(0.95).minP(0.05).temperature(0.7).build()});
        for (Object[] c : chains) {
            out.add(Arguments.of(c[0] + ", standard", c[1], VerificationMode.STANDARD, true, false));
            out.add(Arguments.of(c[0] + ", standard, log q given", c[1], VerificationMode.STANDARD, true, true));
            out.add(Arguments.of(c[0] + ", block", c[1], VerificationMode.BLOCK, true, false));
            out.add(Arguments.of(c[0] + ", one-hot", c[1], VerificationMode.STANDARD, false, false));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void emittedSequencesFollowTheTargetLaw(String name, SamplingParams params, VerificationMode mode, boolean withQ,
            boolean logQGiven) {
        MarkovPair pair = new MarkovPair(SEED, V, 1.5, 1.2, 0.8);
        Sampler sampler = Sampler.of(params, V);
        double[] law = pair.law(sampler, PROMPT, N);
        SpeculativeVerifier verifier = SpeculativeVerifier.of(mode);
        Workspace ws = sampler.newWorkspace();
        Verification out = new Verification(4);
        int rejections = 0;
        double smallest = 1;
        double acceptedFirst = 0;
        double expectedFirst = 0;
        double varianceFirst = 0;
        for (int rep = 0; rep < REPETITIONS; rep++) {
            int k = 1 + rep % 4;
            long[] observed = new long[law.length];
            SplittableRandom drafts = new SplittableRandom(SEED + 7919L * rep);
            for (int run = 0; run < RUNS; run++) {
                SequenceState state = SequenceState.create((SEED + rep) * 1_000_003L + run, PROMPT);
                while (state.generatedLength() < N) {
                    int last = state.generatedLength() > 0 ? state.generatedToken(state.generatedLength() - 1)
                            : PROMPT[PROMPT.length - 1];
                    int[] x = pair.drawDrafts(drafts, last, k);
                    double alpha = 0;
                    if (withQ && mode == VerificationMode.STANDARD && run % 4 == 0) {
                        double[] p = pair.targetProbabilities(sampler, PROMPT, state.generatedTokens());
                        double[] q = MarkovPair.softmax(pair.draft[last]);
                        for (int y = 0; y < V; y++) {
                            alpha += Math.min(p[y], q[y]);
                        }
                    }
                    if (logQGiven) {
                        verifier.verify(sampler, state, ws, x, pair.targetRows(last, x), 0, pair.draftRows(last, x), 0,
                                pair.draftLogProbs(last, x), out);
                    } else {
                        verifier.verify(sampler, state, ws, x, pair.targetRows(last, x),
                                withQ ? pair.draftRows(last, x) : null, out);
                    }
                    if (alpha > 0) {
                        acceptedFirst += out.acceptedDrafts() > 0 ? 1 : 0;
                        expectedFirst += alpha;
                        varianceFirst += alpha * (1 - alpha);
                    }
                }
                observed[pair.encode(state.generatedTokens(), N)]++;
            }
            double pValue = pValue(law, observed);
            smallest = Math.min(smallest, pValue);
            rejections += pValue < ALPHA ? 1 : 0;
        }
        assertTrue(rejections <= MAX_REJECTIONS,
                name + ": " + rejections + " of " + REPETITIONS + " repetitions rejected; smallest p " + smallest);
        if (varianceFirst > 0) {
            double z = (acceptedFirst - expectedFirst) / Math.sqrt(varianceFirst);
            assertTrue(Math.abs(z) < Z_LIMIT, name + ": first drafts accepted " + acceptedFirst + ", expected "
                    + expectedFirst + " = sum of min(p, q); z = " + z);
        }
    }

    /** Chi-square p-value, cells with an expected count below 5 merged into one (dropped if still below 5). */
    static double pValue(double[] law, long[] observed) {
        long total = 0;
        for (long o : observed) {
            total += o;
        }
        List<double[]> bins = new ArrayList<>();
        double restExpected = 0;
        long restObserved = 0;
        for (int c = 0; c < law.length; c++) {
            double e = law[c] * total;
            if (e >= 5) {
                bins.add(new double[] {e, observed[c]});
            } else {
                assertTrue(law[c] > 0 || observed[c] == 0, "emitted a sequence of probability 0: cell " + c);
                restExpected += e;
                restObserved += observed[c];
            }
        }
        if (restExpected >= 5) {
            bins.add(new double[] {restExpected, restObserved});
        }
        double[] expected = new double[bins.size()];
        long[] seen = new long[bins.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = bins.get(i)[0];
            seen[i] = (long) bins.get(i)[1];
        }
        return new ChiSquareTest().chiSquareTest(expected, seen);
    }
}
