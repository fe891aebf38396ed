package org.sampling4j.grammar.syntax;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operations on whole grammars.
 *
 * <p>{@link #prune}: removes every part that can never produce a finite string, so the engine may
 * assume that every remaining symbol is productive. Productive is the least fixpoint of: a
 * non-empty {@code Chars}, a {@code Literal}, a {@code Token} (it stands for a vocabulary token:
 * whether that token exists is the engine's check) and the empty {@code Seq} are productive; a
 * {@code Seq} iff all its items are, an {@code Alt} iff one option is, a {@code Repeat} iff its
 * body is or its minimum is 0, a {@code Ref} iff its rule's body is, a {@code JsonObject} iff every
 * required value is, at most {@code maxMembers} members are required and {@code minMembers} can be
 * had from productive members (a productive key class counts as unbounded). Then unproductive options
 * leave their {@code Alt}, a {@code Repeat} with minimum 0 of an unproductive body becomes the
 * empty string, optional members and key classes of a {@code JsonObject} that are unproductive
 * leave it, and rules whose body is unproductive disappear (no remaining reference points to
 * them, since every reference to them sat in an unproductive part). Unreachable rules are kept.
 * If the root is unproductive the grammar accepts no string:
 * {@link SyntaxException.Kind#INVALID} at the root rule's position.
 *
 * <p><b>Cost.</b> O(rules x size) for the fixpoint; expression depth is bounded by
 * {@link #MAX_DEPTH} (an UNSUPPORTED error beyond it, never a stack overflow).
 */
public final class Cfgs {
    /** Deepest expression nesting {@link #prune} walks. */
    public static final int MAX_DEPTH = 2000;

    private Cfgs() {
    }

    /**
     * The grammar without its unproductive parts.
     *
     * @throws SyntaxException INVALID when the root accepts no string
     */
    public static Cfg prune(Cfg cfg) {
        // An undefined rule is a mistake to name at its reference, not an unproductive option to drop.
        for (Cfg.Rule rule : cfg.rules().values()) {
            requireDefined(rule.body(), cfg, 0);
        }
        Set<String> productive = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Cfg.Rule rule : cfg.rules().values()) {
                if (!productive.contains(rule.name()) && productive(rule.body(), productive, 0)) {
                    productive.add(rule.name());
                    changed = true;
                }
            }
        }
        Cfg.Rule root = cfg.rootRule();
        if (!productive.contains(cfg.root())) {
            throw new SyntaxException(SyntaxException.Kind.INVALID, root.line(), root.column(),
                    "the grammar accepts no string (rule '" + cfg.root() + "' cannot produce a finite string)");
        }
        Map<String, Cfg.Rule> kept = new LinkedHashMap<>();
        for (Cfg.Rule rule : cfg.rules().values()) {
            if (productive.contains(rule.name())) {
                kept.put(rule.name(), new Cfg.Rule(rule.name(), strip(rule.body(), productive, 0), rule.line(), rule.column()));
            }
        }
        return new Cfg(kept, cfg.root());
    }

    private static boolean productive(Expr e, Set<String> rules, int depth) {
        check(depth);
        if (e instanceof Expr.Chars c) {
            return c.ranges().length > 0;
        }
        if (e instanceof Expr.Literal || e instanceof Expr.Token) {
            return true;
        }
        if (e instanceof Expr.Ref r) {
            return rules.contains(r.name());
        }
        if (e instanceof Expr.Seq s) {
            for (Expr item : s.items()) {
                if (!productive(item, rules, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (e instanceof Expr.Alt a) {
            for (Expr option : a.options()) {
                if (productive(option, rules, depth + 1)) {
                    return true;
                }
            }
            return false;
        }
        if (e instanceof Expr.JsonObject o) {
            return productiveObject(o, rules, depth);
        }
        // Regular products: productive operands are necessary, not sufficient (a ∩ b may be empty with both
        // non-empty). Over-approximating is safe: the engine's Productions drops a lexeme that matches nothing.
        if (e instanceof Expr.Automaton a) {
            return acceptsSomething(a);
        }
        if (e instanceof Expr.Intersection x) {
            return productive(x.left(), rules, depth + 1) && productive(x.right(), rules, depth + 1);
        }
        if (e instanceof Expr.Difference x) {
            return productive(x.left(), rules, depth + 1);
        }
        Expr.Repeat rep = (Expr.Repeat) e;
        return rep.min() == 0 || productive(rep.body(), rules, depth + 1);
    }

    /** Whether an accepting state of {@code a} is reachable from its start (an explicit-stack search). */
    private static boolean acceptsSomething(Expr.Automaton a) {
        boolean[] seen = new boolean[a.states()];
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        stack.push(0);
        seen[0] = true;
        while (!stack.isEmpty()) {
            int s = stack.pop();
            if (a.accepts(s)) {
                return true;
            }
            int[] m = a.movesOf(s);
            for (int i = 2; i < m.length; i += 3) {
                if (!seen[m[i]]) {
                    seen[m[i]] = true;
                    stack.push(m[i]);
                }
            }
        }
        return false;
    }

    /**
     * A {@link Expr.JsonObject} is productive iff every required member's value is, at most
     * {@code maxMembers} members are required, and {@code minMembers} members can be had: from the
     * named members with productive values, or from a productive key class (unbounded supply).
     */
    private static boolean productiveObject(Expr.JsonObject o, Set<String> rules, int depth) {
        int required = 0;
        int available = 0;
        for (Expr.JsonObject.Member m : o.members()) {
            boolean p = productive(m.value(), rules, depth + 1);
            if (m.required() && !p) {
                return false;
            }
            required += m.required() ? 1 : 0;
            available += p ? 1 : 0;
        }
        boolean extra = false;
        for (Expr.JsonObject.KeyClass c : o.additional()) {
            extra |= productive(c.keyQuoted(), rules, depth + 1) && productive(c.value(), rules, depth + 1);
        }
        return (o.maxMembers() < 0 || required <= o.maxMembers()) && (extra || available >= o.minMembers());
    }

    /** {@code e} (productive) with its unproductive parts removed. */
    private static Expr strip(Expr e, Set<String> rules, int depth) {
        check(depth);
        if (e instanceof Expr.Seq s) {
            List<Expr> items = new ArrayList<>(s.items().size());
            for (Expr item : s.items()) {
                items.add(strip(item, rules, depth + 1));
            }
            return new Expr.Seq(items);
        }
        if (e instanceof Expr.Alt a) {
            List<Expr> options = new ArrayList<>(a.options().size());
            for (Expr option : a.options()) {
                if (productive(option, rules, depth + 1)) {
                    options.add(strip(option, rules, depth + 1));
                }
            }
            return options.size() == 1 ? options.get(0) : new Expr.Alt(options);
        }
        if (e instanceof Expr.Repeat rep) {
            if (!productive(rep.body(), rules, depth + 1)) {
                return Expr.EMPTY; // min is 0 here, or e would not be productive
            }
            return new Expr.Repeat(strip(rep.body(), rules, depth + 1), rep.min(), rep.max());
        }
        if (e instanceof Expr.JsonObject o) { // productive here: drop the optional members and classes that are not
            List<Expr.JsonObject.Member> members = new ArrayList<>();
            for (Expr.JsonObject.Member m : o.members()) {
                if (productive(m.value(), rules, depth + 1)) {
                    members.add(new Expr.JsonObject.Member(m.key(), strip(m.value(), rules, depth + 1), m.required()));
                }
            }
            List<Expr.JsonObject.KeyClass> classes = new ArrayList<>();
            for (Expr.JsonObject.KeyClass c : o.additional()) {
                if (productive(c.keyQuoted(), rules, depth + 1) && productive(c.value(), rules, depth + 1)) {
                    classes.add(new Expr.JsonObject.KeyClass(strip(c.keyQuoted(), rules, depth + 1),
                            strip(c.value(), rules, depth + 1), c.keyDecoded()));
                }
            }
            return new Expr.JsonObject(members, classes, o.minMembers(), o.maxMembers(), o.ws());
        }
        return e;
    }

    private static void requireDefined(Expr e, Cfg cfg, int depth) {
        check(depth);
        if (e instanceof Expr.Ref r && !cfg.rules().containsKey(r.name())) {
            throw new SyntaxException(SyntaxException.Kind.INVALID, r.line(), r.column(), "undefined rule '" + r.name() + "'");
        }
        List<Expr> parts = e instanceof Expr.Seq s ? s.items() : e instanceof Expr.Alt a ? a.options()
                : e instanceof Expr.Repeat rep ? List.of(rep.body())
                : e instanceof Expr.JsonObject o ? parts(o) : List.of();
        for (Expr part : parts) {
            requireDefined(part, cfg, depth + 1);
        }
    }

    /** The sub-expressions of {@code o}: its whitespace, the values and the key classes. */
    public static List<Expr> parts(Expr.JsonObject o) {
        List<Expr> parts = new ArrayList<>();
        parts.add(o.ws());
        for (Expr.JsonObject.Member m : o.members()) {
            parts.add(m.value());
        }
        for (Expr.JsonObject.KeyClass c : o.additional()) {
            parts.add(c.keyQuoted());
            parts.add(c.value());
        }
        return parts;
    }

    private static void check(int depth) {
        if (depth > MAX_DEPTH) {
            throw new SyntaxException(SyntaxException.Kind.UNSUPPORTED, 1, 1,
                    "expression nested deeper than " + MAX_DEPTH);
        }
    }
}
