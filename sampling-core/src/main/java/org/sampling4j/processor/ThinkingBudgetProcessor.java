package org.sampling4j.processor;

import java.util.Arrays;
import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.chain.TokenAutomaton;
import org.sampling4j.internal.Canonical;

/**
 * Thinking budget: once a reasoning section (opened by the start sequence) holds {@code budget}
 * tokens without closing, forces the closing sequence, one token per step.
 *
 * <p><b>Formula.</b> A state machine over the history, prompt included ({@link TokenAutomaton}):
 * OUTSIDE until the start sequence completes, then INSIDE with a count of 0 (FORCING at once when
 * {@code budget = 0}); INSIDE, a token that completes the end sequence returns to OUTSIDE (natural
 * end), any other adds 1 to the count, and at {@code count = budget} the state turns FORCING;
 * FORCING at position k keeps only the token {@code forced[k]} (value 0), {@code forced} being the
 * optional message followed by the end sequence, and after its last token the state is OUTSIDE
 * again (a later start sequence opens a new section with a fresh budget). Sequences are matched
 * exactly (KMP), also across token boundaries and overlapping prefixes.
 * <p><b>Parameters.</b> {@link #THINKING_TOKEN_BUDGET budget} int {@code >= -1}, -1 disables (no step
 * is added); start and end token sequences, non-empty, ids in [0, V), at most {@value #MAX_SEQUENCE}
 * tokens each; message ids (may be empty). The state lives in the sequence, one long per generated
 * token, so {@code SequenceState.rollback} (speculative decoding) restores it exactly.
 * <p><b>Reference.</b> vLLM {@code thinking_token_budget} (v1 {@code ThinkingTokenBudgetLogitsProcessor},
 * {@code reasoning_config.think_start_token_ids / think_end_token_ids}) and llama.cpp's reasoning
 * budget ({@code common/reasoning-budget.cpp}: IDLE, COUNTING, FORCING states; its budget message
 * before the end tag). Differs: forcing keeps only the forced token (llama.cpp's -Inf for the rest;
 * vLLM adds 1e9 to its logit, which later processors could still undo); vLLM resets the count when a
 * second start sequence appears inside a section, llama.cpp and this do not; llama.cpp's matcher
 * restarts naively after a partial match (it misses {@code [a, a, b]} in {@code a a a b}), this one
 * does not; llama.cpp's wait for a complete UTF-8 character before forcing is not done (it needs
 * the vocabulary's bytes).
 * <p><b>Cost per call.</b> O(tokens accepted since the last call) to advance the state, then O(1)
 * outside FORCING; FORCING reduces the set to one token. No allocation in steady state.
 * <p><b>Example.</b> start [1], end [2], budget 2: history 1 5 -> one more free token; 1 5 6 ->
 * token 2 forced; 1 5 2 -> the model closed the section itself.
 *
 * @see MinTokensProcessor  the other processor that decides from where the sequence is
 */
public final class ThinkingBudgetProcessor implements LogitsProcessor, TokenAutomaton {
    /** The tokens a reasoning section may hold before its end is forced (vLLM thinking_token_budget). */
    public static final Setting THINKING_TOKEN_BUDGET = Setting.atLeast("thinkingTokenBudget", -1).integer().byDefault(-1)
            .offAt(-1).note("-1 disables the thinking budget, 0 closes every section at once");
    /** The longest start, end or forced sequence. */
    public static final int MAX_SEQUENCE = 4096;

    static final int OUTSIDE = 0;
    static final int INSIDE = 1;
    static final int FORCING = 2;

    private final int budget;
    private final int[] start;
    private final int[] end;
    private final int[] forced;
    private final int[] startFailure;
    private final int[] endFailure;

    /** Whether a chain built from params needs this step: a budget other than -1 (and sequences, checked by params). */
    public static boolean enabledBy(int budget) {
        return !THINKING_TOKEN_BUDGET.isOff(budget);
    }

    /**
     * @param budget  {@code >= -1} ({@link #THINKING_TOKEN_BUDGET}); -1 leaves every token alone
     * @param start   the token ids that open a section, non-empty
     * @param end     the token ids that close it, non-empty
     * @param message token ids forced before {@code end} when the budget runs out (llama.cpp's
     *                budget message), may be empty
     * @throws IllegalArgumentException naming the field, for an empty or too long sequence or a negative id
     */
    public ThinkingBudgetProcessor(int budget, int[] start, int[] end, int[] message) {
        this.budget = THINKING_TOKEN_BUDGET.check(budget);
        this.start = checked("thinkStartTokenIds", start, false);
        this.end = checked("thinkEndTokenIds", end, false);
        int[] m = checked("thinkingBudgetMessageIds", message, true);
        if (m.length + this.end.length > MAX_SEQUENCE) {
            throw new IllegalArgumentException("thinkingBudgetMessageIds: " + m.length + " tokens before the "
                    + this.end.length + " of the end sequence exceed " + MAX_SEQUENCE);
        }
        this.forced = Arrays.copyOf(m, m.length + this.end.length);
        System.arraycopy(this.end, 0, forced, m.length, this.end.length);
        this.startFailure = failure(this.start);
        this.endFailure = failure(this.end);
    }

