package org.sampling4j.interop;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sampling4j.grammar.JsonSchemaOptions;

/**
 * The output-constraint fields of each API read into a {@link StructuredOutput}. Inside a constraint
 * object an unknown key is an error, not a report: a misspelt {@code "shema"} would otherwise leave
 * the output unconstrained without anyone noticing.
 * <ul>
 *   <li>OpenAI {@code response_format}: {@code {"type":"text"}} (none), {@code {"type":"json_object"}}
 *       (any JSON object), {@code {"type":"json_schema","json_schema":{"name","description","schema","strict"}}};
 *       {@code strict: true} compiles with {@link JsonSchemaOptions#strict()} (additionalProperties unset means
 *       false), false or absent with the default options.</li>
 *   <li>vLLM {@code structured_outputs} (and its older name {@code guided_decoding}): one of {@code json} (a
 *       schema object or its text), {@code regex}, {@code choice}, {@code grammar} (GBNF, root {@code root}),
 *       {@code json_object}; with {@code disable_any_whitespace} (compact), {@code disable_additional_properties}
 *       (strict), {@code whitespace_pattern} for the JSON forms. The older top-level {@code guided_json},
 *       {@code guided_regex}, {@code guided_choice}, {@code guided_grammar}, {@code guided_json_object},
 *       {@code guided_whitespace_pattern} mean the same.</li>
 *   <li>llama.cpp {@code json_schema} (an object), {@code grammar} (GBNF; "" is none), {@code response_format}
 *       ({@code {"type":"json_object"}} with an optional {@code schema}, {@code {"type":"json_schema",
 *       "json_schema":{"schema":...}}} or {@code "schema"} directly, {@code {"type":"text"}}).</li>
 * </ul>
 */
final class ConstraintFields {
    private ConstraintFields() {
    }

    /** OpenAI's response_format. */
    static StructuredOutput openAi(RequestFields f) {
        StructuredOutput out = new StructuredOutput();
        Object raw = f.raw("response_format");
        if (raw == null) {
            return out;
        }
        Map<?, ?> format = object("response_format", raw, Set.of("type", "json_schema"));
        String type = string("response_format.type", format.get("type"));
        switch (type == null ? "" : type) {
            case "text":
                refuse(format, "json_schema", "response_format", type);
                break;
            case "json_object":
                refuse(format, "json_schema", "response_format", type);
                out.set("response_format", "response_format", StructuredOutput.Kind.JSON_OBJECT, null, null);
                break;
            case "json_schema":
                Map<?, ?> js = object("response_format.json_schema", format.get("json_schema"),
                        Set.of("name", "description", "schema", "strict"));
                string("response_format.json_schema.name", js.get("name"));
                string("response_format.json_schema.description", js.get("description"));
                Object strict = js.get("strict");
                if (strict != null && !(strict instanceof Boolean)) {
                    throw new IllegalArgumentException("response_format.json_schema.strict = " + strict + " is not a boolean");
                }
                out.set("response_format", "response_format.json_schema.schema", StructuredOutput.Kind.JSON_SCHEMA,
                        schema("response_format.json_schema.schema", js.get("schema"), false), null);
                out.options(JsonSchemaOptions.DEFAULT.withStrict(Boolean.TRUE.equals(strict)));
                break;
            default:
                throw new IllegalArgumentException("response_format.type = " + format.get("type")
                        + " is not one of text, json_object, json_schema");
        }
        return out;
    }

    /** vLLM's structured_outputs / guided_decoding and the older guided_* fields. */
    static StructuredOutput vllm(RequestFields f) {
        StructuredOutput out = new StructuredOutput();
        JsonSchemaOptions[] options = {JsonSchemaOptions.DEFAULT};
        for (String top : new String[] {"structured_outputs", "guided_decoding"}) {
            Object raw = f.raw(top);
            if (raw == null) {
                continue;
            }
            Map<?, ?> so = object(top, raw, Set.of("json", "regex", "choice", "grammar", "json_object",
                    "disable_any_whitespace", "disable_additional_properties", "whitespace_pattern", "structural_tag",
                    "disable_fallback", "backend", "backend_was_auto", "_backend", "_backend_was_auto"));
            if (so.get("structural_tag") != null) {
                throw new IllegalArgumentException(top + ".structural_tag is not supported: a structural tag switches"
                        + " between free text and constrained segments, which Sampling4J's grammars do not do");
            }
            vllmForms(out, top, top + ".", so::get);
            options[0] = vllmOptions(top + ".", so.get("disable_any_whitespace"), so.get("disable_additional_properties"),
                    so.get("whitespace_pattern"));
        }
        vllmForms(out, null, "guided_", k -> f.raw("guided_" + k));
        Object ws = f.raw("guided_whitespace_pattern");
        if (ws != null) {
            options[0] = vllmOptions("guided_", null, null, ws);
        }
        f.ignore("guided_decoding_backend", "the backend choice: Sampling4J has one grammar engine");
        out.options(options[0]);
        return out;
    }

