package org.sampling4j.grammar.syntax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A slow, obviously correct reference for the language of a {@link Cfg}: the oracle other tests
 * compare parsers and engines with. Strings are sequences of code points; {@link Expr.Token}
 * terminals are not text and match nothing here.
 *
 * <p><b>How.</b> The Cfg becomes a plain BNF (nonterminals, productions of symbols, terminal
 * symbols = code point sets) and an Earley recogniser runs over the code points (Aycock-Horspool
 * treatment of nullable nonterminals, so left recursion and empty rules work). A {@code Repeat}
 * whose counts exceed {@code n + 1} (n = length of the input) is clamped to {@code n + 1}: an
 * input of n code points touches at most n iterations of a non-empty body, and a nullable body
 * makes the lower bound irrelevant, so the clamped grammar has the same strings and the same
 * viable prefixes up to length n. Unproductive symbols are dropped first (a fixpoint), so every
 * Earley item left can still complete, which makes {@link #isViablePrefix} "some item is alive".
 */
public final class CfgMatcher {
    private final List<int[]> terminals = new ArrayList<>();
    private final List<List<int[]>> productions = new ArrayList<>();
    private final Map<String, Integer> ruleIds = new HashMap<>();
    private final Map<Expr, Integer> shared = new IdentityHashMap<>();
    private final int clamp;

    private CfgMatcher(Cfg cfg, int clamp) {
        this.clamp = clamp;
        for (String name : cfg.rules().keySet()) {
            ruleIds.put(name, newNonterminal());
        }
        for (Cfg.Rule rule : cfg.rules().values()) {
            productions.get(ruleIds.get(rule.name())).add(symbols(rule.body()));
        }
        removeUnproductive();
    }

    /** Whether {@code text} (all of it) is in the language of {@code cfg}. */
    public static boolean matches(Cfg cfg, String text) {
        int[] cps = text.codePoints().toArray();
        CfgMatcher m = new CfgMatcher(cfg, cps.length + 1);
        return m.run(cfg.root(), cps, true);
    }

    /** Whether some string of the language of {@code cfg} starts with {@code prefix}. */
    public static boolean isViablePrefix(Cfg cfg, String prefix) {
        int[] cps = prefix.codePoints().toArray();
        CfgMatcher m = new CfgMatcher(cfg, cps.length + 1);
        return m.run(cfg.root(), cps, false);
    }

    private int newNonterminal() {
        productions.add(new ArrayList<>());
        return productions.size() - 1;
    }

    /** Symbols: nonterminal {@code k >= 0}; terminal {@code -1 - t}. */
    private int[] symbols(Expr e) {
        if (e instanceof Expr.Literal lit) {
            return lit.text().codePoints().map(cp -> terminal(new int[] {cp, cp})).toArray();
        }
        if (e instanceof Expr.Seq seq) {
            List<int[]> parts = new ArrayList<>();
            int n = 0;
            for (Expr item : seq.items()) {
                int[] s = symbols(item);
                parts.add(s);
                n += s.length;
            }
            int[] out = new int[n];
            int k = 0;
            for (int[] s : parts) {
                System.arraycopy(s, 0, out, k, s.length);
                k += s.length;
            }
            return out;
        }
        return new int[] {symbol(e)};
    }

    private int symbol(Expr e) {
        if (e instanceof Expr.Chars c) {
            return terminal(c.ranges());
        }
        if (e instanceof Expr.Ref r) {
            return ruleIds.get(r.name());
        }
        if (e instanceof Expr.Token) {
            return terminal(new int[0]);
        }
        Integer done = shared.get(e);
        if (done != null) {
            return done;
        }
        int nt = newNonterminal();
        shared.put(e, nt);
        if (e instanceof Expr.Alt alt) {
            for (Expr o : alt.options()) {
                productions.get(nt).add(symbols(o));
            }
        } else if (e instanceof Expr.Repeat rep) {
            int body = symbol(rep.body());
            int min = Math.min(rep.min(), clamp);
            int tail = newNonterminal();
            productions.get(tail).add(new int[0]);
            if (rep.max() == Expr.Repeat.UNBOUNDED) {
                // star ::= "" | body star
                productions.get(tail).add(new int[] {body, tail});
            } else {
                // opt(k) ::= "" | body opt(k-1), opt(0) ::= ""
                int max = Math.min(rep.max(), clamp);
                for (int k = 1; k <= max - min; k++) {
                    int next = newNonterminal();
                    productions.get(next).add(new int[0]);
                    productions.get(next).add(new int[] {body, tail});
                    tail = next;
                }
            }
            int[] p = new int[min + 1];
            Arrays.fill(p, body);
            p[min] = tail;
            productions.get(nt).add(p);
        } else {
            productions.get(nt).add(symbols(e));
        }
        return nt;
    }

    private int terminal(int[] ranges) {
        terminals.add(ranges);
        return -terminals.size();
    }

    private void removeUnproductive() {
        BitSet productive = new BitSet();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int nt = 0; nt < productions.size(); nt++) {
                if (productive.get(nt)) {
                    continue;
                }
                for (int[] p : productions.get(nt)) {
                    if (allProductive(p, productive)) {
                        productive.set(nt);
                        changed = true;
                        break;
                    }
                }
            }
        }
        for (int nt = 0; nt < productions.size(); nt++) {
            productions.get(nt).removeIf(p -> !allProductive(p, productive));
        }
    }

    private boolean allProductive(int[] p, BitSet productive) {
        for (int s : p) {
            if (s >= 0 ? !productive.get(s) : terminals.get(-1 - s).length == 0) {
                return false;
            }
        }
        return true;
    }

    private BitSet nullables() {
        BitSet nullable = new BitSet();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int nt = 0; nt < productions.size(); nt++) {
                if (nullable.get(nt)) {
                    continue;
                }
                for (int[] p : productions.get(nt)) {
                    boolean all = true;
                    for (int s : p) {
                        all &= s >= 0 && nullable.get(s);
                    }
                    if (all) {
                        nullable.set(nt);
                        changed = true;
                        break;
                    }
                }
            }
        }
        return nullable;
    }

    /** An Earley item: production {@code prod} of {@code nt}, dot position, origin set. */
    private record Item(int nt, int prod, int dot, int origin) {
    }

    private boolean run(String root, int[] input, boolean complete) {
        int start = ruleIds.get(root);
        if (productions.get(start).isEmpty()) {
            return false;
        }
        BitSet nullable = nullables();
        List<List<Item>> sets = new ArrayList<>();
        List<Set<Item>> seen = new ArrayList<>();
        // per set: the items whose dot is before nonterminal k, so completion does not scan the set
        List<Map<Integer, List<Item>>> waiting = new ArrayList<>();
        for (int i = 0; i <= input.length; i++) {
            sets.add(new ArrayList<>());
            seen.add(new HashSet<>());
            waiting.add(new HashMap<>());
        }
        for (int p = 0; p < productions.get(start).size(); p++) {
            add(sets, seen, 0, new Item(start, p, 0, 0));
        }
        for (int i = 0; i <= input.length; i++) {
            List<Item> set = sets.get(i);
            for (int k = 0; k < set.size(); k++) {
                Item it = set.get(k);
                int[] prod = productions.get(it.nt).get(it.prod);
                if (it.dot == prod.length) {
                    List<Item> parents = waiting.get(it.origin).getOrDefault(it.nt, List.of());
                    for (int j = 0; j < parents.size(); j++) {
                        Item parent = parents.get(j);
                        add(sets, seen, i, new Item(parent.nt, parent.prod, parent.dot + 1, parent.origin));
                    }
                    continue;
                }
                int s = prod[it.dot];
                if (s >= 0) {
                    waiting.get(i).computeIfAbsent(s, x -> new ArrayList<>()).add(it);
                    for (int p = 0; p < productions.get(s).size(); p++) {
                        add(sets, seen, i, new Item(s, p, 0, i));
                    }
                    if (nullable.get(s)) {
                        add(sets, seen, i, new Item(it.nt, it.prod, it.dot + 1, it.origin));
                    }
                } else if (i < input.length && CharRanges.contains(terminals.get(-1 - s), input[i])) {
                    add(sets, seen, i + 1, new Item(it.nt, it.prod, it.dot + 1, it.origin));
                }
            }
        }
        List<Item> last = sets.get(input.length);
        if (!complete) {
            return !last.isEmpty();
        }
        for (Item it : last) {
            if (it.nt == start && it.origin == 0 && it.dot == productions.get(start).get(it.prod).length) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<List<Item>> sets, List<Set<Item>> seen, int i, Item item) {
        if (seen.get(i).add(item)) {
            sets.get(i).add(item);
        }
    }
}
