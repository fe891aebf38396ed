package org.sampling4j;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sampling4j.chain.Chain;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.TokenPicker;
import org.sampling4j.internal.Range;
import org.sampling4j.picker.InverseCdfPicker;

/**
 * A compiled sampling chain for one vocabulary size: processors in order, then a picker.
 * Immutable and thread-safe; share one across threads and give each thread its own
 * {@link Workspace} and each sequence its own {@link SequenceState}.
 *
 * <pre>{@code
 * Sampler sampler = Sampler.of(SamplingParams.builder().temperature(0.7).topP(0.9).seed(42).build(), vocab);
 * Workspace ws = sampler.newWorkspace();
 * SequenceState seq = sampler.newSequence(promptTokens);
 * int token = sampler.sample(logits, seq, ws);   // logits untouched; seq advanced one step
 * }</pre>
 */
public final class Sampler {
    private final Chain chain;
    private final Steps steps;
    private final RowArguments args;
    private final int vocabSize;
    private final Long seed;
    private final StopConditions stop;

    private Sampler(Builder b) {
        this.chain = new Chain(b.vocabSize, b.processors, b.picker);
        this.steps = new Steps(chain, b.topLogprobs, b.logprobsMode, b.stop);
        this.args = new RowArguments(b.vocabSize);
        this.vocabSize = b.vocabSize;
        this.seed = b.seed;
        this.stop = b.stop;
    }

    /** The chain {@code params} describe, in {@code params.chainOrder()}, for {@code vocabSize} tokens. */
    public static Sampler of(SamplingParams params, int vocabSize) {
        return ChainPlanner.plan(params, vocabSize);
    }

    /** An empty chain for {@code vocabSize} tokens, to assemble in any order. */
    public static Builder builder(int vocabSize) {
        return new Builder(vocabSize);
    }

    /**
     * The version of the sampling semantics: raised whenever a release changes which token a
     * (logits, chain, seed, history) draws, for instance the order a picker walks candidates in.
     * Version 2: the top-p rejection rounds take their uniforms from sub-streams of the sample's
     * draw index (so that {@link #sampleMany} draw j never shares one with draw j + 1).
     */
    public static final int SEMANTICS_VERSION = 2;

    /**
     * A short stable string, like OpenAI's {@code system_fingerprint}, that changes exactly when
     * something that can change the sampled tokens changes: {@link #SEMANTICS_VERSION}, the
     * vocabulary size, the processors in order with their {@link LogitsProcessor#parameters()}, and
     * the picker. The seed is not part of it (log it beside the fingerprint), nor are the kernels
     * twin, the JDK or the CPU, which give the same tokens. Format {@code s4j<version>-} plus 16 hex digits
     * of a SHA-256.
     */
    public String fingerprint() {
        return Fingerprint.of(SEMANTICS_VERSION, chain);
    }

    /** The vocabulary size V every logits row must have. */
    public int vocabSize() {
        return vocabSize;
    }

    /** The processors, in order. */
    public List<LogitsProcessor> processors() {
        return chain.processors();
    }

    /** When sequences end: {@link SampleResult#stopReason()} reports it after each step. */
    public StopConditions stopConditions() {
        return stop;
    }

    /** The picker. */
    public TokenPicker picker() {
        return chain.picker();
    }

    /** A workspace sized for this sampler's vocabulary (one per thread). */
    public Workspace newWorkspace() {
        return new Workspace(vocabSize);
    }

    /** A new sequence after {@code prompt}, seeded with the params' seed or a fresh random one. */
    public SequenceState newSequence(int... prompt) {
        return seed != null ? SequenceState.create(seed, prompt) : SequenceState.createUnseeded(prompt);
    }

    /**
     * {@code n} new sequences after {@code prompt}, sequence i seeded {@code seed + i} (vLLM's
     * convention for a request with {@code n > 1} and a seed): each reproduces alone what it draws in
     * the group. Without a seed in the params, one fresh random seed s is drawn and the sequences get
     * {@code s + i}, so logging {@code newSequences(...)[0].seed()} is enough to replay them.
     *
     * @throws IllegalArgumentException unless {@code n >= 1}
     */
    public SequenceState[] newSequences(int n, int... prompt) {
        return SequenceState.group(n, seed != null ? seed : SequenceState.createUnseeded().seed(), prompt);
    }

