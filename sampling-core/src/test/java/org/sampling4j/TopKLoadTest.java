package org.sampling4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.processor.FrequencyPresencePenaltyProcessor;
import org.sampling4j.processor.MinPProcessor;
import org.sampling4j.processor.PenaltyScope;
import org.sampling4j.processor.RepetitionPenaltyProcessor;
import org.sampling4j.processor.TemperatureProcessor;
import org.sampling4j.processor.TopKProcessor;
import org.sampling4j.processor.TopPProcessor;

/**
 * Top-k's fused load (the chain selects the k best while loading the row, after the penalties if
 * and temperature if any, {@link org.sampling4j.chain.BestKCut}) changes nothing a caller can see: against the same
 * chain whose top-k sits behind a wrapper that does not claim it (so the row is loaded, copied
 * when penalties write it, and scanned again, as before), on random rows of many shapes (ties,
 * +0 and -0, -Inf, all -Inf, constant rows, NaN and +Inf), with histories that repeat tokens and
 * hit the top of the row, at offset 0 and at an offset, for k from 1 to V - 1, the token, every
 * logprob bit, the processed row, the refusals' messages and the state are the same, and the
 * caller's array is never written.
 */
class TopKLoadTest {
    private static final long SEED = 0x70F4L;

    /** The same top-k step under the same name, without the claim that lets the chain fuse it. */
    private static LogitsProcessor unfused(TopKProcessor topK) {
        return new LogitsProcessor() {
            @Override
            public String name() {
                return topK.name();
            }

            @Override
            public String parameters() {
                return topK.parameters();
            }

            @Override
            public boolean writesLogits() {
                return false;
            }

            @Override
            public void apply(Candidates candidates, SequenceView state) {
                topK.apply(candidates, state);
            }
        };
    }

    private static float[] row(SplittableRandom r, int v, int shape) {
        float[] x = LogitsFixtures.varied(r, v);
        switch (shape) {
            case 0:
                for (int i = 0; i < v; i++) {
                    x[i] = r.nextInt(3) == 0 ? -1f : r.nextBoolean() ? 0f : -0f;
                }
                break;
            case 1:
                Arrays.fill(x, Float.NEGATIVE_INFINITY);
                break;
            case 2:
                x[r.nextInt(v)] = Float.NaN;
                x[r.nextInt(v)] = Float.POSITIVE_INFINITY;
                break;
            case 3:
                x[r.nextInt(v)] = r.nextBoolean() ? Float.NaN : Float.POSITIVE_INFINITY;
                break;
            case 4:
                Arrays.fill(x, 0.5f);
                break;
            case 5:
                for (int i = 0; i < v; i++) {
                    x[i] = r.nextInt(4) == 0 ? Float.NEGATIVE_INFINITY : (float) r.nextInt(5);
                }
                break;
            default:
                break;
        }
        return x;
    }

    /** Some tokens at random, some repeated, some among the row's largest (what a penalty moves). */
    private static int[] history(SplittableRandom r, float[] x, int length) {
        int v = x.length;
        int[] h = new int[length];
        int best = 0;
        for (int i = 1; i < v; i++) {
            best = x[i] > x[best] ? i : best;
        }
        for (int i = 0; i < length; i++) {
            int kind = r.nextInt(4);
            h[i] = kind == 0 ? best : kind == 1 && i > 0 ? h[r.nextInt(i)] : r.nextInt(v);
        }
        return h;
    }

    private static List<LogitsProcessor> prefix(int variant) {
        List<LogitsProcessor> p = new ArrayList<>();
        switch (variant) {
            case 1:
                p.add(new RepetitionPenaltyProcessor(1.3, PenaltyScope.PROMPT_AND_GENERATED, 0));
                break;
            case 2:
                // The canonical full chain's order.
                p.add(new RepetitionPenaltyProcessor(1.1, PenaltyScope.PROMPT_AND_GENERATED, 64));
                p.add(new FrequencyPresencePenaltyProcessor(0.3, 0.6, 64));
                p.add(new TemperatureProcessor(0.7));
                break;
            case 3:
                // Negative penalties reward repetition: history tokens climb into the k best; the
                // temperature is pending when they apply it.
                p.add(new TemperatureProcessor(1.3));
                p.add(new FrequencyPresencePenaltyProcessor(-1.5, -2, 0));
                p.add(new RepetitionPenaltyProcessor(0.5, PenaltyScope.GENERATED, 5));
                break;
            case 4:
                // HF's "temperature, then top-k": a lone lazy temperature, so the load keeps no
                // place for the history's tokens.
                p.add(new TemperatureProcessor(0.7));
                break;
            case 5:
                // Two temperatures: the second divides by the first, so the history keeps its place.
                p.add(new TemperatureProcessor(1.3));
                p.add(new TemperatureProcessor(0.7));
                break;
            default:
                break;
        }
        return p;
    }

    private static Sampler sampler(int v, int variant, int k, boolean fused) {
        return sampler(v, variant, k, fused, Math.min(4, v));
    }

    private static Sampler sampler(int v, int variant, int k, boolean fused, int topLogprobs) {
        Sampler.Builder b = Sampler.builder(v).topLogprobs(topLogprobs);
        for (LogitsProcessor p : prefix(variant)) {
            b.add(p);
        }
        TopKProcessor topK = new TopKProcessor(k);
        b.add(fused ? topK : unfused(topK));
        if (variant == 2) {
            b.add(new TopPProcessor(0.9, 1)).add(new MinPProcessor(0.05, 1));
        } else if (variant == 1) {
            b.add(new TemperatureProcessor(0.7));
        }
        return b.build();
    }

