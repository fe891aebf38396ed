package org.sampling4j.interop;

import java.util.List;
import org.sampling4j.SamplingParams;
import org.sampling4j.grammar.Grammar;
import org.sampling4j.grammar.GrammarCache;
import org.sampling4j.grammar.GrammarException;
import org.sampling4j.grammar.GrammarLimits;
import org.sampling4j.grammar.JsonSchemaOptions;
import org.sampling4j.text.Vocabulary;

/**
 * The one output constraint a request carries (a JSON schema, JSON mode, a regex, a choice list or
 * a GBNF grammar), read by {@link ConstraintFields} and compiled into {@link SamplingParams#grammar()}.
 * A second constraint in the same request is an error naming both fields: which one the source
 * system would pick is not documented, and dropping either silently would be wrong.
 * Compile errors keep their kind, line, column and pointer; the message gains the field's path as
 * prefix ({@code "response_format.json_schema.schema: unsupported: /properties/x/..."}).
 */
final class StructuredOutput {
    /** The forms a constraint takes. */
    enum Kind { JSON_SCHEMA, JSON_OBJECT, REGEX, CHOICE, GBNF }

    private String topField;
    private String field;
    private Kind kind;
    private String text;
    private List<String> choices;
    private JsonSchemaOptions options = JsonSchemaOptions.DEFAULT;

    /**
     * Sets the constraint read from {@code field} (a path such as {@code structured_outputs.regex});
     * {@code topField} is the request's top-level field, under which a missing vocabulary is reported.
     *
     * @throws IllegalArgumentException when a constraint was set already, naming both fields
     */
    void set(String topField, String field, Kind kind, String text, List<String> choices) {
        if (this.field != null) {
            throw new IllegalArgumentException(this.field + " and " + field + " both constrain the output: give one"
                    + " constraint per request");
        }
        this.topField = topField;
        this.field = field;
        this.kind = kind;
        this.text = text;
        this.choices = choices;
    }

    boolean present() {
        return field != null;
    }

    Kind kind() {
        return kind;
    }

    /** The JSON schema options (whitespace, strict) for a JSON_SCHEMA or JSON_OBJECT constraint. */
    void options(JsonSchemaOptions value) {
        options = value;
    }

    JsonSchemaOptions options() {
        return options;
    }

    /**
     * Compiles the constraint into {@code b}'s grammar, through {@code cache} when one is given. With no
     * vocabulary the constraint cannot be compiled: it is reported unsupported under its top-level field,
     * so {@link ParamsMapping#strict()} refuses the request rather than sample unconstrained.
     *
     * @param overload how the caller passes a vocabulary, for the report
     * @throws GrammarException from the compiler, its message prefixed by the field's path
     */
    void apply(RequestFields f, SamplingParams.Builder b, Vocabulary vocab, GrammarCache cache, String overload) {
        if (field == null) {
            return;
        }
        if (vocab == null) {
            f.unsupportedBecause(topField, field + " is a constraint, and compiling it needs the model's Vocabulary: pass "
                    + overload);
            return;
        }
        try {
            b.grammar(compile(vocab, cache));
        } catch (GrammarException e) {
            throw new GrammarException(e.kind(), e.line(), e.column(), e.pointer(), field + ": " + e.getMessage(), e);
        }
    }

    private Grammar compile(Vocabulary vocab, GrammarCache cache) {
        GrammarLimits limits = GrammarLimits.DEFAULT;
        // JSON mode with whitespace settings is the schema {"type":"object"} under those settings.
        boolean plainObject = kind == Kind.JSON_OBJECT && options.equals(JsonSchemaOptions.DEFAULT);
        Kind k = kind == Kind.JSON_OBJECT && !plainObject ? Kind.JSON_SCHEMA : kind;
        String source = kind == Kind.JSON_OBJECT ? "{\"type\":\"object\"}" : text;
        if (cache != null) {
            switch (k) {
                case JSON_SCHEMA: return cache.jsonSchema(source, vocab, options, limits);
                case JSON_OBJECT: return cache.jsonObject(vocab);
                case REGEX: return cache.regex(text, vocab, limits);
                case CHOICE: return cache.choice(choices, vocab, limits);
                default: return cache.gbnf(text, "root", vocab, limits);
            }
        }
        switch (k) {
            case JSON_SCHEMA: return Grammar.jsonSchema(source, vocab, options, limits);
            case JSON_OBJECT: return Grammar.jsonObject(vocab);
            case REGEX: return Grammar.regex(text, vocab, limits);
            case CHOICE: return Grammar.choice(choices, vocab, limits);
            default: return Grammar.gbnf(text, "root", vocab, limits);
        }
    }
}
