package org.sampling4j.grammar.schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sampling4j.grammar.syntax.Expr;

/**
 * Builds an {@link Expr.Automaton} from a state function: breadth-first from a start state over a small
 * alphabet, one automaton state per distinct state value (a record with value equality), then trimmed to
 * the states that can still reach an accepting one. Producers describe a state machine (a remainder and
 * how far a numeral is from its bounds) and get the IR leaf with shared states; the search counts the
 * states it reaches against a budget, so a refusal names the real cost before anything large is built.
 *
 * @param <S> the state values (equal values are one state)
 */
final class AutomatonSearch<S> {
    /** The moves of a state machine: {@code null} is the dead state. */
    interface Machine<S> {
        /** The state after {@code cp} from {@code s}, or {@code null} if nothing can follow. */
        S step(S s, int cp);

        /** Whether {@code s} accepts. */
        boolean accepts(S s);
    }

    /** Thrown when more than the budget of states is reachable. */
    static final class OverBudget extends Exception {
        OverBudget(int budget) {
            super("more than " + budget + " automaton states", null, false, false);
        }
    }

    private AutomatonSearch() {
    }

    /**
     * The trimmed automaton of {@code machine} from {@code start} over {@code alphabet} (sorted code points,
     * consecutive ones with the same target become one range), or {@code null} if it accepts nothing.
     *
     * @throws OverBudget if more than {@code budget} states are reachable
     */
    static <S> Expr.Automaton search(S start, int[] alphabet, Machine<S> machine, int budget) throws OverBudget {
        Map<S, Integer> ids = new HashMap<>();
        List<S> states = new ArrayList<>();
        List<int[]> moves = new ArrayList<>();
        ids.put(start, 0);
        states.add(start);
        for (int i = 0; i < states.size(); i++) {
            S s = states.get(i);
            int[] m = new int[3 * alphabet.length];
            int k = 0;
            for (int cp : alphabet) {
                S t = machine.step(s, cp);
                if (t == null) {
                    continue;
                }
                Integer id = ids.get(t);
                if (id == null) {
                    if (states.size() >= budget) {
                        throw new OverBudget(budget);
                    }
                    id = states.size();
                    ids.put(t, id);
                    states.add(t);
                }
                if (k > 0 && m[k - 2] == cp - 1 && m[k - 1] == id) {
                    m[k - 2] = cp;
                } else {
                    m[k++] = cp;
                    m[k++] = cp;
                    m[k++] = id;
                }
            }
            moves.add(java.util.Arrays.copyOf(m, k));
        }
        int n = states.size();
        boolean[] accepting = new boolean[n];
        for (int i = 0; i < n; i++) {
            accepting[i] = machine.accepts(states.get(i));
        }
        return trimmed(moves, accepting);
    }

    /** Keeps the states from which an accepting state is reachable (a reverse search), renumbered in order. */
    private static Expr.Automaton trimmed(List<int[]> moves, boolean[] accepting) {
        int n = accepting.length;
        List<List<Integer>> preds = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            preds.add(new ArrayList<>());
        }
        for (int s = 0; s < n; s++) {
            int[] m = moves.get(s);
            for (int i = 2; i < m.length; i += 3) {
                preds.get(m[i]).add(s);
            }
        }
        boolean[] live = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < n; s++) {
            if (accepting[s]) {
                live[s] = true;
                queue.add(s);
            }
        }
        while (!queue.isEmpty()) {
            for (int p : preds.get(queue.poll())) {
                if (!live[p]) {
                    live[p] = true;
                    queue.add(p);
                }
            }
        }
        if (!live[0]) {
            return null;
        }
        int[] newId = new int[n];
        int kept = 0;
        for (int s = 0; s < n; s++) {
            newId[s] = live[s] ? kept++ : -1;
        }
        int[][] out = new int[kept][];
        boolean[] acc = new boolean[kept];
        for (int s = 0; s < n; s++) {
            if (!live[s]) {
                continue;
            }
            int[] m = moves.get(s);
            int[] t = new int[m.length];
            int k = 0;
            for (int i = 0; i < m.length; i += 3) {
                int to = newId[m[i + 2]];
                if (to < 0) {
                    continue;
                }
                if (k > 0 && t[k - 2] == m[i] - 1 && t[k - 1] == to) {
                    t[k - 2] = m[i + 1];
                } else {
                    t[k++] = m[i];
                    t[k++] = m[i + 1];
                    t[k++] = to;
                }
            }
            out[newId[s]] = java.util.Arrays.copyOf(t, k);
            acc[newId[s]] = accepting[s];
        }
        return new Expr.Automaton(out, acc);
    }
}
