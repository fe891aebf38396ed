package org.sampling4j.grammar.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sampling4j.grammar.automaton.WordCounts;
import org.sampling4j.grammar.syntax.Expr;

/**
 * The guards of the terminals an {@link Expr.JsonObject} is lowered to (see {@link Normalizer}):
 * {@code Obj -> OPEN CLOSE | OPEN Members CLOSE}, {@code Members -> Member | Members SEP Member},
 * {@code Member -> KEY_i Tail_i | CLASS_j Tail_j}, where {@code OPEN = "{"}, {@code CLOSE = ws "}"},
 * {@code SEP = ws ","}, {@code KEY_i = ws} (every spelling of key i), {@code CLASS_j = ws} (key class
 * j) are each a lexeme of their own (fresh, never shared with another use) and {@code Tail = ws ":"
 * ws value}. A guard reads the innermost object of the {@link JsonKeyTracker}: {@code U} its keys,
 * {@code c} their number, {@code R} the required keys not in {@code U}, {@code N} the named keys not
 * in {@code U}, {@code fits(n, r) = max == -1 || n + r <= max}:
 * <ul>
 *   <li>{@code KEY_i}: {@code key_i} not in {@code U} and {@code fits(c + 1, R - [key_i required])};
 *   <li>{@code CLASS_j}: {@code fits(c + 1, R)} and, at its start, class j has a key not in {@code U}
 *       ({@link FreeKeys}; always, for a class that cannot run out), when the key is complete, its decoded
 *       value not in {@code U};
 *   <li>{@code SEP}: a next member can still be added: {@code R > 0 ? fits(c, R) : (N > 0 or some class
 *       has a free key) and fits(c + 1, 0)};
 *   <li>{@code CLOSE}: {@code R == 0} and {@code c >= min}.
 * </ul>
 * These keep every reachable state completable (a required key always fits once {@code fits(c, R)},
 * and {@code c + N >= min} holds from the start when there is no class, see {@code Cfgs.prune}).
 * Inside a key of a class that can run out (a finite remainder somewhere: an enum, a length cap), the
 * lexer alone would let a key start that only present keys complete: such threads are HELD, their
 * tokens decided per mask by {@link #free} (see {@link KeyHolds}), and the chart drops a held thread
 * with no free key at the end of each token.
 *
 * <p><b>When a guard runs.</b> Twice, on the same values: when an Earley set is closed, a guarded
 * lexeme whose guard fails is left out of the set's lexer start state (so no thread reads a key
 * that may not come), and when the lexeme ends, before its last byte ({@code "} or {@code }} or
 * {@code ,}) is fed to the tracker. Between the two only whitespace and the key's characters pass,
 * which change neither {@code U} nor {@code c}; only the class check of the completed key is new.
 * Guards run in parser steps only, never in the lexer walks that build cached {@code LexerEntry}s,
 * so cached entries stay context-free (see {@link #guardedLexemes}). Immutable, shared.
 */
final class ObjectGuards {
    static final int KEY = 0;
    static final int CLASS = 1;
    static final int SEP = 2;
    static final int CLOSE = 3;

    private final int[] kindOf;
    private final int[] objectOf;
    private final int[] keyOf;
    private final Spec[] specs;
    /** Per CLASS lexeme, its counted decoded language when it can run out ({@link WordCounts#bounded}), else null. */
    private final WordCounts[] counts;

    /** One object's keys, required flags, member bounds and key-class lexemes. */
    record Spec(String[] keys, int[] hashes, boolean[] required, int[] classes, int min, int max) {
    }

    private ObjectGuards(int[] kindOf, int[] objectOf, int[] keyOf, Spec[] specs, WordCounts[] counts) {
        this.kindOf = kindOf;
        this.objectOf = objectOf;
        this.keyOf = keyOf;
        this.specs = specs;
        this.counts = counts;
    }

    /** Per lexeme, whether it is a key class that can run out of keys: its threads' tokens are checked by {@link #free}. */
    boolean[] countedLexemes() {
        boolean[] c = new boolean[kindOf.length];
        boolean any = false;
        for (int l = 0; l < c.length; l++) {
            c[l] = l < counts.length && counts[l] != null;
            any |= c[l];
        }
        return any ? c : null;
    }

    /**
     * Whether key-class lexeme {@code l} still has a free key ({@link FreeKeys}) extending the key
     * {@code t} is reading, or any free key before its opening quote; true for a class that cannot run out.
     */
    boolean free(int l, JsonKeyTracker t) {
        return verdict(l, t) != FreeKeys.STALLED;
    }

    /** {@link FreeKeys#verdict} of key-class lexeme {@code l}; {@link FreeKeys#FREE_BELOW} for a class that cannot run out. */
    int verdict(int l, JsonKeyTracker t) {
        WordCounts w = l < counts.length ? counts[l] : null;
        return w == null ? FreeKeys.FREE_BELOW : FreeKeys.verdict(w, t);
    }

    /** Whether lexeme {@code l} is guarded. */
    boolean guarded(int l) {
        return l < kindOf.length && kindOf[l] >= 0;
    }

