package org.sampling4j.generate;

import java.util.Arrays;
import java.util.Objects;
import org.sampling4j.SampleResult;
import org.sampling4j.Sampler;
import org.sampling4j.SequenceState;
import org.sampling4j.StopReason;
import org.sampling4j.Workspace;

/**
 * The reference generation loop: ask the model for the next position's logits, sample, stream the
 * token, check the stop conditions, repeat. Runtimes may keep their own loop; this one shows the
 * intended use of {@link Sampler}, {@link SequenceState} and {@link org.sampling4j.StopConditions}.
 *
 * <pre>{@code
 * Generator generator = new Generator(Sampler.of(params, vocab));   // params carry stopTokenIds, maxTokens
 * Generation g = generator.generate(model, sampler.newSequence(prompt), (token, r) -> {
 *     System.out.print(tokenizer.decode(token));
 *     return true;                                                   // false cancels
 * });
 * }</pre>
 *
 * <p>Stops at the first of: a stop token id, a stop token sequence, the token budget (all from
 * the sampler's {@link Sampler#stopConditions()}), the listener returning {@code false}, or the
 * thread being interrupted (the flag is left set). Without any stop condition the loop runs until
 * the caller cancels. One generation at a time per generator (it owns a {@link Workspace}); the
 * loop allocates nothing per token beyond what the model does and the returned token list.
 */
public final class Generator {
    private final Sampler sampler;
    private final Workspace workspace;
    private final float[] logits;
    private final SampleResult result;

    /** A loop for {@code sampler}, with its own workspace and logits buffer. */
    public Generator(Sampler sampler) {
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.workspace = sampler.newWorkspace();
        this.logits = new float[sampler.vocabSize()];
        this.result = new SampleResult();
    }

    /** The sampler this loop uses. */
    public Sampler sampler() {
        return sampler;
    }

    /**
     * Generates from {@code sequence} (advancing it) until a stop condition holds or the caller
     * cancels, calling {@code listener} (may be null) with each token.
     */
    public Generation generate(LogitsModel model, SequenceState sequence, TokenListener listener) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(sequence, "sequence");
        int[] tokens = new int[16];
        int count = 0;
        StopReason reason = StopReason.NONE;
        while (reason == StopReason.NONE) {
            if (Thread.currentThread().isInterrupted()) {
                reason = StopReason.CANCELLED;
                break;
            }
            model.nextLogits(sequence, logits);
            int token = sampler.sample(logits, sequence, workspace, result);
            if (count == tokens.length) {
                tokens = Arrays.copyOf(tokens, count * 2);
            }
            tokens[count++] = token;
            reason = result.stopReason();
            if (listener != null && !listener.onToken(token, result) && reason == StopReason.NONE) {
                reason = StopReason.CANCELLED;
            }
        }
        return new Generation(Arrays.copyOf(tokens, count), reason);
    }
}
