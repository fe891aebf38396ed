package org.sampling4j.grammar.syntax;

import java.util.List;

/**
 * A grammar IR as GBNF text (llama.cpp's syntax), for debugging: what a JSON Schema compiled to. Every
 * character that is not printable ASCII, and every one GBNF treats specially inside literals or classes,
 * is written as an escape ({@code \xXX}, {@code \\uXXXX}, {@code \UXXXXXXXX}, {@code \" \\ \[ \] \-}), so
 * {@link GbnfParser} reads the text back to the same language. The empty language (an {@code Alt} of no
 * option) has no GBNF spelling: it is printed as the empty class {@code [^\x00-\U0010FFFF]}, which the
 * parser reads as no character. The any-order object ({@link Expr.JsonObject}) and the regular products
 * ({@link Expr.Intersection}, {@link Expr.Difference}) and the automaton leaf ({@link Expr.Automaton}) are the
 * exceptions: printed as an approximation with a note (see {@link #jsonObject}, {@link #product}, {@link #automaton}). Recursion depth is the expression depth, which the front ends bound.
 */
public final class GbnfPrinter {
    private GbnfPrinter() {
    }

    /** The rules of {@code cfg}, root first, one per line. */
    public static String print(Cfg cfg) {
        StringBuilder out = new StringBuilder();
        Cfg.Rule root = cfg.rootRule();
        rule(root, out);
        for (Cfg.Rule r : cfg.rules().values()) {
            if (r != root) {
                rule(r, out);
            }
        }
        return out.toString();
    }

    private static void rule(Cfg.Rule r, StringBuilder out) {
        out.append(r.name()).append(" ::= ");
        expr(r.body(), out, false);
        out.append('\n');
    }

    private static void expr(Expr e, StringBuilder out, boolean nested) {
        if (e instanceof Expr.Literal l) {
            out.append('"');
            l.text().codePoints().forEach(cp -> escaped(cp, "\"\\", out));
            out.append('"');
        } else if (e instanceof Expr.Chars c) {
            int[] r = c.ranges();
            if (r.length == 0) {
                out.append("[^\\x00-\\U0010FFFF]");
                return;
            }
            out.append('[');
            for (int i = 0; i < r.length; i += 2) {
                escaped(r[i], "]\\-^[\"", out);
                if (r[i + 1] != r[i]) {
                    out.append('-');
                    escaped(r[i + 1], "]\\-^[\"", out);
                }
            }
            out.append(']');
        } else if (e instanceof Expr.Seq s) {
            group(s.items(), " ", out, nested);
        } else if (e instanceof Expr.Alt a) {
            if (a.options().isEmpty()) {
                out.append("[^\\x00-\\U0010FFFF]");
            } else {
                group(a.options(), " | ", out, true);
            }
        } else if (e instanceof Expr.Repeat rep) {
            out.append('(');
            expr(rep.body(), out, false);
            out.append(')');
            if (rep.min() == 0 && rep.max() == Expr.Repeat.UNBOUNDED) {
                out.append('*');
            } else if (rep.min() == 1 && rep.max() == Expr.Repeat.UNBOUNDED) {
                out.append('+');
            } else if (rep.min() == 0 && rep.max() == 1) {
                out.append('?');
            } else {
                out.append('{').append(rep.min()).append(rep.max() == rep.min() ? "" : ",")
                        .append(rep.max() == Expr.Repeat.UNBOUNDED || rep.max() == rep.min() ? "" : String.valueOf(rep.max())).append('}');
            }
        } else if (e instanceof Expr.Ref ref) {
            out.append(ref.name());
        } else if (e instanceof Expr.JsonObject o) {
            jsonObject(o, out);
        } else if (e instanceof Expr.Automaton a) {
            automaton(a, out);
        } else if (e instanceof Expr.Intersection x) {
            product(x.left(), x.right(), "and also", out);
        } else if (e instanceof Expr.Difference x) {
            product(x.left(), x.right(), "but not", out);
        } else {
            Expr.Token t = (Expr.Token) e;
            StringBuilder ids = new StringBuilder();
            for (Integer id : t.ids()) {
                ids.append(ids.length() > 0 ? "," : "").append(id);
            }
            out.append(t.negated() ? "!" : "").append('<');
            out.append(t.ids().isEmpty() ? String.join("", t.names()).replaceAll("^<|>$", "") : "[" + ids + "]");
            out.append('>');
        }
    }

