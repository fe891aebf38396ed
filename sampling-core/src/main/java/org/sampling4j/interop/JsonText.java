package org.sampling4j.interop;

import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value (maps, lists, strings, numbers, booleans, null, as a JSON library hands them
 * over) written back as compact JSON text: the schema a request carries as an object becomes the
 * text {@link org.sampling4j.grammar.Grammar#jsonSchema} compiles, and the key of
 * {@link org.sampling4j.grammar.GrammarCache}. Member order is kept (it is the property order when
 * keys are kept in schema order), so equal parsed schemas give equal texts.
 */
final class JsonText {
    private JsonText() {
    }

    /**
     * @param field the request field, for errors
     * @throws IllegalArgumentException naming {@code field} and the path inside it for a value that is not JSON
     */
    static String write(String field, Object value) {
        StringBuilder out = new StringBuilder();
        write(field, value, out, 0);
        return out.toString();
    }

    private static void write(String path, Object v, StringBuilder out, int depth) {
        if (depth > 10_000) {
            throw new IllegalArgumentException(path + ": nested deeper than 10000");
        }
        if (v == null) {
            out.append("null");
        } else if (v instanceof CharSequence s) {
            string(s.toString(), out);
        } else if (v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(path + " = " + v + " is not a JSON number");
            }
            // Integral doubles as integers: a JSON parser hands 1 or 1.0 back as either, and JSON Schema
            // treats them as the same number.
            out.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
        } else if (v instanceof Number) {
            out.append(v);
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof CharSequence)) {
                    throw new IllegalArgumentException(path + ": key " + e.getKey() + " is not a string");
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey().toString(), out);
                out.append(':');
                write(path + "/" + e.getKey(), e.getValue(), out, depth + 1);
            }
            out.append('}');
        } else if (v instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(path + "/" + i, l.get(i), out, depth + 1);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException(path + " = " + v + " (" + v.getClass().getName()
                    + ") is not a JSON value: give maps, lists, strings, numbers, booleans or null");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
