package org.sampling4j.grammar.schema;

import java.util.List;

/**
 * JSON value categories as disjoint bits, so {@code type} lists intersect and union as bit masks and
 * {@code oneOf} branches of disjoint masks are provably disjoint. {@code number} is
 * {@link #INTEGER} | {@link #FRACTIONAL} (a number of integral value is an integer, whatever its spelling
 * in draft-06 and later).
 */
final class Types {
    static final int NULL = 1;
    static final int BOOLEAN = 2;
    static final int OBJECT = 4;
    static final int ARRAY = 8;
    static final int STRING = 16;
    static final int INTEGER = 32;
    static final int FRACTIONAL = 64;
    static final int ALL = 127;

    private Types() {
    }

    /** The mask of the {@code type} keyword's value (a name or a list of names) at {@code pointer}. */
    static int of(Object type, String pointer) {
        if (type instanceof String s) {
            return named(s, pointer);
        }
        if (type instanceof List<?> l && !l.isEmpty()) {
            int mask = 0;
            for (int i = 0; i < l.size(); i++) {
                if (!(l.get(i) instanceof String s)) {
                    throw SchemaException.invalid(pointer + "/" + i, "type names must be strings, got " + Node.describe(l.get(i)));
                }
                mask |= named(s, pointer + "/" + i);
            }
            return mask;
        }
        throw SchemaException.invalid(pointer, "type must be a type name or a non-empty list of them, got " + Node.describe(type));
    }

    private static int named(String s, String pointer) {
        switch (s) {
            case "null": return NULL;
            case "boolean": return BOOLEAN;
            case "object": return OBJECT;
            case "array": return ARRAY;
            case "string": return STRING;
            case "integer": return INTEGER;
            case "number": return INTEGER | FRACTIONAL;
            default:
                throw SchemaException.invalid(pointer, "unknown type " + JsonQuote.of(s)
                        + ": allowed are null, boolean, object, array, string, integer, number");
        }
    }

    /** The category bit of one JSON value (its {@code const} or {@code enum} member). */
    static int ofValue(Object v) {
        switch (SchemaJson.typeOf(v)) {
            case "null": return NULL;
            case "boolean": return BOOLEAN;
            case "object": return OBJECT;
            case "array": return ARRAY;
            case "string": return STRING;
            case "integer": return INTEGER;
            default: return FRACTIONAL;
        }
    }
}
