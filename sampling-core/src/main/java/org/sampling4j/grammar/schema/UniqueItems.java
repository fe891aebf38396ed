package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sampling4j.grammar.syntax.Expr;

/**
 * The elements of an array with {@code uniqueItems: true} (more than one item possible) whose items come
 * from a FINITE set of scalar values: {@code null}, booleans, {@code enum} / {@code const} of strings,
 * numbers, booleans or null at every position. Exact: the allowed values are deduplicated by JSON
 * equality ({@code 1} and {@code 1.0} are one value, {@code "a"} and {@code "\u0061"} too), and each
 * value's language ({@link Values#value}) holds only spellings of texts equal to it, so the languages of
 * two distinct values are disjoint and "no two items equal" is "no value used twice". The state is the
 * set {@code S} of values used (the number of items written is {@code |S|}, which selects the
 * positional schema): {@code at(S) = (ε if |S| >= minItems) | Σ_{v ∉ S allowed at |S|} sep v at(S ∪ {v})}.
 *
 * <p><b>Budget.</b> The item languages are regular, so the engine inlines the state rules into one
 * lexeme and the NFA holds one copy of an item per SEQUENCE of distinct values (the IR shares no
 * states): at most {@link #MAX_SEQUENCES} sequences, at most {@link #MAX_VALUES} distinct values;
 * past either, and for items that are not from such a finite set (strings or numbers in general, whose
 * equality the grammar cannot track, objects, arrays), UNSUPPORTED at the {@code uniqueItems} pointer.
 */
final class UniqueItems {
    /** Most distinct sequences of values (non-empty prefixes included) one array may have. */
    static final int MAX_SEQUENCES = 4096;
    /** Most distinct values the items may take. */
    static final int MAX_VALUES = 16;

    private UniqueItems() {
    }

    /**
     * The text between {@code [} and {@code ]} (leading whitespace excluded), or UNSUPPORTED.
     *
     * @param positions the conjunction at each positional index; @param tail past them (null: no more items)
     * @param min minItems; @param max maxItems capped by the positions (-1 = unbounded, then the values bound it)
     */
    static Expr elements(Constraints c, List<List<Node>> positions, List<Node> tail, long min, long max, SchemaCompiler sc) {
        String at = c.uniqueItemsPointer;
        if (!c.contains.isEmpty()) {
            throw SchemaException.unsupported(at, "uniqueItems: true together with contains (" + c.contains.get(0).pointer()
                    + ") is not supported");
        }
        List<Object> values = new ArrayList<>();
        List<Position> byIndex = new ArrayList<>();
        for (List<Node> conj : positions) {
            byIndex.add(position(conj, values, sc, at));
        }
        Position rest = tail == null ? null : position(tail, values, sc, at);
        int n = values.size();
        int top = max < 0 ? n : (int) Math.min(max, n);
        long[] memo = new long[1 << n];
        long sequences = count(0, byIndex, rest, top, memo);
        if (sequences > MAX_SEQUENCES) {
            throw SchemaException.unsupported(at, "uniqueItems: true over " + n + " distinct values allows " + sequences
                    + " sequences of distinct items; at most " + MAX_SEQUENCES + " are supported (each is a copy in the automaton)");
        }
        return state(0, byIndex, rest, min, top, new HashMap<>(), sc);
    }

    /** The allowed values at one position (indices into the shared value list) and their constraints. */
    private record Position(long mask, List<Expr> text) {
    }

