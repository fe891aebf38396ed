package org.sampling4j.batch;

import java.nio.FloatBuffer;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;
import org.sampling4j.SampleResult;
import org.sampling4j.Sampler;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.sampling4j.internal.Range;

/**
 * Samples one token for each of B sequences from one forward pass's logits: B rows of V floats
 * laid out one after another in a {@code float[]} or a {@link FloatBuffer} (heap or direct, as
 * ONNX Runtime and llama.cpp bindings expose them). Each row has its own {@link Sampler} (so rows
 * may use different parameters) and its own {@link SequenceState}; tokens and results go into
 * caller-owned arrays.
 *
 * <p>Rows run on {@code threads} threads: the calling thread and {@code threads - 1} tasks on a
 * {@link ForkJoinPool} (default: the common pool), which take rows from a shared counter. Each
 * of the {@code threads} shares samples on its own {@link Workspace}, created on first use and kept
 * (about 28 bytes per vocabulary entry each). A row's token and
 * result depend only on its logits, its sampler and its state, never on the thread, the batch size
 * or the row's position, so they are bit-identical to {@link Sampler#sample} on the row alone. In
 * steady state a batch allocates nothing.
 *
 * <pre>{@code
 * BatchSampler batch = BatchSampler.builder(vocab).threads(2).build();
 * batch.sample(logits, samplers, states, tokens, null);   // logits: B x V, row r for states[r]
 * }</pre>
 *
 * <p>One batch at a time: a {@code BatchSampler} is not thread-safe (use one per scheduler loop).
 */
public final class BatchSampler {
    private final int vocabSize;
    private final ForkJoinPool pool;
    private final int threads;
    /** The caller's workspace; each helper owns another (created on first use, then kept). */
    private Workspace callerWorkspace;
    private final Helper[] helpers;
    private final AtomicInteger nextRow = new AtomicInteger();
    private final Object failureLock = new Object();

    // The current batch, published to helpers by ForkJoinPool.execute (a happens-before edge).
    private float[] arrayRows;
    private FloatBuffer bufferRows;
    private int firstIndex;
    private int rows;
    private Sampler[] samplers;
    private SequenceState[] states;
    private int[] tokens;
    private SampleResult[] results;
    private int failedRow;
    private RuntimeException failure;

    private BatchSampler(Builder b) {
        this.vocabSize = b.vocabSize;
        this.pool = b.pool;
        this.threads = b.threads;
        this.helpers = new Helper[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper();
        }
    }

    /** A batch sampler on the common pool with as many threads as it has workers, plus the caller. */
    public static BatchSampler create(int vocabSize) {
        return builder(vocabSize).build();
    }

    /** A builder for rows of {@code vocabSize} logits. */
    public static Builder builder(int vocabSize) {
        return new Builder(vocabSize);
    }

    /** V, the length of every row. */
    public int vocabSize() {
        return vocabSize;
    }

    /** How many threads (the caller included) sample a batch. */
    public int threads() {
        return threads;
    }

    /**
     * Samples row {@code r} of {@code logits} (the floats {@code [r V, (r + 1) V)}) with
     * {@code samplers[r]} for {@code states[r]}, for r in [0, B) where B = {@code states.length},
     * writing the token to {@code tokens[r]} and, when {@code results} and {@code results[r]} are
     * not null, the logprobs to {@code results[r]}. {@code logits} is not modified.
     *
     * <p>A row that fails (a NaN logit, say) gets token -1 and its state is not advanced; the
     * other rows are sampled as usual, and then an {@link IllegalArgumentException} names the first
     * failed row and the reason.
     *
     * @throws IllegalArgumentException on arrays too short for B rows, a sampler for another V, or
     *                                  the same state in two rows (checked before any row runs)
     */
    public void sample(float[] logits, Sampler[] samplers, SequenceState[] states, int[] tokens,
            SampleResult[] results) {
        Objects.requireNonNull(logits, "logits");
        checkBatch(logits.length, "logits.length", samplers, states, tokens, results);
        run(logits, null, 0, samplers, states, tokens, results);
    }

    /**
     * As {@link #sample(float[], Sampler[], SequenceState[], int[], SampleResult[])} for rows that
     * start at the buffer's position (which is not changed). Direct buffers are read one row at a
     * time into each thread's workspace; heap buffers are read in place.
     */
    public void sample(FloatBuffer logits, Sampler[] samplers, SequenceState[] states, int[] tokens,
            SampleResult[] results) {
        Objects.requireNonNull(logits, "logits");
        checkBatch(logits.remaining(), "logits.remaining()", samplers, states, tokens, results);
        run(null, logits, logits.position(), samplers, states, tokens, results);
    }

