package org.sampling4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.Nucleus;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.TokenPicker;
import org.sampling4j.picker.GreedyPicker;
import org.sampling4j.processor.TemperatureProcessor;
import org.sampling4j.speculative.SpeculativeVerifier;
import org.sampling4j.speculative.Verification;

/**
 * Greedy's one-pass load (the chain finds the argmax while loading the row, {@link TokenPicker#picksArgmax()})
 * changes nothing a caller can see: against the same greedy picker behind a wrapper that does not
 * claim it (so the chain takes the max pass then the find pass, as before), on random rows of many
 * shapes (ties, +0 and -0, -Inf, all -Inf, NaN and +Inf), at offset 0, at a non-zero offset and
 * from a direct buffer, with and without a {@link SampleResult}, the tokens, every logprob bit, the
 * processed row, the state and the refusals' messages are the same, and the token is the first
 * index of the maximum (an independent loop). Steady-state steps and greedy verification at an
 * offset allocate nothing.
 */
class GreedyLoadTest {
    private static final long SEED = 0x62EED1L;

    /** GreedyPicker's choice without the claim that lets the chain fuse it into the load. */
    private static final TokenPicker UNFUSED = new TokenPicker() {
        @Override
        public String name() {
            return "greedy"; // the same name, so the chain's messages are the same
        }

        @Override
        public int pick(Candidates candidates, SequenceView state) {
            return GreedyPicker.INSTANCE.pick(candidates, state);
        }

        @Override
        public boolean samplesPendingNucleus() {
            return true;
        }

        @Override
        public int pickFromNucleus(Candidates candidates, SequenceView state, Nucleus nucleus) {
            return pick(candidates, state);
        }

        @Override
        public boolean readsCandidatesOnly() {
            return true;
        }
    };

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
            default:
                break;
        }
        return x;
    }

    private static int firstMax(float[] x) {
        float max = Float.NEGATIVE_INFINITY;
        for (float f : x) {
            max = Math.max(max, f);
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] == max) {
                return i;
            }
        }
        throw new AssertionError();
    }

    @Test
    void fusedGreedyStepsEqualTheMaxThenFindStepsOnRandomRows() {
        SplittableRandom r = new SplittableRandom(SEED);
        int[] sizes = {1, 2, 3, 7, 16, 33, 100, 1000, 4097, 32000, 128256};
        int picked = 0;
        for (int run = 0; run < 2 * sizes.length; run++) {
            int v = sizes[run / 2];
            // The bare picker, and the chain temperature 0 builds (its processor keeps the argmax only).
            Sampler.Builder fusedBuilder = Sampler.builder(v).picker(GreedyPicker.INSTANCE).topLogprobs(Math.min(4, v));
            Sampler.Builder unfusedBuilder = Sampler.builder(v).picker(UNFUSED).topLogprobs(Math.min(4, v));
            if (run % 2 == 1) {
                fusedBuilder.add(new TemperatureProcessor(0));
                unfusedBuilder.add(new TemperatureProcessor(0));
            }
            Sampler fused = fusedBuilder.build();
            Sampler unfused = unfusedBuilder.build();
            SequenceState s0 = fused.newSequence(1 % v, 0);
            SequenceState s1 = unfused.newSequence(1 % v, 0);
            Workspace w0 = fused.newWorkspace();
            Workspace w1 = unfused.newWorkspace();
            int rows = v > 10_000 ? 14 : 60;
            for (int i = 0; i < rows; i++) {
                int shape = r.nextInt(10);
                float[] x = row(r, v, shape);
                int offset = r.nextBoolean() ? 0 : 1 + r.nextInt(2 * v);
                float[] big = new float[offset + v + 3];
                Arrays.fill(big, Float.NaN); // any read outside the row would refuse the step
                System.arraycopy(x, 0, big, offset, v);
                float[] before = big.clone();
                String where = fused + " V=" + v + " row " + i + " shape " + shape + " offset " + offset;
                for (int mode = 0; mode < 3; mode++) {
                    String a = outcome(fused, big, offset, x, mode, s0, w0);
                    String b = outcome(unfused, big, offset, x, mode, s1, w1);
                    assertEquals(b, a, where + " mode " + mode);
                    if (!a.startsWith("refused")) {
                        assertEquals(firstMax(x), Integer.parseInt(a.split(" ")[0]), where);
                        picked++;
                    }
                }
                assertArrayEquals(before, big, "the caller's array was written: " + where);
                float[] p0 = new float[v];
                float[] p1 = new float[v];
                if (shape > 3 || shape == 0) {
                    assertEquals(unfused.process(x, s1, w1, p1), fused.process(x, s0, w0, p0), where);
                    assertArrayEquals(p1, p0, "processed row: " + where);
                }
            }
            assertEquals(s1.length(), s0.length());
        }
        assertEquals(true, picked > 1000, "picked " + picked);
    }

    /** mode 0: no result; 1: a result; 2: a direct buffer with a result. The token, the logprobs' bits, the state. */
    private static String outcome(Sampler sampler, float[] big, int offset, float[] x, int mode, SequenceState state,
                                  Workspace w) {
        SampleResult result = mode == 0 ? null : new SampleResult(4);
        int token;
        try {
            if (mode == 2) {
                FloatBuffer direct = ByteBuffer.allocateDirect(4 * x.length).order(ByteOrder.nativeOrder()).asFloatBuffer();
                direct.put(x).flip();
                token = sampler.sample(direct, state, w, result);
            } else {
                token = sampler.sample(big, offset, state, w, result);
            }
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
    void greedyStepsAndVerificationAtAnOffsetAllocateNothingInSteadyState() {
        int v = 4096;
        int k = 4;
        float[] rows = LogitsFixtures.normal(new SplittableRandom(SEED + 1), (k + 1) * v, 3);
        Sampler sampler = Sampler.of(SamplingParams.builder().temperature(0).build(), v);
        Workspace ws = sampler.newWorkspace();
        SequenceState state = sampler.newSequence(1, 2, 3);
        int[] drafts = new int[k];
        for (int i = 0; i < k; i++) {
            drafts[i] = sampler.sample(rows, i * v, state, ws, null);
        }
        state.rollback(k);
        Verification out = new Verification(k);
        SpeculativeVerifier verifier = SpeculativeVerifier.standard();
        long steps = SteadyState.fewestBytes(() -> {
            for (int i = 0; i < 100; i++) {
                sampler.sample(rows, (i % (k + 1)) * v, state, ws, null);
                state.rollback(1);
            }
        });
        assertEquals(0, steps, "bytes allocated by the best round of 100 greedy steps at offsets");
        long verifications = SteadyState.fewestBytes(() -> {
            for (int i = 0; i < 100; i++) {
                int n = verifier.verify(sampler, state, ws, drafts, rows, 0, null, 0, out);
                state.rollback(n);
            }
        });
        assertEquals(0, verifications, "bytes allocated by the best round of 100 greedy verifications");
        assertEquals(k + 1, out.count(), "every draft is the plain greedy token");
    }
}
