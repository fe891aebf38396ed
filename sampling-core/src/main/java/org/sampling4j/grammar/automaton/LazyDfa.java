package org.sampling4j.grammar.automaton;

import java.util.Arrays;

/**
 * The subset construction of a {@link ByteNfa}, built one transition at a time as the parser and
 * the mask walks ask for it. A DFA state is the sorted set of live important NFA states (interned);
 * {@link #DEAD} is the empty set, so any other state can still reach an accept. Start states are
 * interned per set of lexemes and never accept: the empty match of a nullable lexeme is the parser's
 * business (the lexeme symbol is nullable), so a lexeme only ever ends after at least one byte.
 * Transitions are computed once per byte class of the NFA ({@link ByteNfa#byteClasses}) and written
 * for every byte of the class, so a state costs one subset step per class, not per byte.
 *
 * <p><b>Threads.</b> One instance is shared by every matcher of a compiled grammar. A transition is
 * a plain array read of the packed move ({@link #row}: {@code (id + 1) << 2} and two flags; 0 = not
 * built yet); missing ones are built under this object's lock and published through final fields
 * and {@link TupleMap}'s release stores, so a racing reader either sees a complete state or takes
 * the locked slow path, never a torn one.
 *
 * <p><b>Budget.</b> At most {@code maxStates} states; the next one throws {@link BudgetException}.
 */
public final class LazyDfa {
    /** The state with no live NFA state: nothing can follow. */
    public static final int DEAD = 0;
    private static final int[] NO_LEXEMES = new int[0];
    /** Flag of a packed move: the target state accepts some lexeme ({@link #acceptOf} is not 0). */
    public static final int ACCEPTS = 2;
    /** Flag of a packed move: the target state {@link #continues}. */
    public static final int CONTINUES = 1;

    private static final class State {
        final int[] nfaStates;
        final int accept;
        final boolean continues;
        final int[] next = new int[256];
        /** The bytes known to lead back to this state ({@link #loopBytes}); bits are only added. */
        final long[] loops = new long[4];
        /** The last {@link #RECENT} seed sets of {@link #slowNext} and their packed moves (built under the lock). */
        int[][] recentSeeds;
        int[] recentPacked;
        int recentNext;

        State(int[] nfaStates, int accept, boolean continues) {
            this.nfaStates = nfaStates;
            this.accept = accept;
            this.continues = continues;
        }
    }

    /** Seed sets remembered per state: the byte classes of one state mostly share a few targets. */
    private static final int RECENT = 4;

    private final ByteNfa nfa;
    private final int maxStates;
    private volatile State[] states = new State[64];
    private int count;
    private final TupleMap<Integer> byNfaSet = new TupleMap<>();
    private final TupleMap<Integer> startByLexemes = new TupleMap<>();
    private final TupleMap<Integer> acceptIds = new TupleMap<>();
    private volatile int[][] acceptSets = new int[16][];
    private int acceptCount;
    private final int[] buf;
    private final int[] seeds;
    private final int[] stamp;
    private int mark;

    /** A DFA over {@code nfa} with at most {@code maxStates} states. */
    public LazyDfa(ByteNfa nfa, int maxStates) {
        this.nfa = nfa;
        this.maxStates = maxStates;
        this.buf = new int[nfa.size()];
        this.seeds = new int[nfa.size()];
        this.stamp = new int[nfa.size()];
        synchronized (this) {
            acceptSets[0] = NO_LEXEMES;
            acceptIds.putIfAbsent(NO_LEXEMES, 0, 0, 0);
            acceptCount = 1;
            intern(new int[0], 0);
            Arrays.fill(states[DEAD].next, pack(states[DEAD], DEAD));
        }
    }

    /** The automaton this DFA determinizes. */
    public ByteNfa nfa() {
        return nfa;
    }

    /** The state after byte {@code b} (0..255) from {@code state}. */
    public int next(int state, int b) {
        State[] st = states;
        if (state < st.length) {
            State s = st[state];
            if (s != null) {
                int t = s.next[b];
                if (t != 0) {
                    return target(t);
                }
            }
        }
        return target(slowNext(state, b));
    }

    /**
     * The transition row of {@code state} for {@link #move}: entry {@code b} is 0 while the move on
     * byte {@code b} is not built, else the PACKED move ({@link #target}, {@link #ACCEPTS},
     * {@link #CONTINUES}). The trie walk keeps one row per open thread, so a node costs one array
     * read per thread instead of a lookup of the state and then of its accept set. Do not modify.
     */
    public int[] row(int state) {
        State[] st = states;
        if (state < st.length && st[state] != null) {
            return st[state].next;
        }
        synchronized (this) {
            return states[state].next;
        }
    }

