package org.sampling4j.speculative;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;

/**
 * {@link SpeculativeLawStatisticalTest} at the wider sizes: the joint law of the first
 * {@value #N} generated tokens at V = 8 (64 cells) and V = 16 (256 cells), K = 1 and 2,
 * drafts drawn from q, standard and block verification, with the plain chain and with one that
 * has penalties, top-k, top-p, min-p and a temperature.
 *
 * <p>Per (V, chain) and mode: {@value #REPETITIONS} repetitions of {@value #RUNS} runs, repetition
 * r with K = 1 + r % 2 and its own seeds; each repetition is a chi-square test at alpha = 0.01
 * against the exact law (cells with an expected count below 5 pooled, as there), and a mode fails
 * when more than {@value #MAX_REJECTIONS} of its repetitions reject: a false alarm of
 * P(Binomial(10, 0.01) > 2) = 0.011% each. Also, as there, the first draft of every round of
 * standard verification is accepted at the rate {@code sum_y min(p(y), q(y))} (within
 * {@value #Z_LIMIT} standard deviations of the sum of independent Bernoulli means, false alarm
 * 6e-5); and for each K the mean number of drafts kept by the first verification of a run is at
 * least standard's under block verification (Sun et al. 2024, theorem 2): {@code block >=
 * standard - 4 se}, se of the difference of the two independent means (false alarm 3e-5 if they
 * were equal).
 */
@Tag("statistical")
class SpeculativeLawWiderStatisticalTest {
    private static final long SEED = 0x5A4D_1516L;
    private static final int N = 2;
    private static final int REPETITIONS = 10;
    private static final int RUNS = 8_000;
    private static final double ALPHA = 0.01;
    private static final int MAX_REJECTIONS = 2;
    private static final double Z_LIMIT = 4.0;
    private static final int[] PROMPT = {1, 2, 2};

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> out = Stream.builder();
        for (int v : new int[] {8, 16}) {
            out.add(Arguments.of("V " + v + ", T 1", v, SamplingParams.builder().build()));
            out.add(Arguments.of("V " + v + ", penalties, top-k, top-p, min-p, T 0.8", v, SamplingParams.builder()
                    .repetitionPenalty(1.3).frequencyPenalty(0.3).presencePenalty(0.2).topK(v / 2 + 1).topP(0.9)
                    .minP(0.04).temperature(0.8).build()));
        }
        return out.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void standardAndBlockVerificationEmitTheTargetLaw(String name, int v, SamplingParams params) {
        int n = N;
        MarkovPair pair = new MarkovPair(SEED + v, v, 1.5, 1.2, 0.8);
        Sampler sampler = Sampler.of(params, v);
        double[] law = pair.law(sampler, PROMPT, n);
        double[][] standard = run(name + ", standard", pair, sampler, law, n, VerificationMode.STANDARD);
        double[][] block = run(name + ", block", pair, sampler, law, n, VerificationMode.BLOCK);
        for (int k = 1; k <= 2; k++) {
            double[] s = standard[k];
            double[] b = block[k];
            double se = Math.sqrt(s[1] / s[2] + b[1] / b[2]);
            assertTrue(b[0] >= s[0] - 4 * se, name + ", K " + k + ": block keeps " + b[0] + " drafts on average, standard "
                    + s[0] + ", se " + se);
        }
    }

    /**
     * Runs the repetitions of one mode, asserting the law (and, standard, the first drafts'
     * acceptance rate); returns per K (index 1, 2) the mean and variance of the drafts the first
     * verification of a run keeps, and the number of runs.
     */
    private static double[][] run(String name, MarkovPair pair, Sampler sampler, double[] law, int n,
            VerificationMode mode) {
        SpeculativeVerifier verifier = SpeculativeVerifier.of(mode);
        Workspace ws = sampler.newWorkspace();
        Verification out = new Verification(2);
        double[][] kept = new double[3][3];
        int rejections = 0;
        double smallest = 1;
        double acceptedFirst = 0;
        double expectedFirst = 0;
        double varianceFirst = 0;
        for (int rep = 0; rep < REPETITIONS; rep++) {
            int k = 1 + rep % 2;
            long[] observed = new long[law.length];
            SplittableRandom drafts = new SplittableRandom(SEED + 7919L * rep + pair.v);
            for (int r = 0; r < RUNS; r++) {
                SequenceState state = SequenceState.create((SEED + rep) * 1_000_003L + r, PROMPT);
                boolean first = true;
                while (state.generatedLength() < n) {
                    int last = state.generatedLength() > 0 ? state.generatedToken(state.generatedLength() - 1)
                            : PROMPT[PROMPT.length - 1];
                    int[] x = pair.drawDrafts(drafts, last, k);
                    double alpha = 0;
                    if (mode == VerificationMode.STANDARD && r % 4 == 0) {
                        double[] p = pair.targetProbabilities(sampler, PROMPT, state.generatedTokens());
                        double[] q = MarkovPair.softmax(pair.draft[last]);
                        for (int y = 0; y < pair.v; y++) {
                            alpha += Math.min(p[y], q[y]);
                        }
                    }
                    verifier.verify(sampler, state, ws, x, pair.targetRows(last, x), pair.draftRows(last, x), out);
                    if (alpha > 0) {
                        acceptedFirst += out.acceptedDrafts() > 0 ? 1 : 0;
                        expectedFirst += alpha;
                        varianceFirst += alpha * (1 - alpha);
                    }
                    if (first) {
                        kept[k][0] += out.acceptedDrafts();
                        kept[k][1] += (double) out.acceptedDrafts() * out.acceptedDrafts();
                        kept[k][2]++;
                        first = false;
                    }
                }
                observed[pair.encode(state.generatedTokens(), n)]++;
            }
            double pValue = SpeculativeLawStatisticalTest.pValue(law, observed);
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
        for (int k = 1; k <= 2; k++) {
            double mean = kept[k][0] / kept[k][2];
            kept[k][1] = kept[k][1] / kept[k][2] - mean * mean;
            kept[k][0] = mean;
        }
        return kept;
    }
}