    private static void vllmForms(StructuredOutput out, String top, String prefix, java.util.function.Function<String, Object> get) {
        String topField;
        Object json = get.apply("json");
        if (json != null) {
            topField = top == null ? prefix + "json" : top;
            out.set(topField, prefix + "json", StructuredOutput.Kind.JSON_SCHEMA, schema(prefix + "json", json, true), null);
        }
        Object regex = get.apply("regex");
        if (regex != null) {
            out.set(top == null ? prefix + "regex" : top, prefix + "regex", StructuredOutput.Kind.REGEX,
                    string(prefix + "regex", regex), null);
        }
        Object choice = get.apply("choice");
        if (choice != null) {
            List<String> choices = MapValues.stringList(prefix + "choice", choice);
            if (choices.isEmpty()) {
                throw new IllegalArgumentException(prefix + "choice = [] has no choice: give at least one string");
            }
            out.set(top == null ? prefix + "choice" : top, prefix + "choice", StructuredOutput.Kind.CHOICE, null, choices);
        }
        Object grammar = get.apply("grammar");
        if (grammar != null) {
            out.set(top == null ? prefix + "grammar" : top, prefix + "grammar", StructuredOutput.Kind.GBNF,
                    string(prefix + "grammar", grammar), null);
        }
        Object jsonObject = get.apply("json_object");
        if (jsonObject != null) {
            if (!(jsonObject instanceof Boolean)) {
                throw new IllegalArgumentException(prefix + "json_object = " + jsonObject + " is not a boolean");
            }
            if ((Boolean) jsonObject) {
                out.set(top == null ? prefix + "json_object" : top, prefix + "json_object",
                        StructuredOutput.Kind.JSON_OBJECT, null, null);
            }
        }
    }

    private static JsonSchemaOptions vllmOptions(String prefix, Object compact, Object noAdditional, Object pattern) {
        JsonSchemaOptions o = JsonSchemaOptions.DEFAULT;
        if (flag(prefix + "disable_any_whitespace", compact)) {
            if (pattern != null) {
                throw new IllegalArgumentException(prefix + "disable_any_whitespace and " + prefix
                        + "whitespace_pattern both set the whitespace: give one");
            }
            o = o.compact();
        }
        if (pattern != null) {
            o = o.withWhitespacePattern(string(prefix + "whitespace_pattern", pattern));
        }
        return o.withStrict(flag(prefix + "disable_additional_properties", noAdditional));
    }

    /** llama.cpp's json_schema, grammar and response_format. */
    static StructuredOutput llamaCpp(RequestFields f) {
        StructuredOutput out = new StructuredOutput();
        Object schema = f.raw("json_schema");
        if (schema != null) {
            out.set("json_schema", "json_schema", StructuredOutput.Kind.JSON_SCHEMA, schema("json_schema", schema, false), null);
        }
        Object grammar = f.raw("grammar");
        if (grammar != null && !"".equals(grammar)) {
            out.set("grammar", "grammar", StructuredOutput.Kind.GBNF, string("grammar", grammar), null);
        }
        Object raw = f.raw("response_format");
        if (raw != null) {
            Map<?, ?> format = object("response_format", raw, Set.of("type", "schema", "json_schema"));
            String type = string("response_format.type", format.get("type"));
            if ("json_object".equals(type) || "json_schema".equals(type)) {
                String path = "response_format.schema";
                Object s = format.get("schema");
                if (format.get("json_schema") != null) {
                    Map<?, ?> js = object("response_format.json_schema", format.get("json_schema"),
                            Set.of("name", "description", "schema", "strict"));
                    if (s != null && js.get("schema") != null) {
                        throw new IllegalArgumentException("response_format.schema and response_format.json_schema.schema"
                                + " both constrain the output: give one constraint per request");
                    }
                    if (s == null) {
                        s = js.get("schema");
                        path = "response_format.json_schema.schema";
                    }
                }
                if (s != null) {
                    out.set("response_format", path, StructuredOutput.Kind.JSON_SCHEMA, schema(path, s, false), null);
                } else if ("json_object".equals(type)) {
                    out.set("response_format", "response_format", StructuredOutput.Kind.JSON_OBJECT, null, null);
                } else {
                    throw new IllegalArgumentException("response_format.json_schema.schema is missing: type json_schema"
                            + " needs a schema");
                }
            } else if (!"text".equals(type)) {
                throw new IllegalArgumentException("response_format.type = " + format.get("type")
                        + " is not one of text, json_object, json_schema");
            }
        }
        return out;
    }

    /** A schema given as an object (or a boolean schema), or, where {@code textAllowed}, as its JSON text. */
    private static String schema(String path, Object value, boolean textAllowed) {
        if (value == null) {
            throw new IllegalArgumentException(path + " is missing: give a JSON schema object");
        }
        if (value instanceof CharSequence s) {
            if (!textAllowed) {
                throw new IllegalArgumentException(path + " = \"" + s + "\" is a string: give the schema as a JSON object");
            }
            return s.toString();
        }
        if (!(value instanceof Map) && !(value instanceof Boolean)) {
            throw new IllegalArgumentException(path + " = " + value + " is not a JSON schema: give an object or a boolean");
        }
        return JsonText.write(path, value);
    }

    private static Map<?, ?> object(String path, Object value, Set<String> allowed) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(path + " = " + value + " is not an object");
        }
        Map<?, ?> m = (Map<?, ?>) value;
        for (Object key : m.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(path + "." + key + " is not a field of " + path + " (allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
        return m;
    }

    private static void refuse(Map<?, ?> format, String key, String path, String type) {
        if (format.get(key) != null) {
            throw new IllegalArgumentException(path + "." + key + " is only read with type json_schema, not " + type);
        }
    }

    private static String string(String path, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof CharSequence)) {
            throw new IllegalArgumentException(path + " = " + value + " is not a string");
        }
        return value.toString();
    }

    private static boolean flag(String path, Object value) {
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean)) {
            throw new IllegalArgumentException(path + " = " + value + " is not a boolean");
        }
        return (Boolean) value;
    }
}
