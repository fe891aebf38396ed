package org.sampling4j.grammar.schema;

import java.util.List;
import org.sampling4j.grammar.syntax.CharRanges;
import org.sampling4j.grammar.syntax.Expr;
import org.sampling4j.grammar.syntax.RegexParser;
import org.sampling4j.grammar.syntax.SyntaxException;

/**
 * PLACEHOLDER until the leaves helper's version lands (same signature): the decoded-string language of an
 * ECMA-262 {@code pattern}, search semantics. Here only the subset where ECMA-262 and
 * {@code java.util.regex} mean the same (literal ASCII letters, digits and {@code _ - , : @ space},
 * classes, groups, alternation, quantifiers, {@code \d \w}, with {@code ^}/{@code $} only at the ends);
 * read by the existing regex front end. Anything else is UNSUPPORTED.
 */
final class EcmaPatterns {
    private EcmaPatterns() {
    }

    static Expr decoded(String pattern, String pointer) {
        String p = pattern;
        boolean start = p.startsWith("^");
        if (start) {
            p = p.substring(1);
        }
        boolean end = p.endsWith("$") && !p.endsWith("\\$");
        if (end) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.matches("([A-Za-z0-9_ ,:@()\\[\\]{}|*+?-]|\\\\[dw.\\-])*") || p.contains("(?") || p.contains("[^")) {
            throw SchemaException.unsupported(pointer, "pattern " + JsonQuote.of(pattern)
                    + " (pending the leaves' ECMA-262 front end)");
        }
        Expr body;
        try {
            body = RegexParser.parse(p).rootRule().body();
        } catch (SyntaxException e) {
            throw SchemaException.invalid(pointer, "pattern " + JsonQuote.of(pattern) + ": " + e.getMessage());
        }
        Expr any = new Expr.Repeat(new Expr.Chars(CharRanges.complement(new int[0])), 0, Expr.Repeat.UNBOUNDED);
        return new Expr.Seq(List.of(start ? Expr.EMPTY : any, body, end ? Expr.EMPTY : any));
    }
}
