package org.sampling4j.grammar.engine;

import java.util.Arrays;
import org.sampling4j.grammar.automaton.LazyDfa;
import org.sampling4j.text.Vocabulary;

/**
 * One sequence's parse state over a {@link CompiledGrammar}: the {@link Chart}, one saved state per
 * accepted token (for {@link #rollback}), and whether an end-of-sequence id was accepted where the
 * output was complete. Not thread-safe; {@link #copy} gives an independent one.
 *
 * <p><b>Masks.</b> {@link #fillMask} ORs the root {@link LexerEntry} of the current threads, then
 * for each of its groups takes the hypothetical parser step (the group's completed lexemes into a
 * scratch set, closed), looks up the child entry for that set's start state, ORs it, recurses into
 * the child's groups, and truncates the scratch set away; then the token terminals of the current
 * set and, when the output is complete, the end-of-sequence ids. With guarded terminals (any-order
 * JSON objects) the hypothetical steps go through {@link GuardedMasks}, which replays each node's
 * bytes through the chart's key tracker.
 */
public final class MatcherState {
    private static final int SAVED = Chart.SAVED + 1;
    private final CompiledGrammar cg;
    private final Vocabulary vocab;
    private Chart chart;
    private int[] history = new int[SAVED * 16];
    private int accepted;
    private boolean stopped;
    private final int[] scratch = new int[SAVED];
    private int[] distinct = new int[8];
    private GuardedMasks guarded;
    private final MemoKeys memoKeys = new MemoKeys();
    private int[] memoBits;
    /** The words of the mask that {@link #expand} has written since {@link #expandRoot} reset them. */
    private int touchedLo;
    private int touchedHi;
    /** How many child entries {@link #expand} has ORed since {@link #expandRoot} reset it, and the last. */
    private int children;
    private LexerEntry lastChild;

    MatcherState(CompiledGrammar cg) {
        this.cg = cg;
        this.vocab = cg.vocab;
        this.chart = new Chart(cg.g, cg.dfa, cg.limits.maxEarleyItems());
        chart.init();
        this.guarded = cg.hasGuards() ? new GuardedMasks(cg, chart) : null;
    }

    private MatcherState(MatcherState o) {
        this.cg = o.cg;
        this.vocab = o.vocab;
        this.chart = o.chart.copy();
        this.history = o.history.clone();
        this.accepted = o.accepted;
        this.stopped = o.stopped;
        this.guarded = cg.hasGuards() ? new GuardedMasks(cg, chart) : null;
    }

    /** An independent copy. */
    public MatcherState copy() {
        return new MatcherState(this);
    }

    /** Number of tokens accepted. */
    public int acceptedTokens() {
        return accepted;
    }

    /** The output so far is a complete string of the language. */
    public boolean canStop() {
        return stopped || SetQueries.complete(chart, chart.curSet);
    }

    /** Complete, and no non-empty continuation exists. */
    public boolean isComplete() {
        return canStop() && chart.thrTo == chart.thrFrom && !SetQueries.expectsToken(chart, chart.curSet);
    }

    /** Whether {@code token} may come next (a full simulation, no cache). */
    public boolean isAllowed(int token) {
        if (!vocab.isToken(token)) {
            return false;
        }
        chart.save(scratch, 0);
        boolean ok = step(token);
        chart.restore(scratch, 0);
        return ok || (vocab.isEos(token) && canStop());
    }

    /** Accepts {@code token} if allowed; returns false (state unchanged) if not. */
    public boolean tryAccept(int token) {
        if (!vocab.isToken(token)) {
            return false;
        }
        if (accepted * SAVED + SAVED > history.length) {
            history = Arrays.copyOf(history, history.length * 2);
        }
        int at = accepted * SAVED;
        chart.save(history, at);
        history[at + Chart.SAVED] = stopped ? 1 : 0;
        boolean eos = vocab.isEos(token) && canStop();
        boolean ok = step(token);
        if (!ok && !eos) {
            chart.restore(history, at);
            return false;
        }
        if (ok) {
            chart.compactThreads(history[at + 2]);
        } else {
            chart.restore(history, at); // only the end-of-sequence reading: nothing can follow
            chart.thrFrom = chart.thrTo = chart.nThr;
            chart.curSet = -1;
        }
        stopped = eos;
        accepted++;
        return true;
    }

    /** Undoes the last {@code n} accepted tokens. */
    public void rollback(int n) {
        if (n < 0 || n > accepted) {
            throw new IllegalArgumentException("tokens = " + n + " is outside [0, " + accepted + "], the tokens accepted so far");
        }
        if (n == 0) {
            return;
        }
        accepted -= n;
        int at = accepted * SAVED;
        chart.restore(history, at);
        stopped = history[at + Chart.SAVED] != 0;
    }

    /**
     * Feeds {@code token} to the chart (not committed: the caller restores or compacts); whether the
     * result is viable. Text tokens go byte by byte through the threads; at the end the token
     * terminals of the set where the token started that match it join the final set.
     */
    private boolean step(int token) {
        int start = chart.curSet;
        boolean text = TokenTrie.isText(vocab, token);
        int k;
        boolean dead = !text;
        if (text) {
            int len = vocab.length(token);
            for (int i = 0; i < len - 1 && !dead; i++) {
                chart.feedByte(vocab.byteAt(token, i));
                dead = !chart.viable(); // the text reading died; a token terminal may still match below
            }
        }
        if (dead) {
            chart.thrFrom = chart.thrTo = chart.nThr;
            k = -1;
        } else {
            k = chart.advance(vocab.byteAt(token, vocab.length(token) - 1));
        }
        if (start >= 0 && cg.g.tokens.count() > 0 && SetQueries.expectsToken(chart, start)) {
            if (k < 0) {
                k = chart.openSet();
            }
            chart.completeToken(start, token);
            if (chart.setEnd(k) == chart.setStart[k]) {
                chart.nSets--; // nothing matched: the set stays empty, drop it
                k = -1;
            }
        }
        if (k >= 0) {
            chart.finishSet(k);
        }
        chart.thrTo = chart.nThr;
        chart.curSet = k;
        if (cg.holds != null) {
            chart.dropStalled(cg.holds);
        }
        return chart.viable();
    }