    /**
     * An any-order object has no GBNF spelling short of every permutation: printed (debugging only) as
     * {@code "{" ws (member (ws "," ws member)*)? ws "}"} with each named key in its plain spelling, followed by
     * an optional literal that is a note naming what the engine also enforces (required keys, no duplicate
     * key, member counts); this text is NOT the same language.
     */
    private static void jsonObject(Expr.JsonObject o, StringBuilder out) {
        List<Expr> members = new java.util.ArrayList<>();
        StringBuilder required = new StringBuilder();
        for (Expr.JsonObject.Member m : o.members()) {
            members.add(new Expr.Seq(List.of(new Expr.Literal("\"" + m.key() + "\""), o.ws(), new Expr.Literal(":"), o.ws(), m.value())));
            if (m.required()) {
                required.append(required.length() > 0 ? "," : "").append(m.key());
            }
        }
        for (Expr.JsonObject.KeyClass k : o.additional()) {
            members.add(new Expr.Seq(List.of(k.keyQuoted(), o.ws(), new Expr.Literal(":"), o.ws(), k.value())));
        }
        Expr member = new Expr.Alt(members);
        Expr more = new Expr.Repeat(new Expr.Seq(List.of(o.ws(), new Expr.Literal(","), o.ws(), member)), 0, Expr.Repeat.UNBOUNDED);
        expr(new Expr.Seq(List.of(new Expr.Literal("{"), o.ws(), new Expr.Repeat(new Expr.Seq(List.of(member, more)), 0, 1),
                o.ws(), new Expr.Literal("}"))), out, true);
        out.append(" \"\" (\"any order; required: ").append(required.toString().replace("\"", "'").replace("\\", "/"))
                .append("; no duplicate key; members ").append(o.minMembers()).append("..")
                .append(o.maxMembers() < 0 ? "" : String.valueOf(o.maxMembers())).append("\")?");
    }

    /**
     * An automaton is printed (debugging only) as any string over the code points of its moves, followed by
     * an optional literal that is a note naming its size ({@code "" ("automaton of N states")?}); this text is
     * NOT the same language (its exact spelling would be one rule per state).
     */
    private static void automaton(Expr.Automaton a, StringBuilder out) {
        java.util.List<Integer> pairs = new java.util.ArrayList<>();
        for (int s = 0; s < a.states(); s++) {
            int[] m = a.movesOf(s);
            for (int i = 0; i < m.length; i += 3) {
                pairs.add(m[i]);
                pairs.add(m[i + 1]);
            }
        }
        int[] set = CharRanges.normalize(pairs.stream().mapToInt(Integer::intValue).toArray());
        out.append("( ");
        expr(new Expr.Repeat(new Expr.Chars(set), 0, Expr.Repeat.UNBOUNDED), out, true);
        out.append(" \"\" (\"automaton of ").append(a.states()).append(" states\")? )");
    }

    /**
     * GBNF has no intersection or difference: printed (debugging only) as the left operand followed by an
     * optional literal that is a note holding the right operand's text ({@code "" ("but not: ...")?}); this
     * text is NOT the same language.
     */
    private static void product(Expr left, Expr right, String how, StringBuilder out) {
        out.append("( ");
        expr(left, out, true);
        StringBuilder r = new StringBuilder();
        expr(right, r, true);
        out.append(" \"\" (\"").append(how).append(": ");
        r.codePoints().forEach(cp -> escaped(cp, "\"\\", out));
        out.append("\")? )");
    }

    private static void group(List<Expr> parts, String sep, StringBuilder out, boolean parens) {
        if (parts.isEmpty()) {
            out.append("\"\"");
            return;
        }
        boolean p = parens || parts.size() > 1;
        if (p) {
            out.append("( ");
        }
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.append(sep);
            }
            expr(parts.get(i), out, true);
        }
        if (p) {
            out.append(" )");
        }
    }

    private static void escaped(int cp, String special, StringBuilder out) {
        if (cp >= 0x20 && cp < 0x7F && special.indexOf(cp) < 0) {
            out.append((char) cp);
        } else if (cp < 0x20 || cp == 0x7F || (cp < 0x80 && special.indexOf(cp) >= 0 && cp != '"' && cp != '\\'
                && cp != '[' && cp != ']' && cp != '-')) {
            out.append(String.format("\\x%02X", cp));
        } else if (cp < 0x80) {
            out.append('\\').append((char) cp);
        } else if (cp <= 0xFFFF) {
            out.append(String.format("\\u%04X", cp));
        } else {
            out.append(String.format("\\U%08X", cp));
        }
    }
}
