package org.sampling4j;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Checks and copies of the token ids, token sequences and bias map that {@link SamplingParams} holds. */
final class TokenArrays {
    private TokenArrays() {
    }

    /** A copy of {@code ids} (null stays null) after checking that no id is negative. */
    static int[] checkIds(String field, int[] ids) {
        if (ids == null) {
            return null;
        }
        for (int id : ids) {
            if (id < 0) {
                throw new IllegalArgumentException(field + " contains token id " + id + ", outside [0, vocabSize)");
            }
        }
        return ids.clone();
    }

    /** A deep copy of {@code sequences} (null becomes empty), each non-empty with non-negative ids. */
    static int[][] checkSequences(String field, int[][] sequences) {
        if (sequences == null) {
            return new int[0][];
        }
        int[][] copy = new int[sequences.length][];
        for (int i = 0; i < copy.length; i++) {
            if (sequences[i] == null || sequences[i].length == 0) {
                throw new IllegalArgumentException(field + "[" + i + "] is empty: a token sequence needs at least one token");
            }
            copy[i] = checkIds(field + "[" + i + "]", sequences[i]);
        }
        return copy;
    }

    /** An unmodifiable copy ordered by token id; ids non-negative, biases finite or -Inf. */
    static Map<Integer, Float> checkBias(Map<Integer, Float> bias) {
        Map<Integer, Float> copy = new TreeMap<>();
        for (Map.Entry<Integer, Float> e : bias.entrySet()) {
            Integer id = Objects.requireNonNull(e.getKey(), "logitBias token id");
            Float value = Objects.requireNonNull(e.getValue(), "logitBias value");
            if (id < 0) {
                throw new IllegalArgumentException("logitBias token id " + id + " is outside [0, vocabSize)");
            }
            if (!(value < Float.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("logitBias[" + id + "] = " + value
                        + " is outside [-Inf, +Inf): a bias must be finite or -Inf (bans the token)");
            }
            copy.put(id, value);
        }
        return Collections.unmodifiableMap(copy);
    }

    /** A copy, null for null. */
    static int[] copy(int[] ids) {
        return ids == null ? null : ids.clone();
    }

    /** A copy of the outer array and of each sequence. */
    static int[][] deepCopy(int[][] sequences) {
        int[][] copy = new int[sequences.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = sequences[i].clone();
        }
        return copy;
    }
}
