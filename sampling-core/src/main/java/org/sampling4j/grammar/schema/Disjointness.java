package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Proves the branches of a {@code oneOf} pairwise disjoint (then "exactly one" equals "at least one", and
 * {@code oneOf} compiles as {@code anyOf}); otherwise UNSUPPORTED at the {@code oneOf}. Each branch is
 * merged with the rest of its conjunction, ignoring its own pending disjunctions (a superset, so
 * disjointness of the supersets is a proof). Two branches are disjoint when their types share no category,
 * or both list const/enum values and none is equal, or some key is required by both whose values are
 * disjoint by the same two tests.
 */
final class Disjointness {
    private Disjointness() {
    }

    static void check(Expansion.Group g, Expansion.Closure base, SchemaCompiler sc) {
        List<Constraints> merged = new ArrayList<>();
        for (List<Node> b : g.branches()) {
            List<Node> seed = new ArrayList<>(base.nodes());
            seed.addAll(b);
            merged.add(sc.merge(Expansion.close(seed, sc.refs, sc.draft).nodes()));
        }
        for (int i = 0; i < merged.size(); i++) {
            for (int j = i + 1; j < merged.size(); j++) {
                if (!disjoint(merged.get(i), merged.get(j), sc, 0)) {
                    throw SchemaException.unsupported(g.pointer(), "oneOf branches " + i + " and " + j
                            + " are not provably disjoint (distinct types, distinct const/enum values, or a required"
                            + " property with distinct const values make them so)");
                }
            }
        }
    }

    private static boolean disjoint(Constraints a, Constraints b, SchemaCompiler sc, int depth) {
        int ta = effectiveTypes(a);
        int tb = effectiveTypes(b);
        if ((ta & tb) == 0) {
            return true;
        }
        if (a.values != null && b.values != null) {
            for (Object x : a.values) {
                for (Object y : b.values) {
                    if (SchemaJson.jsonEquals(x, y)) {
                        return false;
                    }
                }
            }
            return true;
        }
        if (depth > 0 || (ta & tb) != Types.OBJECT) {
            return false;
        }
        for (String k : a.required) {
            if (b.required.contains(k) && disjoint(property(a, k, sc), property(b, k, sc), sc, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static int effectiveTypes(Constraints c) {
        if (c.values == null) {
            return c.types;
        }
        int t = 0;
        for (Object v : c.values) {
            t |= Types.ofValue(v);
        }
        return t & (c.types | ((c.types & Types.FRACTIONAL) != 0 ? Types.INTEGER : 0));
    }

    private static Constraints property(Constraints c, String key, SchemaCompiler sc) {
        List<Node> conj = new ArrayList<>();
        for (Constraints.ObjectPart p : c.objects) {
            Node n = p.properties().containsKey(key) ? p.properties().get(key) : p.additional();
            if (n != null) {
                conj.add(n);
            }
        }
        return sc.merge(Expansion.close(conj, sc.refs, sc.draft).nodes());
    }
}
