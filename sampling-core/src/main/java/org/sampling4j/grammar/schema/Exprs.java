package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.List;
import org.sampling4j.grammar.syntax.CharRanges;
import org.sampling4j.grammar.syntax.Expr;
import org.sampling4j.grammar.syntax.RegexParser;

/** Small builders for regular {@link Expr}s shared by the leaf languages. */
final class Exprs {
    /** The language with no string at all. */
    static final Expr NOTHING = new Expr.Alt(List.of());
    /** Any one code point. */
    static final Expr ANY_CHAR = new Expr.Chars(CharRanges.complement(new int[0]));

    private Exprs() {
    }

    static Expr lit(String s) {
        return new Expr.Literal(s);
    }

    /** Concatenation, flattening nested sequences and dropping empty ones. */
    static Expr seq(Expr... items) {
        List<Expr> out = new ArrayList<>();
        for (Expr e : items) {
            if (e instanceof Expr.Seq s) {
                out.addAll(s.items());
            } else {
                out.add(e);
            }
        }
        return out.size() == 1 ? out.get(0) : new Expr.Seq(out);
    }

    /** Union, dropping options that match nothing. */
    static Expr alt(List<Expr> options) {
        List<Expr> out = new ArrayList<>();
        for (Expr e : options) {
            if (!isNothing(e)) {
                out.add(e);
            }
        }
        return out.size() == 1 ? out.get(0) : new Expr.Alt(out);
    }

    static Expr alt(Expr... options) {
        return alt(List.of(options));
    }

    static boolean isNothing(Expr e) {
        return e instanceof Expr.Alt a && a.options().isEmpty()
                || e instanceof Expr.Chars c && c.ranges().length == 0;
    }

    /** The code points {@code lo..hi} (inclusive). */
    static Expr range(int lo, int hi) {
        return new Expr.Chars(CharRanges.normalize(lo, hi));
    }

    static Expr repeat(Expr body, int min, int max) {
        return new Expr.Repeat(body, min, max);
    }

    /**
     * The language of a {@code java.util.regex} pattern under {@code matches()}, through the
     * project's regex front end; used for fixed, hand-checked patterns, so a failure is a bug here.
     */
    static Expr regex(String pattern) {
        return RegexParser.parse(pattern).rootRule().body();
    }
}
