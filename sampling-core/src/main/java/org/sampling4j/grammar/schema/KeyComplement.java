package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import org.sampling4j.grammar.syntax.CharRanges;
import org.sampling4j.grammar.syntax.Expr;

/**
 * "Any string except these": the regular code-point language {@code Σ* \ K} for a finite key set
 * {@code K}, built over the trie of {@code K}. For a trie node {@code v} (the prefix {@code p}):
 * <pre>
 * comp(v) = [ε if p ∉ K] | (Σ \ children(v)) Σ* | Σ_{c ∈ children(v)} c · comp(child(v, c))
 * </pre>
 * A string outside {@code K} either stops at a trie node that is no key, leaves the trie with a character
 * no key continues with (then anything may follow), or goes on inside the trie; the three cases are
 * disjoint, so the union is exact. Size: linear in the total length of the keys.
 */
final class KeyComplement {
    private KeyComplement() {
    }

    /** The decoded strings (over code points) that are none of {@code keys}. */
    static Expr of(Collection<String> keys) {
        Trie root = new Trie();
        for (String k : keys) {
            Trie t = root;
            for (int i = 0; i < k.length(); ) {
                int cp = k.codePointAt(i);
                i += Character.charCount(cp);
                t = t.children.computeIfAbsent(cp, c -> new Trie());
            }
            t.terminal = true;
        }
        return comp(root);
    }

    private static Expr comp(Trie t) {
        List<Expr> options = new ArrayList<>();
        if (!t.terminal) {
            options.add(Expr.EMPTY);
        }
        int[] pairs = new int[2 * t.children.size()];
        int i = 0;
        for (int c : t.children.keySet()) {
            pairs[i++] = c;
            pairs[i++] = c;
        }
        int[] others = CharRanges.complement(CharRanges.normalize(pairs));
        if (others.length > 0) {
            options.add(Exprs.seq(new Expr.Chars(others), Exprs.repeat(Exprs.ANY_CHAR, 0, -1)));
        }
        for (var e : t.children.entrySet()) {
            options.add(Exprs.seq(Exprs.lit(new String(Character.toChars(e.getKey()))), comp(e.getValue())));
        }
        return Exprs.alt(options);
    }

    /** One trie node: the keys' continuations by code point, sorted (deterministic output). */
    private static final class Trie {
        final TreeMap<Integer, Trie> children = new TreeMap<>();
        boolean terminal;
    }
}