    /** The packed move of {@code state} (whose row is {@code row}) on byte {@code b}, built if needed. */
    public int move(int[] row, int state, int b) {
        int t = row[b];
        return t != 0 ? t : slowNext(state, b);
    }

    /**
     * Bytes {@code b} KNOWN to satisfy {@code next(state, b) == state}, as four words (bit
     * {@code b & 63} of word {@code b >>> 6}); do not modify. The set grows as the state's moves are
     * built (a move back to the state adds its byte class) and is always a subset of the true loop
     * bytes, so a caller that needs "every byte of X loops" may get a false no, never a false yes:
     * a trie walk then just looks at the node's children, which builds the moves it lacked. Read
     * without the lock; bits are only ever added, so even a stale or torn read is a subset.
     */
    public long[] loopBytes(int state) {
        State[] st = states;
        if (state < st.length && st[state] != null) {
            return st[state].loops;
        }
        synchronized (this) {
            return states[state].loops;
        }
    }

    /** The target state of a packed move. */
    public static int target(int packed) {
        return (packed >>> 2) - 1;
    }

    private static int pack(State to, int id) {
        return (id + 1) << 2 | (to.accept != 0 ? ACCEPTS : 0) | (to.continues ? CONTINUES : 0);
    }

    /** The id of the set of lexemes that end at {@code state} (0 = none); see {@link #acceptLexemes}. */
    public int acceptOf(int state) {
        State[] st = states;
        if (state < st.length && st[state] != null) {
            return st[state].accept;
        }
        synchronized (this) {
            return states[state].accept;
        }
    }

    /**
     * Whether some byte leads from {@code state} to a state other than {@link #DEAD}: false for DEAD
     * and for a state where lexemes have just ended and nothing can extend them.
     */
    public boolean continues(int state) {
        State[] st = states;
        if (state < st.length && st[state] != null) {
            return st[state].continues;
        }
        synchronized (this) {
            return states[state].continues;
        }
    }

    /** The sorted live NFA states of {@code state} (do not modify). */
    public int[] nfaStates(int state) {
        State[] st = states;
        if (state < st.length && st[state] != null) {
            return st[state].nfaStates;
        }
        synchronized (this) {
            return states[state].nfaStates;
        }
    }

    /** The sorted lexemes of accept set {@code id} (do not modify). */
    public int[] acceptLexemes(int id) {
        int[][] a = acceptSets;
        if (id < a.length && a[id] != null) {
            return a[id];
        }
        synchronized (this) {
            return acceptSets[id];
        }
    }

    /**
     * The start state for the sorted, distinct lexemes {@code lexemes[off, off + len)}: {@link #DEAD}
     * when none of them matches a non-empty string. Lock-free once built.
     */
    public int startState(int[] lexemes, int off, int len) {
        Integer s = startByLexemes.get(lexemes, off, len);
        return s != null ? s : slowStart(lexemes, off, len);
    }

    /** Number of states built so far. */
    public synchronized int states() {
        return count;
    }

    /** How many more states the budget allows: a caller that explores ahead checks it, so it never throws. */
    public synchronized int room() {
        return maxStates - count;
    }

    /** Memory held by the states, transitions and maps built so far, roughly. */
    public synchronized long bytes() {
        long b = nfa.bytes() + byNfaSet.bytes() + startByLexemes.bytes() + 12L * nfa.size();
        for (int i = 0; i < count; i++) {
            b += 1024 + 48 + 4L * states[i].nfaStates.length;
        }
        return b;
    }

    private synchronized int slowStart(int[] lexemes, int off, int len) {
        Integer s = startByLexemes.get(lexemes, off, len);
        if (s != null) {
            return s;
        }
        for (int i = 0; i < len; i++) {
            seeds[i] = nfa.lexemeStart[lexemes[off + i]];
        }
        int m = nfa.closure(seeds, len, buf, stamp, ++mark);
        int k = 0;
        for (int i = 0; i < m; i++) {
            if (nfa.kind[buf[i]] != ByteNfa.ACCEPT) {
                buf[k++] = buf[i];
            }
        }
        int id = intern(buf, k);
        startByLexemes.putIfAbsent(lexemes, off, len, id);
        return id;
    }