    private static Position position(List<Node> conj, List<Object> values, SchemaCompiler sc, String at) {
        Expansion.Closure closure = Expansion.close(conj, sc.refs, sc.draft);
        if (!closure.groups().isEmpty()) {
            throw SchemaException.unsupported(at, "uniqueItems: true with items under " + closure.groups().get(0).pointer()
                    + " (anyOf / oneOf) is not supported: only items from a finite set of scalar values are");
        }
        Constraints c = sc.merge(closure.nodes());
        List<Object> allowed = new ArrayList<>();
        if (c.values != null) {
            for (Object v : Values.allowed(c, sc)) {
                if (v instanceof Map<?, ?> || v instanceof List<?>) {
                    throw SchemaException.unsupported(at, "uniqueItems: true with object or array enum values ("
                            + c.valuesPointer + ") is not supported");
                }
                allowed.add(v);
            }
        } else if ((c.types & ~(Types.NULL | Types.BOOLEAN)) == 0) {
            if ((c.types & Types.NULL) != 0) {
                allowed.add(SchemaJson.NULL);
            }
            if ((c.types & Types.BOOLEAN) != 0) {
                for (boolean b : new boolean[] {true, false}) {
                    if (!c.notBooleans.contains(b)) {
                        allowed.add(b);
                    }
                }
            }
        } else {
            throw SchemaException.unsupported(at, "uniqueItems: true is supported with maxItems <= 1 or for items from a finite"
                    + " set of scalars (null, boolean, enum/const); equality of other items (strings, numbers, objects, arrays in"
                    + " general) is not tracked");
        }
        long mask = 0;
        List<Expr> text = new ArrayList<>();
        for (Object v : allowed) {
            int k = indexOf(values, v);
            if (k < 0) {
                if (values.size() == MAX_VALUES) {
                    throw SchemaException.unsupported(at, "uniqueItems: true over more than " + MAX_VALUES
                            + " distinct item values is not supported");
                }
                values.add(v);
                k = values.size() - 1;
            }
            if ((mask & 1L << k) != 0) {
                continue; // an enum listing one value twice
            }
            mask |= 1L << k;
            while (text.size() <= k) {
                text.add(null);
            }
            text.set(k, Values.value(v, c, sc, 0));
        }
        return new Position(mask, text);
    }

    private static int indexOf(List<Object> values, Object v) {
        for (int i = 0; i < values.size(); i++) {
            if (SchemaJson.jsonEquals(values.get(i), v)) {
                return i;
            }
        }
        return -1;
    }

    private static Position at(int i, List<Position> byIndex, Position rest) {
        return i < byIndex.size() ? byIndex.get(i) : rest;
    }

    /** Sequences (the empty one included) of distinct values from state {@code used}, capped just past the budget. */
    private static long count(long used, List<Position> byIndex, Position rest, int top, long[] memo) {
        int i = Long.bitCount(used);
        if (memo[(int) used] != 0) {
            return memo[(int) used];
        }
        long total = 1;
        Position p = at(i, byIndex, rest);
        if (p != null && i < top) {
            long free = p.mask() & ~used;
            for (long f = free; f != 0 && total <= MAX_SEQUENCES; f &= f - 1) {
                total += count(used | Long.lowestOneBit(f), byIndex, rest, top, memo);
            }
        }
        memo[(int) used] = Math.min(total, MAX_SEQUENCES + 1L);
        return memo[(int) used];
    }

    private static Expr state(long used, List<Position> byIndex, Position rest, long min, int top, Map<Long, Expr> memo,
                              SchemaCompiler sc) {
        Expr known = memo.get(used);
        if (known != null) {
            return known;
        }
        int i = Long.bitCount(used);
        List<Expr> options = new ArrayList<>();
        if (i >= min) {
            options.add(Expr.EMPTY);
        }
        Position p = at(i, byIndex, rest);
        if (p != null && i < top) {
            for (long f = p.mask() & ~used; f != 0; f &= f - 1) {
                long bit = Long.lowestOneBit(f);
                Expr next = state(used | bit, byIndex, rest, min, top, memo, sc);
                if (Exprs.isNothing(next)) {
                    continue;
                }
                Expr item = p.text().get(Long.numberOfTrailingZeros(bit));
                options.add(i == 0 ? new Expr.Seq(List.of(item, sc.ws(), next))
                        : new Expr.Seq(List.of(new Expr.Literal(","), sc.ws(), item, sc.ws(), next)));
            }
        }
        Expr out = options.isEmpty() ? Exprs.NOTHING : options.size() == 1 && options.get(0) == Expr.EMPTY ? Expr.EMPTY
                : sc.helper(new Expr.Alt(options));
        memo.put(used, out);
        return out;
    }
}
