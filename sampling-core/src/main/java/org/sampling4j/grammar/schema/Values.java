package org.sampling4j.grammar.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sampling4j.grammar.syntax.Expr;

/**
 * {@code const} / {@code enum}: the union of each allowed value's language, every spelling JSON
 * equality accepts: strings in every escape spelling, numbers by value in plain decimal ({@code 1},
 * {@code 1.0}, {@code 1.00} for 1 where 1.0 is an integer; no exponent spellings), objects with their keys
 * in any order (the engine's any-order object, every key required; in the given order under forced order), arrays element by element, whitespace as everywhere. Values are
 * filtered by {@code type}, string values by the string keywords ({@link Membership} against
 * {@link Leaves#decoded}, which includes what {@code not} excluded), number values by the number keywords
 * ({@link Membership} against {@link Leaves#membership} of a plain spelling; refused in draft-04); combined with
 * object or array keywords an enum holding an object (array) is refused (that would need an instance validator).
 */
final class Values {
    private Values() {
    }

    static Expr of(Constraints c, SchemaCompiler sc) {
        List<Expr> options = new ArrayList<>();
        for (Object v : allowed(c, sc)) {
            options.add(value(v, c, sc, 0));
        }
        return new Expr.Alt(options);
    }

    /**
     * The values of {@code c.values} an instance may take: those of an allowed type, kept by {@code not},
     * string values in the string keywords' language (in enum order; equal values are not merged here).
     */
    static List<Object> allowed(Constraints c, SchemaCompiler sc) {
        // String keywords filter the string values exactly (each value tested against their language), number
        // keywords the numbers (against Leaves.number, plain spellings); object and array keywords would need an
        // instance validator, and are refused when a value they apply to is allowed by type.
        boolean objects = false;
        boolean arrays = false;
        boolean numbers = false;
        for (Object v : c.values) {
            int t = Types.ofValue(v) & c.types;
            objects |= t == Types.OBJECT;
            arrays |= t == Types.ARRAY;
            numbers |= (t & (Types.INTEGER | Types.FRACTIONAL)) != 0;
        }
        String other = objects && c.objectPointer != null ? c.objectPointer
                : arrays && c.arrayPointer != null ? c.arrayPointer : arrays ? c.uniqueItemsPointer : null;
        Expr numberLanguage = null;
        if (other == null && numbers && c.numberPointer != null) {
            if (!c.draft.fractionZerosAreIntegers()) {
                other = c.numberPointer; // draft-04: is 1.0 an integer? not decided here
            } else {
                try {
                    numberLanguage = Leaves.membership(c);
                } catch (SchemaException e) {
                    other = c.numberPointer;
                }
            }
        }
        if (other != null) {
            throw SchemaException.unsupported(other, "const/enum (" + c.valuesPointer + ") together with this keyword is not supported");
        }
        Expr strings = Leaves.decoded(c, sc.options());
        List<Object> out = new ArrayList<>();
        for (Object v : c.values) {
            if (v instanceof String s && !Membership.matches(strings, s)) {
                continue;
            }
            if (v instanceof BigDecimal d && numberLanguage != null && !Membership.matches(numberLanguage, d.toPlainString())) {
                continue;
            }
            if ((Types.ofValue(v) & c.types) != 0 && LeafNegation.kept(c, v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** The language of the one value {@code v}: every spelling of a JSON value equal to it (see the class comment). */
    static Expr value(Object v, Constraints c, SchemaCompiler sc, int depth) {
        if (depth > 200) {
            throw SchemaException.unsupported(c.valuesPointer, "const/enum value nested deeper than 200");
        }
        if (v == SchemaJson.NULL) {
            return new Expr.Literal("null");
        }
        if (v instanceof Boolean b) {
            return new Expr.Literal(b.toString());
        }
        if (v instanceof String s) {
            return JsonStrings.literal(s);
        }
        if (v instanceof BigDecimal d) {
            if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
                // in draft-04 under type integer, 1.0 is not an integer: only then are zero fractions refused
                boolean zeros = c.draft.fractionZerosAreIntegers() || (c.types & Types.FRACTIONAL) != 0;
                return NumberLanguages.integer(d, false, d, false, null, zeros);
            }
            return NumberLanguages.number(d, false, d, false);
        }
        if (v instanceof List<?> l) {
            List<Expr> items = new ArrayList<>();
            items.add(new Expr.Literal("["));
            items.add(sc.ws());
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    items.add(new Expr.Literal(","));
                    items.add(sc.ws());
                }
                items.add(value(l.get(i), c, sc, depth + 1));
                items.add(sc.ws());
            }
            items.add(new Expr.Literal("]"));
            return new Expr.Seq(items);
        }
        Map<?, ?> m = (Map<?, ?>) v;
        List<ObjectRules.Member> members = new ArrayList<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            members.add(new ObjectRules.Member((String) e.getKey(), value(e.getValue(), c, sc, depth + 1), true));
        }
        if (sc.options().anyOrder() && members.size() > 1) {
            List<ObjectRules.Member> refs = new ArrayList<>();
            for (ObjectRules.Member mb : members) { // each value its own rule: the object's values are Refs
                refs.add(new ObjectRules.Member(mb.key(), sc.helper(mb.value()), true));
            }
            java.util.Set<String> keys = new java.util.LinkedHashSet<>();
            members.forEach(mb -> keys.add(mb.key()));
            return ObjectRules.anyOrder(refs, keys, null, members.size(), members.size(), sc);
        }
        List<Expr> seq = new ArrayList<>();
        permuteInto(members, seq, sc);
        return seq.get(0);
    }

    private static void permuteInto(List<ObjectRules.Member> m, List<Expr> out, SchemaCompiler sc) {
        List<Expr> items = new ArrayList<>();
        items.add(new Expr.Literal("{"));
        items.add(sc.ws());
        for (int i = 0; i < m.size(); i++) {
            if (i > 0) {
                items.add(new Expr.Literal(","));
                items.add(sc.ws());
            }
            items.add(ObjectRules.member(m.get(i), sc));
            items.add(sc.ws());
        }
        items.add(new Expr.Literal("}"));
        out.add(new Expr.Seq(items));
    }
}
