package org.sampling4j;

import org.sampling4j.chain.Candidates;

/**
 * Scratch memory for one thread: the working copy of the logits, the candidate buffers and the
 * step's scratch arrays, sized for one vocabulary and reused across steps and sequences so the hot
 * path allocates nothing.
 *
 * <p>About {@code 4 * 4 + 8} bytes per vocabulary entry (3 MB at V = 128,256), plus 4 more once a
 * direct {@code FloatBuffer} row with a {@link SampleResult} has been sampled. One per thread; not
 * thread-safe. Any {@link Sampler} with the same vocabulary size can use it.
 */
public final class Workspace {
    private final Candidates candidates;
    /** Where a direct buffer's row is copied; allocated on first use, since heap callers never need it. */
    private float[] stagingRow;

    /** A workspace for vocabularies of {@code vocabSize} tokens, using the JVM's chosen kernels. */
    public Workspace(int vocabSize) {
        this(vocabSize, "auto");
    }

    /**
     * A workspace on an explicit kernels twin: {@code auto} (the JVM's choice), {@code scalar} or
     * {@code panama}. The twins give the same bits; tests and benchmarks compare their speed.
     *
     * @throws IllegalArgumentException on a vocabSize below 1 or another twin name
     * @throws IllegalStateException    when {@code panama} is asked for without the Vector API module
     */
    public Workspace(int vocabSize, String kernels) {
        this.candidates = Candidates.create(vocabSize, kernels);
    }

    /** The vocabulary size this workspace is sized for. */
    public int vocabSize() {
        return candidates.vocabSize();
    }

    /** The name of the kernels twin this workspace runs on: {@code scalar} or {@code panama}. */
    public String kernels() {
        return candidates.kernels().name();
    }

    Candidates candidates() {
        return candidates;
    }

    float[] stagingRow() {
        if (stagingRow == null) {
            stagingRow = new float[candidates.vocabSize()];
        }
        return stagingRow;
    }
}
