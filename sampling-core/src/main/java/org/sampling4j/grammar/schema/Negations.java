package org.sampling4j.grammar.schema;

import java.util.Map;

/**
 * {@code not} and {@code if}/{@code then}/{@code else} in the cases that are exact here: {@code not}
 * of a boolean schema, {@code not} of a leaf schema ({@link LeafNegation}: types, scalar enums, string
 * keywords, numeric bounds and multipleOf), and {@code if} without {@code then} and {@code else} (it asserts
 * nothing); {@code if}/{@code then}/{@code else} of a leaf {@code if} is expanded by {@link Conditionals}, of
 * {@code if: true/false} by {@link Expansion}. Every other use is UNSUPPORTED.
 */
final class Negations {
    private Negations() {
    }

    static void add(Constraints c, Node n) {
        Map<String, Object> m = n.map();
        if (m.containsKey("not")) {
            String at = Complement.notPointer(n); // the document's pointer, also for synthetic negations
            Node not = Node.of(m.get("not"), at, c.draft);
            if (Complement.handles(not.value())) {
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
