package org.sampling4j.grammar.schema;

import java.util.List;
import java.util.Objects;
import org.sampling4j.grammar.syntax.CharRanges;
import org.sampling4j.grammar.syntax.Expr;

/**
 * How a schema compiles. {@code anyOrder}: object keys in any order (JSON objects are unordered) or, when
 * false, in the order of {@code properties} with optional ones skippable (and then no additional members:
 * a subset of the valid instances, every one valid). {@code ws}: the whitespace language allowed wherever
 * RFC 8259 allows whitespace (around the document, around {@code : , [ ] { }}). {@code strict}: objects whose
 * schema leaves {@code additionalProperties} unset get none (vLLM {@code disable_additional_properties}, the
 * output half of OpenAI {@code strict}). {@code formatAssert}: {@code format} is an assertion (true) or an
 * annotation only (false).
 */
record SchemaOptions(boolean anyOrder, Expr ws, boolean strict, boolean formatAssert) {
    /** Most whitespace characters in one run under {@link #flexible()}. */
    static final int DEFAULT_MAX_WHITESPACE = 20;

    /** The defaults: any order, flexible whitespace of at most 20 characters a run, not strict, format asserted. */
    static final SchemaOptions DEFAULT = new SchemaOptions(true, flexible(DEFAULT_MAX_WHITESPACE), false, true);

    SchemaOptions {
        Objects.requireNonNull(ws, "ws");
    }

    /** JSON whitespace ({@code [ \t\n\r]}), at most {@code maxRun} characters in a row. */
    static Expr flexible(int maxRun) {
        if (maxRun < 0) {
            throw new IllegalArgumentException("maxRun = " + maxRun + " is outside [0, 2147483647]");
        }
        return new Expr.Repeat(new Expr.Chars(CharRanges.normalize(' ', ' ', '\t', '\t', '\n', '\n', '\r', '\r')), 0, maxRun);
    }

    /** No whitespace at all. */
    static Expr compact() {
        return new Expr.Seq(List.of());
    }
}
