package org.sampling4j.grammar.engine;

import java.util.Arrays;
import org.sampling4j.grammar.automaton.BudgetException;
import org.sampling4j.grammar.automaton.LazyDfa;

/**
 * The byte-level Earley parser over lexemes: Earley sets at lexeme boundaries plus lexer THREADS.
 * A thread {@code (s, d)} is the lexer run that began at set {@code s} in the start state for the
 * lexemes that set's items scan, now in DFA state {@code d}. Feeding a byte advances every thread
 * and drops the dead; a thread that reaches an accepting state completes its lexemes, advancing the
 * items of {@code s} that expect them into a new set at the new position, which is closed (predict,
 * complete, Aycock-Horspool for nullable symbols) and starts a thread of its own.
 *
 * <p><b>Layout.</b> Items {@code (pos, origin)} in flat arrays, sets as ranges of items, threads on
 * a stack; everything is append-only, so any earlier state is restored by truncation
 * ({@link #save}/{@link #restore}): rollback and the hypothetical steps of a mask use the same
 * mechanism. Arrays grow geometrically; nothing is allocated per byte in a steady state.
 *
 * <p><b>Budget.</b> At most {@code maxItems} items in the chart; more throws {@link BudgetException}.
 *
 * <p><b>Guards.</b> With lowered JSON objects ({@link ObjectGuards}) the chart owns a
 * {@link JsonKeyTracker}, fed each byte at the end of {@link #advance} (so a lexeme's end sees the
 * tracker before its last byte, the next set's start state after it) and saved and restored with the
 * chart; {@link #guardAllows} is the one place a guard is asked (a memo of parser steps must not
 * reuse a step across texts when {@link CompiledGrammar#hasGuards()}).
 */
final class Chart {
    /** Ints of a saved state. */
    static final int SAVED = 6 + JsonKeyTracker.MARK;

    final Productions g;
    final LazyDfa dfa;
    private final int maxItems;
    int[] itemPos = new int[256];
    int[] itemOrigin = new int[256];
    int nItems;
    int[] setStart = new int[64];
    int nSets;
    int[] thrSet = new int[64];
    int[] thrDfa = new int[64];
    int nThr;
    /** The threads at the current position: {@code [thrFrom, thrTo)}. */
    int thrFrom;
    int thrTo;
    /** The Earley set at the current position, or -1 when the position is inside a lexeme. */
    int curSet = -1;
    private final SeenItems seen = new SeenItems();
    private final LexemeBuffer lexemes = new LexemeBuffer();
    /** Per set: its {@link SetShapes} id, {@link SetShapes#UNKNOWN} until computed (reset when the index is reopened). */
    int[] shape = new int[64];
    /** The object guards, or null. */
    final ObjectGuards guards;
    /** The text's key tracker when there are guards, else null. */
    JsonKeyTracker tracker;
    /** When non-null, every guard answer is appended here: lexeme, atStart (0/1), answer (0/1). */
    IntList guardLog;

    Chart(Productions g, LazyDfa dfa, int maxItems) {
        this.g = g;
        this.dfa = dfa;
        this.maxItems = maxItems;
        this.guards = g.guards;
        this.tracker = g.guards == null ? null : new JsonKeyTracker();
    }

    /** Whether the parser may scan lexeme {@code l} here (see {@link ObjectGuards#allows}); true without guards. */
    boolean guardAllows(int l, boolean atStart) {
        return guards == null || guards.allowsLogged(l, tracker, atStart, guardLog);
    }

    /** The initial state: set 0 from {@code S' -> . root}, closed, with its thread. */
    void init() {
        int k = openSet();
        addItem(g.prodStart[g.ntFirst[0]], 0);
        finishSet(k);
        thrFrom = 0;
        thrTo = nThr;
        curSet = 0;
    }

