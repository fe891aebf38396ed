package org.sampling4j.grammar.schema;

import java.util.BitSet;
import org.sampling4j.grammar.syntax.CharRanges;
import org.sampling4j.grammar.syntax.Expr;

/**
 * Whether one code-point string is in a regular {@link Expr} (Chars, Literal, Automaton, Seq, Alt, Repeat,
 * Intersection, Difference): the compile-time test "does named key {@code k} match this pattern / this
 * {@code propertyNames}". Position sets, not backtracking: {@code ends(e, S)} is the set of positions
 * {@code j} such that {@code e} matches {@code s[i, j)} for some {@code i} in {@code S}. A repeat iterates
 * until its set stops changing (at most {@code |s| + 1} rounds: a nullable body only grows the set, a
 * non-nullable one moves every position right), so {@code x{0,100000}} costs no more than the string is
 * long; an intersection or difference is evaluated per start position. Cost about
 * {@code |e| · |s|²} set operations for strings as short as keys.
 */
final class Membership {
    private final int[] cps;

    private Membership(String s) {
        this.cps = s.codePoints().toArray();
    }

    /** Whether {@code e} matches all of {@code s}. */
    static boolean matches(Expr e, String s) {
        Membership m = new Membership(s);
        BitSet start = new BitSet();
        start.set(0);
        return m.ends(e, start, 0).get(m.cps.length);
    }

    private BitSet ends(Expr e, BitSet from, int depth) {
        if (depth > 10_000) {
            throw SchemaException.unsupported("", "expression nested deeper than 10000 levels");
        }
        BitSet out = new BitSet();
        if (from.isEmpty()) {
            return out;
        }
        if (e instanceof Expr.Chars c) {
            for (int i = from.nextSetBit(0); i >= 0 && i < cps.length; i = from.nextSetBit(i + 1)) {
                if (CharRanges.contains(c.ranges(), cps[i])) {
                    out.set(i + 1);
                }
            }
            return out;
        }
        if (e instanceof Expr.Literal l) {
            int[] t = l.text().codePoints().toArray();
            for (int i = from.nextSetBit(0); i >= 0; i = from.nextSetBit(i + 1)) {
                if (i + t.length <= cps.length && java.util.Arrays.equals(cps, i, i + t.length, t, 0, t.length)) {
                    out.set(i + t.length);
                }
            }
            return out;
        }
        if (e instanceof Expr.Seq s) {
            BitSet cur = from;
            for (Expr item : s.items()) {
                cur = ends(item, cur, depth + 1);
            }
            return cur;
        }
        if (e instanceof Expr.Alt a) {
            for (Expr o : a.options()) {
                out.or(ends(o, from, depth + 1));
            }
            return out;
        }
        if (e instanceof Expr.Repeat r) {
            return repeat(r, from, depth);
        }
        if (e instanceof Expr.Automaton a) {
            for (int i = from.nextSetBit(0); i >= 0; i = from.nextSetBit(i + 1)) {
                int q = 0;
                for (int j = i; q >= 0; j++) {
                    if (a.accepts(q)) {
                        out.set(j);
                    }
                    q = j < cps.length ? a.step(q, cps[j]) : -1;
                }
            }
            return out;
        }
        if (e instanceof Expr.Intersection || e instanceof Expr.Difference) {
            boolean inter = e instanceof Expr.Intersection;
            Expr left = inter ? ((Expr.Intersection) e).left() : ((Expr.Difference) e).left();
            Expr right = inter ? ((Expr.Intersection) e).right() : ((Expr.Difference) e).right();
            for (int i = from.nextSetBit(0); i >= 0; i = from.nextSetBit(i + 1)) {
                BitSet one = new BitSet();
                one.set(i);
                BitSet l = ends(left, one, depth + 1);
                BitSet r = ends(right, one, depth + 1);
                if (inter) {
                    l.and(r);
                } else {
                    l.andNot(r);
                }
                out.or(l);
            }
            return out;
        }
        throw new IllegalArgumentException("not a regular code-point expression: " + e);
    }

    private BitSet repeat(Expr.Repeat r, BitSet from, int depth) {
        BitSet cur = from;
        int rounds = cps.length + 2;
        for (int k = 0; k < r.min(); k++) {
            BitSet next = ends(r.body(), cur, depth + 1);
            if (next.equals(cur)) {
                break; // a fixed point: further mandatory copies change nothing
            }
            cur = next;
            if (cur.isEmpty()) {
                return cur;
            }
            if (k > rounds) {
                throw new IllegalStateException("repeat did not settle within " + rounds + " rounds");
            }
        }
        BitSet acc = (BitSet) cur.clone();
        long more = r.max() == Expr.Repeat.UNBOUNDED ? Long.MAX_VALUE : (long) r.max() - r.min();
        BitSet frontier = cur;
        for (long k = 0; k < more && !frontier.isEmpty(); k++) {
            BitSet next = ends(r.body(), frontier, depth + 1);
            next.andNot(acc);
            acc.or(next);
            frontier = next;
        }
        return acc;
    }
}
