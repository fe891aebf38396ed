package org.sampling4j.grammar.schema;

import java.util.Map;
import java.util.Set;

/**
 * {@code not} and {@code if}/{@code then}/{@code else} in the cases that are exact here: {@code not}
 * of a boolean schema, {@code not} of a schema that only names {@code type}s (the types are removed),
 * and {@code if} without {@code then} and {@code else} (it asserts nothing). Every other use is
 * UNSUPPORTED. ({@code if: true/false} is expanded by {@link Expansion}.)
 */
final class Negations {
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment", "examples", "default");

    private Negations() {
    }

    static void add(Constraints c, Node n) {
        Map<String, Object> m = n.map();
        if (m.containsKey("not")) {
            Node not = Node.of(m.get("not"), n.at("not"), c.draft);
            if (not.value() instanceof Boolean b) {
                if (b) {
                    c.types = 0;
                }
            } else if (not.map().containsKey("type") && ANNOTATIONS.containsAll(without(not.map().keySet(), "type"))) {
                c.types &= ~Types.of(not.map().get("type"), not.at("type"));
            } else if (not.map().isEmpty()) {
                c.types = 0; // not {} matches nothing
            } else {
                throw SchemaException.unsupported(n.at("not"), "not is supported only for boolean schemas and type-only schemas");
            }
        }
        if (m.containsKey("if") && !(m.get("if") instanceof Boolean) && (m.containsKey("then") || m.containsKey("else"))) {
            throw SchemaException.unsupported(n.at("if"), "if/then/else is supported only when if is a boolean schema");
        }
    }

    private static Set<String> without(Set<String> keys, String k) {
        Set<String> s = new java.util.HashSet<>(keys);
        s.remove(k);
        return s;
    }
}
