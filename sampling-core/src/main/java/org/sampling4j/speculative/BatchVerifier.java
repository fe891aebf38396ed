package org.sampling4j.speculative;

import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;
import org.sampling4j.Sampler;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.sampling4j.internal.Range;

/**
 * Verifies the drafts of B sequences from one forward pass of the target: the logits of every
 * sequence's K_r + 1 scored positions are rows of one {@code float[]} (the {@code [tokens x V]}
 * tensor a runtime gets back from a batched verification pass), sequence r's starting at row
 * {@code targetRows[r]}; draft logits likewise at {@code draftRows[r]}, or none (one-hot drafts
 * for every sequence when {@code draftRows} is null, for sequence r when {@code draftRows[r] < 0}).
 * Each sequence has its own {@link Sampler}, {@link SequenceState}, drafts (any K_r) and
 * {@link Verification}.
 *
 * <p>Sequences run on {@code threads} threads (the caller and {@code threads - 1} tasks of a
 * {@link ForkJoinPool}, default the common pool), each on its own {@link Workspace}, taking
 * sequences from a shared counter. A sequence's result depends only on its rows, sampler, state
 * and drafts, never on the thread, the batch or its place in it: bit-identical to
 * {@link SpeculativeVerifier#verify} on the sequence alone. Steady state allocates nothing.
 *
 * <p>A sequence that fails gets {@code count() = 0} (its state as the single verify leaves it);
 * the others are verified, and then an {@link IllegalArgumentException} names the first failed
 * sequence. One batch at a time: not thread-safe.
 */
public final class BatchVerifier {
    private final int vocabSize;
    private final SpeculativeVerifier verifier;
    private final ForkJoinPool pool;
    private final Helper[] helpers;
    private Workspace callerWorkspace;
    private final AtomicInteger next = new AtomicInteger();
    private final Object failureLock = new Object();

    // The current batch, published to the helpers by ForkJoinPool.execute.
    private Sampler[] samplers;
    private SequenceState[] states;
    private int[][] drafts;
    private float[] target;
    private int[] targetRows;
    private float[] draft;
    private int[] draftRows;
    private float[][] logProbs;
    private Verification[] out;
    private int failedRow;
    private RuntimeException failure;

    private BatchVerifier(Builder b) {
        this.vocabSize = b.vocabSize;
        this.verifier = SpeculativeVerifier.of(b.mode);
        this.pool = b.pool;
        int threads = b.threads < 0 ? pool.getParallelism() + 1 : b.threads;
        this.helpers = new Helper[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper();
        }
    }

    /** A builder for rows of {@code vocabSize} logits. */
    public static Builder builder(int vocabSize) {
        return new Builder(vocabSize);
    }

    /** How many threads (the caller included) verify a batch. */
    public int threads() {
        return helpers.length + 1;
    }

    /** How drafts are kept. */
    public VerificationMode mode() {
        return verifier.mode();
    }

    /**
     * Verifies sequence r for r in [0, B), B = {@code states.length}: drafts {@code draftTokens[r]},
     * target rows {@code targetRows[r] .. targetRows[r] + K_r} of {@code targetLogits}, draft rows
     * from {@code draftRows[r]} of {@code draftLogits} (see the class comment for one-hot drafts),
     * results into {@code out[r]}. The logits are not modified.
     *
     * @throws IllegalArgumentException on arrays shorter than B, the same state twice, a sampler
     *                                  for another V (checked before any sequence runs), or a
     *                                  failed sequence (after the others ran)
     */
    public void verify(Sampler[] samplers, SequenceState[] states, int[][] draftTokens, float[] targetLogits,
            int[] targetRows, float[] draftLogits, int[] draftRows, Verification[] out) {
        verify(samplers, states, draftTokens, targetLogits, targetRows, draftLogits, draftRows, null, out);
    }

    /**
     * As {@link #verify(Sampler[], SequenceState[], int[][], float[], int[], float[], int[], Verification[])}
     * with the drafters' log-probabilities: {@code draftLogProbs[r]} (when the array and that entry
     * are not null, and sequence r has draft rows) is {@code log q(x_i)} of sequence r's drafts, as
     * in {@link SpeculativeVerifier}'s log-probability entry point, which then reads sequence r's
     * draft rows only at a rejection.
     */
    public void verify(Sampler[] samplers, SequenceState[] states, int[][] draftTokens, float[] targetLogits,
            int[] targetRows, float[] draftLogits, int[] draftRows, float[][] draftLogProbs, Verification[] out) {
        check(samplers, states, draftTokens, targetLogits, targetRows, draftLogits, draftRows, out);
        if (draftLogProbs != null) {
            length("draftLogProbs", draftLogProbs.length, states.length);
        }
        this.logProbs = draftLogProbs;
        this.samplers = samplers;
        this.states = states;
        this.drafts = draftTokens;
        this.target = targetLogits;
        this.targetRows = targetRows;
        this.draft = draftLogits;
        this.draftRows = draftRows;
        this.out = out;
        this.failure = null;
        this.failedRow = Integer.MAX_VALUE;
        next.set(0);
        int started = 0;
        try {
            for (int i = 0; i < helpers.length && i + 1 < states.length; i++) {
                helpers[i].reinitialize();
                pool.execute(helpers[i]);
                started++;
            }
            if (callerWorkspace == null) {
                callerWorkspace = new Workspace(vocabSize);
            }
            drain(callerWorkspace);
        } finally {
            for (int i = 0; i < started; i++) {
                helpers[i].join();
            }
            RuntimeException failed = failure;
            int row = failedRow;
            this.samplers = null;
            this.states = null;
            this.drafts = null;
            this.target = null;
            this.draft = null;
            this.targetRows = null;
            this.draftRows = null;
            this.logProbs = null;
            this.out = null;
            this.failure = null;
            if (failed != null) {
                throw new IllegalArgumentException("sequence " + row + " of the batch: " + failed.getMessage(), failed);
            }
        }
    }

