package org.sampling4j.grammar;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.grammar.syntax.Expr;

/**
 * The slow, independent reference: a scannerless Earley recognizer over CODE POINTS, built directly
 * from the grammar IR (no lexemes, no byte automata, no trie, no caches, none of the engine's code).
 * Bytes are decoded by the JDK's strict UTF-8 decoder; a trailing incomplete UTF-8 sequence is
 * viable iff some code point that it can begin (a range worked out from the bytes) can be scanned
 * next. Nullable completions are handled by re-advancing items that expect a nonterminal already
 * completed in the same set (not the engine's Aycock-Horspool method). Unproductive productions are
 * pruned, so "the Earley set is not empty" means "the prefix can still be completed".
 * Token terminals are not supported (tests of those are hand-written); an {@link Expr.Automaton} becomes
 * right-linear productions, one nonterminal per state.
 */
final class ReferenceRecognizer {
    private final List<int[]> prods = new ArrayList<>(); // [lhs, sym...]; sym >= 0 nt, < 0: ~terminal
    private final List<int[]> terminals = new ArrayList<>(); // code-point range pairs
    private final Map<String, Integer> ruleNt = new HashMap<>();
    private int nts;
    private final Map<Integer, List<int[]>> byLhs = new HashMap<>();
    private final int root;

    ReferenceRecognizer(Cfg cfg) {
        for (String name : cfg.rules().keySet()) {
            ruleNt.put(name, nts++);
        }
        for (Cfg.Rule r : cfg.rules().values()) {
            prods.add(new int[] {ruleNt.get(r.name()), sym(r.body())});
        }
        root = nts++;
        prods.add(new int[] {root, ruleNt.get(cfg.root())});
        prune();
        for (int[] p : prods) {
            byLhs.computeIfAbsent(p[0], x -> new ArrayList<>()).add(p);
        }
    }

    private int sym(Expr e) {
        if (e instanceof Expr.Chars c) {
            terminals.add(c.ranges());
            return ~(terminals.size() - 1);
        }
        if (e instanceof Expr.Literal l) {
            int[] cps = l.text().codePoints().toArray();
            int nt = nts++;
            int[] p = new int[cps.length + 1];
            p[0] = nt;
            for (int i = 0; i < cps.length; i++) {
                terminals.add(new int[] {cps[i], cps[i]});
                p[i + 1] = ~(terminals.size() - 1);
            }
            prods.add(p);
            return nt;
        }
        if (e instanceof Expr.Ref r) {
            return ruleNt.get(r.name());
        }
        if (e instanceof Expr.Automaton a) { // right-linear: state -> range state' per move, state -> ε if accepting
            int base = nts;
            nts += a.states();
            for (int q = 0; q < a.states(); q++) {
                int[] m = a.movesOf(q);
                for (int i = 0; i < m.length; i += 3) {
                    terminals.add(new int[] {m[i], m[i + 1]});
                    prods.add(new int[] {base + q, ~(terminals.size() - 1), base + m[i + 2]});
                }
                if (a.accepts(q)) {
                    prods.add(new int[] {base + q});
                }
            }
            return base;
        }
        int nt = nts++;
        if (e instanceof Expr.Seq s) {
            int[] p = new int[s.items().size() + 1];
            p[0] = nt;
            for (int i = 0; i < s.items().size(); i++) {
                p[i + 1] = sym(s.items().get(i));
            }
            prods.add(p);
        } else if (e instanceof Expr.Alt a) {
            for (Expr o : a.options()) {
                prods.add(new int[] {nt, sym(o)});
            }
        } else if (e instanceof Expr.Repeat rep) {
            int b = sym(rep.body());
            if (rep.max() == Expr.Repeat.UNBOUNDED) {
                int star = nts++; // right recursion: star -> ε | b star
                prods.add(new int[] {star});
                prods.add(new int[] {star, b, star});
                int[] p = new int[rep.min() + 2];
                p[0] = nt;
                for (int i = 0; i < rep.min(); i++) {
                    p[i + 1] = b;
                }
                p[rep.min() + 1] = star;
                prods.add(p);
            } else {
                for (int c = rep.min(); c <= rep.max(); c++) {
                    int[] p = new int[c + 1];
                    p[0] = nt;
                    for (int i = 0; i < c; i++) {
                        p[i + 1] = b;
                    }
                    prods.add(p);
                }
            }
        } else {
            throw new IllegalArgumentException("the reference does not support " + e);
        }
        return nt;
    }

