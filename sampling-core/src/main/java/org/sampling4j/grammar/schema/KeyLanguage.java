package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sampling4j.grammar.syntax.Expr;

/**
 * The decoded strings a schema accepts, as ONE regular language: what {@code propertyNames} needs, since
 * every key is a string and the string languages of the leaf keywords are regular. The boolean
 * connectives of JSON Schema then become operations on regular languages, each exact:
 * <pre>
 * L(S ∧ T) = L(S) ∩ L(T)                      (allOf, $ref, the keywords of one node)
 * L(anyOf [B_i]) = ∪ L(B_i)
 * L(oneOf [B_i]) = ∪_i ( L(B_i) \ ∪_{j≠i} L(B_j) )   (exactly one; just ∪ when Disjointness proves it)
 * L(not S) = Σ* \ L(S)
 * L(if I then T else E) = (L(I) ∩ L(T)) ∪ ((Σ* \ L(I)) ∩ L(E))
 * </pre>
 * (each branch taken together with the rest of its conjunction, as the compiler distributes). A conjunction
 * with no connective left is merged ({@link Constraints}) and its language is {@link Leaves#decoded} of the
 * string keywords, or the string values of a const/enum among them; a type without {@code string} accepts
 * no key. A {@code not} or {@code if} of a leaf schema stays with {@link LeafNegation} / {@link Conditionals}
 * (same language, cheaper); any other is taken apart here. A {@code oneOf} of more than
 * {@link #MAX_ONE_OF} branches not proven disjoint, and a nesting of {@code not}/{@code if} deeper than
 * {@link #MAX_DEPTH} (a {@code $ref} cycle through {@code not}), are UNSUPPORTED at their pointer.
 */
final class KeyLanguage {
    /** Most branches of a oneOf whose exactly-one form (a difference per branch) is built. */
    static final int MAX_ONE_OF = 4;
    /** Most nested {@code not}/{@code if} taken apart. */
    static final int MAX_DEPTH = 32;
    /**
     * Most conjunctions one key schema may be taken apart into: branches multiply ({@code anyOf} of
     * {@code not}s of a recursive {@code $ref} would be exponential in {@link #MAX_DEPTH}), so past this the
     * schema is UNSUPPORTED at the {@code propertyNames} instead of compiling for ever.
     */
    static final int MAX_CONJUNCTIONS = 4096;
    static final Expr ANY = Exprs.repeat(Exprs.ANY_CHAR, 0, Expr.Repeat.UNBOUNDED);

    /** The decoded strings valid under the conjunction {@code nodes}. */
    static Expr of(Node schema, SchemaCompiler sc) {
        return new KeyLanguage(schema.pointer(), sc).of(List.of(schema), Set.of(), 0);
    }

    private final String pointer;
    private final SchemaCompiler sc;
    private int conjunctions;

    private KeyLanguage(String pointer, SchemaCompiler sc) {
        this.pointer = pointer;
        this.sc = sc;
    }

    private Expr of(Collection<Node> nodes, Set<String> chosen, int depth) {
        if (++conjunctions > MAX_CONJUNCTIONS) {
            throw SchemaException.unsupported(pointer, "propertyNames takes more than " + MAX_CONJUNCTIONS
                    + " conjunctions apart (its anyOf/oneOf/if/not branches multiply)");
        }
        Expansion.Closure closure = Expansion.close(nodes, sc.refs, sc.draft);
        for (Expansion.Group g : closure.groups()) {
            if (chosen.contains(g.pointer())) {
                continue;
            }
            Set<String> now = new LinkedHashSet<>(chosen);
            now.add(g.pointer());
            List<Expr> branches = new ArrayList<>();
            for (List<Node> b : g.branches()) {
                List<Node> seed = new ArrayList<>(closure.nodes());
                seed.addAll(b);
                branches.add(of(seed, now, depth));
            }
            return g.oneOf() && !provedDisjoint(g, closure) ? exactlyOne(g, branches) : Exprs.alt(branches);
        }
        List<Node> merged = new ArrayList<>();
        List<Expr> parts = new ArrayList<>();
        for (Node n : closure.nodes()) {
            merged.add(takeApart(n, parts, depth));
        }
        Constraints k = sc.merge(merged);
        Expr out = leaves(k);
        for (Expr p : parts) {
            out = meet(out, p);
        }
        return out;
    }

