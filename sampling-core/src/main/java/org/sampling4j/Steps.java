package org.sampling4j;

import java.nio.FloatBuffer;
import java.util.Objects;
import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.Chain;
import org.sampling4j.chain.TokenPicker;

/**
 * What one call of {@link Sampler} does once its arguments are checked: run the compiled
 * {@link Chain} on the workspace's candidates, pick, fill the {@link SampleResult} and advance the
 * {@link SequenceState}. Kept apart from {@code Sampler}, whose job is the public surface (the row's
 * many shapes: arrays, offsets, buffers; {@link RowArguments} checks them), so each reads on its own.
 */
final class Steps {
    private final Chain chain;
    private final int topLogprobs;
    private final LogprobsMode logprobsMode;
    private final StopConditions stop;

    /** @throws IllegalArgumentException when a stop token id is outside the chain's vocabulary */
    Steps(Chain chain, int topLogprobs, LogprobsMode logprobsMode, StopConditions stop) {
        if (stop.maxTokenId() >= chain.vocabSize()) {
            throw new IllegalArgumentException("stop token id " + stop.maxTokenId() + " is outside [0, " + chain.vocabSize()
                    + ")");
        }
        this.chain = chain;
        this.topLogprobs = topLogprobs;
        this.logprobsMode = logprobsMode;
        this.stop = stop;
    }

    /** One token from the row at {@code offset}; {@code state} advances by it. */
    int sampleRow(float[] logits, int offset, float[] unconditional, SequenceState state, Workspace workspace,
                  SampleResult result) {
        return sampleRow(logits, offset, unconditional, state, workspace, result, chain.picker());
    }

    /** As the plain step, with {@code picker} choosing in place of the chain's own. */
    int sampleRow(float[] logits, int offset, float[] unconditional, SequenceState state, Workspace workspace,
                  SampleResult result, TokenPicker picker) {
        Candidates c = run(logits, offset, unconditional, state, workspace);
        try {
            int token = chain.pick(c, state, 0, picker);
            if (token < 0 || token >= chain.vocabSize()) {
                throw new IllegalArgumentException("the picker " + picker.name() + " returned token " + token
                        + ", outside [0, " + chain.vocabSize() + ")");
            }
            if (result != null) {
                Logprobs.fill(result, c, token, logits, offset, Math.min(topLogprobs, result.capacity()), logprobsMode);
            }
            state.accept(token, c.nextPickerState());
            if (result != null) {
                result.setStopReason(stop.check(state));
            }
            return token;
        } finally {
            Chain.release(c);
        }
    }

    /**
     * One token from the V floats of {@code logits} at absolute {@code index}: a heap buffer's
     * array is read in place, a direct buffer is copied once into the workspace.
     */
    int sampleBuffer(FloatBuffer logits, int index, SequenceState state, Workspace workspace, SampleResult result) {
        if (logits.hasArray()) {
            return sampleRow(logits.array(), logits.arrayOffset() + index, null, state, workspace, result);
        }
        Objects.requireNonNull(workspace, "workspace");
        // Without a result the raw row is not needed after loading, so it goes straight into the
        // working row; with one, Logprobs reads the raw row at the end, so it is staged apart.
        float[] row = result == null ? workspace.candidates().rowForLoading() : workspace.stagingRow();
        logits.get(index, row, 0, chain.vocabSize());
        return sampleRow(row, 0, null, state, workspace, result);
    }

    /** Draws j = 0 .. tokens.length - 1 of one step; {@code state} is left where it was. */
    void sampleMany(float[] logits, SequenceState state, Workspace workspace, int[] tokens, SampleResult[] results) {
        Candidates c = workspace == null ? null : workspace.candidates();
        try {
            boolean rerun = true;
            for (int j = 0; j < tokens.length; j++) {
                if (rerun) {
                    run(logits, 0, null, state, workspace);
                }
                boolean pending = c.nucleusPending();
                tokens[j] = chain.pick(c, state, j);
                SampleResult r = results == null ? null : results[j];
                if (r != null) {
                    Logprobs.fill(r, c, tokens[j], logits, 0, Math.min(topLogprobs, r.capacity()), logprobsMode);
                    state.accept(tokens[j]);
                    r.setStopReason(stop.check(state));
                    state.rollback(1);
                }
                // Draw j + 1 must see the candidates draw 0 saw: a picker that truncates them, or a
                // pending cut carried out (by a result, or by the rejection fallback), means rerunning.
                rerun = !chain.picker().readsCandidatesOnly() || pending && !c.nucleusPending();
            }
        } finally {
            Chain.release(c);
        }
    }

    /** The processed row into {@code out}; returns the number of kept tokens. */
    int process(float[] logits, float[] unconditional, SequenceState state, Workspace workspace, float[] out) {
        Candidates c = run(logits, 0, unconditional, state, workspace);
        try {
            return chain.writeProcessed(c, out);
        } finally {
            Chain.release(c);
        }
    }

    /** Runs the chain on the workspace's candidates (which forget the caller's rows should it throw). */
    private Candidates run(float[] logits, int offset, float[] unconditional, SequenceState state, Workspace workspace) {
        Objects.requireNonNull(workspace, "workspace");
        return chain.run(logits, offset, unconditional, state, workspace.candidates());
    }
}
