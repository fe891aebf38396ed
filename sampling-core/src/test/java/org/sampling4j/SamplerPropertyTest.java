package org.sampling4j;

import org.sampling4j.chain.LogitsProcessor;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sampling4j.processor.MinPProcessor;
import org.sampling4j.processor.TemperatureProcessor;
import org.sampling4j.processor.TopKProcessor;
import org.sampling4j.processor.TopPProcessor;

/**
 * Properties of whole chains over arbitrary seeded inputs. Each example draws a long; every row,
 * history and parameter set is derived from it with a SplittableRandom, so a reported
 * counter-example ("Falsifying example: ...") reproduces from that one number.
 */
class SamplerPropertyTest {
    private static final long SEED = 0x5A4D_0401L;
    private static final int EXAMPLES = 1_000;
    /**
     * The sampler's weights are float32 (FastExp: within 2 ulp, 2.4e-7 relative) summed in double;
     * the check's are double: masses may differ by about 2.4e-7 relative, so 1e-6 absolute on a
     * mass in [0, 1] is a safe margin.
     */
    private static final double MASS_TOLERANCE = 1e-6;

    @Test
    void temperatureZeroEqualsTopKOneEqualsGreedyArgmax() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(longs().all(), integers().between(1, 300))
                .checkAssert((seed, v) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    float[] logits = LogitsFixtures.varied(r, v);
                    int argmax = ReferenceSampler.order(logits).get(0);
                    int t0 = sample(SamplingParams.builder().temperature(0).seed(seed).build(), logits);
                    int k1 = sample(SamplingParams.builder().topK(1).seed(seed).build(), logits);
                    int k1Hot = sample(SamplingParams.builder().topK(1).temperature(1.7).seed(seed).build(), logits);
                    check(t0 == argmax && k1 == argmax && k1Hot == argmax,
                            "argmax " + argmax + ", T=0 " + t0 + ", top-k 1 " + k1 + " / " + k1Hot);
                });
    }

    @Test
    void sameSeedReproducesAWholeMultiStepSequence() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int v = 2 + r.nextInt(500);
            SamplingParams p = LogitsFixtures.params(r, v);
            float[][] rows = new float[12][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = LogitsFixtures.normal(r, v, 2);
            }
            int[] prompt = LogitsFixtures.tokens(r, v, 10);
            check(Arrays.equals(generate(p, rows, prompt), generate(p, rows, prompt)), "two runs differ");
        });
    }

    @Test
    void tokenAtStepTIsTheSameWhetherOrNotStepsBeforeItRan() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int v = 2 + r.nextInt(500);
            SamplingParams p = LogitsFixtures.params(r, v);
            float[][] rows = new float[10][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = LogitsFixtures.normal(r, v, 2);
            }
            int[] prompt = LogitsFixtures.tokens(r, v, 10);
            int[] full = generate(p, rows, prompt);
            int t = r.nextInt(rows.length);
            Sampler sampler = Sampler.of(p, v);
            SequenceState resumed = SequenceState.resume(p.seed().getAsLong(), prompt, Arrays.copyOf(full, t));
            int token = sampler.sample(rows[t], resumed, new Workspace(v));
            check(token == full[t], "step " + t + ": replayed " + full[t] + ", resumed " + token);
        });
    }

    @Test
    void matchesTheDoublePrecisionReference() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int v = 1 + r.nextInt(r.nextBoolean() ? 40 : 3000);
            float[] logits = LogitsFixtures.varied(r, v);
            SamplingParams p = LogitsFixtures.params(r, v);
            int[] prompt = LogitsFixtures.tokens(r, v, 12);
            int[] generated = LogitsFixtures.tokens(r, v, 12);
            float[] expected = ReferenceSampler.process(logits, p, prompt, generated);
            if (ReferenceSampler.order(expected).isEmpty()) {
                return; // every token masked: the sampler must throw, covered by the robustness property
            }
            float[] actual = new float[v];
            Sampler.of(p, v).process(logits, SequenceState.resume(1, prompt, generated), new Workspace(v), actual);
            check(Arrays.equals(expected, actual), "params " + p + "\nexpected " + Arrays.toString(expected)
                    + "\nactual   " + Arrays.toString(actual));
        });
    }

    @Test
    void topPKeepsTheMinimalMostProbableSetWithMassAtLeastP() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(longs().all(), integers().between(2, 4000), doubles().between(0.01, 0.999))
                .checkAssert((seed, v, topP) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    float[] logits = LogitsFixtures.normal(r, v, r.nextDouble(0.1, 6));
                    float[] out = process(logits, new TopPProcessor(topP, 1));
                    double[] prob = ReferenceSampler.probabilities(logits);
                    List<Integer> order = ReferenceSampler.order(logits);
                    int kept = countKept(out);
                    double mass = 0;
                    for (int i = 0; i < kept; i++) {
                        check(out[order.get(i)] != Float.NEGATIVE_INFINITY, "kept set is not a prefix of the order");
                        mass += prob[order.get(i)];
                    }
                    double withoutLast = mass - prob[order.get(kept - 1)];
                    check(mass >= topP - MASS_TOLERANCE, "mass " + mass + " < p " + topP);
                    check(withoutLast < topP + MASS_TOLERANCE, "not minimal: " + withoutLast + " already reaches " + topP);
                });
    }

    @Test
    void minPKeepsExactlyTheTokensAtLeastMTimesPMax() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(longs().all(), integers().between(1, 4000), doubles().between(0.0001, 1.0))
                .checkAssert((seed, v, minP) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    float[] logits = LogitsFixtures.normal(r, v, r.nextDouble(0.1, 6));
                    float t = (float) r.nextDouble(0.2, 2);
                    float[] out = process(logits, new TemperatureProcessor(t), new MinPProcessor(minP, 1));
                    float max = ReferenceSampler.order(logits).isEmpty() ? 0 : logits[ReferenceSampler.order(logits).get(0)];
                    for (int i = 0; i < v; i++) {
                        double ratio = Math.exp(((double) logits[i] - max) / t);
                        if (Math.abs(ratio - minP) < 1e-9 * Math.max(1, minP)) {
                            continue; // on the threshold within rounding: either answer is right
                        }
                        boolean kept = out[i] != Float.NEGATIVE_INFINITY;
                        check(kept == (ratio >= minP), "token " + i + " ratio " + ratio + " minP " + minP + " kept " + kept);
                    }
                });
    }

    @Test
    void minPAndTopKCommute() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(longs().all(), integers().between(1, 2000), integers().between(1, 60), doubles().between(0.0, 1.0))
                .checkAssert((seed, v, k, minP) -> {
                    float[] logits = LogitsFixtures.varied(new SplittableRandom(seed), v);
                    float[] a = process(logits, new TopKProcessor(k), new MinPProcessor(minP, 1));
                    float[] b = process(logits, new MinPProcessor(minP, 1), new TopKProcessor(k));
                    check(Arrays.equals(a, b), "top-k then min-p differs from min-p then top-k");
                });
    }

    @Test
    void topPOverMinPNeverKeepsMoreThanMinPOverTopP() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(longs().all(), integers().between(1, 2000), doubles().between(0.01, 1.0), doubles().between(0.0, 1.0))
                .checkAssert((seed, v, topP, minP) -> {
                    float[] logits = LogitsFixtures.normal(new SplittableRandom(seed), v, 3);
                    int pThenM = countKept(process(logits, new TopPProcessor(topP, 1), new MinPProcessor(minP, 1)));
                    int mThenP = countKept(process(logits, new MinPProcessor(minP, 1), new TopPProcessor(topP, 1)));
                    check(mThenP <= pThenM, "min-p then top-p kept " + mThenP + " > top-p then min-p " + pThenM);
                });
    }

    @Test
    void theCallersArraysAreNeverModified() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int v = 1 + r.nextInt(2000);
            float[] logits = LogitsFixtures.varied(r, v);
            int[] prompt = LogitsFixtures.tokens(r, v, 8);
            int[] allowed = {0};
            SamplingParams p = LogitsFixtures.params(r, v).toBuilder().build();
            float[] logitsCopy = logits.clone();
            int[] promptCopy = prompt.clone();
            try {
                Sampler.of(p, v).sample(logits, SequenceState.create(seed, prompt), new Workspace(v), new SampleResult());
            } catch (IllegalArgumentException allMasked) {
                // still must not have touched the arrays
            }
            check(Arrays.equals(logits, logitsCopy) && Arrays.equals(prompt, promptCopy) && allowed[0] == 0,
                    "an input array changed");
        });
    }

    private static int sample(SamplingParams p, float[] logits) {
        return Sampler.of(p, logits.length).sample(logits, SequenceState.create(p.seed().getAsLong()), new Workspace(logits.length));
    }

    private static int[] generate(SamplingParams p, float[][] rows, int[] prompt) {
        int v = rows[0].length;
        Sampler sampler = Sampler.of(p, v);
        SequenceState state = sampler.newSequence(prompt);
        Workspace ws = new Workspace(v);
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = sampler.sample(rows[i], state, ws);
        }
        return out;
    }

    static float[] process(float[] logits, LogitsProcessor... processors) {
        Sampler.Builder b = Sampler.builder(logits.length);
        for (LogitsProcessor p : processors) {
            b.add(p);
        }
        float[] out = new float[logits.length];
        b.build().process(logits, SequenceState.create(0), new Workspace(logits.length), out);
        return out;
    }

    private static int countKept(float[] processed) {
        int n = 0;
        for (float v : processed) {
            n += v != Float.NEGATIVE_INFINITY ? 1 : 0;
        }
        return n;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
