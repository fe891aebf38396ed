package org.sampling4j.grammar.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sampling4j.grammar.automaton.BudgetException;
import org.sampling4j.grammar.automaton.WordCounts;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.grammar.syntax.Expr;

/**
 * Removes the any-order objects ({@link Expr.JsonObject}) that cannot hold {@code minMembers} keys:
 * named members plus the keys of classes that can run out, counted ({@link WordCounts}), fall short.
 * {@code Cfgs.prune} counts every key class as an unbounded supply (it sees only the spelled language),
 * so such an object survives it, and a text that opens one reaches a point where it may neither close
 * nor add a key: {@code {"a":1,"b":2} under {@code propertyNames: {enum: [a, b]}, minProperties: 3}.
 * Each key added uses up exactly one of the supply (classes are disjoint from each other and from the
 * named keys), so an object that can reach {@code minMembers} at its opening brace can at every later
 * point: only the opening needs this check. The object becomes the empty alternative; the caller prunes
 * again, which also removes what needed it (and refuses a grammar left with no string).
 */
public final class ObjectSupply {
    private final EngineLimits limits;
    private boolean changed;

    private ObjectSupply(EngineLimits limits) {
        this.limits = limits;
    }

    /** {@code cfg} (pruned) without its objects that cannot reach their minimum; {@code cfg} itself when there is none. */
    public static Cfg withoutShortObjects(Cfg cfg, EngineLimits limits) {
        ObjectSupply s = new ObjectSupply(limits);
        Map<String, Cfg.Rule> rules = new LinkedHashMap<>();
        for (Cfg.Rule r : cfg.rules().values()) {
            rules.put(r.name(), new Cfg.Rule(r.name(), s.rewrite(r.body(), 0), r.line(), r.column()));
        }
        return s.changed ? new Cfg(rules, cfg.root()) : cfg;
    }

    private Expr rewrite(Expr e, int depth) {
        if (depth > limits.maxNesting()) {
            throw new BudgetException("expression nesting deeper than " + limits.maxNesting() + " levels");
        }
        if (e instanceof Expr.Seq s) {
            List<Expr> items = new ArrayList<>();
            for (Expr item : s.items()) {
                items.add(rewrite(item, depth + 1));
            }
            return new Expr.Seq(items);
        }
        if (e instanceof Expr.Alt a) {
            List<Expr> options = new ArrayList<>();
            for (Expr option : a.options()) {
                options.add(rewrite(option, depth + 1));
            }
            return new Expr.Alt(options);
        }
        if (e instanceof Expr.Repeat r) {
            return new Expr.Repeat(rewrite(r.body(), depth + 1), r.min(), r.max());
        }
        if (e instanceof Expr.JsonObject o) {
            if (supply(o) < o.minMembers()) {
                changed = true;
                return new Expr.Alt(List.of());
            }
            List<Expr.JsonObject.Member> members = new ArrayList<>();
            for (Expr.JsonObject.Member m : o.members()) {
                members.add(new Expr.JsonObject.Member(m.key(), rewrite(m.value(), depth + 1), m.required()));
            }
            List<Expr.JsonObject.KeyClass> classes = new ArrayList<>();
            for (Expr.JsonObject.KeyClass c : o.additional()) {
                classes.add(new Expr.JsonObject.KeyClass(c.keyQuoted(), rewrite(c.value(), depth + 1), c.keyDecoded()));
            }
            return new Expr.JsonObject(members, classes, o.minMembers(), o.maxMembers(), o.ws());
        }
        return e;
    }

    /** The most keys {@code o} can hold: named members plus class keys (a class not counted, or too large to count, which the Normalizer refuses: unbounded). */
    private long supply(Expr.JsonObject o) {
        long n = o.members().size();
        if (n >= o.minMembers()) {
            return n; // enough without counting any class
        }
        for (Expr.JsonObject.KeyClass c : o.additional()) {
            if (c.keyDecoded() == null) {
                return Long.MAX_VALUE;
            }
            try {
                WordCounts w = WordCounts.of(c.keyDecoded(), limits.maxDfaStates(), limits.maxNesting());
                n += w.words(w.start());
            } catch (BudgetException e) {
                return Long.MAX_VALUE;
            }
            if (n >= o.minMembers()) {
                return n;
            }
        }
        return n;
    }
}
