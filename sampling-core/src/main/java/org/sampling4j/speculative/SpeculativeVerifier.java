package org.sampling4j.speculative;

import java.util.Objects;
import org.sampling4j.Sampler;
import org.sampling4j.SequenceState;
import org.sampling4j.random.Uniforms;
import org.sampling4j.StopReason;
import org.sampling4j.Workspace;
import org.sampling4j.kernel.KernelsProvider;
import org.sampling4j.picker.GreedyPicker;
import org.sampling4j.picker.InverseCdfPicker;

/**
 * Verifies K draft tokens against the target model's K + 1 logits rows, so that the emitted tokens
 * have exactly the law of plain sampling with the target's {@link Sampler}: modified rejection
 * sampling (Leviathan et al. 2023, "Fast Inference from Transformers via Speculative Decoding";
 * Chen et al. 2023, "Accelerating Large Language Model Decoding with Speculative Sampling"), or
 * block verification ({@link VerificationMode#BLOCK}).
 *
 * <p><b>Formula.</b> p_i is the target's fully processed distribution at draft position i: row i
 * run through the whole chain with the {@link SequenceState} holding drafts 0..i-1, so penalties,
 * DRY, n-gram bans, min-tokens, mirostat's mu and anything else the state carries see the draft
 * prefix. With draft distributions q_i (the softmax of the draft logits rows as given): accept x_i
 * iff {@code u_i < p_i(x_i) / q_i(x_i)}, evaluated as {@code log u_i < log p_i(x_i) - log q_i(x_i)}
 * with {@code log q_i(x_i)} the caller's (the log-probability entry point) or computed from the
 * row; at the first rejection emit a draw from
 * {@code normalize(max(p_i - q_i, 0))}; when all K are kept, emit the bonus token, a plain draw from
 * p_K. One-hot drafts (no q: n-gram lookup, greedy EAGLE) and greedy targets use the coupled form
 * of the same rule: position i emits exactly the token plain sampling draws there (the chain's own
 * picker, its own uniform) and the draft is kept iff it equals it. That keeps x_i with probability
 * p_i(x_i) and otherwise emits a draw from p_i without x_i, the law the rejection rule gives; it is
 * the most a one-hot draft can be kept; a greedy target keeps exactly the drafts that equal the
 * processed argmax (ties to the lowest id); and the emitted tokens are bit-identical to plain
 * sampling whatever the drafts are, even drafts drawn from the same random stream.
 *
 * <p><b>State.</b> {@code state} advances by the emitted tokens only. Rows are processed in order,
 * each after the drafts before it were accepted into the state; block verification, which decides
 * after seeing every row, takes the rejected ones back with {@link SequenceState#rollback}. So every
 * per-sequence state that lives in {@code SequenceState} (today's counts and picker state, a
 * grammar matcher tomorrow) follows without the verifier knowing about it.
 *
 * <p><b>Randomness.</b> Every uniform is a pure function of (seed, absolute position t, draw,
 * stream) through the counter-based generator, never of K, of the batch or of the thread. The
 * acceptance uniform of position t is at (seed, t, 0, {@link #STREAM}), the residual draw's at
 * round {@value #RESIDUAL_ROUND} of that stream ({@code Uniforms.round}); block verification's
 * {@code eta} of the draft at position t in a block starting at s is at (seed, t, t - s, round
 * {@value #BLOCK_ROUND}), because a block looks at the uniforms of positions it then rejects, and
 * the next block (which starts later) must not reuse them. The bonus token and the coupled form
 * use the picker's own draw (stream 0), which is why they equal plain sampling. Comparisons are
 * strict ({@code u < ratio}), so a token of probability 0 is never kept.
 * <p><b>Logprobs.</b> Every emitted token's {@link org.sampling4j.SampleResult} is filled by the
 * sampler on the same processed set plain sampling would have at that position, so raw and
 * processed logprobs and the top-N list are what plain sampling reports for that token.
 * <p><b>Limits.</b> Draft distributions need a target picker whose distribution is the processed
 * set itself ({@code inverse-cdf}) or greedy; for other pickers (mirostat, your own) pass one-hot
 * drafts. Classifier-free guidance chains are not supported (no unconditional rows). A stop
 * condition (stop token, stop sequence, max tokens) ends the emitted tokens at the token that meets it.
 * <p><b>Cost.</b> One chain run per emitted position (block: one per draft plus one for the
 * correction); with draft distributions, an exp-sum over each processed set, plus a max pass and an
 * exp-sum pass over each draft row unless the caller gives the drafts' log-probabilities (then only
 * the rejected row is read); a rejection adds the residual's passes. No allocation.
 *
 * <pre>{@code
 * SpeculativeVerifier verifier = SpeculativeVerifier.standard();
 * Verification out = new Verification(4);
 * verifier.verify(sampler, state, workspace, drafts, targetLogits, draftLogits, out); // rows: (K+1) x V, K x V
 * // or, with the drafter's log q(x_i) of each draft (no draft row read unless one is rejected):
 * verifier.verify(sampler, state, workspace, drafts, targetLogits, 0, draftLogits, 0, draftLogProbs, out);
 * for (int i = 0; i < out.count(); i++) emit(out.token(i));
 * }</pre>
 * Immutable and thread-safe; give each thread its own {@link Workspace} and {@link Verification}.
 */
