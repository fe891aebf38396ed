package org.sampling4j;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * For arbitrary logits (NaN, +-Inf, subnormals, huge magnitudes, all equal, all -Inf), arbitrary
 * parameters (valid or not) and arbitrary histories, a step either returns a token in [0, V) with
 * finite logprobs or throws an IllegalArgumentException with a message; nothing else escapes and
 * the caller's arrays are unchanged.
 */
class RobustnessPropertyTest {
    private static final long SEED = 0x5A4D_0601L;
    private static final float[] SPECIALS = {
        Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE,
        Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 0f, -0f, 1e30f, -1e30f, 3e38f
    };

    @Test
    void everyStepReturnsAValidTokenOrAClearIllegalArgumentException() {
        qt().withFixedSeed(SEED).withExamples(3_000).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int v = 1 + r.nextInt(r.nextBoolean() ? 8 : 2000);
            float[] logits = logits(r, v);
            int[] prompt = history(r, v);
            int[] generated = history(r, v);
            float[] logitsCopy = logits.clone();
            int[] promptCopy = prompt.clone();
            int[] generatedCopy = generated.clone();
            try {
                SamplingParams p = params(r, v);
                Sampler sampler = Sampler.of(p, v);
                SequenceState state = SequenceState.resume(seed, prompt, generated);
                SampleResult result = new SampleResult();
                int token = sampler.sample(logits, state, new Workspace(v), result);
                check(token >= 0 && token < v, "token " + token + " outside [0, " + v + ")");
                check(Double.isFinite(result.logprob()) && result.logprob() <= 1e-12, "logprob " + result.logprob());
                check(Double.isFinite(result.rawLogprob()) && result.rawLogprob() <= 1e-12, "raw logprob " + result.rawLogprob());
                check(result.token() == token && result.keptCount() >= 1, "result " + result);
            } catch (IllegalArgumentException expected) {
                check(expected.getMessage() != null && expected.getMessage().length() > 10, "no message");
            }
            check(Arrays.equals(logits, logitsCopy), "logits modified");
            check(Arrays.equals(prompt, promptCopy) && Arrays.equals(generated, generatedCopy), "history modified");
        });
    }

    private static float[] logits(SplittableRandom r, int v) {
        switch (r.nextInt(6)) {
            case 0: {
                float[] x = new float[v];
                Arrays.fill(x, SPECIALS[r.nextInt(SPECIALS.length)]);
                return x;
            }
            case 1: {
                float[] x = new float[v];
                Arrays.fill(x, Float.NEGATIVE_INFINITY);
                return x;
            }
            default: {
                float[] x = LogitsFixtures.normal(r, v, Math.pow(10, r.nextInt(8) - 3));
                double specialRate = r.nextInt(3) == 0 ? 0 : r.nextDouble(0.3);
                for (int i = 0; i < v; i++) {
                    if (r.nextDouble() < specialRate) {
                        x[i] = SPECIALS[r.nextInt(SPECIALS.length)];
                    }
                }
                return x;
            }
        }
    }

    private static int[] history(SplittableRandom r, int v) {
        int[] t = new int[r.nextInt(6)];
        for (int i = 0; i < t.length; i++) {
            t[i] = r.nextInt(50) == 0 ? v + r.nextInt(3) : r.nextInt(v);
        }
        return t;
    }

    /** Valid parameters most of the time, with a wild or invalid value thrown in. */
    private static SamplingParams params(SplittableRandom r, int v) {
        SamplingParams.Builder b = LogitsFixtures.params(r, v).toBuilder();
        double[] wild = {Double.NaN, Double.POSITIVE_INFINITY, -1, 0, 1e-30, 1e30, 1.5, -1e38, 3e38, Double.MIN_VALUE};
        switch (r.nextInt(10)) {
            case 0: return b.temperature(wild[r.nextInt(wild.length)]).build();
            case 1: return b.topP(wild[r.nextInt(wild.length)]).build();
            case 2: return b.minP(wild[r.nextInt(wild.length)]).build();
            case 3: return b.repetitionPenalty(wild[r.nextInt(wild.length)]).build();
            case 4: return b.frequencyPenalty(wild[r.nextInt(wild.length)]).presencePenalty(wild[r.nextInt(wild.length)]).build();
            case 5: return b.logitBias(r.nextInt(v + 2) - 1, (float) wild[r.nextInt(wild.length)]).build();
            case 6: return b.topK(r.nextInt() % (v + 5)).minKeep(r.nextInt(5) - 1).build();
            default: return b.build();
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
