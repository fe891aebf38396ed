package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sampling4j.grammar.syntax.Expr;

/**
 * The object language of merged {@link Constraints}. A named key's value must satisfy, for every node's
 * object keywords, that node's {@code properties} entry or, when it has none, its
 * {@code additionalProperties}; keys of no {@code properties} are additional and must satisfy every
 * {@code additionalProperties} (unset: any value, or none under the strict option).
 *
 * <p>Any order (default): {@link #anyOrder} builds the engine's any-order object ({@code Expr.JsonObject}):
 * named members, additional keys as one key class. Forced order: keys in {@code properties} order, optional ones skippable,
 * no additional members (a subset of the valid instances, each one valid); {@code min/maxProperties}
 * counted in the rules. Text: {@code "{" ws (member ws ("," ws member ws)*)? "}"},
 * {@code member = key ws ":" ws value}.
 */
final class ObjectRules {
    /** One member the object may hold: its key, value and whether it must appear. */
    record Member(String key, Expr value, boolean required) {
    }

    private ObjectRules() {
    }

    static Expr of(Constraints c, SchemaCompiler sc) {
        List<Member> members = new ArrayList<>();
        String where = c.objectPointer == null ? "" : c.objectPointer;
        Constraints.ObjectPart patterned = null;
        for (Constraints.ObjectPart p : c.objects) {
            if (!p.patterns().isEmpty()) {
                patterned = p;
            }
            if (p.propertyNames() != null && !Boolean.TRUE.equals(p.propertyNames().value())
                    && !(p.propertyNames().value() instanceof Map<?, ?> m && m.isEmpty())) {
                if (!p.propertyNames().isFalse()) {
                    throw SchemaException.unsupported(p.pointer() + "/propertyNames",
                            "propertyNames is supported only as a boolean schema");
                }
                return c.minProperties > 0 ? new Expr.Alt(List.of()) : empty(sc); // propertyNames false: no key at all
            }
        }
        boolean additional = !c.objects.isEmpty() || !sc.options().strict();
        List<Node> additionalConj = new ArrayList<>();
        for (Constraints.ObjectPart p : c.objects) {
            if (p.additional() == null ? sc.options().strict() : p.additional().isFalse()) {
                additional = false;
            } else if (p.additional() != null) {
                additionalConj.add(p.additional());
            }
        }
        for (Map.Entry<String, List<Node>> e : c.propertyConjunctions().entrySet()) {
            String key = e.getKey();
            List<Node> conj = new ArrayList<>();
            boolean forbidden = false;
            for (Constraints.ObjectPart p : c.objects) {
                Node n = p.properties().containsKey(key) ? p.properties().get(key) : p.additional();
                if (n == null && !p.properties().containsKey(key) && sc.options().strict()) {
                    forbidden = true;
                }
                if (n != null) {
                    conj.add(n);
                    forbidden |= n.isFalse();
                }
            }
            if (c.objects.isEmpty() && sc.options().strict()) {
                forbidden = true;
            }
            boolean required = c.required.contains(key);
            if (forbidden) {
                if (required) {
                    return new Expr.Alt(List.of()); // a required key that may not appear: no object
                }
                continue;
            }
            members.add(new Member(key, sc.ref(conj, java.util.Set.of()), required));
        }
        int min = (int) c.minProperties;
        int max = (int) c.maxProperties;
        if (patterned != null) {
            return patternOnly(c, patterned, additional, min, max, sc);
        }
        if (sc.options().anyOrder()) {
            Expr additionalValue = null;
            if (additional) {
                if (additionalConj.isEmpty()) {
                    additionalConj.add(new Node(Boolean.TRUE, where + "/additionalProperties"));
                }
                additionalValue = sc.ref(additionalConj, java.util.Set.of());
            }
            return anyOrder(members, c.propertyConjunctions().keySet(), additionalValue, min, max, sc);
        }
        return ordered(members, min, max, sc);
    }