    private void prune() {
        boolean[] ok = new boolean[nts];
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int[] p : prods) {
                if (!ok[p[0]] && productive(p, ok)) {
                    ok[p[0]] = true;
                    changed = true;
                }
            }
        }
        prods.removeIf(p -> !productive(p, ok));
    }

    private boolean productive(int[] p, boolean[] ok) {
        for (int i = 1; i < p.length; i++) {
            if (p[i] >= 0 ? !ok[p[i]] : terminals.get(~p[i]).length == 0) {
                return false;
            }
        }
        return true;
    }

    /** Earley items: production index, dot, origin. */
    private record Item(int[] prod, int dot, int origin) {
        int next() {
            return dot + 1 < prod.length ? prod[dot + 1] : Integer.MIN_VALUE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Item i && i.prod == prod && i.dot == dot && i.origin == origin;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(prod) * 31 * 31 + dot * 31 + origin;
        }
    }

    private int[] cachedCps = new int[0];
    private List<Set<Item>> cachedSets;

    /** Remembers the sets of {@code bytes}' complete code points, so later calls extending them resume there. */
    void commit(byte[] bytes) {
        int[] cps = decode(bytes, tailStart(bytes));
        if (cps != null) {
            cachedSets = parse(cps, cps.length);
            cachedCps = cps;
        }
    }

    /** The Earley sets after {@code cps}; the last is empty when the prefix is dead. */
    List<Set<Item>> parse(int[] cps, int n) {
        List<Set<Item>> sets = new ArrayList<>();
        int from = 0;
        if (cachedSets != null) {
            int c = 0;
            while (c < n && c < cachedCps.length && c + 1 < cachedSets.size() && cps[c] == cachedCps[c]) {
                c++;
            }
            sets.addAll(cachedSets.subList(0, c + 1));
            from = c;
        } else {
            Set<Item> s0 = new LinkedHashSet<>();
            for (int[] p : byLhs.getOrDefault(root, List.of())) {
                s0.add(new Item(p, 0, 0));
            }
            sets.add(s0);
            close(sets, 0);
        }
        for (int i = from; i < n && !sets.get(i).isEmpty(); i++) {
            Set<Item> next = new LinkedHashSet<>();
            for (Item it : sets.get(i)) {
                int s = it.next();
                if (s != Integer.MIN_VALUE && s < 0 && contains(terminals.get(~s), cps[i], cps[i])) {
                    next.add(new Item(it.prod, it.dot + 1, it.origin));
                }
            }
            sets.add(next);
            close(sets, i + 1);
        }
        return sets;
    }

    private void close(List<Set<Item>> sets, int k) {
        Set<Item> set = sets.get(k);
        Set<Integer> completedHere = new HashSet<>();
        List<Item> work = new ArrayList<>(set);
        for (int w = 0; w < work.size(); w++) {
            Item it = work.get(w);
            int s = it.next();
            List<Item> add = new ArrayList<>();
            if (s == Integer.MIN_VALUE) {
                if (it.origin == k) {
                    completedHere.add(it.prod[0]);
                }
                for (Item parent : new ArrayList<>(sets.get(it.origin))) {
                    if (parent.next() == it.prod[0]) {
                        add.add(new Item(parent.prod, parent.dot + 1, parent.origin));
                    }
                }
            } else if (s >= 0) {
                for (int[] p : byLhs.getOrDefault(s, List.of())) {
                    add.add(new Item(p, 0, k));
                }
                if (completedHere.contains(s)) {
                    add.add(new Item(it.prod, it.dot + 1, it.origin));
                }
            }
            for (Item a : add) {
                if (set.add(a)) {
                    work.add(a);
                }
            }
        }
    }

    /** Whether the UTF-8 {@code bytes} are a prefix of some string of the language. */
    boolean viable(byte[] bytes) {
        int cut = tailStart(bytes);
        int[] cps = decode(bytes, cut);
        if (cps == null) {
            return false;
        }
        List<Set<Item>> sets = parse(cps, cps.length);
        Set<Item> last = sets.get(sets.size() - 1);
        if (sets.size() <= cps.length || last.isEmpty()) {
            return false;
        }
        if (cut == bytes.length) {
            return true;
        }
        int[] range = completions(bytes, cut);
        if (range == null) {
            return false;
        }
        for (Item it : last) {
            int s = it.next();
            if (s != Integer.MIN_VALUE && s < 0) {
                for (int i = 0; i < range.length; i += 2) {
                    if (contains(terminals.get(~s), range[i], range[i + 1])) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether {@code bytes} are a complete string of the language. */
    boolean complete(byte[] bytes) {
        int[] cps = decode(bytes, bytes.length);
        if (cps == null) {
            return false;
        }
        List<Set<Item>> sets = parse(cps, cps.length);
        if (sets.size() <= cps.length) {
            return false;
        }
        for (Item it : sets.get(cps.length)) {
            if (it.prod[0] == root && it.origin == 0 && it.next() == Integer.MIN_VALUE) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(int[] ranges, int lo, int hi) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (ranges[i] <= hi && lo <= ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** Where a trailing incomplete UTF-8 sequence begins (bytes.length if none). */
    static int tailStart(byte[] b) {
        for (int back = 1; back <= Math.min(3, b.length); back++) {
            int v = b[b.length - back] & 0xFF;
            if ((v & 0xC0) == 0x80) {
                continue;
            }
            int need = v >= 0xF0 ? 4 : v >= 0xE0 ? 3 : v >= 0xC0 ? 2 : 1;
            return need > back ? b.length - back : b.length;
        }
        return b.length;
    }

    /** Strict decoding of {@code b[0, n)} by the JDK, or null when it is not valid UTF-8. */
    static int[] decode(byte[] b, int n) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, n)).toString()
                    .codePoints().toArray();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The code points whose UTF-8 begins with {@code b[cut..]} as range pairs without surrogates, or null if none. */
    static int[] completions(byte[] b, int cut) {
        int lead = b[cut] & 0xFF;
        int n = lead >= 0xF8 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
        if (n == 0) {
            return null;
        }
        for (int i = cut + 1; i < b.length; i++) {
            if ((b[i] & 0xC0) != 0x80) {
                return null;
            }
        }
        int lo = lead & (0xFF >> (n + 1));
        int hi = lo;
        for (int i = 1; i < n; i++) {
            int c = cut + i < b.length ? b[cut + i] & 0x3F : -1;
            lo = (lo << 6) | (c < 0 ? 0 : c);
            hi = (hi << 6) | (c < 0 ? 0x3F : c);
        }
        int min = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
        lo = Math.max(lo, min);
        hi = Math.min(hi, 0x10FFFF);
        List<Integer> out = new ArrayList<>();
        if (lo <= Math.min(hi, 0xD7FF)) {
            out.add(lo);
            out.add(Math.min(hi, 0xD7FF));
        }
        if (Math.max(lo, 0xE000) <= hi) {
            out.add(Math.max(lo, 0xE000));
            out.add(hi);
        }
        return out.isEmpty() ? null : out.stream().mapToInt(Integer::intValue).toArray();
    }
}
