package org.sampling4j.grammar.schema;

import java.util.List;
import java.util.Map;
import org.sampling4j.grammar.syntax.Expr;

/**
 * The key language of {@code propertyNames}: every key of the object, named, pattern-matched or
 * additional, must be a string valid under it. Its language is {@link KeyLanguage} of the schema: the
 * string keywords' language ({@link Leaves#decoded}), or the string values of a const/enum, combined
 * through {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not}/{@code if} as regular-language
 * intersection, union, exactly-one and complement; a schema whose types exclude strings allows no key.
 * Several object parts ({@code allOf}) intersect. The compiler intersects each key class with it and tests
 * each named key against it ({@link Membership}).
 */
final class PropertyNames {
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
        Expr keys = KeyLanguage.of(n, sc);
        return keys.equals(KeyLanguage.ANY) ? null : keys;
    }
}
