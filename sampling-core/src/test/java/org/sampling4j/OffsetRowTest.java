package org.sampling4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A row sampled where it lies in a larger array ({@code sample(logits, offset, ...)}, read in place
 * by chains that only read) gives the same bits as the same row at offset 0, for random
 * configurations of every processor family ({@link LogitsFixtures#extendedParams}), and the
 * caller's array is never written. The values around the row are NaN and +Inf, which the sampler
 * refuses, so any read outside the row makes the step throw or change.
 */
class OffsetRowTest {
    private static final long SEED = 0x0FF5E7L;

    @Test
    void aRowAtAnOffsetSamplesBitIdenticallyToTheSameRowAtZero() {
        SplittableRandom r = new SplittableRandom(SEED);
        int steps = 0;
        for (int config = 0; config < 400; config++) {
            int v = 1 + r.nextInt(r.nextInt(4) == 0 ? 5_000 : 300);
            SamplingParams p = config % 5 == 0
                    ? SamplingParams.builder().temperature(0).topLogprobs(3).build() // plain greedy
                    : LogitsFixtures.extendedParams(r, v).toBuilder().topLogprobs(3).build();
            Sampler sampler = Sampler.of(p, v);
            int[] prompt = LogitsFixtures.tokens(r, v, 10);
            SequenceState atZero = sampler.newSequence(prompt);
            SequenceState atOffset = sampler.newSequence(prompt);
            Workspace w0 = sampler.newWorkspace();
            Workspace w1 = sampler.newWorkspace();
            SampleResult r0 = new SampleResult(3);
            SampleResult r1 = new SampleResult(3);
            for (int i = 0; i < 8; i++, steps++) {
                float[] row = LogitsFixtures.varied(r, v);
                int offset = 1 + r.nextInt(3 * v);
                float[] big = new float[offset + v + 1 + r.nextInt(v)];
                for (int j = 0; j < big.length; j++) {
                    big[j] = j % 2 == 0 ? Float.NaN : Float.POSITIVE_INFINITY;
                }
                System.arraycopy(row, 0, big, offset, v);
                float[] bigBefore = big.clone();
                float[] rowBefore = row.clone();
                String where = "config " + config + " (" + p + "), step " + i + ", V = " + v + ", offset " + offset;
                String expected = outcome(sampler, row, 0, atZero, w0, r0);
                String actual = outcome(sampler, big, offset, atOffset, w1, r1);
                assertEquals(expected, actual, where);
                assertArrayEquals(bigBefore, big, "the caller's array was written: " + where);
                assertArrayEquals(rowBefore, row, "the caller's row was written: " + where);
            }
        }
        assertEquals(3200, steps);
    }

    /** Token, raw bits of every logprob and logit, and the top logprobs, or the refusal's message. */
    private static String outcome(Sampler sampler, float[] logits, int offset, SequenceState state, Workspace w,
                                  SampleResult result) {
        int token;
        try {
            token = sampler.sample(logits, offset, state, w, result);
        } catch (IllegalArgumentException e) {
            // An offset-free message: the same refusal at either offset (every token masked, say).
            return "refused: " + e.getMessage();
        }
        StringBuilder b = new StringBuilder().append(token)
                .append(' ').append(Double.doubleToRawLongBits(result.logprob()))
                .append(' ').append(Double.doubleToRawLongBits(result.rawLogprob()))
                .append(' ').append(Double.doubleToRawLongBits(result.logit()))
                .append(' ').append(Double.doubleToRawLongBits(result.rawLogit()))
                .append(' ').append(result.keptCount()).append(' ').append(result.stopReason());
        for (int k = 0; k < result.topCount(); k++) {
            b.append(' ').append(result.topToken(k)).append(':').append(Double.doubleToRawLongBits(result.topValue(k)));
        }
        return b.append(" length ").append(state.length()).toString();
    }
}