public final class SpeculativeVerifier {
    /**
     * The counter stream (word 3 of the Philox counter) of the verifier's uniforms, apart from the
     * picker's (0) and XTC's (1).
     */
    public static final int STREAM = Uniforms.STREAM_SPECULATIVE;
    /** Round of {@link #STREAM} whose uniform draws a residual token. */
    static final int RESIDUAL_ROUND = 1;
    /** Round of {@link #STREAM} of block verification's eta. */
    static final int BLOCK_ROUND = 2;

    private static final SpeculativeVerifier STANDARD = new SpeculativeVerifier(VerificationMode.STANDARD);
    private static final SpeculativeVerifier BLOCK = new SpeculativeVerifier(VerificationMode.BLOCK);

    private final VerificationMode mode;

    private SpeculativeVerifier(VerificationMode mode) {
        this.mode = mode;
    }

    /** Token-by-token modified rejection sampling. */
    public static SpeculativeVerifier standard() {
        return STANDARD;
    }

    /** Block verification (Sun et al. 2024). */
    public static SpeculativeVerifier block() {
        return BLOCK;
    }

    /** The verifier of {@code mode}. */
    public static SpeculativeVerifier of(VerificationMode mode) {
        return Objects.requireNonNull(mode, "mode") == VerificationMode.BLOCK ? BLOCK : STANDARD;
    }

    /** How this verifier keeps drafts. */
    public VerificationMode mode() {
        return mode;
    }

    /**
     * As {@link #verify(Sampler, SequenceState, Workspace, int[], float[], int, float[], int, Verification)}
     * with the rows at offset 0: {@code targetLogits} holds K + 1 rows of V, {@code draftLogits}
     * K rows (or is null for one-hot drafts).
     */
    public int verify(Sampler sampler, SequenceState state, Workspace workspace, int[] draftTokens,
            float[] targetLogits, float[] draftLogits, Verification out) {
        return verify(sampler, state, workspace, draftTokens, targetLogits, 0, draftLogits, 0, out);
    }

