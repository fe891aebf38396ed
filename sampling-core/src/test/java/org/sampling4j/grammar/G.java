package org.sampling4j.grammar;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sampling4j.grammar.syntax.CharRanges;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.grammar.syntax.Expr;

/** A tiny test-only builder of grammar IR (no parser): {@code G.rules("root", seq(lit("a"), ref("x")), "x", ...)}. */
final class G {
    private G() {
    }

    static Expr lit(String s) {
        return new Expr.Literal(s);
    }

    /** Code-point ranges as lo, hi pairs (normalized). */
    static Expr chars(int... pairs) {
        return new Expr.Chars(CharRanges.normalize(pairs));
    }

    static Expr seq(Expr... items) {
        return new Expr.Seq(List.of(items));
    }

    static Expr alt(Expr... options) {
        return new Expr.Alt(List.of(options));
    }

    static Expr star(Expr e) {
        return new Expr.Repeat(e, 0, Expr.Repeat.UNBOUNDED);
    }

    static Expr plus(Expr e) {
        return new Expr.Repeat(e, 1, Expr.Repeat.UNBOUNDED);
    }

    static Expr opt(Expr e) {
        return new Expr.Repeat(e, 0, 1);
    }

    static Expr rep(Expr e, int min, int max) {
        return new Expr.Repeat(e, min, max);
    }

    static Expr ref(String name) {
        return new Expr.Ref(name, 1, 1);
    }

    static Expr tokens(boolean negated, Integer... ids) {
        return new Expr.Token(Arrays.asList(ids), List.of(), negated);
    }

    static Expr named(String... names) {
        return new Expr.Token(List.of(), List.of(names), false);
    }

    /** Rules as name, body, name, body, ...; the first is the root. */
    static Cfg rules(Object... nameBody) {
        Map<String, Cfg.Rule> m = new LinkedHashMap<>();
        for (int i = 0; i < nameBody.length; i += 2) {
            String name = (String) nameBody[i];
            m.put(name, new Cfg.Rule(name, (Expr) nameBody[i + 1], 1 + i / 2, 1));
        }
        return new Cfg(m, (String) nameBody[0]);
    }

    /** A JSON-like grammar: values, objects, arrays, strings with escapes, numbers, whitespace. */
    static Cfg json() {
        Expr ws = star(chars(' ', ' ', '\t', '\t', '\n', '\n', '\r', '\r'));
        Expr hex = chars('0', '9', 'a', 'f', 'A', 'F');
        Expr ch = alt(chars(0x20, 0x21, 0x23, 0x5B, 0x5D, 0x10FFFF),
                seq(lit("\\"), alt(chars('"', '"', '\\', '\\', '/', '/', 'b', 'b', 'f', 'f', 'n', 'n', 'r', 'r', 't', 't'),
                        seq(lit("u"), hex, hex, hex, hex))));
        Expr string = seq(lit("\""), star(ch), lit("\""));
        Expr digits = plus(chars('0', '9'));
        Expr number = seq(opt(lit("-")), alt(lit("0"), seq(chars('1', '9'), star(chars('0', '9')))),
                opt(seq(lit("."), digits)), opt(seq(chars('e', 'e', 'E', 'E'), opt(chars('+', '+', '-', '-')), digits)));
        return rules(
                "root", seq(ref("ws"), ref("value"), ref("ws")),
                "value", alt(ref("object"), ref("array"), ref("string"), ref("number"), lit("true"), lit("false"), lit("null")),
                "object", seq(lit("{"), ref("ws"), opt(seq(ref("member"), star(seq(ref("ws"), lit(","), ref("ws"), ref("member"))))),
                        ref("ws"), lit("}")),
                "member", seq(ref("string"), ref("ws"), lit(":"), ref("ws"), ref("value")),
                "array", seq(lit("["), ref("ws"), opt(seq(ref("value"), star(seq(ref("ws"), lit(","), ref("ws"), ref("value"))))),
                        ref("ws"), lit("]")),
                "string", string,
                "number", number,
                "ws", ws);
    }
}