    /**
     * The engine's any-order object: the named members, and when {@code additionalValue} is not null one
     * key class "any key but the named ones" ({@link KeyComplement} of every key some {@code properties}
     * names, forbidden ones included, so a forbidden named key never slips in as an additional one).
     */
    static Expr anyOrder(List<Member> members, java.util.Set<String> named, Expr additionalValue, int min, int max,
                         SchemaCompiler sc) {
        List<Expr.JsonObject.Member> ms = new ArrayList<>();
        for (Member m : members) {
            ms.add(new Expr.JsonObject.Member(m.key(), m.value(), m.required()));
        }
        List<Expr.JsonObject.KeyClass> classes = additionalValue == null ? List.of()
                : List.of(new Expr.JsonObject.KeyClass(JsonStrings.quoted(KeyComplement.of(named)), additionalValue));
        return new Expr.JsonObject(ms, classes, min, max, sc.ws());
    }

    /**
     * {@code patternProperties} in the one case that is exact without intersecting regular languages: one
     * object part, one pattern, no {@code properties} anywhere and no additional keys; the key class is
     * the pattern's language (search semantics, {@link EcmaPatterns}), trivially disjoint from the rest.
     */
    private static Expr patternOnly(Constraints c, Constraints.ObjectPart p, boolean additional, int min, int max,
                                    SchemaCompiler sc) {
        String where = p.pointer() + "/patternProperties";
        if (c.objects.size() != 1 || p.patterns().size() != 1 || !c.propertyConjunctions().isEmpty() || additional
                || !sc.options().anyOrder()) {
            throw SchemaException.unsupported(where, "patternProperties is supported only as one pattern with no"
                    + " properties, additionalProperties false and keys in any order (other key classes would need"
                    + " the intersection or difference of regular languages, not built)");
        }
        Map.Entry<String, Node> e = p.patterns().entrySet().iterator().next();
        Expr keys = JsonStrings.quoted(EcmaPatterns.decoded(e.getKey(), e.getValue().pointer()));
        Expr value = sc.ref(List.of(e.getValue()), java.util.Set.of());
        return new Expr.JsonObject(List.of(), List.of(new Expr.JsonObject.KeyClass(keys, value)), min, max, sc.ws());
    }

    static Expr empty(SchemaCompiler sc) {
        return new Expr.Seq(List.of(new Expr.Literal("{"), sc.ws(), new Expr.Literal("}")));
    }

    static Expr member(Member m, SchemaCompiler sc) {
        return new Expr.Seq(List.of(JsonStrings.literal(m.key()), sc.ws(), new Expr.Literal(":"), sc.ws(), m.value()));
    }

    /**
     * Keys in the given order: {@code rest(i, k)} is the text after {@code k} members were written, from
     * member {@code i} on; it is a rule of its own (shared), with {@code k} counted only as far as the
     * bounds need ({@code k} capped at 1 without bounds: it only says whether a comma is due).
     */
    private static Expr ordered(List<Member> members, int min, int max, SchemaCompiler sc) {
        int cap = Math.max(1, Math.max(min, max < 0 ? 0 : max + 1));
        Map<Long, Expr> memo = new HashMap<>();
        Expr body = rest(members, 0, 0, min, max, cap, memo, sc);
        return new Expr.Seq(List.of(new Expr.Literal("{"), sc.ws(), body, new Expr.Literal("}")));
    }

    private static Expr rest(List<Member> ms, int i, int k, int min, int max, int cap, Map<Long, Expr> memo,
                             SchemaCompiler sc) {
        long key = ((long) i << 32) | k;
        Expr done = memo.get(key);
        if (done != null) {
            return done;
        }
        List<Expr> options = new ArrayList<>();
        if (i == ms.size()) {
            if (k >= min) {
                options.add(Expr.EMPTY);
            }
        } else {
            Member m = ms.get(i);
            if (!m.required()) {
                options.add(rest(ms, i + 1, k, min, max, cap, memo, sc));
            }
            if (max < 0 || k < max) {
                List<Expr> take = new ArrayList<>();
                if (k > 0) {
                    take.add(new Expr.Literal(","));
                    take.add(sc.ws());
                }
                take.add(member(m, sc));
                take.add(sc.ws());
                take.add(rest(ms, i + 1, Math.min(cap, k + 1), min, max, cap, memo, sc));
                options.add(new Expr.Seq(take));
            }
        }
        Expr r = sc.helper(options.size() == 1 ? options.get(0) : new Expr.Alt(options));
        memo.put(key, r);
        return r;
    }
}