    /** Writes the allowed tokens into {@code mask[0, maskWords)} (bit {@code j % 32} of word {@code j / 32}). */
    public void fillMask(int[] mask) {
        int k = distinctStates();
        if (k > 0) {
            LexerEntry e = cg.cache.root(distinct, 0, k);
            if (!e.copyInto(mask, cg.maskWords)) {
                Arrays.fill(mask, 0, cg.maskWords, 0);
                e.orInto(mask);
            }
            if (guarded != null) {
                guarded.expandAll(e, distinct, mask);
            } else {
                for (MaskGroup group : e.groups) {
                    expandRoot(group, mask);
                }
            }
        } else {
            Arrays.fill(mask, 0, cg.maskWords, 0);
        }
        if (chart.curSet >= 0) {
            SetQueries.orTokenTerminals(chart, chart.curSet, mask);
        }
        if (canStop()) {
            for (int id : vocab.eosIds()) {
                mask[id >>> 5] |= 1 << (id & 31);
            }
        }
    }

    /** The distinct DFA states of the current lexer threads, in order of first appearance (for tests). */
    int[] lexerStates() {
        return Arrays.copyOf(distinct, distinctStates());
    }

    /**
     * The distinct DFA states of the current threads, in order of first appearance, into
     * {@link #distinct}; returns how many. Threads of different sets in the same DFA state (a lexeme
     * that can directly follow one that continues it) are one lexer state for the mask: the key stays
     * short and cached however many such threads pile up; their sets are all completed in {@link #expand}.
     */
    private int distinctStates() {
        int n = 0;
        if (distinct.length < chart.thrTo - chart.thrFrom) {
            distinct = new int[Math.max(2 * distinct.length, chart.thrTo - chart.thrFrom)];
        }
        for (int i = chart.thrFrom; i < chart.thrTo; i++) {
            int d = chart.thrDfa[i];
            int j = 0;
            while (j < n && distinct[j] != d) {
                j++;
            }
            if (j == n) {
                distinct[n++] = d;
            }
        }
        return n;
    }

    /**
     * A root group's expansion through the subtree memo: its result (the union of every child entry
     * below it) depends only on the group and the Earley sets its threads started at, through their
     * {@link SetShapes} ids, so it is looked up by (group, those ids) and computed once per distinct
     * context grammar-wide. Without guards only ({@link CompiledGrammar#hasGuards}): a guard reads
     * state the shapes do not capture. A set past the budget (no id) computes directly.
     */
    private void expandRoot(MaskGroup group, int[] mask) {
        int len = cg.hasGuards() ? -1 : memoKeys.of(group, distinct, chart, cg.shapes);
        if (len < 0) {
            expand(group, -1, mask);
            return;
        }
        LexerEntry e = group.memo(memoKeys.key, len);
        if (e == null) {
            if (memoBits == null) {
                memoBits = new int[cg.maskWords];
            }
            touchedLo = Integer.MAX_VALUE;
            touchedHi = -1;
            children = 0;
            expand(group, -1, memoBits);
            // one child entry (the common case: a value's first bytes) is the union itself: shared, not compacted again
            e = cg.cache.memo(group, memoKeys.key, len, children == 1 ? lastChild : null, memoBits, touchedLo, touchedHi, cg.maskWords);
            lastChild = null;
            if (touchedLo <= touchedHi) {
                Arrays.fill(memoBits, touchedLo, touchedHi + 1, 0);
            }
        }
        e.orInto(mask);
    }

    /**
     * The hypothetical step for {@code group}: its threads are the current ones, as distinct states
     * ({@code parent < 0}), or the one of set {@code parent}.
     */
    private void expand(MaskGroup group, int parent, int[] mask) {
        int[] key = group.key;
        int items = chart.nItems;
        int k = chart.openSet();
        for (int i = 0; i < key.length; i += 2) {
            if (parent >= 0) {
                chart.completeLexemes(parent, key[i + 1]);
                continue;
            }
            int d = distinct[key[i]];
            for (int t = chart.thrFrom; t < chart.thrTo; t++) {
                if (chart.thrDfa[t] == d) {
                    chart.completeLexemes(chart.thrSet[t], key[i + 1]);
                }
            }
        }
        chart.close(k);
        int start = chart.startStateOf(k);
        if (start != LazyDfa.DEAD) {
            LexerEntry child = cg.cache.child(group, start);
            child.orInto(mask);
            children++;
            lastChild = child;
            touchedLo = Math.min(touchedLo, child.firstWord());
            touchedHi = Math.max(touchedHi, child.lastWord());
            for (MaskGroup g : child.groups) {
                expand(g, k, mask);
            }
        }
        chart.nSets = k;
        chart.nItems = items;
    }

    /**
     * The bytes every continuation starts with: empty when the output may stop here, a token terminal
     * may come, or more than one byte may follow. At most {@code limit} bytes ({@link ForcedBytes}).
     */
    public byte[] forcedBytes(int limit) {
        return ForcedBytes.of(chart, canStop(), limit);
    }
}
