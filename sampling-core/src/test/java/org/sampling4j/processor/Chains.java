package org.sampling4j.processor;

import java.util.Arrays;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.Sampler;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;

/** Runs a few processors on a tiny hand-made row, the way processor unit tests need it. */
final class Chains {
    static final float NEG_INF = Float.NEGATIVE_INFINITY;

    private Chains() {
    }

    static float[] process(float[] logits, LogitsProcessor... processors) {
        return process(logits, new int[0], new int[0], processors);
    }

    static float[] process(float[] logits, int[] prompt, int[] generated, LogitsProcessor... processors) {
        Sampler.Builder b = Sampler.builder(logits.length);
        for (LogitsProcessor p : processors) {
            b.add(p);
        }
        float[] before = logits.clone();
        float[] out = new float[logits.length];
        b.build().process(logits, SequenceState.resume(1, prompt, generated), new Workspace(logits.length), out);
        if (!Arrays.equals(before, logits)) {
            throw new AssertionError("the caller's logits were modified");
        }
        return out;
    }

    /** Ids of the kept (finite) tokens, ascending. */
    static int[] kept(float[] processed) {
        return java.util.stream.IntStream.range(0, processed.length)
                .filter(i -> processed[i] != NEG_INF).toArray();
    }
}