    /** {@code n} without a {@code not} / {@code if} this class computes itself; their languages go to {@code parts}. */
    private Node takeApart(Node n, List<Expr> parts, int depth) {
        Map<String, Object> m = n.map();
        boolean not = m.containsKey("not") && general(m.get("not")) && !Negations.isDouble(m.get("not")); // X joined
        boolean cond = m.containsKey("if") && (m.containsKey("then") || m.containsKey("else")) && general(m.get("if"));
        if (!not && !cond) {
            return n;
        }
        if (depth >= MAX_DEPTH) {
            throw SchemaException.unsupported(n.at(not ? "not" : "if"), "propertyNames nests not/if deeper than " + MAX_DEPTH);
        }
        Map<String, Object> rest = new LinkedHashMap<>(m);
        if (not) {
            rest.remove("not");
            parts.add(complement(of(List.of(Node.of(m.get("not"), n.at("not"), sc.draft)), Set.of(), depth + 1)));
        }
        if (cond) {
            rest.remove("if");
            rest.remove("then");
            rest.remove("else");
            Expr i = of(List.of(Node.of(m.get("if"), n.at("if"), sc.draft)), Set.of(), depth + 1);
            Expr t = m.containsKey("then") ? of(List.of(Node.of(m.get("then"), n.at("then"), sc.draft)), Set.of(), depth + 1) : ANY;
            Expr e = m.containsKey("else") ? of(List.of(Node.of(m.get("else"), n.at("else"), sc.draft)), Set.of(), depth + 1) : ANY;
            parts.add(Exprs.alt(meet(i, t), meet(complement(i), e)));
        }
        return new Node(rest, n.pointer());
    }

    /** Whether a {@code not}/{@code if} schema is one the leaf and object classes would not take (so this class does). */
    private static boolean general(Object schema) {
        return schema instanceof Map<?, ?> m && !m.isEmpty() && !Conditionals.isLeaf(schema) && !Complement.handles(schema);
    }

    /** The language of a merged conjunction without connectives: its strings, or its string values. */
    private Expr leaves(Constraints k) {
        if ((k.types & Types.STRING) == 0) {
            return Exprs.NOTHING;
        }
        Expr strings = Leaves.decoded(k, sc.options());
        if (k.values != null) {
            List<Expr> options = new ArrayList<>();
            for (Object v : k.values) {
                if (v instanceof String s && Membership.matches(strings, s)) {
                    options.add(Exprs.lit(s));
                }
            }
            return Exprs.alt(options);
        }
        return strings;
    }

    private boolean provedDisjoint(Expansion.Group g, Expansion.Closure closure) {
        try {
            Disjointness.check(g, closure, sc);
            return true;
        } catch (SchemaException e) {
            return false;
        }
    }

    private static Expr exactlyOne(Expansion.Group g, List<Expr> branches) {
        if (branches.size() > MAX_ONE_OF) {
            throw SchemaException.unsupported(g.pointer(), "oneOf inside propertyNames with more than " + MAX_ONE_OF
                    + " branches is supported only when they are provably disjoint");
        }
        List<Expr> options = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            List<Expr> others = new ArrayList<>();
            for (int j = 0; j < branches.size(); j++) {
                if (j != i && !Exprs.isNothing(branches.get(j))) {
                    others.add(branches.get(j));
                }
            }
            Expr b = branches.get(i);
            options.add(others.isEmpty() || Exprs.isNothing(b) ? b
                    : new Expr.Difference(b, others.size() == 1 ? others.get(0) : new Expr.Alt(others)));
        }
        return Exprs.alt(options);
    }

    static Expr complement(Expr l) {
        return Exprs.isNothing(l) ? ANY : l.equals(ANY) ? Exprs.NOTHING : new Expr.Difference(ANY, l);
    }

    private static Expr meet(Expr a, Expr b) {
        if (Exprs.isNothing(a) || Exprs.isNothing(b)) {
            return Exprs.NOTHING;
        }
        return a.equals(ANY) ? b : b.equals(ANY) ? a : new Expr.Intersection(a, b);
    }
}
