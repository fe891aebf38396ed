package org.sampling4j;

import java.util.Arrays;
import org.sampling4j.internal.Range;

/**
 * When a sequence ends, checked after each accepted token: the token is a stop token id, the
 * generated tokens end with a stop token sequence, or max-tokens tokens were generated. When
 * several hold, the first in that order is reported (as vLLM reports {@code "stop"} over
 * {@code "length"}). Matching is on token ids, never on text: a runtime that matches stop
 * strings detokenizes itself.
 *
 * <p>Immutable. A check costs O(1) plus the length of the stop sequences that end with the token.
 */
public final class StopConditions {
    /** No stop condition: sequences go on until the caller stops them. */
    public static final StopConditions NONE = new StopConditions(new int[0], 0, new int[0][]);

    private final int[] stopTokenIds;
    private final int maxTokens;
    private final int[][] stopSequences;

    private StopConditions(int[] stopTokenIds, int maxTokens, int[][] stopSequences) {
        this.stopTokenIds = stopTokenIds;
        this.maxTokens = maxTokens;
        this.stopSequences = stopSequences;
    }

    /**
     * Stop conditions from token ids (null = none), a token budget ({@code 0} = unlimited) and
     * token sequences (null = none; each non-empty).
     *
     * @throws IllegalArgumentException on a negative id, a negative budget or an empty sequence
     */
    public static StopConditions of(int[] stopTokenIds, int maxTokens, int[][] stopSequences) {
        int[] ids = stopTokenIds == null ? new int[0] : stopTokenIds.clone();
        for (int id : ids) {
            Range.atLeast(0).check("stopTokenIds[]", id);
        }
        Range.atLeast(0).withNote("0 means no limit").check("maxTokens", maxTokens);
        int[][] sequences = stopSequences == null ? new int[0][] : new int[stopSequences.length][];
        for (int s = 0; s < sequences.length; s++) {
            if (stopSequences[s] == null || stopSequences[s].length == 0) {
                throw new IllegalArgumentException("stopSequences[" + s + "] is empty: a stop sequence needs at least one token");
            }
            sequences[s] = stopSequences[s].clone();
            for (int id : sequences[s]) {
                Range.atLeast(0).check("stopSequences[" + s + "][]", id);
            }
        }
        if (ids.length == 0 && maxTokens == 0 && sequences.length == 0) {
            return NONE;
        }
        return new StopConditions(ids, maxTokens, sequences);
    }

    /** Why {@code state} should stop after the token it just accepted, or {@link StopReason#NONE}. */
    public StopReason check(SequenceState state) {
        int n = state.generatedLength();
        if (n == 0) {
            return StopReason.NONE;
        }
        int last = state.generatedToken(n - 1);
        for (int id : stopTokenIds) {
            if (id == last) {
                return StopReason.STOP_TOKEN;
            }
        }
        if (endsWithStopSequence(state, n, last)) {
            return StopReason.STOP_SEQUENCE;
        }
        return maxTokens > 0 && n >= maxTokens ? StopReason.MAX_TOKENS : StopReason.NONE;
    }

    private boolean endsWithStopSequence(SequenceState state, int n, int last) {
        for (int[] sequence : stopSequences) {
            int length = sequence.length;
            if (sequence[length - 1] != last || length > n) {
                continue;
            }
            int i = length - 2;
            while (i >= 0 && sequence[i] == state.generatedToken(n - length + i)) {
                i--;
            }
            if (i < 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether no condition is set. */
    public boolean isEmpty() {
        return this == NONE;
    }

    /** A copy of the stop token ids. */
    public int[] stopTokenIds() {
        return stopTokenIds.clone();
    }

    /** The token budget, 0 for none. */
    public int maxTokens() {
        return maxTokens;
    }

    /** Number of stop token sequences. */
    public int stopSequenceCount() {
        return stopSequences.length;
    }

    /** A copy of the i-th stop token sequence. */
    public int[] stopSequence(int i) {
        return stopSequences[i].clone();
    }

    /** The largest token id named, -1 if none (the sampler checks it against its vocabulary). */
    int maxTokenId() {
        int max = -1;
        for (int id : stopTokenIds) {
            max = Math.max(max, id);
        }
        for (int[] sequence : stopSequences) {
            for (int id : sequence) {
                max = Math.max(max, id);
            }
        }
        return max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StopConditions && maxTokens == ((StopConditions) o).maxTokens
                && Arrays.equals(stopTokenIds, ((StopConditions) o).stopTokenIds)
                && Arrays.deepEquals(stopSequences, ((StopConditions) o).stopSequences);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(stopTokenIds) + maxTokens) + Arrays.deepHashCode(stopSequences);
    }

    @Override
    public String toString() {
        return "StopConditions{stopTokenIds=" + Arrays.toString(stopTokenIds) + ", maxTokens=" + maxTokens
                + ", stopSequences=" + Arrays.deepToString(stopSequences) + "}";
    }
}
