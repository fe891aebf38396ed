package org.sampling4j.generate;

import java.util.Arrays;
import java.util.Objects;
import org.sampling4j.SampleResult;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.StopReason;
import org.sampling4j.Workspace;
import org.sampling4j.text.TextStream;
import org.sampling4j.text.Vocabulary;

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
 *
 * <p>With a vocabulary ({@link #of(SamplingParams, Vocabulary)}) the loop also decodes: each
 * token's text goes to {@link TokenListener#onText} with minimal holdback, and the params' stop
 * strings end generation like stop token ids do ({@link StopReason#STOP_STRING}, which wins over a
 * token budget reached by the same token). The vocabulary's padding ids (logits past the
 * tokenizer's ids) are banned, so they are never sampled.
 * <pre>{@code
 * Generator generator = Generator.of(SamplingParams.preset(Preset.CODE_COMPLETION), vocabulary);
 * Generation g = generator.generate(model, generator.sampler().newSequence(prompt), new TokenListener() {
 *     public boolean onToken(int token, SampleResult r) { return true; }
 *     public void onText(CharSequence delta) { System.out.print(delta); }
 * });
 * }</pre>
 */
public final class Generator {
    private final Sampler sampler;
    private final Workspace workspace;
    private final float[] logits;
    private final SampleResult result;
    /** Null: tokens only. */
    private final TextStream.Builder text;
    private final StringBuilder delta = new StringBuilder();

    /** A loop for {@code sampler}, with its own workspace and logits buffer; tokens only, no text. */
    public Generator(Sampler sampler) {
        this(sampler, null);
    }

    private Generator(Sampler sampler, TextStream.Builder text) {
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.workspace = sampler.newWorkspace();
        this.logits = new float[sampler.vocabSize()];
        this.result = new SampleResult();
        this.text = text;
    }

    /**
     * A loop that samples with {@code params} over {@code vocabulary}'s logits row and decodes the
     * tokens with the params' text settings: stop strings, {@code includeStopStringInOutput},
     * {@code skipSpecialTokens}. Padding ids of the row are added to the banned ids.
     */
    public static Generator of(SamplingParams params, Vocabulary vocabulary) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(vocabulary, "vocabulary");
        SamplingParams withPadding = params;
        if (vocabulary.logitsSize() > vocabulary.size()) {
            int[] banned = params.bannedTokenIds() == null ? new int[0] : params.bannedTokenIds();
            int[] all = Arrays.copyOf(banned, banned.length + vocabulary.logitsSize() - vocabulary.size());
            for (int id = vocabulary.size(), i = banned.length; id < vocabulary.logitsSize(); id++, i++) {
                all[i] = id;
            }
            withPadding = params.toBuilder().bannedTokenIds(all).build();
        }
        TextStream.Builder text = TextStream.builder(vocabulary).stopStrings(params.stopStrings().toArray(new String[0]))
                .includeStopStringInOutput(params.includeStopStringInOutput())
                .skipSpecialTokens(params.skipSpecialTokens());
        return new Generator(Sampler.of(withPadding, vocabulary.logitsSize()), text);
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
        TextStream stream = text == null ? null : text.build();
        StringBuilder all = stream == null ? null : new StringBuilder();
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
            delta.setLength(0);
            if (stream != null && stream.accept(token, delta)) {
                reason = StopReason.STOP_STRING;
            }
            if (listener != null && !listener.onToken(token, result) && reason == StopReason.NONE) {
                reason = StopReason.CANCELLED;
            }
            emit(listener, all);
        }
        if (stream != null && !stream.isStopped()) {
            delta.setLength(0);
            stream.finish(delta); // the held-back text belongs to the output once nothing follows
            emit(listener, all);
        }
        return new Generation(Arrays.copyOf(tokens, count), reason, all == null ? null : all.toString(),
                stream == null ? null : stream.stopMatch());
    }

    private void emit(TokenListener listener, StringBuilder all) {
        if (all != null && delta.length() > 0) {
            all.append(delta);
            if (listener != null) {
                listener.onText(delta);
            }
        }
    }
}
