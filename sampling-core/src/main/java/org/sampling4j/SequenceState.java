package org.sampling4j;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Function;
import org.sampling4j.chain.SequenceTracker;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.TokenAutomaton;
import org.sampling4j.chain.TokenCounter;
import org.sampling4j.chain.TokenCounts;
import org.sampling4j.internal.Range;

/**
 * What one sequence carries from step to step: its seed, the step counter, the prompt and the
 * generated tokens (kept apart, because repetition penalties see both and frequency / presence
 * penalties only the generated ones), and sparse counts of each.
 *
 * <p>Memory is O(sequence length), never O(vocabulary). One per sequence; not thread-safe.
 * {@link Sampler#sample} calls {@link #accept(int)} with the chosen token; a runtime that forces a
 * token (a grammar, a tool call) calls it itself.
 */
public final class SequenceState implements SequenceView {
    private static final SecureRandom SEEDS = new SecureRandom();

    private final long seed;
    private final int[] prompt;
    private int[] generated;
    private int generatedLength;
    /** pickerStates[i]: a stateful picker's value after generated token i (NaN when none). */
    private double[] pickerStates;
    private long step;
    private int maxTokenId = -1;
    private final TokenCounter allCounts = new TokenCounter();
    private final TokenCounter generatedCounts = new TokenCounter();
    private final Trackers trackers = new Trackers();
    /** The automaton whose states are cached (one at a time), its state after the prompt, and after each generated token. */
    private TokenAutomaton automaton;
    private long automatonPromptState;
    private long[] automatonStates;
    /** automatonStates[0, automatonValid) hold the states after those generated tokens. */
    private int automatonValid;

    private SequenceState(long seed, int[] prompt, int[] generated) {
        this.seed = seed;
        this.prompt = prompt.clone();
        this.generated = new int[Math.max(16, generated.length * 2)];
        this.pickerStates = new double[this.generated.length];
        java.util.Arrays.fill(pickerStates, Double.NaN);
        for (int i = 0; i < this.prompt.length; i++) {
            int token = checkTokenId("prompt[" + i + "]", this.prompt[i]);
            allCounts.add(token);
        }
        for (int i = 0; i < generated.length; i++) {
            append(checkTokenId("generated[" + i + "]", generated[i]), Double.NaN);
        }
        this.step = generated.length;
    }

    /** A new sequence at step 0 after {@code prompt}. */
    public static SequenceState create(long seed, int... prompt) {
        return new SequenceState(seed, prompt, new int[0]);
    }

    /** A new sequence with a fresh random seed (readable with {@link #seed()}, so it can be logged). */
    public static SequenceState createUnseeded(int... prompt) {
        return create(SEEDS.nextLong(), prompt);
    }

    /**
     * A sequence that already generated {@code generated}: it is at step {@code generated.length}
     * and draws exactly what a sequence that sampled those tokens itself would draw next.
     */
    public static SequenceState resume(long seed, int[] prompt, int[] generated) {
        return new SequenceState(seed, prompt, generated);
    }

    /** {@code n} sequences after {@code prompt}, sequence i seeded {@code first + i}; {@code n >= 1}. */
    static SequenceState[] group(int n, long first, int... prompt) {
        Range.atLeast(1).check("n", n);
        SequenceState[] states = new SequenceState[n];
        for (int i = 0; i < n; i++) {
            states[i] = create(first + i, prompt);
        }
        return states;
    }

    /** Records the token chosen at this step and advances the step counter. */
    public void accept(int token) {
        accept(token, Double.NaN);
    }

    /**
     * As {@link #accept(int)}, the token carrying the picker state a picker set during this step
     * (NaN: it set none, and the previous state carries over).
     */
    void accept(int token, double pickerState) {
        if (token < 0) {
            checkTokenId("token", token);
        }
        trackers.accept(token); // first: a tracker that refuses the token leaves nothing recorded
        append(checkTokenId("token", token), pickerState);
        step++;
    }

    /**
     * Takes back the last {@code tokens} generated tokens and as many steps, as a runtime does when
     * speculative decoding rejects drafted tokens: afterwards the state is exactly as it was before
     * those tokens were accepted, so the next draw repeats. O(tokens).
     *
     * @throws IllegalArgumentException unless {@code 0 <= tokens <= generatedLength()}
     */
    public void rollback(int tokens) {
        if (tokens < 0 || tokens > generatedLength) {
            throw new IllegalArgumentException("tokens = " + tokens + " is outside [0, " + generatedLength
                    + "]: only generated tokens can be rolled back");
        }
        trackers.rollback(tokens);
        for (int i = 0; i < tokens; i++) {
            int token = generated[--generatedLength];
            allCounts.remove(token);
            generatedCounts.remove(token);
        }
        step -= tokens;
        automatonValid = Math.min(automatonValid, generatedLength);
    }