    /**
     * Verifies {@code draftTokens} (K = its length, possibly 0) for {@code state}: target row i
     * is {@code targetLogits[targetOffset + i V, + V)} for i in [0, K], draft row i
     * {@code draftLogits[draftOffset + i V, + V)} for i in [0, K), or {@code draftLogits == null}
     * for one-hot drafts. Writes the emitted tokens into {@code out}, advances {@code state} by
     * them and returns their number. The logits arrays are not modified.
     *
     * @throws IllegalArgumentException on rows outside the arrays, a draft token outside [0, V),
     *                                  more drafts than {@code out} holds, a NaN or +Inf logit, a
     *                                  draft row without a finite logit, draft rows for a picker
     *                                  other than inverse-cdf or greedy, or anything
     *                                  {@link Sampler#sample} rejects; {@code state} is then as it was
     *                                  after the tokens emitted before the failing row
     */
    public int verify(Sampler sampler, SequenceState state, Workspace workspace, int[] draftTokens,
            float[] targetLogits, int targetOffset, float[] draftLogits, int draftOffset, Verification out) {
        return run(sampler, state, workspace, draftTokens, targetLogits, targetOffset, draftLogits, draftOffset,
                null, out);
    }

    /**
     * As {@link #verify(Sampler, SequenceState, Workspace, int[], float[], int, float[], int, Verification)}
     * with the drafter's own log-probabilities: {@code draftLogProbs[i]} is {@code log q_i(x_i)}
     * (natural log) of draft i, i in [0, K), the log-softmax of draft row i at {@code draftTokens[i]}.
     * Standard verification then decides each draft from it and {@code p_i(x_i)} alone
     * ({@code log u < log p_i(x_i) - log q_i(x_i)}) and reads a draft row only at the first
     * rejection, for the residual; so verifying costs about the K + 1 plain steps instead of two
     * more passes over every draft row. When {@code draftLogProbs[i]} equals what the rows give
     * (the float {@code (float) StrictMath.log(q_i(x_i))}, q_i the softmax of the row as the class
     * comment defines it) the emitted tokens are bit-identical to the rows-only entry point; other
     * values are the caller's q and the law is exact for the q they describe only if the rows agree
     * with them. A draft row is validated when it is read. Block verification needs every row's
     * residual mass, so {@link VerificationMode#BLOCK} reads the rows as the other entry point does
     * (the log-probabilities are checked, not used).
     *
     * @throws IllegalArgumentException as the other entry point, or when {@code draftLogProbs} has
     *                                  fewer than K entries or one is NaN, +Inf or above 0
     */
    public int verify(Sampler sampler, SequenceState state, Workspace workspace, int[] draftTokens,
            float[] targetLogits, int targetOffset, float[] draftLogits, int draftOffset, float[] draftLogProbs,
            Verification out) {
        Objects.requireNonNull(draftLogits, "draftLogits (draftLogProbs were given: the rows are read at a rejection)");
        Objects.requireNonNull(draftLogProbs, "draftLogProbs");
        return run(sampler, state, workspace, draftTokens, targetLogits, targetOffset, draftLogits, draftOffset,
                draftLogProbs, out);
    }

    private int run(Sampler sampler, SequenceState state, Workspace workspace, int[] draftTokens,
            float[] targetLogits, int targetOffset, float[] draftLogits, int draftOffset, float[] logProbs,
            Verification out) {
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(out, "out");
        int k = checkDrafts(sampler.vocabSize(), draftTokens, out);
        checkRows("targetLogits", targetLogits, targetOffset, k + 1, sampler.vocabSize());
        if (draftLogits != null) {
            checkRows("draftLogits", draftLogits, draftOffset, k, sampler.vocabSize());
        }
        if (logProbs != null) {
            checkLogProbs(logProbs, k);
        }
        out.clear();
        try {
            boolean coupled = draftLogits == null || sampler.picker() == GreedyPicker.INSTANCE;
            if (!coupled && sampler.picker() != InverseCdfPicker.INSTANCE) {
                throw new IllegalArgumentException("draftLogits were given but the target's picker is "
                        + sampler.picker().name() + ": draft distributions need the picker inverse-cdf or greedy, "
                        + "whose distribution is the processed set; pass draftLogits = null to verify one-hot drafts");
            }
            if (coupled) {
                verifyCoupled(sampler, state, workspace, draftTokens, targetLogits, targetOffset, out);
            } else if (mode == VerificationMode.BLOCK) {
                BlockVerification.verify(sampler, state, workspace, draftTokens, targetLogits, targetOffset,
                        draftLogits, draftOffset, out);
            } else {
                verifyStandard(sampler, state, workspace, draftTokens, targetLogits, targetOffset, draftLogits,
                        draftOffset, logProbs, out);
            }
        } finally {
            out.step.release();
        }
        return out.count();
    }

