package org.sampling4j.chain;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A compiled chain for one vocabulary size: processors in order, then a picker, with the facts
 * about them decided once, here, rather than at every step: whether the caller's row must be
 * copied (some processor writes it), whether calls must pass an unconditional row (guidance), and
 * which cut, if any, the picker samples without carrying it out (a {@link DeferrableCut} followed
 * only by ranking-preserving steps, before a picker that {@link TokenPicker#samplesPendingNucleus()}),
 * whether a first {@link MaskingProcessor} is fused into loading the row, and whether a greedy
 * picker's argmax is ({@link TokenPicker#picksArgmax()}, no processor that writes or masks).
 *
 * <p>One step: {@link #run} loads and validates the row and applies the processors;
 * {@link #pick} chooses; {@link #release} forgets the caller's rows. Immutable and thread-safe.
 */
public final class Chain {
    private final int vocabSize;
    private final LogitsProcessor[] processors;
    private final TokenPicker picker;
    private final boolean copyOnLoad;
    private final boolean guided;
    private final int deferredCut;
    private final boolean maskOnLoad;
    private final boolean argmaxOnLoad;
    private final int bestOnLoad;
    private final boolean bestReadsHistory;

    /**
     * Compiles {@code processors} then {@code picker} for {@code vocabSize} tokens.
     *
     * @throws IllegalArgumentException when a processor names a token id outside [0, vocabSize)
     */
    public Chain(int vocabSize, List<LogitsProcessor> processors, TokenPicker picker) {
        this.vocabSize = vocabSize;
        this.processors = processors.toArray(new LogitsProcessor[0]);
        this.picker = Objects.requireNonNull(picker, "picker");
        boolean writes = false;
        boolean unconditional = false;
        boolean masks = false;
        for (LogitsProcessor p : this.processors) {
            p.checkVocabulary(vocabSize);
            writes |= p.writesLogits();
            unconditional |= p.readsUnconditionalRow();
            masks |= p instanceof MaskingProcessor;
        }
        this.copyOnLoad = writes;
        this.guided = unconditional;
        int cut = -1;
        if (picker.samplesPendingNucleus()) {
            for (int i = this.processors.length - 1; i >= 0; i--) {
                if (this.processors[i] instanceof DeferrableCut) {
                    cut = i;
                    break;
                }
                if (!this.processors[i].preservesRanking()) {
                    break;
                }
            }
        }
        this.deferredCut = cut;
        this.maskOnLoad = this.processors.length > 0 && this.processors[0] instanceof MaskingProcessor;
        // Greedy with nothing that changes the row: the argmax is found in the pass that loads and
        // validates it, and no copy is made unless something reads the row (logprobs do).
        this.argmaxOnLoad = picker.picksArgmax() && !writes && !unconditional && !masks;
        // A top-k after nothing but penalties and temperature: loading selects the k best others,
        // and those steps run on them plus the history's tokens, never on a copy of the row.
        int best = -1;
        if (!maskOnLoad && !argmaxOnLoad) {
            for (int i = 0; i < this.processors.length; i++) {
                if (this.processors[i] instanceof BestKCut) {
                    best = ((BestKCut) this.processors[i]).k() >= 1 ? i : -1;
                    break;
                }
                if (!this.processors[i].fusesBeforeTopK()) {
                    break;
                }
            }
        }
        this.bestOnLoad = best;
        // The steps before the fused cut change only the sequence's tokens (the penalties), so the
        // load keeps those aside beside the k best others. A lone temperature changes none: it is
        // lazy, the values stay raw, so the raw k best are the cut's k best and the history's
        // tokens need no place of their own (nor a lookup per hit). A second temperature would
        // divide by the first, and rounding can tie neighbours, so it keeps the general path.
        this.bestReadsHistory = best > 1 || best == 1 && !this.processors[0].preservesRanking();
    }

    /** The vocabulary size V every row must have. */
    public int vocabSize() {
        return vocabSize;
    }

    /** The processors, in order. */
    public List<LogitsProcessor> processors() {
        return List.of(processors);
    }

    /** The picker. */
    public TokenPicker picker() {
        return picker;
    }

    /** Whether a processor reads an unconditional row, which every call must then pass. */
    public boolean guided() {
        return guided;
    }

    /** The position of the processor whose cut the picker samples directly on a dense row, or -1. */
    public int deferredCut() {
        return deferredCut;
    }

    /**
     * Loads {@code logits[offset, offset + V)} (and the unconditional row, or null) into
     * {@code c} and applies every processor: afterwards {@code c} holds what the chain keeps,
     * perhaps with a {@link Candidates#nucleusPending() pending nucleus}.
     *
     * @throws IllegalArgumentException on a set for another V, a history token outside [0, V), an
     *                                  unconditional row the chain does not read, a NaN or +Inf
     *                                  logit, or a chain that leaves no finite candidate
     */
    public Candidates run(float[] logits, int offset, float[] unconditional, SequenceView state, Candidates c) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(c, "workspace");
        if (c.vocabSize() != vocabSize) {
            throw new IllegalArgumentException("workspace.vocabSize = " + c.vocabSize()
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
        try {
            return apply(logits, offset, unconditional, state, c);
        } catch (RuntimeException e) {
            c.release();
            throw e;
        }
    }

    private Candidates apply(float[] logits, int offset, float[] unconditional, SequenceView state, Candidates c) {
        int first = 0;
        int bad;
        if (maskOnLoad) {
            bad = c.loadMasked(logits, offset, ((MaskingProcessor) processors[0]).fillMask(c, state), unconditional);
            first = 1;
        } else if (argmaxOnLoad) {
            bad = c.loadArgmax(logits, offset, unconditional);
        } else if (bestOnLoad >= 0 && fusesBest(state)) {
            TokenCounts history = bestReadsHistory ? state.allCounts() : null;
            bad = c.loadBest(logits, offset, ((BestKCut) processors[bestOnLoad]).k(), history, unconditional);
        } else {
            bad = c.load(logits, offset, copyOnLoad, unconditional);
        }
        if (bad >= 0) {
            throw new IllegalArgumentException("logits[" + bad + "] = " + logits[offset + bad]
                    + " is not allowed: logits must be finite or -Inf");
        }
        for (int i = first; i < processors.length; i++) {
            if (i == deferredCut && c.isDense()) {
                c.nucleus().defer((DeferrableCut) processors[i], c.inverseTemperature());
            } else {
                processors[i].apply(c, state);
            }
        }
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

    /**
     * Whether the k best and the history's tokens are fewer than V, so that loading can select
     * them ({@link Candidates#loadBest}); else the row is loaded dense and the steps run on it.
     */
    private boolean fusesBest(SequenceView state) {
        long kept = ((BestKCut) processors[bestOnLoad]).k();
        if (bestReadsHistory) {
            kept += state.allCounts().distinct();
        }
        return kept < vocabSize;
    }

    /**
     * Picks with draw index {@code draw}: from the pending nucleus when there is one, else from the
     * set. A stateful picker's next state is then in {@link Candidates#nextPickerState()}.
     */
    public int pick(Candidates c, SequenceView state, int draw) {
        c.setDraw(draw);
        return pick(c, state, draw, picker);
    }

    /**
     * As {@link #pick(Candidates, SequenceView, int)} with {@code with} choosing in place of the
     * chain's own picker, on the same candidates: a pending top-p cut (deferred because the chain's
     * picker samples it) goes to {@code with}'s {@link TokenPicker#pickFromNucleus}, whose default
     * carries the cut out first.
     */
    public int pick(Candidates c, SequenceView state, int draw, TokenPicker with) {
        c.setDraw(draw);
        return c.nucleusPending() ? with.pickFromNucleus(c, state, c.nucleus()) : with.pick(c, state);
    }

    /**
     * Writes the processed logits of {@code c} into {@code out} (length V), carrying out a pending
     * cut: {@code x / T} for kept tokens, as HF's processors produce them, {@code -Inf} for removed
     * ones. Returns the number of kept tokens.
     */
    public int writeProcessed(Candidates c, float[] out) {
        c.materialize();
        float t = c.temperature();
        if (c.isDense()) {
            // The write-out and the count of kept tokens in one pass (a copy and a count were two).
            return c.kernels().copyDividedCountFinite(c.denseValues(), out, vocabSize, t);
        }
        Arrays.fill(out, Float.NEGATIVE_INFINITY);
        int[] ids = c.ids();
        float[] values = c.values();
        int kept = 0;
        for (int i = 0; i < c.size(); i++) {
            out[ids[i]] = t == 1f ? values[i] : values[i] / t;
            kept += values[i] != Float.NEGATIVE_INFINITY ? 1 : 0;
        }
        return kept;
    }

    /** Forgets the caller's rows, so a workspace never keeps a reference to them after a step. */
    public static void release(Candidates c) {
        if (c != null) {
            c.release();
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
}
