package org.sampling4j.grammar.schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The applicators of a conjunction of schema nodes: {@code $ref} (followed; in draft-07 and earlier its
 * siblings are then ignored), {@code allOf} (every member joins the conjunction), {@code if: true} /
 * {@code if: false} (then / else joins), {@code not: {not: X}} (X joins), and {@code anyOf}/{@code oneOf} collected as {@link Group}s
 * that the compiler distributes over ({@code S ∧ (A ∨ B) = (S ∧ A) ∨ (S ∧ B)}). Walked with a worklist:
 * a cycle of references joins each node once (conjunction is idempotent), never a stack overflow.
 */
final class Expansion {
    /** Keywords that assert nothing by themselves: a node made only of these adds nothing to a rule's identity. */
    private static final Set<String> INERT = Set.of("$ref", "allOf", "$comment", "title", "description", "$id", "id",
            "$anchor", "$schema", "$defs", "definitions", "default", "examples", "deprecated", "readOnly", "writeOnly");

    /**
     * An {@code anyOf} or {@code oneOf} at {@code pointer}, or an {@code if}/{@code then}/{@code else}
     * (two disjoint branches: {@code [if, then]} and {@code [not if, else]}); each branch is the nodes
     * that join the conjunction when it is chosen.
     */
    record Group(String pointer, List<List<Node>> branches, boolean oneOf) {
    }

    /** The nodes of a conjunction, and its pending disjunctions. */
    record Closure(Set<Node> nodes, List<Group> groups) {
        /**
         * A stable identity: the pointers of the nodes that assert something, each one quoted (the root's
         * pointer is "", which unquoted would make the root's key that of the empty conjunction, any value).
         */
        String key() {
            TreeSet<String> keys = new TreeSet<>();
            for (Node n : nodes) {
                if (n.value() instanceof Map<?, ?> m && !INERT.containsAll(m.keySet())
                        || Boolean.FALSE.equals(n.value())) {
                    keys.add("'" + n.pointer() + "'");
                }
            }
            return String.join(" ", keys);
        }
    }

    private Expansion() {
    }

    static Closure close(Collection<Node> seed, Refs refs, Drafts draft) {
        Set<Node> nodes = new LinkedHashSet<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        ArrayDeque<Node> work = new ArrayDeque<>(seed);
        while (!work.isEmpty()) {
            Node n = work.pop();
            if (!nodes.add(n) || !(n.value() instanceof Map)) {
                continue;
            }
            Map<String, Object> m = n.map();
            if (m.containsKey("$ref")) {
                if (!(m.get("$ref") instanceof String ref)) {
                    throw SchemaException.invalid(n.at("$ref"), "$ref must be a string, got " + Node.describe(m.get("$ref")));
                }
                work.push(refs.resolve(ref, n.at("$ref")));
                if (draft.refOverridesSiblings()) {
                    continue;
                }
            }
            if (m.containsKey("allOf")) {
                for (Node b : list(m, "allOf", n, draft)) {
                    work.push(b);
                }
            }
            for (String k : new String[] {"anyOf", "oneOf"}) {
                if (m.containsKey(k)) {
                    List<List<Node>> branches = new ArrayList<>();
                    for (Node b : list(m, k, n, draft)) {
                        branches.add(List.of(b));
                    }
                    groups.putIfAbsent(n.at(k), new Group(n.at(k), branches, k.equals("oneOf")));
                }
            }
            for (Group d : Dependencies.groups(n, draft)) {
                groups.putIfAbsent(d.pointer(), d);
            }
            Node twice = Negations.doubleNegation(n, draft);
            if (twice != null) {
                work.push(twice); // not {not X} is X
            }
            Group complement = Complement.group(n, draft);
            if (complement != null) {
                groups.putIfAbsent(complement.pointer(), complement);
            }
            Group conditional = Conditionals.group(n, draft);
            if (conditional != null) {
                groups.putIfAbsent(conditional.pointer(), conditional);
            }
            if (m.get("if") instanceof Boolean b) {
                String branch = b ? "then" : "else";
                if (m.containsKey(branch)) {
                    work.push(Node.of(m.get(branch), n.at(branch), draft));
                }
            }
        }
        return new Closure(nodes, new ArrayList<>(groups.values()));
    }

    private static List<Node> list(Map<String, Object> m, String key, Node n, Drafts draft) {
        if (!(m.get(key) instanceof List<?> l) || l.isEmpty()) {
            throw SchemaException.invalid(n.at(key), key + " must be a non-empty array of schemas, got " + Node.describe(m.get(key)));
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(Node.of(l.get(i), n.at(key) + "/" + i, draft));
        }
        return out;
    }
}