    /** One-hot drafts and greedy targets: plain steps, each keeping its draft iff the plain draw equals it. */
    private static void verifyCoupled(Sampler sampler, SequenceState state, Workspace ws, int[] drafts,
            float[] target, int targetOffset, Verification out) {
        int v = sampler.vocabSize();
        int k = drafts.length;
        for (int i = 0; i <= k; i++) {
            int token = sampler.sample(target, targetOffset + i * v, state, ws, out.resultHolder(i));
            out.emit(token);
            StopReason stop = sampler.stopConditions().check(state);
            boolean kept = i < k && token == drafts[i];
            if (!kept || stop != StopReason.NONE) {
                out.finish(kept ? i + 1 : i, stop);
                return;
            }
        }
    }

    private static void verifyStandard(Sampler sampler, SequenceState state, Workspace ws, int[] drafts,
            float[] target, int targetOffset, float[] draft, int draftOffset, float[] logProbs, Verification out) {
        int v = sampler.vocabSize();
        int k = drafts.length;
        TargetStep step = out.step;
        for (int i = 0; i < k; i++) {
            int rowOffset = draftOffset + i * v;
            if (logProbs != null) {
                step.prepareAccept(drafts[i], logProbs[i], draft, rowOffset, v, i);
            } else {
                step.draftRow.load(draft, rowOffset, v, i, KernelsProvider.get());
                step.prepareAccept(drafts[i], step.draftRow.logProbability(drafts[i]), null, 0, v, i);
            }
            out.emit(sampler.sample(target, targetOffset + i * v, state, ws, out.resultHolder(i), step));
            StopReason stop = sampler.stopConditions().check(state);
            if (!step.accepted() || stop != StopReason.NONE) {
                out.finish(step.accepted() ? i + 1 : i, stop);
                return;
            }
        }
        out.emit(sampler.sample(target, targetOffset + k * v, state, ws, out.resultHolder(k)));
        out.finish(k, sampler.stopConditions().check(state));
    }

    private static int checkDrafts(int vocab, int[] drafts, Verification out) {
        Objects.requireNonNull(drafts, "draftTokens");
        if (drafts.length > out.maxDrafts()) {
            throw new IllegalArgumentException("draftTokens.length = " + drafts.length + " but out holds at most "
                    + out.maxDrafts() + " drafts: make it with new Verification(" + drafts.length + ")");
        }
        for (int i = 0; i < drafts.length; i++) {
            if (drafts[i] < 0 || drafts[i] >= vocab) {
                throw new IllegalArgumentException("draftTokens[" + i + "] = " + drafts[i] + " is outside [0, " + vocab + ")");
            }
        }
        return drafts.length;
    }

    private static void checkLogProbs(float[] logProbs, int k) {
        if (logProbs.length < k) {
            throw new IllegalArgumentException("draftLogProbs.length = " + logProbs.length + " but there are " + k
                    + " drafts: give log q(x) of each");
        }
        for (int i = 0; i < k; i++) {
            float x = logProbs[i];
            if (Float.isNaN(x) || x > 0f) {
                throw new IllegalArgumentException("draftLogProbs[" + i + "] = " + x
                        + " is not a log-probability: allowed are values in [-Inf, 0]");
            }
        }
    }

    static void checkRows(String field, float[] rows, int offset, int count, int vocab) {
        Objects.requireNonNull(rows, field);
        long end = offset + (long) count * vocab;
        if (offset < 0 || end > rows.length) {
            throw new IllegalArgumentException(field + ": " + count + " rows of " + vocab + " from offset " + offset
                    + " need [" + offset + ", " + end + ") but " + field + ".length = " + rows.length);
        }
    }
}