    private static int[] checked(String field, int[] ids, boolean mayBeEmpty) {
        if (ids == null || ids.length == 0 && !mayBeEmpty) {
            throw new IllegalArgumentException(field + " must hold at least one token id");
        }
        if (ids.length > MAX_SEQUENCE) {
            throw new IllegalArgumentException(field + " has " + ids.length + " tokens; at most " + MAX_SEQUENCE);
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0) {
                throw new IllegalArgumentException(field + "[" + i + "] = " + ids[i] + " is outside [0, vocabSize)");
            }
        }
        return ids.clone();
    }

    /** KMP's failure function: f[i] = length of the longest proper border of s[0..i]. */
    private static int[] failure(int[] s) {
        int[] f = new int[s.length];
        for (int i = 1, k = 0; i < s.length; i++) {
            while (k > 0 && s[i] != s[k]) {
                k = f[k - 1];
            }
            if (s[i] == s[k]) {
                k++;
            }
            f[i] = k;
        }
        return f;
    }

    /** The matched length after {@code token}, from {@code matched} tokens of {@code s} (KMP step). */
    private static int advance(int[] s, int[] f, int matched, int token) {
        int k = matched == s.length ? f[matched - 1] : matched;
        while (k > 0 && s[k] != token) {
            k = f[k - 1];
        }
        return s[k] == token ? k + 1 : 0;
    }

    // The state: phase in bits 0-1, count (or forced position) in bits 2-32, start match in 33-47,
    // end match in 48-62.
    static long state(int phase, int count, int startMatch, int endMatch) {
        return phase | (long) count << 2 | (long) startMatch << 33 | (long) endMatch << 48;
    }

    static int phase(long s) {
        return (int) (s & 3);
    }

    static int count(long s) {
        return (int) (s >>> 2 & 0x7FFF_FFFFL);
    }

    private static int startMatch(long s) {
        return (int) (s >>> 33 & 0x7FFF);
    }

    private static int endMatch(long s) {
        return (int) (s >>> 48 & 0x7FFF);
    }

    @Override
    public long start() {
        return state(OUTSIDE, 0, 0, 0);
    }

    @Override
    public long next(long s, int token) {
        switch (phase(s)) {
            case OUTSIDE: {
                int m = advance(start, startFailure, startMatch(s), token);
                if (m < start.length) {
                    return state(OUTSIDE, 0, m, 0);
                }
                return budget == 0 ? state(FORCING, 0, 0, 0) : state(INSIDE, 0, 0, 0);
            }
            case INSIDE: {
                int m = advance(end, endFailure, endMatch(s), token);
                if (m == end.length) {
                    return state(OUTSIDE, 0, 0, 0); // the model closed the section itself
                }
                int count = count(s) + 1;
                return count >= budget ? state(FORCING, 0, 0, 0) : state(INSIDE, count, 0, m);
            }
            default: {
                int position = count(s) + 1; // as llama.cpp and vLLM: the forced position advances per token
                return position >= forced.length ? state(OUTSIDE, 0, 0, 0) : state(FORCING, position, 0, 0);
            }
        }
    }

    @Override
    public String name() {
        return "thinking-budget";
    }

    @Override
    public String parameters() {
        return Canonical.of(budget, start, end, forced);
    }

    @Override
    public boolean writesLogits() {
        return false;
    }

    @Override
    public void checkVocabulary(int vocabSize) {
        for (int[] ids : new int[][] {start, end, forced}) {
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] >= vocabSize) {
                    String field = ids == start ? "thinkStartTokenIds" : ids == end ? "thinkEndTokenIds"
                            : "thinkingBudgetMessageIds"; // the end ids were checked first, so a forced miss is the message's
                    throw new IllegalArgumentException(field + "[" + i + "] = " + ids[i] + " is outside [0, " + vocabSize + ")");
                }
            }
        }
    }

    /** The token this step must emit, or -1 when the sequence is not forcing. */
    public int forcedToken(SequenceView state) {
        long s = state.automatonState(this);
        return phase(s) == FORCING ? forced[count(s)] : -1;
    }

    @Override
    public void apply(Candidates c, SequenceView state) {
        if (!enabledBy(budget)) {
            return;
        }
        int token = forcedToken(state);
        if (token >= 0) {
            c.materialize();
            c.keepOnly(token, 0f);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ThinkingBudgetProcessor)) {
            return false;
        }
        ThinkingBudgetProcessor t = (ThinkingBudgetProcessor) o;
        return budget == t.budget && Arrays.equals(start, t.start) && Arrays.equals(end, t.end) && Arrays.equals(forced, t.forced);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * budget + Arrays.hashCode(start)) + Arrays.hashCode(end)) + Arrays.hashCode(forced);
    }
}
