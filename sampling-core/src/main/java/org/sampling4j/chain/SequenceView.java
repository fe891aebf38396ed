package org.sampling4j.chain;

/**
 * What a processor or picker may read of the sequence being sampled: its seed and step (the
 * counter of every random draw), its tokens (prompt, then generated) and their counts. Read-only
 * but for the {@link SequenceTracker}s that processors keep in it: only the sampler advances a
 * sequence, after the picker has chosen.
 */
public interface SequenceView {

    /** The seed: the Philox key of every draw of this sequence. */
    long seed();

    /** The step counter: the number of tokens generated so far. */
    long step();

    /** Number of prompt tokens. */
    int promptLength();

    /** Number of generated tokens. */
    int generatedLength();

    /** The i-th prompt token, i in [0, promptLength()). */
    int promptToken(int i);

    /** The i-th generated token, i in [0, generatedLength()). */
    int generatedToken(int i);

    /** Number of tokens so far: prompt plus generated. */
    int length();

    /** The i-th token of the prompt followed by the generated tokens, i in [0, length()). */
    int token(int i);

    /** The largest token id in the prompt or the generated tokens, -1 if none. */
    int maxTokenId();

    /** Counts over the prompt and the generated tokens. */
    TokenCounts allCounts();

    /** Counts over the generated tokens only. */
    TokenCounts generatedCounts();

    /**
     * The value a stateful picker (mirostat's mu) carried out of the last step, NaN before it first
     * ran. A picker sets the next one with {@link Candidates#setNextPickerState(double)}.
     */
    double pickerState();

    /**
     * The tracker {@code owner} keeps for this sequence, made by {@code create} on first use. The
     * factory sees this view and must bring the new tracker up to date with the tokens generated
     * so far (a sequence resumed mid-generation, or a processor met for the first time); from then
     * on the sequence feeds it every token it accepts and every rollback. Owners are compared by
     * identity: one processor instance, one tracker per sequence.
     */
    <T extends SequenceTracker> T tracker(Object owner, java.util.function.Function<SequenceView, T> create);

    /**
     * The state of {@code automaton} after every token so far (prompt, then generated). This
     * default folds the whole history, O(length); {@code SequenceState} keeps the states per
     * generated token, so each step costs O(new tokens) and a rollback costs nothing.
     */
    default long automatonState(TokenAutomaton automaton) {
        long s = automaton.start();
        for (int i = 0, n = length(); i < n; i++) {
            s = automaton.next(s, token(i));
        }
        return s;
    }
}
