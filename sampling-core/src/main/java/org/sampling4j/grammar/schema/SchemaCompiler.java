package org.sampling4j.grammar.schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.grammar.syntax.Expr;

/**
 * JSON Schema text -> grammar IR. The document is {@code root ::= ws value ws}. Every conjunction of
 * schema nodes that a value must satisfy (a schema, plus what {@code $ref}, {@code allOf} and a chosen
 * {@code anyOf} branch add; see {@link Expansion}) becomes ONE rule, named {@code s<n>} and memoized by
 * the nodes' pointers, so a recursive schema is a rule that refers to itself and compiling terminates.
 * Rules are filled from a worklist, never by recursion over the schema, so a chain of 10,000
 * {@code $ref}s costs a loop, not the stack; past {@link #MAX_RULES} rules the schema is refused.
 *
 * <p>A rule's body: with a pending {@code anyOf}/{@code oneOf}, the alternatives of the conjunction with
 * each branch ({@code oneOf} only when {@link Disjointness} proves the branches disjoint); otherwise the
 * union over the allowed types of each type's language ({@link Values}, {@link Leaves},
 * {@link ObjectRules}, {@link ArrayRules}).
 *
 * <p><b>Errors.</b> INVALID wins over UNSUPPORTED: a refusal is held back while the remaining rules are
 * compiled, so a malformed keyword elsewhere is reported as such.
 */
public final class SchemaCompiler {
    /** Most grammar rules one schema may compile to. */
    static final int MAX_RULES = 20_000;

    final Drafts draft;
    final Refs refs;
    final SchemaOptions options;
    private final Map<String, Cfg.Rule> rules = new LinkedHashMap<>();
    private final Map<String, String> memo = new HashMap<>();
    private final ArrayDeque<Runnable> work = new ArrayDeque<>();
    /** The remainder-automaton states this schema's multipleOf keywords may still spend. */
    private final AutomatonBudget automata = AutomatonBudget.full();
    private int helperRules;

    private SchemaCompiler(Object root, SchemaOptions options) {
        this.draft = Drafts.of(root);
        this.refs = new Refs(root, draft);
        this.options = options;
    }

    /**
     * The grammar of the JSON texts valid under {@code schemaJson}.
     *
     * @throws SchemaException INVALID for a malformed schema, UNSUPPORTED for what cannot be enforced exactly
     */
    static Cfg compile(String schemaJson, SchemaOptions options) {
        Objects.requireNonNull(schemaJson, "schemaJson");
        Objects.requireNonNull(options, "options");
        Object root = SchemaJson.parse(schemaJson);
        SchemaCompiler c = new SchemaCompiler(root, options);
        Expr value = c.ref(List.of(Node.of(root, "", c.draft)), Set.of());
        SchemaException refused = null;
        while (!c.work.isEmpty()) {
            try {
                c.work.pop().run();
            } catch (SchemaException e) {
                if (e.kind() == SchemaException.Kind.INVALID) {
                    throw e;
                }
                // Keep going: a malformed schema further down is reported as INVALID before any refusal.
                refused = refused == null ? e : refused;
            }
        }
        if (refused != null) {
            throw refused;
        }
        Map<String, Cfg.Rule> all = new LinkedHashMap<>();
        all.put("root", new Cfg.Rule("root", new Expr.Seq(List.of(options.ws(), value, options.ws())), 1, 1));
        all.putAll(c.rules);
        return new Cfg(all, "root");
    }

    /** Public entry for the API layer: {@link #compile(String, SchemaOptions)} with the options spelled out. */
    public static Cfg compile(String schemaJson, boolean anyOrder, Expr whitespace, boolean strict, boolean formatAssert) {
        return compile(schemaJson, new SchemaOptions(anyOrder, whitespace, strict, formatAssert));
    }

    /** The flexible whitespace language: JSON whitespace, at most {@code maxRun} characters a run. */
    public static Expr flexibleWhitespace(int maxRun) {
        return SchemaOptions.flexible(maxRun);
    }

    /** A reference to the rule of the conjunction of {@code seed} with the groups {@code chosen} already distributed. */
    Expr ref(Collection<Node> seed, Set<String> chosen) {
        Expansion.Closure closure = Expansion.close(seed, refs, draft);
        String key = closure.key() + " | " + String.join(" ", new TreeSet<>(chosen));
        String name = memo.get(key);
        if (name == null) {
            name = newRuleName();
            memo.put(key, name);
            String n = name;
            work.add(() -> rules.put(n, new Cfg.Rule(n, body(closure, chosen), 1, 1)));
        }
        return new Expr.Ref(name, 1, 1);
    }

    /** Adds a helper rule (a shared tail of an object or array) and returns a reference to it. */
    Expr helper(Expr body) {
        String n = newRuleName();
        rules.put(n, new Cfg.Rule(n, body, 1, 1));
        return new Expr.Ref(n, 1, 1);
    }

    private String newRuleName() {
        if (memo.size() + helperRules >= MAX_RULES) {
            throw SchemaException.unsupported("", "the schema needs more than " + MAX_RULES + " grammar rules");
        }
        return "s" + (memo.size() + helperRules++);
    }

    private Expr body(Expansion.Closure closure, Set<String> chosen) {
        for (Expansion.Group g : closure.groups()) {
            if (chosen.contains(g.pointer())) {
                continue;
            }
            if (g.oneOf()) {
                Disjointness.check(g, closure, this);
            }
            Set<String> now = new LinkedHashSet<>(chosen);
            now.add(g.pointer());
            List<Expr> options = new ArrayList<>();
            for (List<Node> b : g.branches()) {
                List<Node> seed = new ArrayList<>(closure.nodes());
                seed.addAll(b);
                options.add(ref(seed, now));
            }
            return new Expr.Alt(options);
        }
        return value(merge(closure.nodes()));
    }

    Constraints merge(Collection<Node> nodes) {
        Constraints c = new Constraints(draft, options);
        for (Node n : nodes) {
            c.add(n);
        }
        return c;
    }

    private Expr value(Constraints c) {
        if (c.values != null) {
            return Values.of(c, this);
        }
        List<Expr> options = new ArrayList<>();
        if ((c.types & Types.NULL) != 0) {
            options.add(new Expr.Literal("null"));
        }
        if ((c.types & Types.BOOLEAN) != 0) {
            for (boolean b : new boolean[] {true, false}) {
                if (!c.notBooleans.contains(b)) {
                    options.add(new Expr.Literal(String.valueOf(b)));
                }
            }
        }
        // Each type's language, an UNSUPPORTED held back until the others were tried (INVALID wins).
        SchemaException refused = null;
        for (int type : new int[] {Types.STRING, Types.INTEGER | Types.FRACTIONAL, Types.OBJECT, Types.ARRAY}) {
            if ((c.types & type) == 0) {
                continue;
            }
            try {
                options.add(type == Types.STRING ? Leaves.string(c, options()) : type == Types.OBJECT ? ObjectRules.of(c, this)
                        : type == Types.ARRAY ? ArrayRules.of(c, this) : Leaves.number(c, automata));
            } catch (SchemaException e) {
                if (e.kind() == SchemaException.Kind.INVALID) {
                    throw e;
                }
                refused = refused == null ? e : refused;
            }
        }
        if (refused != null) {
            throw refused;
        }
        return options.size() == 1 ? options.get(0) : new Expr.Alt(options);
    }

    SchemaOptions options() {
        return options;
    }

    Expr ws() {
        return options.ws();
    }
}
