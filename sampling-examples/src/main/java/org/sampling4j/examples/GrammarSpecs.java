package org.sampling4j.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.sampling4j.grammar.Grammar;
import org.sampling4j.text.Vocabulary;

/**
 * A record's {@code "grammar"} object to a compiled {@link Grammar}: {@code {"type": "regex",
 * "pattern"}}, {@code {"type": "choice", "choices"}}, {@code {"type": "gbnf", "grammar", "root"?}},
 * {@code {"type": "json"}}, {@code {"type": "json_object"}}; {@code json_schema} is refused as
 * unsupported until the JSON Schema compiler lands.
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
                throw new UnsupportedGrammar("unsupported: json_schema");
            default:
                throw new IllegalArgumentException("grammar.type = \"" + type
                        + "\" is not one of regex, choice, gbnf, json, json_object, json_schema");
        }
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

    /** A grammar form this version refuses; its message is the whole error the CLI writes. */
    static final class UnsupportedGrammar extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedGrammar(String message) {
            super(message);
        }
    }
}
