package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.List;
import org.sampling4j.grammar.syntax.Expr;

/**
 * The decoded-string language of a JSON Schema {@code pattern}: an ECMA-262 regular expression with the
 * {@code u} flag (JSON Schema 2020-12 Validation 6.3.3 and Core 6.4), under SEARCH semantics: a string is
 * in the language iff the pattern matches some substring of it. So each top-level alternative is padded
 * with any code points ({@code [\s\S]*}) on each side unless it starts with {@code ^} / ends with
 * {@code $}, which (no {@code m} flag) assert the start / end of the whole string.
 *
 * <p>ECMA meanings, not Java's: {@code .} is any code point but the line terminators {@code \n \r
 * U+2028 U+2029}; {@code \d} is {@code [0-9]}, {@code \w} is {@code [A-Za-z0-9_]}, {@code \s} is
 * WhiteSpace and LineTerminator (ECMA-262 12.2, 12.3: TAB VT FF SP NBSP ZWNBSP, category Zs, LF CR LS
 * PS); {@code \v} is U+000B, {@code [\b]} U+0008, {@code [^]} any code point, {@code []} none.
 * Where {@code java.util.regex} (what validators such as networknt run) reads a construct differently,
 * the language is the intersection of both readings ({@link EcmaClasses}): {@code \s} generates only
 * the ASCII whitespace, {@code .} never U+0085.
 * {@code \p{...}}: general categories (short or long names, {@code gc=}/{@code General_Category=}),
 * scripts ({@code sc=}/{@code Script=}) and a few binary properties, with the JDK's Unicode tables.
 *
 * <p>Refused as UNSUPPORTED at {@code pointer} (the reason names the column): lookahead and lookbehind,
 * backreferences, {@code \b \B}, {@code ^}/{@code $} anywhere but at the edge of a top-level
 * alternative, {@code \p{scx=...}} and properties the JDK has no table for. Malformed patterns are
 * INVALID.
 */
final class EcmaPatterns {
    private static final Expr PADDING = Exprs.repeat(Exprs.ANY_CHAR, 0, Expr.Repeat.UNBOUNDED);

    private EcmaPatterns() {
    }

    /** The search-semantics language of {@code pattern}; errors name {@code pointer}. */
    static Expr decoded(String pattern, String pointer) {
        java.util.Objects.requireNonNull(pattern, "pattern");
        EcmaParser p = new EcmaParser(pattern, pointer);
        List<EcmaParser.Alternative> alternatives = p.parse();
        List<Expr> options = new ArrayList<>();
        for (EcmaParser.Alternative a : alternatives) {
            options.add(Exprs.seq(a.startAnchored() ? Expr.EMPTY : PADDING, a.body(),
                    a.endAnchored() ? Expr.EMPTY : PADDING));
        }
        return options.size() == 1 ? options.get(0) : new Expr.Alt(options);
    }
}
