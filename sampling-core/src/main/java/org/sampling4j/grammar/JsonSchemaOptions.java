package org.sampling4j.grammar;

import java.util.Objects;

/**
 * How {@link Grammar#jsonSchema(String, org.sampling4j.text.Vocabulary, JsonSchemaOptions, GrammarLimits)}
 * compiles a schema.
 *
 * @param anyOrder         object keys in any order (true, the default: JSON objects are unordered) or in the
 *                         order of {@code properties}, optional ones skippable and no additional members
 *                         (false: what XGrammar and llguidance do; every output still valid)
 * @param whitespace       where RFC 8259 allows whitespace: {@link Whitespace#FLEXIBLE} (JSON whitespace, at
 *                         most {@code maxWhitespaceRun} characters a run; the default),
 *                         {@link Whitespace#COMPACT} (none; vLLM {@code disable_any_whitespace}) or
 *                         {@link Whitespace#PATTERN} ({@code whitespacePattern}; vLLM {@code whitespace_pattern})
 * @param maxWhitespaceRun most characters of one whitespace run under FLEXIBLE (default 20), {@code >= 0}
 * @param whitespacePattern a regex ({@link Grammar#regex} syntax) whose strings contain only JSON whitespace
 *                         ({@code [ \t\n\r]}), for PATTERN; null otherwise
 * @param strict           objects whose schema leaves {@code additionalProperties} unset get no additional
 *                         properties (vLLM {@code disable_additional_properties}, the output half of OpenAI
 *                         {@code strict}); default false
 * @param formatAssertion  {@code format} is an assertion (true, the default: what structured-output users
 *                         expect) or an annotation only (false)
 */
public record JsonSchemaOptions(boolean anyOrder, Whitespace whitespace, int maxWhitespaceRun, String whitespacePattern,
                                boolean strict, boolean formatAssertion) {
    /** Where whitespace may go. */
    public enum Whitespace {
        /** JSON whitespace, each run at most {@code maxWhitespaceRun} characters. */
        FLEXIBLE,
        /** No whitespace. */
        COMPACT,
        /** The language of {@code whitespacePattern}. */
        PATTERN
    }

    /** Any order, flexible whitespace (runs of at most 20), not strict, format asserted. */
    public static final JsonSchemaOptions DEFAULT = new JsonSchemaOptions(true, Whitespace.FLEXIBLE, 20, null, false, true);

    /** Checks the whitespace settings agree. */
    public JsonSchemaOptions {
        Objects.requireNonNull(whitespace, "whitespace");
        if (maxWhitespaceRun < 0) {
            throw new IllegalArgumentException("maxWhitespaceRun = " + maxWhitespaceRun + " is outside [0, 2147483647]");
        }
        if ((whitespace == Whitespace.PATTERN) != (whitespacePattern != null)) {
            throw new IllegalArgumentException("whitespacePattern = " + whitespacePattern
                    + ": needed exactly when whitespace is PATTERN (whitespace = " + whitespace + ")");
        }
    }

    /** These options with keys in any order ({@code true}) or in schema order. */
    public JsonSchemaOptions withAnyOrder(boolean any) {
        return new JsonSchemaOptions(any, whitespace, maxWhitespaceRun, whitespacePattern, strict, formatAssertion);
    }

    /** These options with no whitespace. */
    public JsonSchemaOptions compact() {
        return new JsonSchemaOptions(anyOrder, Whitespace.COMPACT, maxWhitespaceRun, null, strict, formatAssertion);
    }

    /** These options with flexible whitespace of at most {@code maxRun} characters a run. */
    public JsonSchemaOptions withFlexibleWhitespace(int maxRun) {
        return new JsonSchemaOptions(anyOrder, Whitespace.FLEXIBLE, maxRun, null, strict, formatAssertion);
    }

    /** These options with whitespace from {@code regex} (only JSON whitespace characters). */
    public JsonSchemaOptions withWhitespacePattern(String regex) {
        return new JsonSchemaOptions(anyOrder, Whitespace.PATTERN, maxWhitespaceRun, Objects.requireNonNull(regex, "regex"),
                strict, formatAssertion);
    }

    /** These options, strict or not. */
    public JsonSchemaOptions withStrict(boolean s) {
        return new JsonSchemaOptions(anyOrder, whitespace, maxWhitespaceRun, whitespacePattern, s, formatAssertion);
    }

    /** These options with {@code format} asserted ({@code true}) or an annotation only. */
    public JsonSchemaOptions withFormatAssertion(boolean assertion) {
        return new JsonSchemaOptions(anyOrder, whitespace, maxWhitespaceRun, whitespacePattern, strict, assertion);
    }
}
