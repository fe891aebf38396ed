package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sampling4j.grammar.syntax.Expr;

/**
 * The key classes of an any-order object: the keys no {@code properties} names, split by which
 * {@code patternProperties} patterns they match. With patterns {@code P1..Pm} (over every object part),
 * each subset {@code S} gives the class
 * <pre>
 * keys(S) = (∩_{i∈S} Pi) \ (∪_{j∉S} Pj) \ named  [∩ propertyNames]
 * </pre>
 * (for {@code S = ∅} the first term is every string), so the classes are pairwise disjoint, disjoint from
 * the named keys, and cover every other key. A key of class {@code S} must satisfy the schema of each
 * pattern in {@code S} and, for each object part none of whose patterns is in {@code S}, that part's
 * {@code additionalProperties} (JSON Schema: additionalProperties applies to the keys that neither
 * properties nor patternProperties of the same schema object matched). A class whose value is forbidden
 * ({@code false}, or unset under the strict option) is left out. Classes that turn out empty cost only
 * their automaton: the engine drops a key lexeme that matches nothing.
 *
 * <p>At most {@link #MAX_PATTERNS} patterns ({@code 2^m} classes); more is UNSUPPORTED at the next one.
 */
final class KeyClasses {
    static final int MAX_PATTERNS = 4;
    private static final Expr ANY = Exprs.repeat(Exprs.ANY_CHAR, 0, Expr.Repeat.UNBOUNDED);

    /** One pattern of one object part: its decoded language and its schema. */
    record Pattern(int part, Expr keys, Node schema) {
    }

    private KeyClasses() {
    }

    /** Every pattern of every part of {@code c}, in order. */
    static List<Pattern> patterns(Constraints c) {
        List<Pattern> out = new ArrayList<>();
        for (int i = 0; i < c.objects.size(); i++) {
            for (var e : c.objects.get(i).patterns().entrySet()) {
                out.add(new Pattern(i, EcmaPatterns.decoded(e.getKey(), e.getValue().pointer()), e.getValue()));
            }
        }
        return out;
    }

    /** The key classes ({@code keyQuoted} spelled) for keys outside {@code named}; {@code names}: propertyNames or null. */
    static List<Expr.JsonObject.KeyClass> of(Constraints c, List<Pattern> patterns, Set<String> named, Expr names,
                                             SchemaCompiler sc) {
        if (patterns.size() > MAX_PATTERNS) {
            throw SchemaException.unsupported(patterns.get(MAX_PATTERNS).schema().pointer(), "more than " + MAX_PATTERNS
                    + " patternProperties patterns on one object are not supported (2^m disjoint key classes)");
        }
        List<Expr.JsonObject.KeyClass> out = new ArrayList<>();
        int m = patterns.size();
        for (int s = 0; s < (1 << m); s++) {
            List<Node> conj = new ArrayList<>();
            boolean forbidden = false;
            Expr keys = null;
            List<Expr> outside = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                Pattern p = patterns.get(i);
                if ((s & (1 << i)) != 0) {
                    conj.add(p.schema());
                    forbidden |= p.schema().isFalse();
                    keys = keys == null ? p.keys() : new Expr.Intersection(keys, p.keys());
                } else {
                    outside.add(p.keys());
                }
            }
            for (int part = 0; part < c.objects.size(); part++) {
                if (matchedIn(patterns, s, part)) {
                    continue;
                }
                Node additional = c.objects.get(part).additional();
                if (additional == null) {
                    forbidden |= sc.options().strict();
                } else {
                    conj.add(additional);
                    forbidden |= additional.isFalse();
                }
            }
            if (c.objects.isEmpty() && sc.options().strict()) {
                forbidden = true;
            }
            if (forbidden) {
                continue;
            }
            if (conj.isEmpty()) {
                conj.add(new Node(Boolean.TRUE, (c.objectPointer == null ? "" : c.objectPointer) + "/additionalProperties"));
            }
            Expr decoded = keyLanguage(keys, outside, named, names);
            out.add(new Expr.JsonObject.KeyClass(JsonStrings.quoted(decoded), sc.ref(conj, Set.of()), decoded));
        }
        return out;
    }

    /** Whether a pattern of object part {@code part} is in subset {@code s}. */
    private static boolean matchedIn(List<Pattern> patterns, int s, int part) {
        for (int i = 0; i < patterns.size(); i++) {
            if ((s & (1 << i)) != 0 && patterns.get(i).part() == part) {
                return true;
            }
        }
        return false;
    }

    private static Expr keyLanguage(Expr keys, List<Expr> outside, Set<String> named, Expr names) {
        Expr out;
        if (keys == null) {
            // No pattern in the subset: "none of the named keys" is KeyComplement's exact, product-free form.
            out = KeyComplement.of(named);
        } else if (named.isEmpty()) {
            out = keys;
        } else {
            List<Expr> lits = new ArrayList<>();
            for (String k : named) {
                lits.add(Exprs.lit(k));
            }
            out = new Expr.Difference(keys, Exprs.alt(lits));
        }
        if (!outside.isEmpty()) {
            out = new Expr.Difference(out, outside.size() == 1 ? outside.get(0) : new Expr.Alt(outside));
        }
        if (names != null) {
            out = new Expr.Intersection(out, names);
        }
        return out.equals(ANY) ? ANY : out;
    }
}
