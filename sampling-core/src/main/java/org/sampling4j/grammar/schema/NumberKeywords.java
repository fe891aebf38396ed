package org.sampling4j.grammar.schema;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Reads {@code minimum}, {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum} (numbers; in
 * draft-04 booleans that make minimum/maximum exclusive) and {@code multipleOf} into {@link Constraints},
 * keeping the tighter bound (at equal values the exclusive one).
 */
final class NumberKeywords {
    private NumberKeywords() {
    }

    static void add(Constraints c, Node n) {
        Map<String, Object> m = n.map();
        boolean exMin = false;
        boolean exMax = false;
        if (c.draft.booleanExclusives()) {
            exMin = flag(m, "exclusiveMinimum", n);
            exMax = flag(m, "exclusiveMaximum", n);
        } else {
            if (m.containsKey("exclusiveMinimum")) {
                lower(c, number(m, "exclusiveMinimum", n), true, n.at("exclusiveMinimum"));
            }
            if (m.containsKey("exclusiveMaximum")) {
                upper(c, number(m, "exclusiveMaximum", n), true, n.at("exclusiveMaximum"));
            }
        }
        if (m.containsKey("minimum")) {
            lower(c, number(m, "minimum", n), exMin, n.at("minimum"));
        }
        if (m.containsKey("maximum")) {
            upper(c, number(m, "maximum", n), exMax, n.at("maximum"));
        }
        if (m.containsKey("multipleOf")) {
            BigDecimal d = number(m, "multipleOf", n);
            if (d.signum() <= 0) {
                throw SchemaException.invalid(n.at("multipleOf"), "multipleOf must be > 0, got " + d);
            }
            c.multipleOf.add(d);
            c.multipleOfPointer = c.multipleOfPointer == null ? n.at("multipleOf") : c.multipleOfPointer;
            c.numberPointer = c.numberPointer == null ? n.at("multipleOf") : c.numberPointer;
        }
    }

    static void lower(Constraints c, BigDecimal v, boolean exclusive, String pointer) {
        int cmp = c.minimum == null ? 1 : v.compareTo(c.minimum);
        if (cmp > 0 || (cmp == 0 && exclusive)) {
            c.minimum = v;
            c.minimumExclusive = exclusive;
        }
        c.numberPointer = c.numberPointer == null ? pointer : c.numberPointer;
    }

    static void upper(Constraints c, BigDecimal v, boolean exclusive, String pointer) {
        int cmp = c.maximum == null ? -1 : v.compareTo(c.maximum);
        if (cmp < 0 || (cmp == 0 && exclusive)) {
            c.maximum = v;
            c.maximumExclusive = exclusive;
        }
        c.numberPointer = c.numberPointer == null ? pointer : c.numberPointer;
    }

    private static BigDecimal number(Map<String, Object> m, String key, Node n) {
        if (!(m.get(key) instanceof BigDecimal d)) {
            throw SchemaException.invalid(n.at(key), key + " must be a number, got " + Node.describe(m.get(key)));
        }
        return d;
    }

    private static boolean flag(Map<String, Object> m, String key, Node n) {
        if (!m.containsKey(key)) {
            return false;
        }
        if (!(m.get(key) instanceof Boolean b)) {
            throw SchemaException.invalid(n.at(key), key + " must be a boolean in draft-04, got " + Node.describe(m.get(key)));
        }
        return b;
    }
}
