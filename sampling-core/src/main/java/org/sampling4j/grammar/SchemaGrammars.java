package org.sampling4j.grammar;

import org.sampling4j.grammar.schema.SchemaCompiler;
import org.sampling4j.grammar.schema.SchemaException;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.grammar.syntax.CharRanges;
import org.sampling4j.grammar.syntax.Expr;
import org.sampling4j.grammar.syntax.RegexParser;
import org.sampling4j.grammar.syntax.SyntaxException;

/**
 * The bridge from the API's {@link JsonSchemaOptions} to the schema compiler, and from its
 * {@link SchemaException} to {@link GrammarException}: message {@code "invalid: /pointer: reason"} or
 * {@code "unsupported: /pointer: reason"} (the root pointer prints as {@code /}), pointer kept in
 * {@link GrammarException#pointer()}.
 */
final class SchemaGrammars {
    /** JSON whitespace: what a whitespace pattern's strings may hold, so every output stays JSON. */
    private static final int[] JSON_WS = CharRanges.normalize(' ', ' ', '\t', '\t', '\n', '\n', '\r', '\r');

    private SchemaGrammars() {
    }

    static Cfg compile(String schemaJson, JsonSchemaOptions o) {
        Expr ws = whitespace(o);
        try {
            return SchemaCompiler.compile(schemaJson, o.anyOrder(), ws, o.strict(), o.formatAssertion());
        } catch (SchemaException e) {
            throw translate(e);
        }
    }

    static GrammarException translate(SchemaException e) {
        boolean invalid = e.kind() == SchemaException.Kind.INVALID;
        String pointer = e.pointer().isEmpty() ? "/" : e.pointer();
        return new GrammarException(invalid ? GrammarException.Kind.INVALID : GrammarException.Kind.UNSUPPORTED, 0, 0,
                e.pointer(), (invalid ? "invalid: " : "unsupported: ") + pointer + ": " + e.reason(), e);
    }

    private static Expr whitespace(JsonSchemaOptions o) {
        switch (o.whitespace()) {
            case COMPACT:
                return Expr.EMPTY;
            case FLEXIBLE:
                return SchemaCompiler.flexibleWhitespace(o.maxWhitespaceRun());
            default:
                Expr body;
                try {
                    Cfg cfg = RegexParser.parse(o.whitespacePattern());
                    body = cfg.rootRule().body();
                } catch (SyntaxException e) {
                    throw Grammar.translate(e);
                }
                if (!onlyWhitespace(body, 0)) {
                    throw new GrammarException(GrammarException.Kind.INVALID, 0, 0, null, "invalid: whitespacePattern "
                            + o.whitespacePattern() + " matches characters other than JSON whitespace (space, \\t, \\n, \\r)", null);
                }
                return body;
        }
    }

    private static boolean onlyWhitespace(Expr e, int depth) {
        if (depth > 200) {
            return false;
        }
        if (e instanceof Expr.Chars c) {
            int[] r = c.ranges();
            for (int i = 0; i < r.length; i += 2) {
                for (int cp = r[i]; cp <= r[i + 1]; cp++) {
                    if (!CharRanges.contains(JSON_WS, cp)) {
                        return false;
                    }
                }
            }
            return true;
        }
        if (e instanceof Expr.Literal l) {
            return l.text().codePoints().allMatch(cp -> CharRanges.contains(JSON_WS, cp));
        }
        java.util.List<Expr> parts = e instanceof Expr.Seq s ? s.items() : e instanceof Expr.Alt a ? a.options()
                : e instanceof Expr.Repeat rep ? java.util.List.of(rep.body()) : null;
        if (parts == null) {
            return false; // a rule reference or token: not a whitespace string
        }
        for (Expr p : parts) {
            if (!onlyWhitespace(p, depth + 1)) {
                return false;
            }
        }
        return true;
    }
}
