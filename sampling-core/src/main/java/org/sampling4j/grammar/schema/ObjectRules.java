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
 * A named key that matches a {@code patternProperties} pattern must also satisfy that pattern's schema
 * (and is then not additional for that part); a named key outside {@code propertyNames}
 * ({@link PropertyNames}) may not appear (if it is required, no object is valid).
 *
 * <p>Any order (default): the engine's any-order object ({@code Expr.JsonObject}): named members, the
 * other keys as the disjoint key classes of {@link KeyClasses}. Forced order: keys in {@code properties} order, optional ones skippable,
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
        if (c.maxProperties >= 0 && c.minProperties > c.maxProperties) {
            return new Expr.Alt(List.of()); // minProperties > maxProperties: no object is valid
        }
        Expr names = PropertyNames.of(c, sc);
        List<KeyClasses.Pattern> patterns = KeyClasses.patterns(c);
        List<Member> members = new ArrayList<>();
        for (Map.Entry<String, List<Node>> e : c.propertyConjunctions().entrySet()) {
            String key = e.getKey();
            List<Node> conj = new ArrayList<>();
            boolean forbidden = names != null && !Membership.matches(names, key);
            for (int i = 0; i < c.objects.size(); i++) {
                Constraints.ObjectPart p = c.objects.get(i);
                boolean matched = false;
                for (KeyClasses.Pattern pt : patterns) {
                    if (pt.part() == i && Membership.matches(pt.keys(), key)) {
                        conj.add(pt.schema()); // a named key that matches a pattern must satisfy both schemas
                        forbidden |= pt.schema().isFalse();
                        matched = true;
                    }
                }
                Node n = p.properties().containsKey(key) ? p.properties().get(key) : matched ? null : p.additional();
                if (n == null && !p.properties().containsKey(key) && !matched && sc.options().strict()) {
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
        if (names != null && Exprs.isNothing(names)) { // propertyNames false (or no string allowed): no key at all
            return min > 0 ? new Expr.Alt(List.of()) : empty(sc);
        }
        if (sc.options().anyOrder()) {
            Expr object = anyOrder(members, java.util.Set.of(), null, min, max, sc);
            Expr.JsonObject o = (Expr.JsonObject) object;
            return new Expr.JsonObject(o.members(), KeyClasses.of(c, patterns, c.propertyConjunctions().keySet(), names, sc),
                    min, max, sc.ws());
        }
        if (members.size() < min && !KeyClasses.of(c, patterns, c.propertyConjunctions().keySet(), names, sc).isEmpty()) {
            // Forced order writes the named properties only; the objects minProperties needs have others.
            throw SchemaException.unsupported(c.minPropertiesPointer, "minProperties " + min + " with forced key order:"
                    + " the order writes only the " + members.size() + " named properties, so the object would need"
                    + " additional ones; use any key order (any_order true) for this schema");
        }
        return ordered(members, min, max, sc);
    }

    /**
     * The engine's any-order object with the named members only, and when {@code additionalValue} is not
     * null one key class "any key but the named ones" ({@link KeyComplement} of {@code named}).
     */
    static Expr anyOrder(List<Member> members, java.util.Set<String> named, Expr additionalValue, int min, int max,
                         SchemaCompiler sc) {
        List<Expr.JsonObject.Member> ms = new ArrayList<>();
        for (Member m : members) {
            ms.add(new Expr.JsonObject.Member(m.key(), m.value(), m.required()));
        }
        List<Expr.JsonObject.KeyClass> classes = additionalValue == null ? List.of()
                : List.of(new Expr.JsonObject.KeyClass(JsonStrings.quoted(KeyComplement.of(named)), additionalValue,
                        KeyComplement.of(named)));
        return new Expr.JsonObject(ms, classes, min, max, sc.ws());
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
