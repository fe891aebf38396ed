package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sampling4j.grammar.syntax.Expr;

/**
 * The key language of {@code propertyNames}: every key of the object, named, pattern-matched or
 * additional, must be a string valid under it. Its language is the decoded-string language of the
 * schema's string keywords ({@link Leaves#decoded}: lengths, patterns, formats, {@code not} of string
 * leaves), or, with {@code const}/{@code enum}, the string values that satisfy those keywords; a schema
 * whose types exclude strings allows no key. Several object parts ({@code allOf}) intersect. The
 * compiler intersects each key class with it and tests each named key against it ({@link Membership}).
 */
final class PropertyNames {
    private static final Expr ANY = Exprs.repeat(Exprs.ANY_CHAR, 0, Expr.Repeat.UNBOUNDED);

    private PropertyNames() {
    }

    /** The decoded key language of every {@code propertyNames} of {@code c}, or null when none restricts keys. */
    static Expr of(Constraints c, SchemaCompiler sc) {
        Expr out = null;
        for (Constraints.ObjectPart p : c.objects) {
            if (p.propertyNames() == null) {
                continue;
            }
            Expr e = language(p.propertyNames(), sc);
            if (e != null) {
                out = out == null ? e : new Expr.Intersection(out, e);
            }
        }
        return out;
    }

    private static Expr language(Node n, SchemaCompiler sc) {
        if (Boolean.TRUE.equals(n.value()) || n.value() instanceof Map<?, ?> m && m.isEmpty()) {
            return null;
        }
        if (n.isFalse()) {
            return Exprs.NOTHING;
        }
        Expansion.Closure closure = Expansion.close(List.of(n), sc.refs, sc.draft);
        if (!closure.groups().isEmpty()) {
            throw SchemaException.unsupported(closure.groups().get(0).pointer(),
                    "anyOf/oneOf inside propertyNames is not supported (only one conjunction of string keywords)");
        }
        Constraints k = sc.merge(closure.nodes());
        if ((k.types & Types.STRING) == 0) {
            return Exprs.NOTHING;
        }
        Expr strings = Leaves.decoded(k, sc.options());
        if (k.values != null) {
            List<Expr> options = new ArrayList<>();
            for (Object v : k.values) {
                if (v instanceof String s && Membership.matches(strings, s)) {
                    options.add(Exprs.lit(s));
                }
            }
            return Exprs.alt(options);
        }
        return strings.equals(ANY) ? null : strings;
    }
}