    /** The packed move (see {@link #row}), built under the lock. */
    private synchronized int slowNext(int state, int b) {
        State s = states[state];
        int t = s.next[b];
        if (t != 0) {
            return t;
        }
        int n = 0;
        for (int q : s.nfaStates) {
            if (nfa.kind[q] == ByteNfa.RANGE && nfa.lo[q] <= b && b <= nfa.hi[q]) {
                seeds[n++] = nfa.out1[q];
            }
        }
        int c = nfa.byteClass[b];
        int packed = recent(s, n);
        if (packed == 0) {
            int m = nfa.closure(seeds, n, buf, stamp, ++mark);
            int id = intern(buf, m);
            packed = pack(states[id], id);
            remember(s, n, packed);
        }
        // every byte of b's class moves to the same state: fill them all now (one closure per class)
        Arrays.fill(s.next, nfa.classFirst[c], nfa.classFirst[c + 1], packed);
        if (target(packed) == state) {
            for (int x = nfa.classFirst[c]; x < nfa.classFirst[c + 1]; x++) {
                s.loops[x >>> 6] |= 1L << (x & 63);
            }
        }
        return packed;
    }

    /**
     * The packed move {@code s} already has for the seed set {@code seeds[0, n)}, or 0. The classes of
     * a string body's state (dozens in a grammar with many character ranges) nearly all lead back to
     * it, and a key class's to one body state: one closure and one set lookup per distinct seed set,
     * not per class, which is most of the cost of a first trie walk (caller holds the lock).
     */
    private int recent(State s, int n) {
        if (s.recentSeeds == null) {
            return 0;
        }
        for (int r = 0; r < RECENT; r++) {
            int[] q = s.recentSeeds[r];
            if (q != null && Arrays.equals(q, 0, q.length, seeds, 0, n)) {
                return s.recentPacked[r];
            }
        }
        return 0;
    }

    private void remember(State s, int n, int packed) {
        if (s.recentSeeds == null) {
            s.recentSeeds = new int[RECENT][];
            s.recentPacked = new int[RECENT];
        }
        int r = s.recentNext;
        s.recentSeeds[r] = Arrays.copyOf(seeds, n);
        s.recentPacked[r] = packed;
        s.recentNext = (r + 1) % RECENT;
    }

    /** The id of the NFA-state set {@code set[0, m)}, creating the state if new (caller holds the lock). */
    private int intern(int[] set, int m) {
        int h = TupleMap.hash(set, 0, m);
        Integer old = byNfaSet.get(h, set, 0, m);
        if (old != null) {
            return old;
        }
        if (count >= maxStates) {
            throw new BudgetException("the lexer needs more than " + maxStates + " DFA states");
        }
        int[] nfaStates = Arrays.copyOf(set, m);
        boolean continues = false;
        for (int q : nfaStates) {
            continues |= nfa.kind[q] == ByteNfa.RANGE;
        }
        State st = new State(nfaStates, acceptId(nfaStates), continues);
        if (!continues && count > DEAD) {
            Arrays.fill(st.next, pack(states[DEAD], DEAD)); // no RANGE state: every byte leads to DEAD
        }
        if (count == states.length) {
            states = Arrays.copyOf(states, count * 2);
        }
        State[] arr = states;
        arr[count] = st;
        states = arr; // volatile write: publishes the element to readers that read the field afterwards
        byNfaSet.putIfAbsent(h, set, 0, m, count);
        return count++;
    }

    private int acceptId(int[] nfaStates) {
        int[] lex = new int[nfaStates.length];
        int k = 0;
        for (int q : nfaStates) {
            if (nfa.kind[q] == ByteNfa.ACCEPT) {
                lex[k++] = nfa.lexemeOf[q];
            }
        }
        Arrays.sort(lex, 0, k);
        int u = 0;
        for (int i = 0; i < k; i++) {
            if (u == 0 || lex[u - 1] != lex[i]) {
                lex[u++] = lex[i];
            }
        }
        Integer old = acceptIds.get(lex, 0, u);
        if (old != null) {
            return old;
        }
        if (acceptCount == acceptSets.length) {
            acceptSets = Arrays.copyOf(acceptSets, acceptCount * 2);
        }
        int[][] a = acceptSets;
        a[acceptCount] = Arrays.copyOf(lex, u);
        acceptSets = a;
        acceptIds.putIfAbsent(lex, 0, u, acceptCount);
        return acceptCount++;
    }
}
