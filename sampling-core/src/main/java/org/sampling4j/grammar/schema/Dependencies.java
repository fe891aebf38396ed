package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code dependentRequired} and {@code dependentSchemas} (2019-09 and later) and {@code dependencies}
 * (draft-07 and earlier, array and schema forms): per entry {@code k}, an object either lacks {@code k}
 * or has it and satisfies the dependency (the listed keys are required too, or the instance is valid
 * under the schema). Each entry is a two-branch group, disjoint (one branch forbids {@code k}, the other
 * requires it), which the compiler distributes over like an {@code anyOf}: exact. Non-objects satisfy
 * both branches' object keywords and the dependency schema is applied only when {@code k} is present, as
 * the spec says. The branches multiply, so a keyword of more than {@link #MAX_ENTRIES} entries is refused
 * with its count.
 */
final class Dependencies {
    static final int MAX_ENTRIES = 8;

    private Dependencies() {
    }

    /** Whether keyword {@code k} is a dependency keyword of {@code draft} (the others stay refused). */
    static boolean handles(String k, Drafts draft) {
        boolean old = draft.compareTo(Drafts.DRAFT_07) <= 0;
        return old ? k.equals("dependencies") : k.equals("dependentRequired") || k.equals("dependentSchemas");
    }

    /** The groups of {@code n}'s dependency keywords (empty when it has none). */
    static List<Expansion.Group> groups(Node n, Drafts draft) {
        List<Expansion.Group> out = new ArrayList<>();
        for (String kw : new String[] {"dependentRequired", "dependentSchemas", "dependencies"}) {
            if (!n.map().containsKey(kw) || !handles(kw, draft)) {
                continue;
            }
            if (!(n.map().get(kw) instanceof Map<?, ?> entries)) {
                throw SchemaException.invalid(n.at(kw), kw + " must be an object, got " + Node.describe(n.map().get(kw)));
            }
            if (entries.size() > MAX_ENTRIES) {
                throw SchemaException.unsupported(n.at(kw), kw + " with " + entries.size() + " entries is not supported"
                        + " (at most " + MAX_ENTRIES + ": each entry doubles the branches)");
            }
            Node at = new Node(n.map().get(kw), n.at(kw));
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                String key = (String) e.getKey();
                String p = at.at(key);
                Node absent = new Node(Map.of("properties", Map.of(key, Map.of("not", Map.of()))), p + "/(absent)");
                List<Node> present = new ArrayList<>();
                if (e.getValue() instanceof List<?> deps && !kw.equals("dependentSchemas")) {
                    List<Object> required = new ArrayList<>();
                    required.add(key);
                    for (int i = 0; i < deps.size(); i++) {
                        if (!(deps.get(i) instanceof String)) {
                            throw SchemaException.invalid(p + "/" + i, kw + " lists key names, got " + Node.describe(deps.get(i)));
                        }
                        required.add(deps.get(i));
                    }
                    present.add(new Node(Map.of("required", required), p + "/(present)"));
                } else if (kw.equals("dependentRequired")) {
                    throw SchemaException.invalid(p, "dependentRequired values must be arrays of key names, got "
                            + Node.describe(e.getValue()));
                } else {
                    present.add(new Node(Map.of("required", List.of(key)), p + "/(present)"));
                    present.add(Node.of(e.getValue(), p, draft));
                }
                out.add(new Expansion.Group(p, List.of(List.of(absent), present), false));
            }
        }
        return out;
    }
}
