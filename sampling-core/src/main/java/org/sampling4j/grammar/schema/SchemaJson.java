package org.sampling4j.grammar.schema;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.sampling4j.internal.JsonException;
import org.sampling4j.internal.JsonReader;
import org.sampling4j.internal.JsonTree;

/**
 * The schema text as a tree: {@code Map<String, Object>} (key order kept), {@code List<Object>},
 * {@code String}, {@code BigDecimal} (exact: a bound of {@code 0.1} stays 0.1), {@code Boolean} and
 * {@link #NULL}. A repeated key is INVALID (its meaning would be ambiguous); depth is bounded by the
 * reader's nesting limit.
 */
final class SchemaJson {
    /** JSON {@code null} (a {@code null} reference would be confused with "absent"). */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Exact numbers, a repeated key refused, {@link #NULL} for null. */
    private static final JsonTree TREE = new JsonTree(true, true, NULL);

    private SchemaJson() {
    }

    /** Parses {@code text}; a syntax error is INVALID at the root pointer with the reader's position. */
    static Object parse(String text) {
        JsonReader r = new JsonReader(text.getBytes(StandardCharsets.UTF_8), "schema");
        try {
            Object v = r.readValue(TREE);
            r.endDocument();
            return v;
        } catch (JsonException e) {
            throw SchemaException.invalid("", "the schema is not JSON: " + e.getMessage());
        }
    }

    /** JSON equality (numbers by value, objects regardless of key order), as JSON Schema's const/enum use it. */
    static boolean jsonEquals(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !jsonEquals(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!jsonEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** The JSON type name of a value: null, boolean, object, array, string, integer (a number of integral value) or number. */
    static String typeOf(Object v) {
        if (v == NULL) {
            return "null";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof Map) {
            return "object";
        }
        if (v instanceof List) {
            return "array";
        }
        if (v instanceof String) {
            return "string";
        }
        BigDecimal d = (BigDecimal) v;
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0 ? "integer" : "number";
    }
}
