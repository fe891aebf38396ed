package org.sampling4j.grammar.schema;

import java.util.List;
import java.util.Map;

/**
 * {@code if}/{@code then}/{@code else} whose {@code if} is a LEAF schema (the keywords
 * {@link LeafNegation} can negate): valid iff {@code (if ∧ then) ∨ (¬if ∧ else)}, a missing
 * {@code then}/{@code else} being {@code true}. The two branches are disjoint (one has {@code if}, the
 * other its negation), so the compiler distributes over them like over an {@code anyOf} and the
 * result is exact. The negated {@code if} is a schema {@code {"not": if}} of its own, at the pointer
 * {@code <if>/(negated)}, whose negated schema reports at the {@code if}'s own pointer (so an error inside it names
 * a keyword of the document). Any
 * other {@code if} is left to {@link Negations}, which refuses it at {@code /if}.
 */
final class Conditionals {
    private Conditionals() {
    }

    /** The two-branch group of {@code n}'s if/then/else, or null when {@code n} has none this class handles. */
    /** The suffix of the synthetic {@code {"not": if}} node's pointer; its {@code not} reports at the {@code if} itself. */
    static final String NEGATED = "/(negated)";

    static Expansion.Group group(Node n, Drafts draft) {
        Map<String, Object> m = n.map();
        if (!m.containsKey("if") || m.get("if") instanceof Boolean || !(m.containsKey("then") || m.containsKey("else"))) {
            return null;
        }
        if (!isLeaf(m.get("if")) && !Complement.handles(m.get("if"))) {
            return null;
        }
        Node cond = Node.of(m.get("if"), n.at("if"), draft);
        Node negated = new Node(Map.of("not", m.get("if")), n.at("if") + NEGATED);
        Node then = m.containsKey("then") ? Node.of(m.get("then"), n.at("then"), draft) : null;
        Node otherwise = m.containsKey("else") ? Node.of(m.get("else"), n.at("else"), draft) : null;
        List<Node> first = then == null ? List.of(cond) : List.of(cond, then);
        List<Node> second = otherwise == null ? List.of(negated) : List.of(negated, otherwise);
        return new Expansion.Group(n.at("if"), List.of(first, second), false);
    }

    /** Whether {@code schema} is a non-empty object of leaf keywords only. */
    static boolean isLeaf(Object schema) {
        return schema instanceof Map<?, ?> m && !m.isEmpty() && LeafNegation.ALLOWED.containsAll(m.keySet());
    }
}
