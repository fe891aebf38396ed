package org.sampling4j.grammar.engine;

import java.util.Arrays;

/**
 * One matcher's buffer for the subtree memo's keys: the parse context of a root {@link MaskGroup}
 * as ints. Per key pair of the group: the number of current threads in that distinct DFA state,
 * then the {@link SetShapes} ids of the Earley sets those threads started at, in thread order. Two
 * contexts with equal keys take the same hypothetical steps, so their expansions are equal.
 */
final class MemoKeys {
    private final SetShapes.Scratch scratch = new SetShapes.Scratch();
    /** The key written by the last {@link #of}; grows, never shrinks. */
    int[] key = new int[16];

    /** Writes the context of {@code group} into {@link #key}; returns its length, or -1 when a set has no shape id. */
    int of(MaskGroup group, int[] distinct, Chart chart, SetShapes shapes) {
        int[] pairs = group.key;
        int n = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            int d = distinct[pairs[i]];
            int countAt = n++;
            for (int t = chart.thrFrom; t < chart.thrTo; t++) {
                if (chart.thrDfa[t] == d) {
                    int id = shapes.of(chart, chart.thrSet[t], scratch);
                    if (id == SetShapes.NONE) {
                        return -1;
                    }
                    if (n + 2 > key.length) {
                        key = Arrays.copyOf(key, 2 * key.length);
                    }
                    key[n++] = id;
                }
            }
            key[countAt] = n - countAt - 1;
        }
        return n;
    }
}