    /** A copy of this chart (deep: every array). */
    Chart copy() {
        Chart c = new Chart(g, dfa, maxItems);
        c.itemPos = itemPos.clone();
        c.itemOrigin = itemOrigin.clone();
        c.nItems = nItems;
        c.setStart = setStart.clone();
        c.nSets = nSets;
        c.thrSet = thrSet.clone();
        c.thrDfa = thrDfa.clone();
        c.nThr = nThr;
        c.thrFrom = thrFrom;
        c.thrTo = thrTo;
        c.curSet = curSet;
        c.tracker = tracker == null ? null : tracker.copy();
        c.shape = shape.clone();
        return c;
    }

    void save(int[] into, int at) {
        into[at] = nItems;
        into[at + 1] = nSets;
        into[at + 2] = nThr;
        into[at + 3] = thrFrom;
        into[at + 4] = thrTo;
        into[at + 5] = curSet;
        if (tracker != null) {
            tracker.mark(into, at + 6);
        }
    }

    void restore(int[] from, int at) {
        nItems = from[at];
        nSets = from[at + 1];
        nThr = from[at + 2];
        thrFrom = from[at + 3];
        thrTo = from[at + 4];
        curSet = from[at + 5];
        if (tracker != null) {
            tracker.restore(from, at + 6);
        }
    }

    /** Whether anything can follow or the output is complete: some thread lives or a set is here. */
    boolean viable() {
        return thrTo > thrFrom || curSet >= 0;
    }

    /** Feeds one byte (0..255) to the current threads; the new position may be dead (see {@link #viable}). */
    void feedByte(int b) {
        int k = advance(b);
        if (k >= 0) {
            finishSet(k);
        }
        thrTo = nThr;
        curSet = k;
    }

    /**
     * Advances the threads over byte {@code b} onto the top of the thread stack (they become the
     * current ones, {@code [thrFrom, nThr)}) and, if any accepts, opens the new set with the completed
     * items; returns that set (still open) or -1.
     */
    int advance(int b) {
        int from = thrFrom;
        int to = thrTo;
        int newFrom = nThr;
        boolean accepts = false;
        for (int i = from; i < to; i++) {
            int d = dfa.next(thrDfa[i], b);
            if (d != LazyDfa.DEAD) {
                pushThread(thrSet[i], d); // provisional: threads that cannot continue are dropped below
                accepts |= dfa.acceptOf(d) != 0;
            }
        }
        int k = -1;
        if (accepts) {
            k = openSet();
            for (int i = newFrom; i < nThr; i++) {
                int a = dfa.acceptOf(thrDfa[i]);
                if (a != 0) {
                    completeLexemes(thrSet[i], a);
                }
            }
            if (setEnd(k) == setStart[k]) { // every ending lexeme was refused by its guard
                nSets--;
                k = -1;
            }
        }
        int w = newFrom;
        for (int i = newFrom; i < nThr; i++) {
            if (dfa.continues(thrDfa[i])) {
                thrSet[w] = thrSet[i];
                thrDfa[w++] = thrDfa[i];
            }
        }
        nThr = w;
        thrFrom = newFrom;
        thrTo = nThr;
        if (tracker != null) {
            tracker.feed(b);
        }
        return k;
    }

    /** Adds to the open set the items of set {@code s} advanced over the lexemes of accept set {@code a}. */
    void completeLexemes(int s, int a) {
        int[] lex = dfa.acceptLexemes(a);
        int end = setEnd(s);
        for (int j = setStart[s]; j < end; j++) {
            int sym = g.rhs[itemPos[j]];
            if (Symbols.isLexeme(sym) && Arrays.binarySearch(lex, Symbols.lexemeOf(sym)) >= 0
                    && guardAllows(Symbols.lexemeOf(sym), false)) {
                addItem(itemPos[j] + 1, itemOrigin[j]);
            }
        }
    }

    /** Adds to the open set the items of set {@code s} advanced over token terminals that match {@code token}; returns how many. */
    int completeToken(int s, int token) {
        int end = setEnd(s);
        int added = 0;
        for (int j = setStart[s]; j < end; j++) {
            int sym = g.rhs[itemPos[j]];
            if (Symbols.isToken(sym) && g.tokens.matches(Symbols.tokenOf(sym), token)) {
                addItem(itemPos[j] + 1, itemOrigin[j]);
                added++;
            }
        }
        return added;
    }

