package org.sampling4j.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.sampling4j.grammar.Grammar;
import org.sampling4j.grammar.GrammarLimits;
import org.sampling4j.grammar.JsonSchemaOptions;
import org.sampling4j.text.Vocabulary;

/**
 * A record's {@code "grammar"} object to a compiled {@link Grammar}: {@code {"type": "regex",
 * "pattern"}}, {@code {"type": "choice", "choices"}}, {@code {"type": "gbnf", "grammar", "root"?}},
 * {@code {"type": "json"}}, {@code {"type": "json_object"}}, {@code {"type": "json_schema", "schema",
 * "options"?}} with {@code schema} a JSON Schema (an object or boolean, or its text as a string) and
 * {@code options} {@code {"any_order": true, "whitespace": "flexible" | "compact", "strict": false,
 * "format": "assert" | "annotation"}} (defaults shown; any other option name is invalid).
 */
final class GrammarSpecs {
    private GrammarSpecs() {
    }

    /** @throws IllegalArgumentException naming the field on a malformed spec (the caller adds "invalid: ") */
    static Grammar compile(JsonNode spec, Vocabulary vocabulary) {
        String type = spec.path("type").asText("");
        switch (type) {
            case "regex":
                return Grammar.regex(text(spec, "pattern"), vocabulary);
            case "choice":
                return Grammar.choice(choices(spec), vocabulary);
            case "gbnf": {
                JsonNode root = spec.get("root");
                String rootRule = root == null || root.isNull() ? "root" : root.asText();
                return Grammar.gbnf(text(spec, "grammar"), rootRule, vocabulary);
            }
            case "json":
                return Grammar.json(vocabulary);
            case "json_object":
                return Grammar.jsonObject(vocabulary);
            case "json_schema":
                return Grammar.jsonSchema(schema(spec), vocabulary, schemaOptions(spec.get("options")), GrammarLimits.DEFAULT);
            default:
                throw new IllegalArgumentException("grammar.type = \"" + type
                        + "\" is not one of regex, choice, gbnf, json, json_object, json_schema");
        }
    }

    private static String schema(JsonNode spec) {
        JsonNode v = spec.get("schema");
        if (v == null || !(v.isObject() || v.isBoolean() || v.isTextual())) {
            throw new IllegalArgumentException("grammar.schema must be a JSON Schema (an object or a boolean, or its text), got " + v);
        }
        return v.isTextual() ? v.asText() : v.toString();
    }

    /** The CLI's option names (#13) to {@link JsonSchemaOptions}. */
    static JsonSchemaOptions schemaOptions(JsonNode o) {
        JsonSchemaOptions out = JsonSchemaOptions.DEFAULT;
        if (o == null || o.isNull()) {
            return out;
        }
        if (!o.isObject()) {
            throw new IllegalArgumentException("grammar.options must be an object, got " + o);
        }
        java.util.Iterator<String> names = o.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode v = o.get(name);
            switch (name) {
                case "any_order":
                    out = out.withAnyOrder(bool(v, name));
                    break;
                case "strict":
                    out = out.withStrict(bool(v, name));
                    break;
                case "whitespace":
                    if ("compact".equals(v.asText(null)) && v.isTextual()) {
                        out = out.compact();
                    } else if (!("flexible".equals(v.asText(null)) && v.isTextual())) {
                        throw new IllegalArgumentException("grammar.options.whitespace = " + v + " is not \"flexible\" or \"compact\"");
                    }
                    break;
                case "format":
                    if ("annotation".equals(v.asText(null)) && v.isTextual()) {
                        out = out.withFormatAssertion(false);
                    } else if (!("assert".equals(v.asText(null)) && v.isTextual())) {
                        throw new IllegalArgumentException("grammar.options.format = " + v + " is not \"assert\" or \"annotation\"");
                    }
                    break;
                default:
                    throw new IllegalArgumentException("grammar.options." + name
                            + " is not one of any_order, whitespace, strict, format");
            }
        }
        return out;
    }

    private static boolean bool(JsonNode v, String name) {
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("grammar.options." + name + " must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    private static String text(JsonNode spec, String field) {
        JsonNode v = spec.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("grammar." + field + " must be a string, got " + v);
        }
        return v.asText();
    }

    private static List<String> choices(JsonNode spec) {
        JsonNode v = spec.get("choices");
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException("grammar.choices must be an array of strings, got " + v);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new IllegalArgumentException("grammar.choices[" + i + "] must be a string, got " + v.get(i));
            }
            out.add(v.get(i).asText());
        }
        return out;
    }
}