    /**
     * Draws {@code tokens.length} tokens from this step's distribution: the chain runs once, and
     * token j is picked with draw index j of the counter-based generator, so token 0 is exactly
     * what {@link #sample(float[], SequenceState, Workspace, SampleResult)} returns and token j is a
     * pure function of (logits, chain, seed, step, history, j), independent of how many others are
     * drawn. Tokens may repeat. The chain runs once, or again for a picker that changes the
     * candidates (mirostat) or after a pending top-p cut was carried out. {@code state} is not
     * advanced (continue a copy per token with {@code SequenceState.resume}); mirostat reads its
     * {@code mu} for every sample and leaves it unchanged.
     *
     * @param results null, or one holder (itself possibly null) per token; {@code stopReason} there
     *                says whether the sequence would stop after that token
     * @throws IllegalArgumentException on an empty {@code tokens}, {@code results} of another length,
     *                                  or anything {@link #sample} rejects
     */
    public void sampleMany(float[] logits, SequenceState state, Workspace workspace, int[] tokens,
                           SampleResult[] results) {
        steps.sampleMany(args.whole("logits", logits), state, workspace, args.draws(tokens, results), results);
    }

    /**
     * Samples the next token and advances {@code state} by one step. {@code logits} is not modified.
     *
     * @throws IllegalArgumentException on a logits length other than V, a NaN or +Inf logit, a
     *                                  history token id outside [0, V), a workspace for another V,
     *                                  or a chain that leaves no candidate
     */
    public int sample(float[] logits, SequenceState state, Workspace workspace) {
        return sample(logits, state, workspace, null);
    }

    /** As {@link #sample(float[], SequenceState, Workspace)}, also filling {@code result} (may be null). */
    public int sample(float[] logits, SequenceState state, Workspace workspace, SampleResult result) {
        return steps.sampleRow(args.whole("logits", logits), 0, null, state, workspace, result);
    }

    /**
     * Samples with classifier-free guidance: {@code logits} is the conditional row and
     * {@code unconditionalLogits} the model's row for the same position without the conditioning
     * (the negative or empty prompt), both length V and left untouched; the chain's guidance step
     * ({@link SamplingParams#guidanceScale()}) combines them. {@link SampleResult#rawLogprob()} is
     * from the conditional row.
     *
     * @throws IllegalArgumentException as {@link #sample(float[], SequenceState, Workspace)}, on a
     *                                  NaN or +Inf unconditional logit, or on a chain without guidance
     */
    public int sample(float[] logits, float[] unconditionalLogits, SequenceState state, Workspace workspace,
                      SampleResult result) {
        return steps.sampleRow(args.whole("logits", logits), 0, args.whole("unconditionalLogits", unconditionalLogits),
                state, workspace, result);
    }

    /**
     * Samples from the row {@code logits[offset, offset + V)} of a larger array, such as a batch of
     * B rows laid out one after another; otherwise as {@link #sample(float[], SequenceState,
     * Workspace, SampleResult)}, and bit-identical to it for the same values. The row is copied
     * into the workspace in the pass that validates it (processors index the row by token id).
     *
     * @throws IllegalArgumentException if {@code [offset, offset + V)} is not inside {@code logits}
     */
    public int sample(float[] logits, int offset, SequenceState state, Workspace workspace, SampleResult result) {
        return steps.sampleRow(args.at(logits, offset), offset, null, state, workspace, result);
    }

    /**
     * As {@link #sample(float[], int, SequenceState, Workspace, SampleResult)}, with {@code picker}
     * choosing the token in place of this chain's own picker: the processors, the logprobs in
     * {@code result}, the stop check and the advance of {@code state} are those of a plain step, so
     * whatever the picker returns is recorded exactly as if this sampler had drawn it. For rules
     * that decide from the processed distribution, such as speculative verification (accept a
     * draft, or draw a correction), or a runtime that forces a token and wants its logprobs. The
     * picker sees the candidates after every processor (a pending top-p cut goes to its
     * {@link TokenPicker#pickFromNucleus}, whose default carries the cut out); a state it sets with
     * {@code Candidates.setNextPickerState} is recorded, else the sequence's picker state carries over.
     *
     * @throws IllegalArgumentException as {@link #sample(float[], int, SequenceState, Workspace,
     *                                  SampleResult)}, or when {@code picker} returns a token id
     *                                  outside [0, V)
     */
    public int sample(float[] logits, int offset, SequenceState state, Workspace workspace, SampleResult result,
                      TokenPicker picker) {
        Objects.requireNonNull(logits, "logits");
        Objects.requireNonNull(picker, "picker");
        return steps.sampleRow(args.at(logits, offset), offset, null, state, workspace, result, picker);
    }

