package org.sampling4j.grammar.syntax;

import java.util.ArrayDeque;
import java.util.Objects;

/**
 * The operand check of {@link Expr.Intersection} and {@link Expr.Difference}: both operands must be
 * regular code-point expressions by construction (Chars, Literal, Automaton, Seq, Alt, Repeat and nested
 * intersections or differences), so the engine can determinize them without consulting any rule. A
 * {@link Expr.Ref} is refused even when it names a regular rule: the node must mean the same thing in
 * every grammar it is put into. Walks with an explicit stack (no recursion, no stack overflow).
 */
final class RegularOperands {
    private RegularOperands() {
    }

    static void check(String what, Expr left, Expr right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        ArrayDeque<Expr> stack = new ArrayDeque<>();
        stack.push(right);
        stack.push(left);
        while (!stack.isEmpty()) {
            Expr e = stack.pop();
            if (e instanceof Expr.Seq s) {
                s.items().forEach(stack::push);
            } else if (e instanceof Expr.Alt a) {
                a.options().forEach(stack::push);
            } else if (e instanceof Expr.Repeat r) {
                stack.push(r.body());
            } else if (e instanceof Expr.Ref || e instanceof Expr.Token || e instanceof Expr.JsonObject) {
                // Nested Intersection/Difference nodes were checked when they were built: not walked again.
                throw new IllegalArgumentException(what + ": an operand holds " + e.getClass().getSimpleName() + " " + e
                        + "; only regular code-point expressions (Chars, Literal, Automaton, Seq, Alt, Repeat,"
                        + " Intersection, Difference) are allowed");
            }
        }
    }
}
