package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.sampling4j.grammar.syntax.Expr;

/**
 * Test support: a regular {@link Expr} as an equivalent {@code java.util.regex.Pattern} (the oracle
 * for membership), a random member of its language, and its node count.
 */
final class ExprSupport {
    private static final Map<Expr, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private ExprSupport() {
    }

    static boolean matches(Expr e, String s) {
        if (holdsAutomaton(e)) {
            return Membership.matches(e, s); // an automaton has no small java regex
        }
        return PATTERNS.computeIfAbsent(e, k -> Pattern.compile(regex(k))).matcher(s).matches();
    }

    private static boolean holdsAutomaton(Expr e) {
        if (e instanceof Expr.Automaton) {
            return true;
        }
        List<Expr> parts = e instanceof Expr.Seq s ? s.items() : e instanceof Expr.Alt a ? a.options()
                : e instanceof Expr.Repeat r ? List.of(r.body())
                : e instanceof Expr.Intersection x ? List.of(x.left(), x.right())
                : e instanceof Expr.Difference x ? List.of(x.left(), x.right()) : List.of();
        return parts.stream().anyMatch(ExprSupport::holdsAutomaton);
    }

    /** An equivalent java regex: every character as {@code \x{h}}, every group non-capturing. */
    static String regex(Expr e) {
        StringBuilder b = new StringBuilder();
        write(e, b);
        return b.toString();
    }

    private static void write(Expr e, StringBuilder b) {
        if (e instanceof Expr.Chars c) {
            int[] r = c.ranges();
            if (r.length == 0) {
                b.append("[^\\x{0}-\\x{10FFFF}]");
                return;
            }
            b.append('[');
            for (int i = 0; i < r.length; i += 2) {
                b.append("\\x{").append(Integer.toHexString(r[i])).append('}');
                if (r[i + 1] != r[i]) {
                    b.append("-\\x{").append(Integer.toHexString(r[i + 1])).append('}');
                }
            }
            b.append(']');
        } else if (e instanceof Expr.Literal l) {
            l.text().codePoints().forEach(cp -> b.append("\\x{").append(Integer.toHexString(cp)).append('}'));
        } else if (e instanceof Expr.Seq s) {
            b.append("(?:");
            s.items().forEach(i -> write(i, b));
            b.append(')');
        } else if (e instanceof Expr.Alt a) {
            if (a.options().isEmpty()) {
                b.append("[^\\x{0}-\\x{10FFFF}]");
                return;
            }
            b.append("(?:");
            for (int i = 0; i < a.options().size(); i++) {
                b.append(i == 0 ? "" : "|");
                write(a.options().get(i), b);
            }
            b.append(')');
        } else if (e instanceof Expr.Repeat r) {
            b.append("(?:");
            write(r.body(), b);
            b.append("){").append(r.min()).append(',').append(r.max() < 0 ? "" : String.valueOf(r.max())).append('}');
        } else {
            throw new IllegalArgumentException("not regular: " + e);
        }
    }

    /** A random member, or null if the language is empty; repeats go at most {@code extra} beyond their minimum. */
    static String sample(Expr e, Random rnd, int extra) {
        StringBuilder b = new StringBuilder();
        return sample(e, rnd, extra, b) ? b.toString() : null;
    }

    private static boolean sample(Expr e, Random rnd, int extra, StringBuilder b) {
        if (e instanceof Expr.Chars c) {
            int[] r = c.ranges();
            if (r.length == 0) {
                return false;
            }
            int i = 2 * rnd.nextInt(r.length / 2);
            b.appendCodePoint(r[i] + rnd.nextInt(r[i + 1] - r[i] + 1));
            return true;
        }
        if (e instanceof Expr.Literal l) {
            b.append(l.text());
            return true;
        }
        if (e instanceof Expr.Seq s) {
            for (Expr i : s.items()) {
                if (!sample(i, rnd, extra, b)) {
                    return false;
                }
            }
            return true;
        }
        if (e instanceof Expr.Alt a) {
            List<Expr> opts = new ArrayList<>(a.options());
            java.util.Collections.shuffle(opts, rnd);
            int len = b.length();
            for (Expr o : opts) {
                if (sample(o, rnd, extra, b)) {
                    return true;
                }
                b.setLength(len);
            }
            return false;
        }
        if (e instanceof Expr.Repeat r) {
            int hi = r.max() < 0 ? r.min() + extra : Math.min(r.max(), r.min() + extra);
            int n = r.min() + rnd.nextInt(hi - r.min() + 1);
            int len = b.length();
            for (int i = 0; i < n; i++) {
                if (!sample(r.body(), rnd, extra, b)) {
                    b.setLength(len);
                    return r.min() == 0;
                }
            }
            return true;
        }
        if (e instanceof Expr.Automaton a) {
            // a walk: stop at an accepting state with probability 1/3 (always past 40 moves), else a random move;
            // a state that can reach no accept ends the walk as a failure
            int q = 0;
            for (int step = 0; ; step++) {
                int[] m = a.movesOf(q);
                if (a.accepts(q) && (m.length == 0 || step > 40 || rnd.nextInt(3) == 0)) {
                    return true;
                }
                if (m.length == 0 || step > 400) {
                    return false;
                }
                int i = 3 * rnd.nextInt(m.length / 3);
                b.appendCodePoint(m[i] + rnd.nextInt(m[i + 1] - m[i] + 1));
                q = m[i + 2];
            }
        }
        throw new IllegalArgumentException("not regular: " + e);
    }

    /** Nodes in the tree (shared subtrees counted each time). */
    static long size(Expr e) {
        if (e instanceof Expr.Seq s) {
            return 1 + s.items().stream().mapToLong(ExprSupport::size).sum();
        }
        if (e instanceof Expr.Alt a) {
            return 1 + a.options().stream().mapToLong(ExprSupport::size).sum();
        }
        if (e instanceof Expr.Repeat r) {
            return 1 + size(r.body());
        }
        return 1;
    }
}
