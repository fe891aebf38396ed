package org.sampling4j.grammar.schema;

import java.util.Map;

/**
 * {@code not} and {@code if}/{@code then}/{@code else} in the cases that are exact here: {@code not}
 * of a boolean schema, a double negation {@code not {not X}} (X itself, joined by {@link Expansion}), {@code not} of a leaf schema ({@link LeafNegation}: types, scalar enums, string
 * keywords, numeric bounds and multipleOf), and {@code if} without {@code then} and {@code else} (it asserts
 * nothing); {@code if}/{@code then}/{@code else} of a leaf {@code if} is expanded by {@link Conditionals}, of
 * {@code if: true/false} by {@link Expansion}. Every other use is UNSUPPORTED.
 */
final class Negations {
    private Negations() {
    }

    private static final java.util.Set<String> INERT = java.util.Set.of("title", "description", "$comment", "examples",
            "default", "deprecated", "readOnly", "writeOnly");

    /** Whether a {@code not} schema is itself only a {@code not} (and annotations): {@code not {not X}} is X. */
    static boolean isDouble(Object schema) {
        return schema instanceof Map<?, ?> m && m.containsKey("not")
                && m.keySet().stream().allMatch(k -> k.equals("not") || INERT.contains(k));
    }

    /** X of {@code n}'s {@code not: {not: X}}, at its document pointer, or null when {@code n} has no such double negation. */
    static Node doubleNegation(Node n, Drafts draft) {
        Object not = n.map().get("not");
        if (!isDouble(not)) {
            return null;
        }
        return Node.of(((Map<?, ?>) not).get("not"), Complement.notPointer(n) + "/not", draft);
    }

    static void add(Constraints c, Node n) {
        Map<String, Object> m = n.map();
        if (m.containsKey("not")) {
            String at = Complement.notPointer(n); // the document's pointer, also for synthetic negations
            Node not = Node.of(m.get("not"), at, c.draft);
            if (isDouble(not.value())) {
                // not {not X}: X joined the conjunction (Expansion)
            } else if (Complement.handles(not.value())) {
                // an object or array schema: its complement is the anyOf group of Complement, expanded by Expansion
            } else if (not.value() instanceof Boolean b) {
                if (b) {
                    c.types = 0;
                }
            } else if (not.map().isEmpty()) {
                c.types = 0; // not {} matches nothing
            } else {
                LeafNegation.apply(c, not);
            }
        }
        if (m.containsKey("if") && !(m.get("if") instanceof Boolean) && (m.containsKey("then") || m.containsKey("else"))
                && !Conditionals.isLeaf(m.get("if")) && !Complement.handles(m.get("if"))) {
            throw SchemaException.unsupported(n.at("if"), "if/then/else is supported only when if is a boolean schema or a"
                    + " leaf schema (type, enum/const of scalars, pattern, format, minLength, maxLength, numeric bounds, multipleOf)");
        }
    }
}