    /** Opens a new, empty set at the top of the chart and returns its index. */
    int openSet() {
        if (nSets + 2 > setStart.length) {
            setStart = Arrays.copyOf(setStart, setStart.length * 2);
            shape = Arrays.copyOf(shape, setStart.length);
        }
        int k = nSets++;
        shape[k] = SetShapes.UNKNOWN;
        setStart[k] = nItems;
        seen.reset();
        return k;
    }

    /** Closes the open set {@code k} and pushes its thread (if it scans a lexeme). */
    void finishSet(int k) {
        close(k);
        int s = startStateOf(k);
        if (s != LazyDfa.DEAD) {
            pushThread(k, s);
        }
    }

    /** Index one past the last item of set {@code s}. */
    int setEnd(int s) {
        return s + 1 < nSets ? setStart[s + 1] : nItems;
    }

    /** Predictions and completions of the open set {@code k} ({@link SetClosure}). */
    void close(int k) {
        SetClosure.close(this, k);
    }

    /** The DFA start state for the lexemes that the items of set {@code k} scan ({@link LazyDfa#DEAD} if none). */
    int startStateOf(int k) {
        lexemes.clear();
        int end = setEnd(k);
        for (int j = setStart[k]; j < end; j++) {
            int sym = g.rhs[itemPos[j]];
            if (Symbols.isLexeme(sym) && guardAllows(Symbols.lexemeOf(sym), true)) {
                lexemes.add(Symbols.lexemeOf(sym));
            }
        }
        return lexemes.startState(dfa);
    }

    private void pushThread(int s, int d) {
        if (nThr == thrSet.length) {
            thrSet = Arrays.copyOf(thrSet, nThr * 2);
            thrDfa = Arrays.copyOf(thrDfa, nThr * 2);
        }
        thrSet[nThr] = s;
        thrDfa[nThr++] = d;
    }

    /** Appends {@code (pos, origin)} to the open set unless it is there already. */
    void addItem(int pos, int origin) {
        if (!seen.add(pos, origin, itemPos, itemOrigin, setStart[nSets - 1], nItems)) {
            return;
        }
        if (nItems == itemPos.length) {
            if (nItems >= maxItems) {
                throw new BudgetException("the parse needs more than " + maxItems + " Earley items");
            }
            int c = Math.min(Math.max(nItems * 2, 16), Math.max(maxItems, nItems + 1));
            itemPos = Arrays.copyOf(itemPos, c);
            itemOrigin = Arrays.copyOf(itemOrigin, c);
        }
        itemPos[nItems] = pos;
        itemOrigin[nItems++] = origin;
    }

    /**
     * Drops the current threads that are HELD ({@link KeyHolds}) and whose counted key classes have
     * no free key after the text so far ({@link ObjectGuards#free}): the key they read can only end as
     * a repeat. Run at the end of a token, as the mask judges a held token at its end. The current
     * threads are the top of the thread stack.
     */
    void dropStalled(KeyHolds holds) {
        int w = thrFrom;
        for (int i = thrFrom; i < thrTo; i++) {
            int[] h = holds.held(thrDfa[i]);
            boolean keep = h == null || h.length == 0;
            for (int j = 0; h != null && j < h.length && !keep; j++) {
                keep = guards.free(h[j], tracker);
            }
            if (keep) {
                thrSet[w] = thrSet[i];
                thrDfa[w++] = thrDfa[i];
            }
        }
        thrTo = w;
        nThr = w;
    }

    /** Moves the current threads down to {@code to} on the thread stack (after a committed token). */
    void compactThreads(int to) {
        int n = thrTo - thrFrom;
        System.arraycopy(thrSet, thrFrom, thrSet, to, n);
        System.arraycopy(thrDfa, thrFrom, thrDfa, to, n);
        thrFrom = to;
        thrTo = to + n;
        nThr = thrTo;
    }
}
