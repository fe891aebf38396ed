package org.sampling4j.grammar.automaton;

import java.util.Arrays;

/**
 * A Thompson NFA over bytes for a set of lexemes, trimmed: a state that cannot reach an accepting
 * state is not live and never enters a closure, so any non-empty set of live states can still
 * reach an accept. Each state is one of: {@link #EPSILON} (up to two epsilon successors),
 * {@link #RANGE} (one successor on a byte in {@code [lo, hi]}), {@link #ACCEPT} (the end of lexeme
 * {@code lexeme}). Immutable after {@link NfaBuilder#build()}.
 */
public final class ByteNfa {
    /** A state with up to two epsilon successors ({@code -1} = none). */
    public static final int EPSILON = 0;
    /** A state with one successor on a byte range. */
    public static final int RANGE = 1;
    /** The accepting state of one lexeme. */
    public static final int ACCEPT = 2;

    final int[] kind;
    final int[] lo;
    final int[] hi;
    final int[] out1;
    final int[] out2;
    final int[] lexemeOf;
    final boolean[] live;
    final int[] lexemeStart;
    private final boolean[] nullable;
    /**
     * The byte classes: bytes {@code b, c} with {@code byteClass[b] == byteClass[c]} are inside or
     * outside every RANGE state's {@code [lo, hi]} together, so every DFA state moves them to the same
     * state; {@link LazyDfa} computes one transition per class. A class is a run of consecutive
     * bytes: class {@code c} is {@code [classFirst[c], classFirst[c + 1])}.
     */
    final int[] byteClass = new int[256];
    final int[] classFirst;
    /** Per state, the lexeme whose fragment it belongs to: {@link NfaBuilder} builds each lexeme's states in one run, its ACCEPT first. */
    private final int[] owner;

    ByteNfa(int n, int[] kind, int[] lo, int[] hi, int[] out1, int[] out2, int[] lexemeOf, int[] lexemeStart) {
        this.kind = Arrays.copyOf(kind, n);
        this.lo = Arrays.copyOf(lo, n);
        this.hi = Arrays.copyOf(hi, n);
        this.out1 = Arrays.copyOf(out1, n);
        this.out2 = Arrays.copyOf(out2, n);
        this.lexemeOf = Arrays.copyOf(lexemeOf, n);
        this.lexemeStart = lexemeStart.clone();
        this.live = trim();
        this.nullable = new boolean[lexemeStart.length];
        int[] buf = new int[n];
        int[] stamp = new int[n]; // one scratch for all lexemes: mark l + 1 is fresh for lexeme l
        int[] seed = new int[1];
        for (int l = 0; l < lexemeStart.length; l++) {
            seed[0] = lexemeStart[l];
            int m = closure(seed, 1, buf, stamp, l + 1);
            for (int i = 0; i < m; i++) {
                nullable[l] |= this.kind[buf[i]] == ACCEPT;
            }
        }
        this.classFirst = classes();
        this.owner = new int[n];
        int current = -1;
        for (int q = 0; q < n; q++) {
            if (this.kind[q] == ACCEPT && this.lexemeOf[q] >= 0) {
                current = this.lexemeOf[q];
            }
            owner[q] = current;
        }
    }

    /** The lexeme state {@code q} belongs to. */
    public int lexemeOfState(int q) {
        return owner[q];
    }

    /** Whether state {@code q} reads a byte (so a DFA state holding it can continue). */
    public boolean reads(int q) {
        return kind[q] == RANGE;
    }

