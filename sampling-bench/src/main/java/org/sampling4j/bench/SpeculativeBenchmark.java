package org.sampling4j.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sampling4j.Sampler;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.sampling4j.kernel.Kernels;
import org.sampling4j.kernel.KernelsProvider;
import org.sampling4j.random.PortableGaussian;
import org.sampling4j.speculative.SpeculativeVerifier;
import org.sampling4j.speculative.Verification;

/**
 * Speculative verification of K = 4 drafts against K + 1 target rows of V = 128,256 N(0, 3)
 * logits, in microseconds per verification, beside the K + 1 plain steps it replaces and the floor.
 *
 * <ul>
 *   <li>{@code plainSteps}: K + 1 {@code Sampler.sample} calls, one per row (what the drafts save).</li>
 *   <li>{@code verifyWithQ}: draft rows equal to the target rows, so every draft is kept (q = p for
 *       {@code temp1}; for {@code fullChain} p is processed and q is not, so rejections happen);
 *       the cost of the acceptance tests and the bonus draw.</li>
 *   <li>{@code verifyWithLogQ}: as {@code verifyWithQ}, with the drafts' log q(x) given (the
 *       drafter has them), so no draft row is read unless a draft is rejected.</li>
 *   <li>{@code verifyRejectingLogQ}: as {@code verifyRejecting} with log q(x) given: row 2 is read
 *       for the residual, rows 0 and 1 are not.</li>
 *   <li>{@code verifyOneHot}: one-hot drafts equal to the plain draws (all kept): n-gram or greedy
 *       EAGLE drafts.</li>
 *   <li>{@code verifyRejecting}: draft row 2 puts its mass on a token the target all but excludes,
 *       so draft 2 is rejected: acceptance tests plus one residual draw.</li>
 *   <li>{@code floorRows}: the floor, one SIMD max pass over each of the K + 1 rows.</li>
 * </ul>
 * The 64-token history is in the state; each call verifies the same rows from the same state
 * (rolled back after the call), so the result is the same every call and setup checks it.
 *
 * <pre>
 * java -jar sampling-bench/target/benchmarks.jar SpeculativeBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dsampling4j.kernels=panama"})
@State(Scope.Thread)
public class SpeculativeBenchmark {
    private static final long SEED = BenchmarkRows.SEED;
    private static final int K = 4;

    @Param({"greedy", "temp1", "fullChain"})
    public String config;

    @Param({"128256"})
    public int vocab;

    private float[] target;
    private float[] draft;
    private float[] rejectingDraft;
    private int[] plainDraws;
    private int[] rejectingDrafts;
    private float[] logQ;
    private float[] rejectingLogQ;
    private Sampler sampler;
    private Workspace workspace;
    private SequenceState state;
    private Verification out;
    private SpeculativeVerifier verifier;
    private Kernels kernels;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(SEED);
        target = new float[(K + 1) * vocab];
        for (int i = 0; i < target.length; i++) {
            target[i] = (float) (PortableGaussian.next(random) * 3);
        }
        draft = Arrays.copyOf(target, K * vocab);
        sampler = Sampler.of(CanonicalConfig.valueOf(config).params(SEED), vocab);
        workspace = sampler.newWorkspace();
        state = SequenceState.resume(SEED, new int[0], BenchmarkRows.history(vocab));
        out = new Verification(K);
        verifier = SpeculativeVerifier.standard();
        kernels = KernelsProvider.get();
        plainDraws = new int[K + 1];
        for (int i = 0; i <= K; i++) {
            plainDraws[i] = sampler.sample(target, i * vocab, state, workspace, null);
        }
        state.rollback(K + 1);
        // Row 2 of the rejecting drafts: all mass on the target's least likely token of that row.
        rejectingDrafts = Arrays.copyOf(plainDraws, K);
        int worst = 2 * vocab;
        for (int i = 2 * vocab; i < 3 * vocab; i++) {
            worst = target[i] < target[worst] ? i : worst;
        }
        rejectingDrafts[2] = worst - 2 * vocab;
        rejectingDraft = Arrays.copyOf(draft, draft.length);
        rejectingDraft[worst] = 1000f;
        logQ = logSoftmaxAt(draft, plainDraws, vocab);
        rejectingLogQ = logSoftmaxAt(rejectingDraft, rejectingDrafts, vocab);
        int[] oneHot = Arrays.copyOf(verifyOneHot(), K + 1);
        if (!Arrays.equals(Arrays.copyOf(plainDraws, K + 1), Arrays.copyOf(oneHot, K + 1)) || out.acceptedDrafts() != K) {
            throw new IllegalStateException("one-hot verification of the plain draws " + Arrays.toString(plainDraws)
                    + " emitted " + out);
        }
        verifyRejecting();
        if (!"greedy".equals(config) && out.acceptedDrafts() != 2) {
            throw new IllegalStateException("the rejecting drafts were not rejected at 2: " + out);
        }
        verifyRejectingLogQ();
        if (!"greedy".equals(config) && out.acceptedDrafts() != 2) {
            throw new IllegalStateException("the rejecting drafts with log q were not rejected at 2: " + out);
        }
    }

    /** log q_i(x_i) of each draft: the log-softmax of draft row i, in double, as a drafter reports it. */
    private static float[] logSoftmaxAt(float[] rows, int[] drafts, int v) {
        float[] out = new float[K];
        for (int i = 0; i < K; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < v; j++) {
                max = Math.max(max, rows[i * v + j]);
            }
            double sum = 0;
            for (int j = 0; j < v; j++) {
                sum += Math.exp(rows[i * v + j] - max);
            }
            out[i] = (float) Math.min(0.0, rows[i * v + drafts[i]] - max - Math.log(sum));
        }
        return out;
    }

    @Benchmark
    public int verifyWithLogQ() {
        int n = verifier.verify(sampler, state, workspace, plainDraws(), target, 0, draft, 0, logQ, out);
        state.rollback(n);
        return out.token(n - 1);
    }

    @Benchmark
    public int verifyRejectingLogQ() {
        int n = verifier.verify(sampler, state, workspace, rejectingDrafts, target, 0, rejectingDraft, 0, rejectingLogQ,
                out);
        state.rollback(n);
        return out.token(n - 1);
    }

    @Benchmark
    public int plainSteps() {
        int last = 0;
        for (int i = 0; i <= K; i++) {
            last = sampler.sample(target, i * vocab, state, workspace, null);
        }
        state.rollback(K + 1);
        return last;
    }

    @Benchmark
    public int verifyWithQ() {
        int n = verifier.verify(sampler, state, workspace, plainDraws(), target, 0, draft, 0, out);
        state.rollback(n);
        return out.token(n - 1);
    }

    @Benchmark
    public int[] verifyOneHot() {
        int n = verifier.verify(sampler, state, workspace, plainDraws(), target, 0, null, 0, out);
        state.rollback(n);
        return plainDraws;
    }

    @Benchmark
    public int verifyRejecting() {
        int n = verifier.verify(sampler, state, workspace, rejectingDrafts, target, 0, rejectingDraft, 0, out);
        state.rollback(n);
        return out.token(n - 1);
    }

    @Benchmark
    public float floorRows() {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i <= K; i++) {
            m = Math.max(m, kernels.max(target, i * vocab, (i + 1) * vocab));
        }
        return m;
    }

    private int[] draftsOf;

    /** The K plain draws as the drafts (a view kept across calls, so no copy is timed). */
    private int[] plainDraws() {
        if (draftsOf == null) {
            draftsOf = Arrays.copyOf(plainDraws, K);
        }
        return draftsOf;
    }
}
