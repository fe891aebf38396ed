package org.sampling4j.grammar.automaton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sampling4j.grammar.syntax.Expr;

/**
 * A DFA over CODE POINTS of a regular code-point language, with the number of words each state
 * still accepts: what an any-order JSON object needs to know whether a key class can run out of
 * keys. An object holds finitely many keys, so a class whose remaining language is infinite always
 * has a free key; only a finite remainder, at most {@link #MANY} words, can be used up.
 *
 * <p><b>Construction.</b> The language is compiled over UTF-8 bytes ({@link NfaBuilder}),
 * determinized eagerly ({@link ByteDfa}), then read one character at a time: the states reached at
 * character boundaries are this DFA's states, and the byte paths of one UTF-8 sequence from such a
 * state become code-point ranges (a continuation position whose 64 bytes all lead to one state is
 * one range, not 64). Every state can reach an accept (the NFA is trimmed), so
 * {@code words(s) >= 1} for every state; {@code words} is 0 only for the start of an empty language.
 *
 * <p><b>Counts.</b> {@code words(s)} is the number of strings accepted from {@code s}, saturated at
 * {@link #MANY} (a state that reaches a cycle has infinitely many: {@code MANY}). Computed once,
 * children first (Kahn's order on the reversed graph: a state is counted when all its successors
 * are; what is never counted lies on or before a cycle).
 *
 * <p><b>Budget.</b> At most {@code maxStates} byte-DFA states and transitions ({@link BudgetException}).
 * Immutable, thread-safe.
 */
public final class WordCounts {
    /** The saturation point of {@link #words}: more than any object can hold keys (its count is an int). */
    public static final long MANY = 1L << 32;

    /** Per state: sorted, disjoint code-point ranges and targets, flat {@code lo, hi, to} triples. */
    private final int[][] moves;
    private final boolean[] accept;
    private final long[] words;

    private WordCounts(int[][] moves, boolean[] accept) {
        this.moves = moves;
        this.accept = accept;
        this.words = count(moves, accept);
    }

    /**
     * The counted DFA of {@code language} (a regular code-point {@link Expr}: Chars, Literal, Seq,
     * Alt, Repeat, Automaton, Intersection, Difference).
     *
     * @throws BudgetException past {@code maxStates} automaton states
     */
    public static WordCounts of(Expr language, int maxStates, int maxNesting) {
        NfaBuilder b = new NfaBuilder(Map.of(), maxStates, maxNesting);
        b.addLexeme(language);
        ByteDfa d = ByteDfa.of(b.build(), maxStates, "a key class");
        return new Converter(d).run();
    }

    /** The start state. */
    public int start() {
        return 0;
    }

