package org.sampling4j;

import org.sampling4j.kernel.Kernels;
import org.sampling4j.kernel.KernelsProvider;

/**
 * Scratch memory for one thread: the working copy of the logits and the candidate buffers, sized
 * for one vocabulary and reused across steps and sequences so the hot path allocates nothing.
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
        this(vocabSize, KernelsProvider.get());
    }

    /** A workspace on an explicit kernels twin (tests and benchmarks compare twins with it). */
    public Workspace(int vocabSize, Kernels kernels) {
        if (vocabSize < 1) {
            throw new IllegalArgumentException("vocabSize = " + vocabSize + " is outside [1, 2147483647]");
        }
        this.candidates = new Candidates(vocabSize, kernels);
    }

    /** The vocabulary size this workspace is sized for. */
    public int vocabSize() {
        return candidates.vocabSize();
    }

    /** The kernels twin this workspace runs on. */
    public Kernels kernels() {
        return candidates.kernels();
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
