package org.sampling4j.grammar.automaton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An eager, complete-but-for-dead DFA over bytes of ONE lexeme of a {@link ByteNfa} (the subset
 * construction), for the product constructions of {@link RegularProduct}. State 0 is the start;
 * a missing transition leads to the dead state ({@code -1}). Each state's transitions are sorted,
 * disjoint byte ranges {@code lo[s][i]..hi[s][i] -> to[s][i]}, adjacent ranges with one target merged.
 * Unlike {@link LazyDfa}, the start state accepts when the lexeme matches the empty string: here the
 * empty string is a member like any other.
 *
 * <p><b>Budget.</b> At most {@code maxStates} states and {@code maxStates} transitions in all (so the
 * memory is linear in the budget); past either, {@link BudgetException}.
 */
final class ByteDfa {
    final int[][] lo;
    final int[][] hi;
    final int[][] to;
    final boolean[] accept;

    private ByteDfa(List<int[]> lo, List<int[]> hi, List<int[]> to, List<Boolean> accept) {
        int n = lo.size();
        this.lo = lo.toArray(new int[n][]);
        this.hi = hi.toArray(new int[n][]);
        this.to = to.toArray(new int[n][]);
        this.accept = new boolean[n];
        for (int i = 0; i < n; i++) {
            this.accept[i] = accept.get(i);
        }
    }

    int size() {
        return accept.length;
    }

    /** The DFA of lexeme 0 of {@code nfa}; {@code what} names the construct in a budget error. */
    static ByteDfa of(ByteNfa nfa, int maxStates, String what) {
        int size = nfa.size();
        int[] buf = new int[size];
        int[] stamp = new int[size];
        int[] seeds = new int[size];
        int mark = 0;
        Map<Key, Integer> ids = new HashMap<>();
        List<int[]> sets = new ArrayList<>();
        List<int[]> los = new ArrayList<>();
        List<int[]> his = new ArrayList<>();
        List<int[]> tos = new ArrayList<>();
        List<Boolean> acc = new ArrayList<>();
        int m = nfa.closure(new int[] {nfa.lexemeStart[0]}, 1, buf, stamp, ++mark);
        int[] start = Arrays.copyOf(buf, m);
        ids.put(new Key(start), 0);
        sets.add(start);
        long transitions = 0;
        for (int s = 0; s < sets.size(); s++) {
            int[] set = sets.get(s);
            boolean a = false;
            int[] cuts = new int[2 * set.length + 2];
            int nc = 0;
            for (int q : set) {
                if (nfa.kind[q] == ByteNfa.ACCEPT) {
                    a = true;
                } else {
                    cuts[nc++] = nfa.lo[q];
                    cuts[nc++] = nfa.hi[q] + 1;
                }
            }
            acc.add(a);
            Arrays.sort(cuts, 0, nc);
            int[] lo = new int[Math.max(1, nc)];
            int[] hi = new int[lo.length];
            int[] to = new int[lo.length];
            int k = 0;
            for (int c = 0; c + 1 < nc; c++) {
                int from = cuts[c];
                int until = cuts[c + 1] - 1; // the elementary interval [cuts[c], cuts[c+1])
                if (until < from) {
                    continue;
                }
                int n = 0;
                for (int q : set) {
                    if (nfa.kind[q] == ByteNfa.RANGE && nfa.lo[q] <= from && until <= nfa.hi[q]) {
                        seeds[n++] = nfa.out1[q];
                    }
                }
                if (n == 0) {
                    continue;
                }
                int mm = nfa.closure(seeds, n, buf, stamp, ++mark);
                if (mm == 0) {
                    continue;
                }
                Key key = new Key(Arrays.copyOf(buf, mm));
                Integer id = ids.get(key);
                if (id == null) {
                    if (sets.size() >= maxStates) {
                        throw new BudgetException(what + " needs more than " + maxStates + " DFA states of its operands");
                    }
                    id = sets.size();
                    ids.put(key, id);
                    sets.add(key.set);
                }
                if (k > 0 && to[k - 1] == id && hi[k - 1] + 1 == from) {
                    hi[k - 1] = until;
                } else {
                    lo[k] = from;
                    hi[k] = until;
                    to[k++] = id;
                    if (++transitions > maxStates) {
                        throw new BudgetException(what + " needs more than " + maxStates + " DFA transitions of its operands");
                    }
                }
            }
            los.add(Arrays.copyOf(lo, k));
            his.add(Arrays.copyOf(hi, k));
            tos.add(Arrays.copyOf(to, k));
        }
        return new ByteDfa(los, his, tos, acc);
    }

    /** An NFA-state set as a hash key. */
    private record Key(int[] set) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(set, k.set);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(set);
        }
    }
}