    /** The state after code point {@code cp} from {@code state}, or -1 when no word continues so. */
    public int step(int state, int cp) {
        int[] m = moves[state];
        int lo = 0;
        int hi = m.length / 3 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < m[3 * mid]) {
                hi = mid - 1;
            } else if (cp > m[3 * mid + 1]) {
                lo = mid + 1;
            } else {
                return m[3 * mid + 2];
            }
        }
        return -1;
    }

    /** Whether the word read to {@code state} is in the language. */
    public boolean accepts(int state) {
        return accept[state];
    }

    /** The words accepted from {@code state} (the empty one included when it accepts), saturated at {@link #MANY}. */
    public long words(int state) {
        return words[state];
    }

    /** The words accepted from {@code state} whose first code point lies in {@code [lo, hi]}, saturated at {@link #MANY}. */
    public long wordsFirstIn(int state, int lo, int hi) {
        int[] m = moves[state];
        long sum = 0;
        for (int i = 0; i < m.length && m[i] <= hi; i += 3) {
            int a = Math.max(lo, m[i]);
            int b = Math.min(hi, m[i + 1]);
            if (a <= b) {
                sum = Math.min(MANY, sum + Math.min(MANY, (long) (b - a + 1) * words[m[i + 2]]));
            }
        }
        return sum;
    }

    /** Whether some state has fewer than {@link #MANY} words: only then can the language run out. */
    public boolean bounded() {
        for (long w : words) {
            if (w < MANY) {
                return true;
            }
        }
        return false;
    }

    /** Number of states. */
    public int states() {
        return accept.length;
    }

    private static long[] count(int[][] moves, boolean[] accept) {
        int n = accept.length;
        int[] pending = new int[n];
        int[][] preds = new int[n][];
        int[] np = new int[n];
        for (int s = 0; s < n; s++) {
            for (int i = 2; i < moves[s].length; i += 3) {
                np[moves[s][i]]++;
            }
            pending[s] = moves[s].length / 3;
        }
        for (int s = 0; s < n; s++) {
            preds[s] = new int[np[s]];
            np[s] = 0;
        }
        for (int s = 0; s < n; s++) {
            for (int i = 2; i < moves[s].length; i += 3) {
                int t = moves[s][i];
                preds[t][np[t]++] = s;
            }
        }
        long[] words = new long[n];
        Arrays.fill(words, MANY);
        int[] queue = new int[n];
        int qn = 0;
        for (int s = 0; s < n; s++) {
            if (pending[s] == 0) {
                queue[qn++] = s;
            }
        }
        for (int qi = 0; qi < qn; qi++) {
            int s = queue[qi];
            long w = accept[s] ? 1 : 0;
            int[] m = moves[s];
            for (int i = 0; i < m.length; i += 3) {
                w = Math.min(MANY, w + Math.min(MANY, (long) (m[i + 1] - m[i] + 1) * words[m[i + 2]]));
            }
            words[s] = w;
            for (int p : preds[s]) {
                if (--pending[p] == 0) {
                    queue[qn++] = p;
                }
            }
        }
        return words;
    }

    /** Reads a byte DFA of UTF-8 text one code point at a time. */
    private static final class Converter {
        private final ByteDfa d;
        private final Map<Long, int[]> tails = new HashMap<>();
        private final Map<Integer, Integer> ids = new HashMap<>();
        private final List<Integer> order = new ArrayList<>();

        Converter(ByteDfa d) {
            this.d = d;
        }

        WordCounts run() {
            id(0);
            List<int[]> moves = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                moves.add(movesOf(order.get(i)));
            }
            boolean[] accept = new boolean[order.size()];
            for (int i = 0; i < accept.length; i++) {
                accept[i] = d.accept[order.get(i)];
            }
            return new WordCounts(moves.toArray(new int[0][]), accept);
        }

        private int id(int byteState) {
            Integer id = ids.get(byteState);
            if (id == null) {
                id = order.size();
                ids.put(byteState, id);
                order.add(byteState);
            }
            return id;
        }

        /** The code-point moves of byte state {@code s} (a character boundary), targets as ids. */
        private int[] movesOf(int s) {
            Ranges out = new Ranges();
            for (int i = 0; i < d.lo[s].length; i++) {
                int a = d.lo[s][i];
                int b = d.hi[s][i];
                int t = d.to[s][i];
                if (a <= 0x7F) {
                    out.add(a, Math.min(b, 0x7F), t);
                }
                for (int x = Math.max(a, 0xC0); x <= Math.min(b, 0xF7); x++) {
                    int len = x >= 0xF0 ? 4 : x >= 0xE0 ? 3 : 2;
                    int base = (x & (0x7F >> len)) << (6 * (len - 1));
                    int[] tail = tail(t, len - 1);
                    for (int j = 0; j < tail.length; j += 3) {
                        out.add(base + tail[j], base + tail[j + 1], tail[j + 2]);
                    }
                }
            }
            int[] m = out.toArray();
            for (int j = 2; j < m.length; j += 3) {
                m[j] = id(m[j]);
            }
            return m;
        }

        /**
         * The {@code rem} continuation bytes from byte state {@code u}: triples {@code lo, hi, state}
         * of offsets in {@code [0, 64^rem)} (the low {@code 6 rem} bits of the code point), memoized.
         */
        private int[] tail(int u, int rem) {
            long key = ((long) u << 3) | rem;
            int[] done = tails.get(key);
            if (done != null) {
                return done;
            }
            Ranges out = new Ranges();
            int span = 1 << (6 * (rem - 1));
            for (int i = 0; i < d.lo[u].length; i++) {
                int a = Math.max(d.lo[u][i], 0x80);
                int b = Math.min(d.hi[u][i], 0xBF);
                if (a > b) {
                    continue;
                }
                int v = d.to[u][i];
                if (rem == 1) {
                    out.add(a & 0x3F, b & 0x3F, v);
                    continue;
                }
                int[] sub = tail(v, rem - 1);
                if (sub.length == 3 && sub[0] == 0 && sub[1] == span - 1) {
                    out.add((a & 0x3F) * span, (b & 0x3F) * span + span - 1, sub[2]);
                    continue;
                }
                for (int y = a; y <= b; y++) {
                    int base = (y & 0x3F) * span;
                    for (int j = 0; j < sub.length; j += 3) {
                        out.add(base + sub[j], base + sub[j + 1], sub[j + 2]);
                    }
                }
            }
            int[] r = out.toArray();
            tails.put(key, r);
            return r;
        }
    }

    /** Ranges added in increasing order; a range adjacent to the last one with the same target extends it. */
    private static final class Ranges {
        private int[] a = new int[24];
        private int n;

        void add(int lo, int hi, int to) {
            if (n > 0 && a[n - 1] == to && a[n - 2] + 1 == lo) {
                a[n - 2] = hi;
                return;
            }
            if (n + 3 > a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = lo;
            a[n++] = hi;
            a[n++] = to;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