    /**
     * Fills {@link #byteClass} and returns {@link #classFirst}: a class starts at every byte where some
     * RANGE state's interval begins or ends (the byte after {@code hi}), so within a class no interval
     * starts or stops and membership is the same for all its bytes.
     */
    private int[] classes() {
        boolean[] cut = new boolean[257];
        for (int q = 0; q < kind.length; q++) {
            if (kind[q] == RANGE) {
                cut[lo[q]] = true;
                cut[hi[q] + 1] = true;
            }
        }
        int[] first = new int[258];
        int c = -1;
        for (int b = 0; b < 256; b++) {
            if (b == 0 || cut[b]) {
                first[++c] = b;
            }
            byteClass[b] = c;
        }
        first[c + 1] = 256;
        return Arrays.copyOf(first, c + 2);
    }

    /** Number of byte classes (at most 256). */
    public int byteClasses() {
        return classFirst.length - 1;
    }

    /** Number of states. */
    public int size() {
        return kind.length;
    }

    /** Number of lexemes. */
    public int lexemes() {
        return lexemeStart.length;
    }

    /** Whether lexeme {@code l} matches at least one string (possibly the empty one). */
    public boolean productive(int l) {
        return live[lexemeStart[l]];
    }

    /** Whether lexeme {@code l} matches the empty string. */
    public boolean nullable(int l) {
        return nullable[l];
    }

    /** Whether lexeme {@code l} matches a non-empty string. */
    public boolean matchesNonEmpty(int l) {
        int[] buf = new int[size()];
        int m = closure(new int[] {lexemeStart[l]}, 1, buf, new int[size()], 1);
        for (int i = 0; i < m; i++) {
            if (kind[buf[i]] == RANGE) {
                return true;
            }
        }
        return false;
    }

    /** Memory held, roughly. */
    public long bytes() {
        return 25L * kind.length;
    }

    /**
     * The epsilon closure of {@code seeds[0, n)}: the live RANGE and ACCEPT states reachable through
     * epsilon moves, sorted, written to {@code out}; returns how many. {@code stamp} is scratch of
     * {@link #size()} ints whose entries differ from {@code mark}; they are set to {@code mark}.
     */
    public int closure(int[] seeds, int n, int[] out, int[] stamp, int mark) {
        int[] stack = new int[Math.max(16, n)];
        int sp = 0;
        int m = 0;
        for (int i = 0; i < n; i++) {
            stack[sp++] = seeds[i];
        }
        while (sp > 0) {
            int s = stack[--sp];
            if (s < 0 || !live[s] || stamp[s] == mark) {
                continue;
            }
            stamp[s] = mark;
            if (kind[s] == EPSILON) {
                if (sp + 2 > stack.length) {
                    stack = Arrays.copyOf(stack, stack.length * 2);
                }
                stack[sp++] = out2[s];
                stack[sp++] = out1[s];
            } else {
                out[m++] = s;
            }
        }
        Arrays.sort(out, 0, m);
        return m;
    }

    /** Marks the states from which an ACCEPT is reachable (reverse breadth-first search, no recursion). */
    private boolean[] trim() {
        int n = kind.length;
        int[] count = new int[n + 1];
        for (int s = 0; s < n; s++) {
            if (out1[s] >= 0) {
                count[out1[s] + 1]++;
            }
            if (out2[s] >= 0) {
                count[out2[s] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        int[] pred = new int[count[n]];
        int[] fill = Arrays.copyOf(count, n);
        for (int s = 0; s < n; s++) {
            if (out1[s] >= 0) {
                pred[fill[out1[s]]++] = s;
            }
            if (out2[s] >= 0) {
                pred[fill[out2[s]]++] = s;
            }
        }
        boolean[] ok = new boolean[n];
        int[] queue = new int[n];
        int qn = 0;
        for (int s = 0; s < n; s++) {
            if (kind[s] == ACCEPT) {
                ok[s] = true;
                queue[qn++] = s;
            }
        }
        for (int qi = 0; qi < qn; qi++) {
            int t = queue[qi];
            for (int j = count[t]; j < count[t + 1]; j++) {
                int p = pred[j];
                if (!ok[p]) {
                    ok[p] = true;
                    queue[qn++] = p;
                }
            }
        }
        return ok;
    }
}
