package org.sampling4j;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.sampling4j.internal.Range;
import org.sampling4j.processor.BadWordsProcessor;
import org.sampling4j.processor.ClassifierFreeGuidanceProcessor;
import org.sampling4j.processor.DryProcessor;
import org.sampling4j.processor.DynamicTemperatureProcessor;
import org.sampling4j.processor.EpsilonProcessor;
import org.sampling4j.processor.EtaProcessor;
import org.sampling4j.processor.FrequencyPresencePenaltyProcessor;
import org.sampling4j.processor.MirostatV1Picker;
import org.sampling4j.processor.MirostatV2Picker;
import org.sampling4j.processor.NoRepeatNGramProcessor;
import org.sampling4j.processor.TopNSigmaProcessor;
import org.sampling4j.processor.TypicalProcessor;
import org.sampling4j.processor.XtcProcessor;
import org.sampling4j.processor.GreedyPicker;
import org.sampling4j.processor.InverseCdfPicker;
import org.sampling4j.processor.LogitBiasProcessor;
import org.sampling4j.processor.MinPProcessor;
import org.sampling4j.processor.MinTokensProcessor;
import org.sampling4j.processor.RepetitionPenaltyProcessor;
import org.sampling4j.processor.TemperatureProcessor;
import org.sampling4j.processor.TokenMaskProcessor;
import org.sampling4j.processor.TopKProcessor;
import org.sampling4j.processor.TopPProcessor;

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
    private final int vocabSize;
    private final LogitsProcessor[] processors;
    private final TokenPicker picker;
    private final int topLogprobs;
    private final LogprobsMode logprobsMode;
    private final Long seed;
    private final StopConditions stop;
    /** Copy the row while loading it (one fused pass) rather than borrow it and copy on first write. */
    private final boolean copyOnLoad;
    /** Whether a processor reads an unconditional row (classifier-free guidance), which calls must then pass. */
    private final boolean guided;
    /** deferrable[i]: processor i may leave a cut pending for the picker (see Candidates.deferNucleus). */
    private final boolean[] deferrable;

    private Sampler(Builder b) {
        this.vocabSize = b.vocabSize;
        this.processors = b.processors.toArray(new LogitsProcessor[0]);
        this.picker = Objects.requireNonNull(b.picker, "picker");
        this.topLogprobs = b.topLogprobs;
        this.logprobsMode = b.logprobsMode;
        this.seed = b.seed;
        this.stop = b.stop;
        if (stop.maxTokenId() >= vocabSize) {
            throw new IllegalArgumentException("stop token id " + stop.maxTokenId() + " is outside [0, " + vocabSize + ")");
        }
        boolean writes = false;
        boolean anyGuidance = false;
        for (LogitsProcessor p : processors) {
            anyGuidance |= p instanceof ClassifierFreeGuidanceProcessor;
            p.checkVocabulary(vocabSize);
            writes |= p.writesLogits();
        }
        this.copyOnLoad = writes;
        this.guided = anyGuidance;
        this.deferrable = new boolean[processors.length];
        boolean onlyRankingPreservingAfter = picker.picksFromPendingNucleus();
        for (int i = processors.length - 1; i >= 0; i--) {
            deferrable[i] = onlyRankingPreservingAfter;
            onlyRankingPreservingAfter &= processors[i].preservesRanking();
        }
    }

    /** The chain {@code params} describe, in {@code params.chainOrder()}, for {@code vocabSize} tokens. */
    public static Sampler of(SamplingParams params, int vocabSize) {
        Builder b = builder(vocabSize).topLogprobs(Math.min(params.topLogprobs(), vocabSize))
                .stopConditions(params.stopConditions())
                .logprobsMode(params.logprobsMode());
        params.seed().ifPresent(b::seed);
        boolean greedy = params.temperature() == 0.0 && params.dynatempRange() == 0.0;
        boolean mirostat = params.mirostat() != 0 && !greedy;
        for (ChainOrder.Stage stage : params.chainOrder().stages()) {
            // Truncation cannot remove the argmax: skip it under greedy. Mirostat truncates by
            // itself, and llama.cpp's mirostat chain has no other truncation either.
            if (!((greedy || mirostat) && stage.truncates())) {
                addStage(b, stage, params);
            }
        }
        TokenPicker picker = greedy ? GreedyPicker.INSTANCE
                : params.mirostat() == 1 ? new MirostatV1Picker(params.mirostatTau(), params.mirostatEta(), vocabSize)
                : params.mirostat() == 2 ? new MirostatV2Picker(params.mirostatTau(), params.mirostatEta())
                : InverseCdfPicker.INSTANCE;
        return b.picker(picker).build();
    }

    private static void addStage(Builder b, ChainOrder.Stage stage, SamplingParams p) {
        switch (stage) {
            case GUIDANCE:
                if (p.guidanceScale() != 1.0) {
                    b.add(new ClassifierFreeGuidanceProcessor(p.guidanceScale()));
                }
                break;
            case MASKS:
                if (p.allowedTokenIds() != null) {
                    b.add(TokenMaskProcessor.allowOnly(p.allowedTokenIds()));
                }
                if (p.bannedTokenIds() != null && p.bannedTokenIds().length > 0) {
                    b.add(TokenMaskProcessor.ban(p.bannedTokenIds()));
                }
                if (p.minTokens() > 0 && p.stopTokenIds() != null && p.stopTokenIds().length > 0) {
                    b.add(new MinTokensProcessor(p.minTokens(), p.stopTokenIds()));
                }
                if (p.badWords().length > 0) {
                    b.add(new BadWordsProcessor(p.badWords()));
                }
                if (p.noRepeatNgramSize() > 0) {
                    b.add(new NoRepeatNGramProcessor(p.noRepeatNgramSize()));
                }
                break;
            case BIAS:
                if (!p.logitBias().isEmpty()) {
                    b.add(new LogitBiasProcessor(p.logitBias()));
                }
                break;
            case PENALTIES:
                if (p.repetitionPenalty() != 1.0) {
                    b.add(new RepetitionPenaltyProcessor(p.repetitionPenalty(), p.repetitionScope(), p.penaltyLastN()));
                }
                if (p.frequencyPenalty() != 0.0 || p.presencePenalty() != 0.0) {
                    b.add(new FrequencyPresencePenaltyProcessor(p.frequencyPenalty(), p.presencePenalty(), p.penaltyLastN()));
                }
                if (p.dryMultiplier() > 0.0) {
                    b.add(new DryProcessor(p.dryMultiplier(), p.dryBase(), p.dryAllowedLength(), p.dryPenaltyLastN(),
                            p.drySequenceBreakers()));
                }
                break;
            case TEMPERATURE:
                if (p.dynatempRange() > 0.0) {
                    b.add(new DynamicTemperatureProcessor(p.temperature(), p.dynatempRange(), p.dynatempExponent()));
                } else if (p.temperature() != 1.0) {
                    b.add(new TemperatureProcessor(p.temperature()));
                }
                break;
            case TOP_N_SIGMA:
                if (p.topNSigma() > 0.0) {
                    b.add(new TopNSigmaProcessor(p.topNSigma()));
                }
                break;
            case TYPICAL:
                if (p.typicalP() < 1.0) {
                    b.add(new TypicalProcessor(p.typicalP(), p.minKeep()));
                }
                if (p.epsilonCutoff() > 0.0) {
                    b.add(new EpsilonProcessor(p.epsilonCutoff(), p.minKeep()));
                }
                if (p.etaCutoff() > 0.0) {
                    b.add(new EtaProcessor(p.etaCutoff(), p.minKeep()));
                }
                break;
            case XTC:
                if (p.xtcProbability() > 0.0 && p.xtcThreshold() <= 0.5) {
                    b.add(new XtcProcessor(p.xtcProbability(), p.xtcThreshold(), p.minKeep()));
                }
                break;
            case TOP_K:
                if (p.topK() > 0 && p.topK() < b.vocabSize) {
                    b.add(new TopKProcessor(p.topK()));
                }
                break;
            case TOP_P:
                if (p.topP() < 1.0) {
                    b.add(new TopPProcessor(p.topP(), p.minKeep()));
                }
                break;
            case MIN_P:
                if (p.minP() > 0.0) {
                    b.add(new MinPProcessor(p.minP(), p.minKeep()));
                }
                break;
            default:
                throw new AssertionError(stage);
        }
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
        StringBuilder s = new StringBuilder().append(SEMANTICS_VERSION).append('|').append(vocabSize);
        for (LogitsProcessor p : processors) {
            s.append('|').append(p.getClass().getName()).append('(').append(p.parameters()).append(')');
        }
        s.append('|').append(picker.getClass().getName()).append('(').append(picker.name()).append(')');
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "s4j" + SEMANTICS_VERSION + "-" + java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The vocabulary size V every logits row must have. */
    public int vocabSize() {
        return vocabSize;
    }

    /** The processors, in order. */
    public List<LogitsProcessor> processors() {
        return Collections.unmodifiableList(List.of(processors));
    }

    /** When sequences end: {@link SampleResult#stopReason()} reports it after each step. */
    public StopConditions stopConditions() {
        return stop;
    }

    /** The picker. */
    public TokenPicker picker() {
        return picker;
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
        Range.atLeast(1).check("n", n);
        long first = seed != null ? seed : SequenceState.createUnseeded().seed();
        SequenceState[] states = new SequenceState[n];
        for (int i = 0; i < n; i++) {
            states[i] = SequenceState.create(first + i, prompt);
        }
        return states;
    }

    /**
     * Draws {@code tokens.length} tokens from this step's distribution: the chain runs once, and
     * token j is picked with draw index j of the counter-based generator, so token 0 is exactly
     * what {@link #sample(float[], SequenceState, Workspace, SampleResult)} returns and token j is a
     * pure function of (logits, chain, seed, step, history, j), independent of how many others are
     * drawn. Tokens may repeat. Under a picker that changes the candidates (mirostat) the chain
     * reruns for every sample; otherwise it runs once, or again after a pending top-p cut was
     * carried out. {@code state} is not advanced: the caller decides which of
     * them, if any, it continues, for instance by {@code SequenceState.resume(...)} of a copy per
     * token. A stateful picker (mirostat) reads the state's {@code mu} for every sample and leaves
     * no pending update behind: a token accepted by hand keeps {@code mu} unchanged.
     *
     * @param results null, or one holder (itself possibly null) per token; {@code stopReason} there
     *                says whether the sequence would stop after that token
     * @throws IllegalArgumentException on an empty {@code tokens}, {@code results} of another length,
     *                                  or anything {@link #sample} rejects
     */
    public void sampleMany(float[] logits, SequenceState state, Workspace workspace, int[] tokens,
                           SampleResult[] results) {
        checkLength("logits", logits);
        Objects.requireNonNull(tokens, "tokens");
        if (tokens.length == 0) {
            throw new IllegalArgumentException("tokens.length = 0 is outside [1, +Inf): ask for at least one sample");
        }
        if (results != null && results.length != tokens.length) {
            throw new IllegalArgumentException("results.length = " + results.length + " but tokens.length = "
                    + tokens.length + ": give one result holder per token, or null");
        }
        try {
            Candidates c = null;
            boolean rerun = true;
            for (int j = 0; j < tokens.length; j++) {
                if (rerun) {
                    c = run(logits, 0, null, state, workspace);
                }
                boolean pending = c.nucleusPending();
                c.setDraw(j);
                state.setPickerState(Double.NaN);
                tokens[j] = picker.pick(c, state);
                SampleResult r = results == null ? null : results[j];
                if (r != null) {
                    Logprobs.fill(r, c, tokens[j], logits, 0, Math.min(topLogprobs, r.capacity()), logprobsMode);
                    state.accept(tokens[j]);
                    r.setStopReason(stop.check(state));
                    state.rollback(1);
                }
                // Draw j + 1 must see the candidates draw 0 saw: a picker that truncates them, or a
                // pending cut carried out (by a result, or by the rejection fallback), means rerunning.
                rerun = !picker.readsCandidatesOnly() || pending && !c.nucleusPending();
            }
            state.setPickerState(Double.NaN);
        } finally {
            release(workspace);
        }
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
        checkLength("logits", logits);
        return sampleRow(logits, 0, null, state, workspace, result);
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
        checkLength("logits", logits);
        checkLength("unconditionalLogits", unconditionalLogits);
        return sampleRow(logits, 0, unconditionalLogits, state, workspace, result);
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
        Objects.requireNonNull(logits, "logits");
        if (offset < 0 || offset > logits.length - vocabSize) {
            throw new IllegalArgumentException("offset = " + offset + " is outside [0, " + (logits.length - vocabSize)
                    + "]: the row [offset, offset + " + vocabSize + ") must lie inside logits.length = " + logits.length);
        }
        return sampleRow(logits, offset, null, state, workspace, result);
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
        Objects.requireNonNull(logits, "logits");
        if (index < 0 || index > logits.limit() - vocabSize) {
            throw new IllegalArgumentException("index = " + index + " is outside [0, " + (logits.limit() - vocabSize)
                    + "]: the row [index, index + " + vocabSize + ") must lie inside the buffer's limit "
                    + logits.limit());
        }
        if (logits.hasArray()) {
            return sampleRow(logits.array(), logits.arrayOffset() + index, null, state, workspace, result);
        }
        Objects.requireNonNull(workspace, "workspace");
        // Without a result the raw row is not needed after loading, so it goes straight into the
        // working row; with one, Logprobs reads the raw row at the end, so it is staged apart.
        float[] row = result == null ? workspace.candidates().rowForLoading() : workspace.stagingRow();
        logits.get(index, row, 0, vocabSize);
        return sampleRow(row, 0, null, state, workspace, result);
    }

    private int sampleRow(float[] logits, int offset, float[] unconditional, SequenceState state, Workspace workspace,
                          SampleResult result) {
        try {
            Candidates c = run(logits, offset, unconditional, state, workspace);
            state.setPickerState(Double.NaN); // a failed earlier step must not leave a value behind
            int token = picker.pick(c, state);
            if (result != null) {
                Logprobs.fill(result, c, token, logits, offset, Math.min(topLogprobs, result.capacity()), logprobsMode);
            }
            state.accept(token);
            if (result != null) {
                result.setStopReason(stop.check(state));
            }
            return token;
        } finally {
            release(workspace);
        }
    }

    /**
     * Runs the processors without picking and writes the processed logits into {@code out}
     * (length V): the value HF's processors would produce for kept tokens, {@code -Inf} for removed
     * ones. Does not advance {@code state}.
     *
     * @return the number of kept tokens
     */
    public int process(float[] logits, SequenceState state, Workspace workspace, float[] out) {
        checkLength("logits", logits);
        checkLength("out", out);
        try {
            return writeProcessed(run(logits, 0, null, state, workspace), out);
        } finally {
            release(workspace);
        }
    }

    /** As {@link #process(float[], SequenceState, Workspace, float[])} with classifier-free guidance's unconditional row. */
    public int process(float[] logits, float[] unconditionalLogits, SequenceState state, Workspace workspace,
                       float[] out) {
        checkLength("logits", logits);
        checkLength("unconditionalLogits", unconditionalLogits);
        checkLength("out", out);
        try {
            return writeProcessed(run(logits, 0, unconditionalLogits, state, workspace), out);
        } finally {
            release(workspace);
        }
    }

    private int writeProcessed(Candidates c, float[] out) {
        c.materialize();
        float t = c.temperature();
        if (c.isDense()) {
            float[] x = c.denseValues();
            if (t == 1f) {
                System.arraycopy(x, 0, out, 0, vocabSize);
            } else {
                for (int i = 0; i < vocabSize; i++) {
                    out[i] = x[i] / t;
                }
            }
            return c.kernels().countAtLeast(x, 0, vocabSize, -Float.MAX_VALUE);
        }
        java.util.Arrays.fill(out, Float.NEGATIVE_INFINITY);
        int[] ids = c.ids();
        float[] values = c.values();
        int kept = 0;
        for (int i = 0; i < c.size(); i++) {
            out[ids[i]] = t == 1f ? values[i] : values[i] / t;
            kept += values[i] != Float.NEGATIVE_INFINITY ? 1 : 0;
        }
        return kept;
    }

    /** Forgets the caller's row, so a workspace never keeps a reference to it after a step. */
    private static void release(Workspace workspace) {
        if (workspace != null) {
            workspace.candidates().release();
        }
    }

    private Candidates run(float[] logits, int offset, float[] unconditional, SequenceState state, Workspace workspace) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(workspace, "workspace");
        if (workspace.vocabSize() != vocabSize) {
            throw new IllegalArgumentException("workspace.vocabSize = " + workspace.vocabSize()
                    + " but this sampler's vocabulary is " + vocabSize);
        }
        if (state.maxTokenId() >= vocabSize) {
            throw new IllegalArgumentException("history token id " + state.maxTokenId() + " is outside [0, "
                    + vocabSize + ")");
        }
        if (unconditional != null && !guided) {
            throw new IllegalArgumentException("unconditionalLogits were passed but the chain " + this
                    + " has no classifier-free guidance: set guidanceScale != 1, or pass none");
        }
        Candidates c = workspace.candidates();
        int bad = c.load(logits, offset, copyOnLoad);
        c.setUnconditional(unconditional, 0);
        if (bad >= 0) {
            throw new IllegalArgumentException("logits[" + bad + "] = " + logits[offset + bad]
                    + " is not allowed: logits must be finite or -Inf");
        }
        for (int i = 0; i < processors.length; i++) {
            c.setMayDeferTruncation(deferrable[i]);
            processors[i].apply(c, state);
        }
        c.setMayDeferTruncation(false);
        float max = c.max();
        if (max == Float.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("no token left to sample: every token is -Inf after the chain "
                    + this + " (check the logits, allowedTokenIds, bannedTokenIds and logitBias)");
        }
        if (!(max < Float.POSITIVE_INFINITY)) {
            // Finite inputs can still overflow: a bias of 3e38, or a huge negative penalty times a count.
            throw new IllegalArgumentException("a processed logit is " + max + " after the chain " + this
                    + ": a penalty or bias overflowed float; keep |logit + bias| and |count * penalty| below 3.4e38");
        }
        return c;
    }

    private void checkLength(String field, float[] array) {
        Objects.requireNonNull(array, field);
        if (array.length != vocabSize) {
            throw new IllegalArgumentException(field + ".length = " + array.length
                    + " but this sampler's vocabulary is " + vocabSize);
        }
    }

    /** The steps that run, in order: {@code repetition-penalty > top-k > top-p > pick(inverse-cdf)}. */
    @Override
    public String toString() {
        StringJoiner s = new StringJoiner(" > ");
        for (LogitsProcessor p : processors) {
            s.add(p.name());
        }
        s.add("pick(" + picker.name() + ")");
        return s.toString();
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