    private void checkBatch(long floats, String floatsName, Sampler[] samplers, SequenceState[] states,
            int[] tokens, SampleResult[] results) {
        Objects.requireNonNull(samplers, "samplers");
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(tokens, "tokens");
        int b = states.length;
        long needed = (long) b * vocabSize;
        if (floats < needed) {
            throw new IllegalArgumentException(floatsName + " = " + floats + " but " + b + " rows of " + vocabSize
                    + " logits need at least " + needed);
        }
        checkLength("samplers", samplers.length, b);
        checkLength("tokens", tokens.length, b);
        if (results != null) {
            checkLength("results", results.length, b);
        }
        for (int r = 0; r < b; r++) {
            if (states[r] == null || samplers[r] == null) { // no eager message: this loop runs every batch
                throw new NullPointerException((states[r] == null ? "states[" : "samplers[") + r + "]");
            }
            if (samplers[r].vocabSize() != vocabSize) {
                throw new IllegalArgumentException("samplers[" + r + "].vocabSize() = " + samplers[r].vocabSize()
                        + " but this batch's rows have " + vocabSize + " logits");
            }
            for (int s = 0; s < r; s++) {
                if (states[s] == states[r]) {
                    throw new IllegalArgumentException("states[" + s + "] and states[" + r
                            + "] are the same SequenceState: each row needs its own sequence");
                }
            }
        }
    }

    private static void checkLength(String field, int length, int rows) {
        if (length < rows) {
            throw new IllegalArgumentException(field + ".length = " + length + " but the batch has " + rows
                    + " rows (states.length)");
        }
    }

    private void run(float[] array, FloatBuffer buffer, int first, Sampler[] samplers, SequenceState[] states,
            int[] tokens, SampleResult[] results) {
        this.arrayRows = array;
        this.bufferRows = buffer;
        this.firstIndex = first;
        this.rows = states.length;
        this.samplers = samplers;
        this.states = states;
        this.tokens = tokens;
        this.results = results;
        this.failure = null;
        this.failedRow = Integer.MAX_VALUE;
        nextRow.set(0);
        int started = 0;
        try {
            for (int i = 0; i < helpers.length && i + 1 < rows; i++) {
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
            forgetBatch();
            if (failed != null) {
                throw new IllegalArgumentException("row " + row + " of the batch: " + failed.getMessage(), failed);
            }
        }
    }

    /** Drops references to the caller's arrays, so the sampler keeps none between batches. */
    private void forgetBatch() {
        arrayRows = null;
        bufferRows = null;
        samplers = null;
        states = null;
        tokens = null;
        results = null;
        failure = null;
    }

    /** Samples rows from the shared counter until none is left. */
    private void drain(Workspace workspace) {
        for (int r = nextRow.getAndIncrement(); r < rows; r = nextRow.getAndIncrement()) {
            SampleResult result = results == null ? null : results[r];
            try {
                long offset = (long) r * vocabSize;
                tokens[r] = arrayRows != null
                        ? samplers[r].sample(arrayRows, (int) offset, states[r], workspace, result)
                        : samplers[r].sample(bufferRows, (int) (firstIndex + offset), states[r], workspace, result);
            } catch (RuntimeException e) {
                tokens[r] = -1;
                synchronized (failureLock) {
                    if (r < failedRow) {
                        failedRow = r;
                        failure = e;
                    }
                }
            }
        }
    }

    /**
     * One helper's share of a batch, reused from batch to batch with its own workspace. The
     * workspace belongs to the task, not to a thread-local: common-pool workers erase their
     * thread-locals after every task, and a task runs on one thread at a time anyway.
     */
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

    /** Configures a {@link BatchSampler}. */
    public static final class Builder {
        private final int vocabSize;
        private ForkJoinPool pool = ForkJoinPool.commonPool();
        private int threads = -1;

        private Builder(int vocabSize) {
            this.vocabSize = Range.atLeast(1).check("vocabSize", vocabSize);
        }

        /** The pool the helper threads run on (default: the common pool). */
        public Builder pool(ForkJoinPool value) {
            pool = Objects.requireNonNull(value, "pool");
            return this;
        }

        /**
         * Threads per batch, the caller included, in [1, 1024] (default: the pool's parallelism
         * plus one, the caller). 1 samples every row on the calling thread.
         */
        public Builder threads(int value) {
            threads = Range.closed(1, 1024).check("threads", value);
            return this;
        }

        /** Builds the sampler. */
        public BatchSampler build() {
            if (threads < 0) {
                threads = pool.getParallelism() + 1;
            }
            return new BatchSampler(this);
        }
    }
}
