package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sampling4j.grammar.syntax.Expr;

/**
 * The array language of merged {@link Constraints}. Position {@code i} must satisfy, for every node's
 * array keywords, that node's positional schema {@code i} or, past its positions, its rest schema
 * ({@code items} in 2020-12, {@code additionalItems} in the draft-07 tuple form); positions past every
 * node's prefix repeat the conjunction of the rest schemas, counted with {@code Repeat} (never expanded
 * here). A {@code false} at a position caps the length there. {@code uniqueItems: true}: free when at most
 * one item can appear, else {@link UniqueItems} (items from a finite set of scalars) or UNSUPPORTED. {@code contains}: {@link ContainsRules}. Text:
 * {@code "[" ws (value ws ("," ws value ws)*)? "]"}.
 */
final class ArrayRules {
    private ArrayRules() {
    }

    static Expr of(Constraints c, SchemaCompiler sc) {
        int prefix = 0;
        for (Constraints.ArrayPart p : c.arrays) {
            prefix = Math.max(prefix, p.prefix().size());
        }
        long max = c.maxItems;
        List<List<Node>> positions = new ArrayList<>();
        for (int i = 0; i < prefix && (max < 0 || i < max); i++) {
            List<Node> conj = new ArrayList<>();
            for (Constraints.ArrayPart p : c.arrays) {
                Node n = i < p.prefix().size() ? p.prefix().get(i) : p.rest();
                if (n != null) {
                    conj.add(n);
                }
            }
            if (conj.stream().anyMatch(Node::isFalse)) {
                max = i;
                break;
            }
            positions.add(conj);
        }
        List<Node> tail = new ArrayList<>();
        for (Constraints.ArrayPart p : c.arrays) {
            if (p.rest() != null) {
                tail.add(p.rest());
            }
        }
        if (tail.stream().anyMatch(Node::isFalse)) {
            max = max < 0 ? positions.size() : Math.min(max, positions.size());
        }
        long min = c.minItems;
        if (max >= 0 && min > max) {
            return new Expr.Alt(List.of());
        }
        if (c.uniqueItemsPointer != null && (max < 0 || max > 1)) {
            Expr body = UniqueItems.elements(c, positions, max >= 0 && max <= positions.size() ? null : tail, min, max, sc);
            return new Expr.Seq(List.of(new Expr.Literal("["), sc.ws(), body, new Expr.Literal("]")));
        }
        if (!c.contains.isEmpty()) {
            Expr body = ContainsRules.elements(c, positions, max >= 0 && max <= positions.size() ? null : tail, min, max, sc);
            return new Expr.Seq(List.of(new Expr.Literal("["), sc.ws(), body, new Expr.Literal("]")));
        }
        List<Expr> refs = new ArrayList<>();
        for (List<Node> conj : positions) {
            refs.add(sc.ref(conj, Set.of()));
        }
        Expr tailRef = max >= 0 && max <= positions.size() ? null : sc.ref(tail, Set.of());
        Expr body = elements(0, min, max, refs, tailRef, sc);
        return new Expr.Seq(List.of(new Expr.Literal("["), sc.ws(), body, new Expr.Literal("]")));
    }

    /** The text of the elements from position {@code i} on, {@code i} elements already written. */
    private static Expr elements(int i, long min, long max, List<Expr> refs, Expr tailRef, SchemaCompiler sc) {
        if (max >= 0 && i >= max) {
            return Expr.EMPTY;
        }
        if (i >= refs.size()) {
            if (tailRef == null) {
                return Expr.EMPTY;
            }
            int lo = (int) Math.max(0, min - i);
            int hi = max < 0 ? Expr.Repeat.UNBOUNDED : (int) (max - i);
            Expr next = new Expr.Seq(List.of(new Expr.Literal(","), sc.ws(), tailRef, sc.ws()));
            if (i > 0) {
                return new Expr.Repeat(next, lo, hi);
            }
            // no element yet: the first has no comma
            Expr first = new Expr.Seq(List.of(tailRef, sc.ws(), new Expr.Repeat(next, Math.max(0, lo - 1),
                    hi == Expr.Repeat.UNBOUNDED ? hi : hi - 1)));
            return lo == 0 ? new Expr.Alt(List.of(Expr.EMPTY, first)) : first;
        }
        List<Expr> take = new ArrayList<>();
        if (i > 0) {
            take.add(new Expr.Literal(","));
            take.add(sc.ws());
        }
        take.add(refs.get(i));
        take.add(sc.ws());
        take.add(elements(i + 1, min, max, refs, tailRef, sc));
        Expr t = new Expr.Seq(take);
        return i >= min ? new Expr.Alt(List.of(Expr.EMPTY, t)) : t;
    }
}
