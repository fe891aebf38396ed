package org.sampling4j.grammar.automaton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The product automaton of two {@link ByteDfa}s, for {@code Expr.Intersection} ({@code a ∩ b}) and
 * {@code Expr.Difference} ({@code a \ b}), trimmed to the states that are reachable and can still
 * reach an accept. A product state is a pair {@code (p, q)}: {@code p} a state of {@code a} (never
 * dead: nothing outside {@code a} is in either result), {@code q} a state of {@code b} or dead
 * ({@code -1}, allowed only for the difference: once {@code b} has died, every continuation in
 * {@code a} is outside {@code b}). It accepts iff {@code p} accepts and, for the intersection, {@code q}
 * accepts, for the difference, {@code q} is dead or does not accept.
 *
 * <p><b>Bytes versus code points.</b> The operands are code-point languages, the DFAs are over UTF-8
 * bytes. Each DFA accepts only byte strings that are UTF-8 encodings ({@link Utf8Ranges} emits only the
 * valid sequences of each code point, and concatenation, union and repetition of encodings are
 * encodings), and UTF-8 is a bijection between code-point strings (no surrogates) and valid byte
 * strings. So for code-point languages {@code A}, {@code B}: {@code utf8(A) ∩ utf8(B) = utf8(A ∩ B)}
 * and {@code utf8(A) \ utf8(B) = utf8(A \ B)}: a byte string in {@code utf8(A)} that is not in
 * {@code utf8(B)} decodes to a code-point string in {@code A} that is not in {@code B}, since it has
 * only one decoding. The byte-level product is therefore exactly the code-point operation.
 *
 * <p><b>Budget.</b> At most {@code maxStates} product states and as many transitions, else
 * {@link BudgetException}: the product of an {@code n}- and an {@code m}-state DFA may have
 * {@code n·m} states, and a long counted repeat times a pattern easily gets there.
 */
final class RegularProduct {
    /** Transitions of kept state {@code s}: byte ranges {@code lo..hi} to kept state {@code to}. */
    final int[][] lo;
    final int[][] hi;
    final int[][] to;
    final boolean[] accept;
    /** Whether the language is empty (then there are no states at all). */
    final boolean empty;

    private RegularProduct(int[][] lo, int[][] hi, int[][] to, boolean[] accept) {
        this.lo = lo;
        this.hi = hi;
        this.to = to;
        this.accept = accept;
        this.empty = accept.length == 0;
    }

    /** {@code a ∩ b}, or {@code a \ b} when {@code difference}; kept state 0 is the start (if not empty). */
    static RegularProduct of(ByteDfa a, ByteDfa b, boolean difference, int maxStates, String what) {
        Map<Long, Integer> ids = new HashMap<>();
        List<long[]> pairs = new ArrayList<>();
        List<int[]> los = new ArrayList<>();
        List<int[]> his = new ArrayList<>();
        List<int[]> tos = new ArrayList<>();
        List<Boolean> acc = new ArrayList<>();
        ids.put(pair(0, 0), 0);
        pairs.add(new long[] {0, 0});
        long transitions = 0;
        for (int s = 0; s < pairs.size(); s++) {
            int p = (int) pairs.get(s)[0];
            int q = (int) pairs.get(s)[1];
            boolean qAccepts = q >= 0 && b.accept[q];
            acc.add(a.accept[p] && (difference ? !qAccepts : qAccepts));
            int[] lo = new int[a.lo[p].length + (q >= 0 ? 2 * b.lo[q].length : 0)]; // a piece ends at an end of a or a boundary of b
            int[] hi = new int[lo.length];
            int[] to = new int[lo.length];
            int k = 0;
            int j = 0;
            for (int i = 0; i < a.lo[p].length; i++) { // sweep a's ranges against b's (both sorted, disjoint)
                int from = a.lo[p][i];
                int until = a.hi[p][i];
                while (from <= until) {
                    while (q >= 0 && j < b.lo[q].length && b.hi[q][j] < from) {
                        j++;
                    }
                    int qNext;
                    int end;
                    if (q >= 0 && j < b.lo[q].length && b.lo[q][j] <= from) {
                        qNext = b.to[q][j];
                        end = Math.min(until, b.hi[q][j]);
                    } else {
                        qNext = -1;
                        end = q >= 0 && j < b.lo[q].length ? Math.min(until, b.lo[q][j] - 1) : until;
                    }
                    if (qNext >= 0 || difference) {
                        long key = pair(a.to[p][i], qNext);
                        Integer id = ids.get(key);
                        if (id == null) {
                            if (pairs.size() >= maxStates) {
                                throw new BudgetException(what + " needs more than " + maxStates + " product states");
                            }
                            id = pairs.size();
                            ids.put(key, id);
                            pairs.add(new long[] {a.to[p][i], qNext});
                        }
                        if (++transitions > maxStates) {
                            throw new BudgetException(what + " needs more than " + maxStates + " product transitions");
                        }
                        lo[k] = from;
                        hi[k] = end;
                        to[k++] = id;
                    }
                    from = end + 1;
                }
            }
            los.add(Arrays.copyOf(lo, k));
            his.add(Arrays.copyOf(hi, k));
            tos.add(Arrays.copyOf(to, k));
        }
        return trimmed(los, his, tos, acc);
    }

    private static long pair(int p, int q) {
        return ((long) p << 32) | (q & 0xFFFFFFFFL);
    }

    /** Keeps the states that can reach an accept (reverse search), renumbered with the start first. */
    private static RegularProduct trimmed(List<int[]> lo, List<int[]> hi, List<int[]> to, List<Boolean> acc) {
        int n = acc.size();
        List<List<Integer>> pred = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            pred.add(new ArrayList<>());
        }
        for (int s = 0; s < n; s++) {
            for (int t : to.get(s)) {
                pred.get(t).add(s);
            }
        }
        boolean[] live = new boolean[n];
        int[] queue = new int[n];
        int qn = 0;
        for (int s = 0; s < n; s++) {
            if (acc.get(s)) {
                live[s] = true;
                queue[qn++] = s;
            }
        }
        for (int i = 0; i < qn; i++) {
            for (int p : pred.get(queue[i])) {
                if (!live[p]) {
                    live[p] = true;
                    queue[qn++] = p;
                }
            }
        }
        if (!live[0]) {
            return new RegularProduct(new int[0][], new int[0][], new int[0][], new boolean[0]);
        }
        int[] id = new int[n];
        int m = 0;
        for (int s = 0; s < n; s++) {
            id[s] = live[s] ? m++ : -1;
        }
        int[][] l = new int[m][];
        int[][] h = new int[m][];
        int[][] t = new int[m][];
        boolean[] a = new boolean[m];
        for (int s = 0; s < n; s++) {
            if (!live[s]) {
                continue;
            }
            int[] ls = lo.get(s);
            int k = 0;
            int[] nl = new int[ls.length];
            int[] nh = new int[ls.length];
            int[] nt = new int[ls.length];
            for (int i = 0; i < ls.length; i++) {
                int target = id[to.get(s)[i]];
                if (target >= 0) {
                    nl[k] = ls[i];
                    nh[k] = hi.get(s)[i];
                    nt[k++] = target;
                }
            }
            l[id[s]] = Arrays.copyOf(nl, k);
            h[id[s]] = Arrays.copyOf(nh, k);
            t[id[s]] = Arrays.copyOf(nt, k);
            a[id[s]] = acc.get(s);
        }
        return new RegularProduct(l, h, t, a);
    }
}
