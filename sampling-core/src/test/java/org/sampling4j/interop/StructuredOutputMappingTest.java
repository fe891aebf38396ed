package org.sampling4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sampling4j.SamplingParams;
import org.sampling4j.grammar.Grammar;
import org.sampling4j.grammar.GrammarCache;
import org.sampling4j.grammar.GrammarException;
import org.sampling4j.grammar.GrammarLimits;
import org.sampling4j.grammar.GrammarMatcher;
import org.sampling4j.grammar.JsonSchemaOptions;
import org.sampling4j.text.Vocabulary;

/**
 * Each request shape's constraint field becomes the right {@link SamplingParams#grammar()}: checked by
 * the texts the grammar accepts and rejects (byte by byte through a byte-level vocabulary), and for
 * schemas by the fingerprint of the grammar compiled directly with the expected text and options.
 */
class StructuredOutputMappingTest {
    private static final Vocabulary V = bytes();
    private static final Map<String, Object> SCHEMA = schema();
    private static final String SCHEMA_TEXT = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}},"
            + "\"required\":[\"a\"],\"additionalProperties\":false}";
    /** additionalProperties unset: strict mode must close the object. */
    private static final Map<String, Object> OPEN = map("type", "object", "properties", map("a", map("type", "integer")),
            "required", List.of("a"));

    private static Vocabulary bytes() {
        List<byte[]> tokens = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            tokens.add(new byte[] {(byte) b});
        }
        tokens.add("<eos>".getBytes(StandardCharsets.UTF_8));
        return Vocabulary.of(tokens, new int[] {256}, new int[] {256});
    }

    private static Map<String, Object> schema() {
        return map("type", "object", "properties", map("a", map("type", "integer")), "required", List.of("a"),
                "additionalProperties", false);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Whether {@code g} accepts exactly {@code text}, fed one byte-token at a time. */
    static boolean accepts(Grammar g, String text) {
        GrammarMatcher m = g.newMatcher();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            if (!m.tryAccept(b & 0xff)) {
                return false;
            }
        }
        return m.canStop();
    }

    private static void language(Grammar g, List<String> yes, List<String> no) {
        for (String s : yes) {
            assertTrue(accepts(g, s), "accepts " + s);
        }
        for (String s : no) {
            assertFalse(accepts(g, s), "rejects " + s);
        }
    }

    private static void schemaLanguage(Grammar g) {
        language(g, List.of("{\"a\":1}", "{ \"a\" : -20 }"), List.of("{\"a\":\"x\"}", "{}", "{\"a\":1,\"b\":2}", "[1]"));
    }

    private static String fingerprint(String text, JsonSchemaOptions o) {
        return Grammar.jsonSchema(text, V, o, GrammarLimits.DEFAULT).fingerprint();
    }

    private static SamplingParams openAi(Object format) {
        return ParamsMapping.fromOpenAi(map("model", "m", "response_format", format), V, null).strict();
    }

    private static SamplingParams vllm(Map<String, Object> dict) {
        return ParamsMapping.fromVllm(dict, null, V, null).strict();
    }

    private static SamplingParams llama(Map<String, Object> body) {
        return ParamsMapping.fromLlamaCpp(body, null, V, null).strict();
    }

    private static String error(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    @Test
    void openAiResponseFormat() {
        Grammar g = openAi(map("type", "json_schema", "json_schema", map("name", "t", "schema", SCHEMA))).grammar();
        schemaLanguage(g);
        assertEquals(fingerprint(SCHEMA_TEXT, JsonSchemaOptions.DEFAULT), g.fingerprint(), "strict absent: default options");
        Grammar strict = openAi(map("type", "json_schema", "json_schema", map("name", "t", "schema", OPEN, "strict", true)))
                .grammar();
        schemaLanguage(strict); // additionalProperties unset, closed by strict
        assertEquals(fingerprint(JsonText.write("s", OPEN), JsonSchemaOptions.DEFAULT.withStrict(true)), strict.fingerprint());
        Grammar notStrict = openAi(map("type", "json_schema", "json_schema", map("name", "t", "schema", SCHEMA, "strict", false)))
                .grammar();
        assertEquals(g.fingerprint(), notStrict.fingerprint(), "strict false: default options");
        language(openAi(map("type", "json_object")).grammar(), List.of("{}", "{\"x\": [1, {\"y\": null}]}"),
                List.of("[1]", "1", "\"s\"", "{"));
        assertNull(openAi(map("type", "text")).grammar(), "text is no constraint");
        assertNull(ParamsMapping.fromOpenAi(map("model", "m"), V, null).strict().grammar());
    }

    @Test
    void vllmStructuredOutputs() {
        schemaLanguage(vllm(map("structured_outputs", map("json", SCHEMA))).grammar());
        Grammar fromText = vllm(map("structured_outputs", map("json", SCHEMA_TEXT))).grammar();
        schemaLanguage(fromText);
        assertEquals(fingerprint(SCHEMA_TEXT, JsonSchemaOptions.DEFAULT), fromText.fingerprint(), "object and text agree");
        language(vllm(map("structured_outputs", map("regex", "[a-c]{2}\\d"))).grammar(), List.of("ab1", "cc9"),
                List.of("ab", "ad1", "ab12"));
        language(vllm(map("structured_outputs", map("choice", List.of("yes", "no")))).grammar(), List.of("yes", "no"),
                List.of("ye", "yesno", "maybe"));
        language(vllm(map("structured_outputs", map("grammar", "root ::= \"x\" [0-9]+"))).grammar(), List.of("x1", "x123"),
                List.of("x", "1"));
        language(vllm(map("structured_outputs", map("json_object", true))).grammar(), List.of("{\"k\": 1}"), List.of("[]"));
        assertNull(vllm(map("structured_outputs", map("json_object", false))).grammar());
        Grammar compact = vllm(map("structured_outputs", map("json", SCHEMA, "disable_any_whitespace", true))).grammar();
        language(compact, List.of("{\"a\":1}"), List.of("{ \"a\":1}", "{\"a\": 1}"));
        Grammar strict = vllm(map("structured_outputs", map("json", OPEN, "disable_additional_properties", true))).grammar();
        schemaLanguage(strict);
        assertEquals(fingerprint(JsonText.write("s", OPEN), JsonSchemaOptions.DEFAULT.withStrict(true)), strict.fingerprint());
        Grammar ws = vllm(map("structured_outputs", map("json", SCHEMA, "whitespace_pattern", " ?"))).grammar();
        language(ws, List.of("{\"a\":1}", "{ \"a\" : 1 }"), List.of("{  \"a\":1}", "{\n\"a\":1}"));
        assertEquals(fingerprint(SCHEMA_TEXT, JsonSchemaOptions.DEFAULT.withWhitespacePattern(" ?")), ws.fingerprint());
        schemaLanguage(vllm(map("guided_decoding", map("json", SCHEMA))).grammar());
    }

    @Test
    void vllmGuidedNames() {
        schemaLanguage(vllm(map("guided_json", SCHEMA)).grammar());
        language(vllm(map("guided_regex", "a+")).grammar(), List.of("a", "aaa"), List.of("", "b"));
        language(vllm(map("guided_choice", List.of("x", "yz"))).grammar(), List.of("x", "yz"), List.of("y"));
        language(vllm(map("guided_grammar", "root ::= \"q\"")).grammar(), List.of("q"), List.of("qq"));
        language(vllm(map("guided_json_object", true)).grammar(), List.of("{}"), List.of("1"));
        Grammar ws = vllm(map("guided_json", SCHEMA, "guided_whitespace_pattern", "")).grammar();
        language(ws, List.of("{\"a\":1}"), List.of("{ \"a\":1}"));
        ParamsMapping m = ParamsMapping.fromVllm(map("guided_regex", "a", "guided_decoding_backend", "xgrammar"), null, V, null);
        assertEquals(List.of("guided_decoding_backend"), List.copyOf(m.ignored().keySet()));
    }

    @Test
    void llamaCppFields() {
        schemaLanguage(llama(map("json_schema", SCHEMA)).grammar());
        language(llama(map("grammar", "root ::= \"a\" | \"b\"")).grammar(), List.of("a", "b"), List.of("ab", ""));
        assertNull(llama(map("grammar", "")).grammar(), "an empty grammar is none, as in llama.cpp");
        schemaLanguage(llama(map("response_format", map("type", "json_object", "schema", SCHEMA))).grammar());
        language(llama(map("response_format", map("type", "json_object"))).grammar(), List.of("{}"), List.of("[]"));
        schemaLanguage(llama(map("response_format", map("type", "json_schema", "json_schema", map("schema", SCHEMA))))
                .grammar());
        assertNull(llama(map("response_format", map("type", "text"))).grammar());
    }

    @Test
    void twoConstraintsAreAnErrorNamingBoth() {
        String e = error(() -> vllm(map("structured_outputs", map("json", SCHEMA, "regex", "a"))));
        assertTrue(e.contains("structured_outputs.json") && e.contains("structured_outputs.regex"), e);
        e = error(() -> vllm(map("structured_outputs", map("regex", "a"), "guided_choice", List.of("b"))));
        assertTrue(e.contains("structured_outputs.regex") && e.contains("guided_choice"), e);
        e = error(() -> vllm(map("guided_json", SCHEMA, "guided_regex", "a")));
        assertTrue(e.contains("guided_json") && e.contains("guided_regex"), e);
        e = error(() -> llama(map("json_schema", SCHEMA, "grammar", "root ::= \"a\"")));
        assertTrue(e.contains("json_schema") && e.contains("grammar"), e);
        e = error(() -> llama(map("grammar", "root ::= \"a\"", "response_format", map("type", "json_object"))));
        assertTrue(e.contains("grammar and response_format"), e);
        e = error(() -> vllm(map("structured_outputs", map("json", SCHEMA, "disable_any_whitespace", true,
                "whitespace_pattern", " "))));
        assertTrue(e.contains("structured_outputs.disable_any_whitespace") && e.contains("structured_outputs.whitespace_pattern"), e);
    }

    @Test
    void malformedShapesNameTheField() {
        assertTrue(error(() -> openAi(map("type", "json_schema", "json_schema", map("name", "t"))))
                .startsWith("response_format.json_schema.schema is missing"));
        assertTrue(error(() -> openAi(map("type", "json_schema", "json_schema", map("name", "t", "shema", SCHEMA))))
                .startsWith("response_format.json_schema.shema is not a field of response_format.json_schema"));
        assertTrue(error(() -> openAi(map("type", "xml"))).startsWith("response_format.type = xml is not one of"));
        assertTrue(error(() -> openAi("json")).startsWith("response_format = json is not an object"));
        assertTrue(error(() -> openAi(map("type", "json_schema", "json_schema", map("schema", SCHEMA, "strict", "yes"))))
                .startsWith("response_format.json_schema.strict = yes is not a boolean"));
        assertTrue(error(() -> openAi(map("type", "json_schema", "json_schema", map("schema", SCHEMA_TEXT))))
                .startsWith("response_format.json_schema.schema = "));
        assertTrue(error(() -> vllm(map("structured_outputs", map("choice", List.of())))).startsWith("structured_outputs.choice = []"));
        assertTrue(error(() -> vllm(map("structured_outputs", map("regex", 5)))).startsWith("structured_outputs.regex = 5 is not a string"));
        assertTrue(error(() -> vllm(map("structured_outputs", map("structural_tag", "{}"))))
                .startsWith("structured_outputs.structural_tag is not supported"));
        assertTrue(error(() -> vllm(map("structured_outputs", map("json_object", "yes"))))
                .startsWith("structured_outputs.json_object = yes is not a boolean"));
        assertTrue(error(() -> llama(map("response_format", map("type", "json_schema"))))
                .startsWith("response_format.json_schema.schema is missing"));
    }

    @Test
    void compileErrorsPassThroughWithTheFieldPrefixed() {
        Map<String, Object> bad = map("type", "object", "properties",
                map("x", map("type", "array", "items", map("type", "object"), "uniqueItems", true)), "additionalProperties", false);
        GrammarException e = assertThrows(GrammarException.class,
                () -> openAi(map("type", "json_schema", "json_schema", map("name", "t", "schema", bad))));
        assertEquals(GrammarException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().startsWith("response_format.json_schema.schema: unsupported: /properties/x/"), e.getMessage());
        assertEquals("/properties/x/uniqueItems", e.pointer());
        e = assertThrows(GrammarException.class, () -> vllm(map("guided_regex", "(a")));
        assertTrue(e.getMessage().startsWith("guided_regex: invalid: "), e.getMessage());
        e = assertThrows(GrammarException.class, () -> llama(map("grammar", "root ::= \"a")));
        assertTrue(e.getMessage().startsWith("grammar: invalid: "), e.getMessage());
        assertTrue(e.line() > 0, "the line survives the prefix");
    }

    @Test
    void withoutAVocabularyAConstraintIsReportedNotDropped() {
        ParamsMapping m = ParamsMapping.fromOpenAi(map("response_format", map("type", "json_schema", "json_schema",
                map("name", "t", "schema", SCHEMA))));
        assertNull(m.params().grammar());
        assertEquals(List.of("response_format"), List.copyOf(m.unsupported().keySet()));
        UnsupportedSettingException e = assertThrows(UnsupportedSettingException.class, m::strict);
        assertTrue(e.getMessage().contains("needs the model's Vocabulary"), e.getMessage());
        assertEquals(List.of("guided_regex"), List.copyOf(ParamsMapping.fromVllm(map("guided_regex", "a")).unsupported().keySet()));
        assertEquals(List.of("structured_outputs"),
                List.copyOf(ParamsMapping.fromVllm(map("structured_outputs", map("regex", "a"))).unsupported().keySet()));
        assertEquals(List.of("json_schema"), List.copyOf(ParamsMapping.fromLlamaCpp(map("json_schema", SCHEMA)).unsupported().keySet()));
        assertNull(ParamsMapping.fromOpenAi(map("temperature", 0.5)).strict().grammar(), "no constraint, no vocabulary needed");
        assertNull(ParamsMapping.fromOpenAi(map("response_format", map("type", "text"))).strict().grammar());
    }

    @Test
    void aCacheSharesOneGrammarPerSchemaAndVocabulary() {
        GrammarCache cache = new GrammarCache(4);
        Map<String, Object> body = map("response_format", map("type", "json_schema", "json_schema", map("name", "t", "schema", SCHEMA)));
        Grammar a = ParamsMapping.fromOpenAi(body, V, cache).strict().grammar();
        Grammar b = ParamsMapping.fromOpenAi(body, V, cache).strict().grammar();
        Grammar c = ParamsMapping.fromVllm(map("structured_outputs", map("json", SCHEMA_TEXT)), null, V, cache).strict().grammar();
        Grammar d = ParamsMapping.fromLlamaCpp(map("json_schema", schema()), null, V, cache).strict().grammar();
        assertSame(a, b);
        assertSame(a, c, "an object schema and its compact text are one key");
        assertSame(a, d);
        assertEquals(1, cache.misses());
        assertEquals(3, cache.hits());
        Grammar other = ParamsMapping.fromOpenAi(body, bytes(), cache).strict().grammar();
        assertFalse(a == other, "another vocabulary, another grammar");
        assertEquals(2, cache.misses());
    }
}