    /**
     * Samples from V floats of a {@link FloatBuffer} starting at its position (the position is not
     * changed), as native runtimes (ONNX Runtime, llama.cpp bindings) hand logits over off-heap.
     * Bit-identical to the {@code float[]} path for the same values. A heap buffer's array is read
     * in place; a direct buffer is copied once into the workspace, because the kernels read Java
     * arrays (into the working row itself when {@code result} is null, so no second copy follows).
     */
    public int sample(FloatBuffer logits, SequenceState state, Workspace workspace, SampleResult result) {
        Objects.requireNonNull(logits, "logits");
        return sample(logits, logits.position(), state, workspace, result);
    }

    /** As {@link #sample(FloatBuffer, SequenceState, Workspace, SampleResult)} for the V floats at absolute {@code index}. */
    public int sample(FloatBuffer logits, int index, SequenceState state, Workspace workspace, SampleResult result) {
        return steps.sampleBuffer(args.at(logits, index), index, state, workspace, result);
    }

    /**
     * Runs the processors without picking and writes the processed logits into {@code out}
     * (length V): the value HF's processors would produce for kept tokens, {@code -Inf} for removed
     * ones. Does not advance {@code state}.
     *
     * @return the number of kept tokens
     */
    public int process(float[] logits, SequenceState state, Workspace workspace, float[] out) {
        return steps.process(args.whole("logits", logits), null, state, workspace, args.whole("out", out));
    }

    /** As {@link #process(float[], SequenceState, Workspace, float[])} with classifier-free guidance's unconditional row. */
    public int process(float[] logits, float[] unconditionalLogits, SequenceState state, Workspace workspace,
                       float[] out) {
        return steps.process(args.whole("logits", logits), args.whole("unconditionalLogits", unconditionalLogits), state,
                workspace, args.whole("out", out));
    }

    /** The steps that run, in order: {@code repetition-penalty > top-k > top-p > pick(inverse-cdf)}. */
    @Override
    public String toString() {
        return chain.toString();
    }

    /** Assembles a chain in an explicit order. */
    public static final class Builder {
        private final int vocabSize;
        private final List<LogitsProcessor> processors = new ArrayList<>();
        private TokenPicker picker = InverseCdfPicker.INSTANCE;
        private int topLogprobs;
        private LogprobsMode logprobsMode = LogprobsMode.PROCESSED_LOGPROBS;
        private Long seed;
        private StopConditions stop = StopConditions.NONE;

        private Builder(int vocabSize) {
            this.vocabSize = Range.atLeast(1).check("vocabSize", vocabSize);
        }

        /** Appends a processor. */
        public Builder add(LogitsProcessor processor) {
            processors.add(Objects.requireNonNull(processor, "processor"));
            return this;
        }

        /** Sets the picker (default: inverse CDF). */
        public Builder picker(TokenPicker value) {
            picker = Objects.requireNonNull(value, "picker");
            return this;
        }

        /** How many top processed logprobs a {@link SampleResult} receives, [0, vocabSize]. */
        public Builder topLogprobs(int value) {
            topLogprobs = Range.closed(0, vocabSize).check("topLogprobs", value);
            return this;
        }

        /** What a {@link SampleResult}'s top-N list reports (default processed logprobs). */
        public Builder logprobsMode(LogprobsMode value) {
            logprobsMode = Objects.requireNonNull(value, "logprobsMode");
            return this;
        }

        /** The seed {@link Sampler#newSequence} gives new sequences. */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** When sequences end (default: never); checked after each step into {@link SampleResult#stopReason()}. */
        public Builder stopConditions(StopConditions value) {
            stop = Objects.requireNonNull(value, "stopConditions");
            return this;
        }

        /** Builds, checking every processor's token ids against the vocabulary. */
        public Sampler build() {
            return new Sampler(this);
        }
    }
}