    @Test
    void fusedTopKStepsEqualTheLoadThenScanStepsOnRandomRows() {
        SplittableRandom r = new SplittableRandom(SEED);
        int[] sizes = {2, 3, 7, 16, 33, 100, 1000, 4097, 32000, 128256};
        int picked = 0;
        int refused = 0;
        for (int v : sizes) {
            for (int variant = 0; variant < 6; variant++) {
                int[] ks = {1, 2, Math.max(1, v / 3), Math.min(50, v - 1), v - 1};
                int k = ks[r.nextInt(ks.length)];
                Sampler fused = sampler(v, variant, k, true);
                Sampler unfused = sampler(v, variant, k, false);
                assertEquals(unfused.toString(), fused.toString());
                Workspace w0 = fused.newWorkspace();
                Workspace w1 = unfused.newWorkspace();
                int rows = v > 10_000 ? 6 : 40;
                for (int i = 0; i < rows; i++) {
                    int shape = r.nextInt(9);
                    float[] x = row(r, v, shape);
                    int[] prompt = history(r, x, r.nextInt(8));
                    int[] generated = history(r, x, r.nextInt(90));
                    int offset = r.nextBoolean() ? 0 : 1 + r.nextInt(2 * v);
                    float[] big = new float[offset + v + 3];
                    Arrays.fill(big, Float.NaN); // any read outside the row would refuse the step
                    System.arraycopy(x, 0, big, offset, v);
                    float[] before = big.clone();
                    String where = fused + " k=" + k + " V=" + v + " row " + i + " shape " + shape
                            + " offset " + offset + " history " + (prompt.length + generated.length);
                    for (int mode = 0; mode < 2; mode++) {
                        SequenceState s0 = SequenceState.resume(SEED + i, prompt, generated);
                        SequenceState s1 = SequenceState.resume(SEED + i, prompt, generated);
                        String a = outcome(fused, big, offset, mode, s0, w0);
                        String b = outcome(unfused, big, offset, mode, s1, w1);
                        assertEquals(b, a, where + " mode " + mode);
                        if (a.startsWith("refused")) {
                            refused++;
                        } else {
                            picked++;
                        }
                    }
                    assertArrayEquals(before, big, "the caller's array was written: " + where);
                    if (shape != 2 && shape != 3 && shape != 1) {
                        float[] p0 = new float[v];
                        float[] p1 = new float[v];
                        SequenceState s0 = SequenceState.resume(SEED, prompt, generated);
                        SequenceState s1 = SequenceState.resume(SEED, prompt, generated);
                        assertEquals(unfused.process(x, s1, w1, p1), fused.process(x, s0, w0, p0), where);
                        assertArrayEquals(p1, p0, "processed row: " + where);
                    }
                }
            }
        }
        assertTrue(picked > 1000, "picked " + picked);
        assertTrue(refused > 50, "refused " + refused);
    }

    /** mode 0: no result; 1: a result. The token, the logprobs' bits, the state. */
    private static String outcome(Sampler sampler, float[] big, int offset, int mode, SequenceState state, Workspace w) {
        SampleResult result = mode == 0 ? null : new SampleResult(4);
        int token;
        try {
            token = sampler.sample(big, offset, state, w, result);
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage() + " length " + state.length();
        }
        StringBuilder b = new StringBuilder().append(token);
        if (result != null) {
            b.append(' ').append(Double.doubleToRawLongBits(result.logprob()))
                    .append(' ').append(Double.doubleToRawLongBits(result.rawLogprob()))
                    .append(' ').append(Double.doubleToRawLongBits(result.logit()))
                    .append(' ').append(Double.doubleToRawLongBits(result.rawLogit()))
                    .append(' ').append(result.keptCount());
            for (int k = 0; k < result.topCount(); k++) {
                b.append(' ').append(result.topToken(k)).append(':').append(Double.doubleToRawLongBits(result.topValue(k)));
            }
        }
        return b.append(" length ").append(state.length()).toString();
    }

    @Test
    void theFullChainsFusedStepAllocatesNothingInSteadyState() {
        int v = 32000;
        float[] x = LogitsFixtures.normal(new SplittableRandom(SEED + 1), v, 3);
        Sampler sampler = Sampler.of(SamplingParams.builder().penaltyLastN(64).repetitionPenalty(1.1)
                .frequencyPenalty(0.3).presencePenalty(0.6).topK(50).topP(0.9).minP(0.05).temperature(0.7).build(), v);
        Workspace ws = sampler.newWorkspace();
        SequenceState state = sampler.newSequence(history(new SplittableRandom(SEED + 2), x, 64));
        long fewest = SteadyState.fewestBytes(() -> {
            for (int i = 0; i < 100; i++) {
                sampler.sample(x, state, ws);
                state.rollback(1);
            }
        });
        assertEquals(0, fewest, "bytes allocated by the best round of 100 full-chain steps");
        assertTrue(sampler.toString().startsWith("repetition-penalty > frequency-presence-penalty > temperature > top-k"), sampler.toString());
    }
}
