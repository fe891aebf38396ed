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
 * <p>Any order (default): {@link #anyOrder} builds the engine's any-order object; until that node lands,
 * objects with at most {@value #MAX_PERMUTED} named keys and no additional ones are spelled out as every
 * allowed subset in every order. Forced order: keys in {@code properties} order, optional ones skippable,
 * no additional members (a subset of the valid instances, each one valid); {@code min/maxProperties}
 * counted in the rules. Text: {@code "{" ws (member ws ("," ws member ws)*)? "}"},
 * {@code member = key ws ":" ws value}.
 */
final class ObjectRules {
    static final int MAX_PERMUTED = 3;

    /** One member the object may hold: its key, value and whether it must appear. */
    record Member(String key, Expr value, boolean required) {
    }

    private ObjectRules() {
    }

    static Expr of(Constraints c, SchemaCompiler sc) {
        List<Member> members = new ArrayList<>();
        String where = c.objectPointer == null ? "" : c.objectPointer;
        for (Constraints.ObjectPart p : c.objects) {
            if (!p.patterns().isEmpty()) {
                throw SchemaException.unsupported(p.pointer() + "/patternProperties",
                        "patternProperties needs the engine's any-order object (pending)");
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
        for (Constraints.ObjectPart p : c.objects) {
            if (p.additional() == null ? sc.options().strict() : p.additional().isFalse()) {
                additional = false;
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
        if (sc.options().anyOrder()) {
            if (additional || members.size() > MAX_PERMUTED) {
                return anyOrder(members, additional, min, max, where);
            }
            return permuted(members, min, max, sc);
        }
        return ordered(members, min, max, sc);
    }

    /**
     * The one place the engine's any-order object is emitted ({@code Expr.JsonObject}, written by the
     * anyorder helper): switched on at the merge. Until then: UNSUPPORTED.
     */
    static Expr anyOrder(List<Member> members, boolean additional, int min, int max, String pointer) {
        throw SchemaException.unsupported(pointer, "any-order objects need the engine's JsonObject (pending)"
                + " [" + members.size() + " named keys" + (additional ? ", additional keys allowed" : "") + "]");
    }

    static Expr empty(SchemaCompiler sc) {
        return new Expr.Seq(List.of(new Expr.Literal("{"), sc.ws(), new Expr.Literal("}")));
    }

    static Expr member(Member m, SchemaCompiler sc) {
        return new Expr.Seq(List.of(JsonStrings.literal(m.key()), sc.ws(), new Expr.Literal(":"), sc.ws(), m.value()));
    }

    /** Every allowed subset of {@code members} in every order (at most 3 members: 16 sequences). */
    private static Expr permuted(List<Member> members, int min, int max, SchemaCompiler sc) {
        List<Expr> options = new ArrayList<>();
        int n = members.size();
        for (int mask = 0; mask < (1 << n); mask++) {
            List<Member> subset = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    subset.add(members.get(i));
                } else if (members.get(i).required()) {
                    ok = false;
                }
            }
            if (!ok || subset.size() < min || (max >= 0 && subset.size() > max)) {
                continue;
            }
            permute(subset, 0, options, sc);
        }
        return new Expr.Alt(options);
    }

    private static void permute(List<Member> m, int k, List<Expr> out, SchemaCompiler sc) {
        if (k == m.size()) {
            List<Expr> items = new ArrayList<>();
            items.add(new Expr.Literal("{"));
            items.add(sc.ws());
            for (int i = 0; i < m.size(); i++) {
                if (i > 0) {
                    items.add(new Expr.Literal(","));
                    items.add(sc.ws());
                }
                items.add(member(m.get(i), sc));
                items.add(sc.ws());
            }
            items.add(new Expr.Literal("}"));
            out.add(new Expr.Seq(items));
            return;
        }
        for (int i = k; i < m.size(); i++) {
            java.util.Collections.swap(m, k, i);
            permute(m, k + 1, out, sc);
            java.util.Collections.swap(m, k, i);
        }
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
