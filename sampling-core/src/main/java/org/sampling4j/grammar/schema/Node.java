package org.sampling4j.grammar.schema;

import java.util.Map;

/**
 * One schema of the tree with its JSON pointer: {@code value} is a {@code Map} (a schema object) or a
 * {@code Boolean} (a boolean schema). Equal by pointer: one location is one schema.
 */
record Node(Object value, String pointer) {
    /** Checks the value is a schema (an object, or a boolean where the draft allows one). */
    static Node of(Object value, String pointer, Drafts draft) {
        if (value instanceof Map || (value instanceof Boolean && draft.booleanSchemas())) {
            return new Node(value, pointer);
        }
        throw SchemaException.invalid(pointer, "a schema must be an object" + (draft.booleanSchemas() ? " or a boolean" : "")
                + ", got " + describe(value));
    }

    /** {@code additionalProperties} / {@code additionalItems}: a boolean is allowed there in every draft, draft-04 included. */
    static Node ofAdditional(Object value, String pointer, Drafts draft) {
        return value instanceof Boolean ? new Node(value, pointer) : of(value, pointer, draft);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map() {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    boolean isFalse() {
        return Boolean.FALSE.equals(value);
    }

    /** The pointer of keyword {@code key} of this node, escaped per RFC 6901. */
    String at(String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Node n && n.pointer.equals(pointer);
    }

    @Override
    public int hashCode() {
        return pointer.hashCode();
    }

    static String describe(Object v) {
        if (v instanceof String s) {
            return "the string " + JsonQuote.of(s);
        }
        if (v instanceof java.util.List) {
            return "an array";
        }
        if (v instanceof Map) {
            return "an object";
        }
        return String.valueOf(v);
    }
}
