package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sampling4j.grammar.syntax.Expr;

/**
 * The elements of an array with {@code contains}: at least {@code need} ({@code minContains}, 1 by
 * default) of the items satisfy the contains schema C as well as their own position's schema S_i.
 *
 * <p>Exact without a complement: an item that satisfies S_i and C may always be read as a plain S_i
 * item, so "at least {@code need} items in S_i ∧ C" is the language of the automaton whose state is
 * (items written, marks still needed), each item written either plain (S_i) or marked (S_i ∧ C, one
 * mark fewer). The grammar is ambiguous where an item could be either, which the Earley parser
 * accepts. State (i, r) is one helper rule; with no {@code maxItems}, the states past every length
 * bound and positional schema are alike, so i is capped there and the tail repeats. {@code
 * maxContains} below the largest possible item count would need the items that do NOT satisfy C, a
 * complement of a context-free language: refused, as is a second {@code contains} in one
 * conjunction.
 */
final class ContainsRules {
    /** The most (i, r) states one array may need; past it the schema is refused. */
    static final int MAX_STATES = 4096;

    private ContainsRules() {
    }

    /**
     * The text between {@code [} and {@code ]} (leading whitespace excluded) of the arrays of {@code c}.
     *
     * @param positions the conjunction at each positional index
     * @param tail      the conjunction past them, or null when no item may follow the positions
     * @param min       minItems; @param max maxItems capped by the positions (-1 = unbounded)
     */
    static Expr elements(Constraints c, List<List<Node>> positions, List<Node> tail, long min, long max, SchemaCompiler sc) {
        Constraints.ContainsPart part = c.contains.get(0);
        if (c.contains.size() > 1) {
            throw SchemaException.unsupported(c.contains.get(1).pointer(),
                    "a second contains in one conjunction (with " + part.pointer() + ") is not supported");
        }
        if (part.max() >= 0 && part.max() < part.min()) {
            return Exprs.NOTHING; // maxContains below minContains: no array
        }
        if (part.max() >= 0 && (max < 0 || max > part.max())) {
            throw SchemaException.unsupported(part.maxPointer(), "maxContains " + part.max() + " would need the items that do not"
                    + " match contains, which is not enforced exactly here; only maxContains >= maxItems is supported");
        }
        int need = (int) part.min();
        int top = (int) (max >= 0 ? max : Math.max(Math.max(min, positions.size()), 1));
        long states = (top + 1L) * (need + 1L);
        if (states > MAX_STATES) {
            throw SchemaException.unsupported(part.pointer(), "contains with minContains " + need + " over " + top
                    + " item positions needs " + states + " grammar rules; at most " + MAX_STATES + " are allowed");
        }
        List<Expr> plain = new ArrayList<>();
        List<Expr> marked = new ArrayList<>();
        for (int i = 0; i < Math.min(positions.size(), top); i++) {
            plain.add(sc.ref(positions.get(i), Set.of()));
            marked.add(sc.ref(with(positions.get(i), part.schema()), Set.of()));
        }
        Expr tailPlain = tail == null ? null : sc.ref(tail, Set.of());
        Expr tailMarked = tail == null ? null : sc.ref(with(tail, part.schema()), Set.of());
        Expr ws = sc.ws();
        // at[i][r]: the rest of the array after i items, r marks still needed. Built from the last state back.
        Expr[][] at = new Expr[top + 1][need + 1];
        for (int r = 0; r <= need; r++) {
            if (max >= 0) {
                at[top][r] = r == 0 ? Expr.EMPTY : Exprs.NOTHING;
            } else { // past every bound: more plain items, then a marked one for each mark still needed
                Expr more = new Expr.Repeat(item(",", tailPlain, ws), 0, Expr.Repeat.UNBOUNDED);
                at[top][r] = r == 0 ? more : sc.helper(new Expr.Seq(List.of(more, item(",", tailMarked, ws), at[top][r - 1])));
            }
        }
        for (int i = top - 1; i >= 0; i--) {
            Expr s = i < plain.size() ? plain.get(i) : tailPlain;
            Expr sm = i < plain.size() ? marked.get(i) : tailMarked;
            String sep = i == 0 ? null : ",";
            for (int r = 0; r <= need; r++) {
                List<Expr> options = new ArrayList<>();
                if (r == 0 && i >= min) {
                    options.add(Expr.EMPTY);
                }
                if (s != null && (max < 0 || max - (i + 1) >= r)) {
                    options.add(new Expr.Seq(List.of(item(sep, s, ws), at[i + 1][r])));
                }
                if (sm != null && r > 0) {
                    options.add(new Expr.Seq(List.of(item(sep, sm, ws), at[i + 1][r - 1])));
                }
                at[i][r] = options.isEmpty() ? Exprs.NOTHING : sc.helper(new Expr.Alt(options));
            }
        }
        return at[0][need];
    }

    private static List<Node> with(List<Node> conjunction, Node extra) {
        List<Node> out = new ArrayList<>(conjunction);
        out.add(extra);
        return out;
    }

    /** {@code sep ws value ws}, or {@code value ws} for the first item. */
    private static Expr item(String sep, Expr value, Expr ws) {
        return sep == null ? new Expr.Seq(List.of(value, ws)) : new Expr.Seq(List.of(new Expr.Literal(sep), ws, value, ws));
    }
}