    /**
     * Per lexeme, whether it is guarded: the lexer walks treat a thread that can only end such a
     * lexeme as undecided (the token is left to the parser step), so {@code within} never holds a
     * token whose only reading ends in a guard.
     */
    boolean[] guardedLexemes() {
        boolean[] g = new boolean[kindOf.length];
        for (int l = 0; l < g.length; l++) {
            g[l] = kindOf[l] >= 0;
        }
        return g;
    }

    /**
     * {@link #allows}, and when {@code log} is non-null the answer is appended to it as
     * {@code lexeme, atStart (0/1), answer (0/1)} (the guarded masks compare logs across trie nodes).
     */
    boolean allowsLogged(int l, JsonKeyTracker t, boolean atStart, IntList log) {
        if (!guarded(l)) {
            return true;
        }
        boolean ok = allows(l, t, atStart);
        if (log != null) {
            log.add(l);
            log.add(atStart ? 1 : 0);
            log.add(ok ? 1 : 0);
        }
        return ok;
    }

    /**
     * Whether guarded lexeme {@code l} may be scanned: {@code atStart} when an Earley set's start
     * state is built (the tracker after that set's last byte), else when it ends (the tracker before
     * its last byte). Unguarded lexemes: true.
     */
    boolean allows(int l, JsonKeyTracker t, boolean atStart) {
        if (!guarded(l)) {
            return true;
        }
        if (!t.inObject()) {
            return false;
        }
        Spec s = specs[objectOf[l]];
        int c = t.count();
        int r = 0;
        int n = 0;
        for (int i = 0; i < s.keys.length; i++) {
            if (!t.used(s.keys[i], s.hashes[i])) {
                n++;
                r += s.required[i] ? 1 : 0;
            }
        }
        switch (kindOf[l]) {
            case KEY -> {
                int k = keyOf[l];
                return !t.used(s.keys[k], s.hashes[k]) && fits(s, c + 1, r - (s.required[k] ? 1 : 0));
            }
            case CLASS -> {
                return fits(s, c + 1, r) && (atStart ? free(l, t) : t.readingKey() && !t.partialKeyUsed());
            }
            case SEP -> {
                return r > 0 ? fits(s, c, r) : (n > 0 || anyClassFree(s, t)) && fits(s, c + 1, 0);
            }
            default -> {
                return r == 0 && c >= s.min;
            }
        }
    }

    private boolean anyClassFree(Spec s, JsonKeyTracker t) {
        for (int l : s.classes) {
            if (free(l, t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean fits(Spec s, int members, int required) {
        return s.max < 0 || members + required <= s.max;
    }

    /** Collects the guarded lexemes while {@link Normalizer} lowers objects. */
    static final class Builder {
        private final List<Spec> specs = new ArrayList<>();
        private int[] kind = new int[0];
        private int[] object = new int[0];
        private int[] key = new int[0];
        private final List<IntList> classes = new ArrayList<>();
        private final java.util.Map<Integer, WordCounts> counted = new java.util.HashMap<>();

        /** Registers an object; returns its index. */
        int object(Expr.JsonObject o) {
            int m = o.members().size();
            String[] keys = new String[m];
            int[] hashes = new int[m];
            boolean[] required = new boolean[m];
            for (int i = 0; i < m; i++) {
                keys[i] = o.members().get(i).key();
                hashes[i] = keys[i].hashCode();
                required[i] = o.members().get(i).required();
            }
            specs.add(new Spec(keys, hashes, required, null, o.minMembers(), o.maxMembers()));
            classes.add(new IntList());
            return specs.size() - 1;
        }

        /** Marks lexeme {@code l} (fresh) as a guarded terminal of object {@code o}; returns {@code l}. */
        int guard(int l, int o, int kindOfGuard, int keyIndex) {
            if (l >= kind.length) {
                int c = Math.max(2 * kind.length, l + 1);
                int from = kind.length;
                kind = Arrays.copyOf(kind, c);
                object = Arrays.copyOf(object, c);
                key = Arrays.copyOf(key, c);
                Arrays.fill(kind, from, c, -1);
            }
            kind[l] = kindOfGuard;
            object[l] = o;
            key[l] = keyIndex;
            if (kindOfGuard == CLASS) {
                classes.get(o).add(l);
            }
            return l;
        }

        /** Records the counted language of CLASS lexeme {@code l} (only when it can run out). */
        void counts(int l, WordCounts w) {
            if (w.bounded()) {
                counted.put(l, w);
            }
        }

        /** The guards, or null when no object was lowered. */
        ObjectGuards build(int lexemes) {
            if (specs.isEmpty()) {
                return null;
            }
            int[] k = Arrays.copyOf(kind, Math.max(lexemes, kind.length));
            Arrays.fill(k, kind.length, k.length, -1);
            Spec[] out = new Spec[specs.size()];
            for (int i = 0; i < out.length; i++) {
                Spec s = specs.get(i);
                out[i] = new Spec(s.keys(), s.hashes(), s.required(), classes.get(i).toArray(), s.min(), s.max());
            }
            WordCounts[] w = new WordCounts[k.length];
            counted.forEach((l, c) -> w[l] = c);
            return new ObjectGuards(k, Arrays.copyOf(object, k.length), Arrays.copyOf(key, k.length), out, w);
        }
    }
}