    private void check(Sampler[] s, SequenceState[] st, int[][] d, float[] t, int[] tRows, float[] dl, int[] dRows,
            Verification[] o) {
        Objects.requireNonNull(s, "samplers");
        Objects.requireNonNull(st, "states");
        Objects.requireNonNull(d, "draftTokens");
        Objects.requireNonNull(t, "targetLogits");
        Objects.requireNonNull(tRows, "targetRows");
        Objects.requireNonNull(o, "out");
        int b = st.length;
        length("samplers", s.length, b);
        length("draftTokens", d.length, b);
        length("targetRows", tRows.length, b);
        length("out", o.length, b);
        if (dRows != null) {
            length("draftRows", dRows.length, b);
            Objects.requireNonNull(dl, "draftLogits (draftRows is not null)");
        }
        for (int r = 0; r < b; r++) {
            if (st[r] == null || s[r] == null || o[r] == null || d[r] == null) {
                throw new NullPointerException((st[r] == null ? "states[" : s[r] == null ? "samplers["
                        : o[r] == null ? "out[" : "draftTokens[") + r + "]");
            }
            if (s[r].vocabSize() != vocabSize) {
                throw new IllegalArgumentException("samplers[" + r + "].vocabSize() = " + s[r].vocabSize()
                        + " but this batch's rows have " + vocabSize + " logits");
            }
            for (int q = 0; q < r; q++) {
                if (st[q] == st[r] || o[q] == o[r]) {
                    throw new IllegalArgumentException((st[q] == st[r] ? "states[" : "out[") + q + "] and [" + r
                            + "] are the same object: each sequence needs its own state and Verification");
                }
            }
        }
    }

    private static void length(String field, int length, int rows) {
        if (length < rows) {
            throw new IllegalArgumentException(field + ".length = " + length + " but the batch has " + rows
                    + " sequences (states.length)");
        }
    }

    private void drain(Workspace ws) {
        for (int r = next.getAndIncrement(); r < states.length; r = next.getAndIncrement()) {
            try {
                boolean oneHot = draftRows == null || draftRows[r] < 0;
                int targetOffset = rowOffset("targetRows", r, targetRows[r]);
                if (!oneHot && logProbs != null && logProbs[r] != null) {
                    verifier.verify(samplers[r], states[r], ws, drafts[r], target, targetOffset, draft,
                            rowOffset("draftRows", r, draftRows[r]), logProbs[r], out[r]);
                } else {
                    verifier.verify(samplers[r], states[r], ws, drafts[r], target, targetOffset, oneHot ? null : draft,
                            oneHot ? 0 : rowOffset("draftRows", r, draftRows[r]), out[r]);
                }
            } catch (RuntimeException e) {
                out[r].clear();
                synchronized (failureLock) {
                    if (r < failedRow) {
                        failedRow = r;
                        failure = e;
                    }
                }
            }
        }
    }

    private int rowOffset(String field, int r, int row) {
        long offset = (long) row * vocabSize;
        if (row < 0 || offset > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + "[" + r + "] = " + row + " is not a row of the logits");
        }
        return (int) offset;
    }

    /** One helper's share of a batch, with its own workspace (see {@code BatchSampler}). */
    private final class Helper extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private transient Workspace workspace;

        @Override
        protected void compute() {
            if (workspace == null) {
                workspace = new Workspace(vocabSize);
            }
            drain(workspace);
        }
    }

    /** Configures a {@link BatchVerifier}. */
    public static final class Builder {
        private final int vocabSize;
        private VerificationMode mode = VerificationMode.STANDARD;
        private ForkJoinPool pool = ForkJoinPool.commonPool();
        private int threads = -1;

        private Builder(int vocabSize) {
            this.vocabSize = Range.atLeast(1).check("vocabSize", vocabSize);
        }

        /** How drafts are kept (default {@link VerificationMode#STANDARD}). */
        public Builder mode(VerificationMode value) {
            mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /** The pool the helper threads run on (default: the common pool). */
        public Builder pool(ForkJoinPool value) {
            pool = Objects.requireNonNull(value, "pool");
            return this;
        }

        /** Threads per batch, the caller included, in [1, 1024] (default: the pool's parallelism plus one). */
        public Builder threads(int value) {
            threads = Range.closed(1, 1024).check("threads", value);
            return this;
        }

        /** Builds the batch verifier. */
        public BatchVerifier build() {
            return new BatchVerifier(this);
        }
    }
}