    /**
     * The state of {@code automaton} after every token so far, computed incrementally: the states
     * after each generated token are kept (one automaton at a time; asking for another refolds the
     * prompt), so a step costs O(tokens since the last call) and {@link #rollback} just forgets
     * the states past the kept tokens. Memory: one long per generated token, allocated on first use.
     */
    @Override
    public long automatonState(TokenAutomaton a) {
        if (a != automaton && !a.equals(automaton)) {
            automaton = a;
            long s = a.start();
            for (int token : prompt) {
                s = a.next(s, token);
            }
            automatonPromptState = s;
            automatonValid = 0;
        }
        if (automatonStates == null || automatonStates.length < generatedLength) {
            automatonStates = Arrays.copyOf(automatonStates == null ? new long[0] : automatonStates, generated.length);
        }
        long s = automatonValid == 0 ? automatonPromptState : automatonStates[automatonValid - 1];
        for (int i = automatonValid; i < generatedLength; i++) {
            s = a.next(s, generated[i]);
            automatonStates[i] = s;
        }
        automatonValid = generatedLength;
        return s;
    }

    private void append(int token, double pickerState) {
        if (generatedLength == generated.length) {
            generated = Arrays.copyOf(generated, generated.length * 2);
            int old = pickerStates.length;
            pickerStates = Arrays.copyOf(pickerStates, generated.length);
            Arrays.fill(pickerStates, old, pickerStates.length, Double.NaN);
        }
        pickerStates[generatedLength] = Double.isNaN(pickerState) ? pickerState() : pickerState;
        generated[generatedLength++] = token;
        allCounts.add(token);
        generatedCounts.add(token);
    }

    private int checkTokenId(String field, int token) {
        if (token < 0) {
            throw new IllegalArgumentException(field + " = " + token + " is outside [0, vocabSize): token ids are non-negative");
        }
        maxTokenId = Math.max(maxTokenId, token);
        return token;
    }

    @Override
    public <T extends SequenceTracker> T tracker(Object owner, Function<SequenceView, T> create) {
        return trackers.get(owner, create, this);
    }

    /**
     * The value a stateful picker (mirostat's mu) carries from step to step, NaN before it first
     * ran. Kept per generated token, so {@link #rollback} restores it; a sequence made by
     * {@link #resume} starts without one (the picker starts afresh).
     */
    @Override
    public double pickerState() {
        return generatedLength == 0 ? Double.NaN : pickerStates[generatedLength - 1];
    }


    /** The seed: the Philox key of every draw of this sequence. */
    @Override
    public long seed() {
        return seed;
    }

    /** The step counter: the number of tokens generated so far. */
    @Override
    public long step() {
        return step;
    }

    /** Number of prompt tokens. */
    @Override
    public int promptLength() {
        return prompt.length;
    }

    /** Number of generated tokens. */
    @Override
    public int generatedLength() {
        return generatedLength;
    }

    /** The i-th prompt token. */
    @Override
    public int promptToken(int i) {
        return prompt[i];
    }

    /** The i-th generated token. */
    @Override
    public int generatedToken(int i) {
        if (i >= generatedLength) {
            throw new IndexOutOfBoundsException("generated token " + i + " of " + generatedLength);
        }
        return generated[i];
    }

    /** Number of tokens so far: prompt plus generated. */
    @Override
    public int length() {
        return prompt.length + generatedLength;
    }

    /** The i-th token of prompt followed by generated tokens, i in [0, length()). */
    @Override
    public int token(int i) {
        return i < prompt.length ? prompt[i] : generatedToken(i - prompt.length);
    }

    /** A copy of the generated tokens. */
    public int[] generatedTokens() {
        return Arrays.copyOf(generated, generatedLength);
    }

    /** The largest token id seen in the prompt or the generated tokens, -1 if none. */
    @Override
    public int maxTokenId() {
        return maxTokenId;
    }

    /** Counts over prompt and generated tokens. */
    @Override
    public TokenCounts allCounts() {
        return allCounts;
    }

    /** Counts over generated tokens only. */
    @Override
    public TokenCounts generatedCounts() {
        return generatedCounts;
    }

    @Override
    public String toString() {
        return "SequenceState{seed=" + seed + ", step=" + step + ", prompt=" + prompt.length
                + " tokens, generated=" + generatedLength + " tokens}";
    }
}
