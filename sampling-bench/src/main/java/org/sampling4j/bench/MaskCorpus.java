package org.sampling4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sampling4j.grammar.Grammar;
import org.sampling4j.grammar.GrammarLimits;
import org.sampling4j.grammar.JsonSchemaOptions;
import org.sampling4j.text.Vocabulary;

/**
 * The grammars and texts of {@link MaskBenchmark}: JSON (built-in and as GBNF), regexes for dates,
 * emails, identifiers and numbers, a choice, and GBNF grammars of the kinds llama.cpp ships
 * (arithmetic, a C-like language, chess moves, lists, Japanese text), written for this project and
 * kept in {@code grammars/*.gbnf}, and JSON Schemas (a tool call, a nested configuration with additional
 * properties, a recursive tree, a ten-property record in any and in forced key order, an order whose numbers
 * have {@code multipleOf}; {@code grammars/*.schema.json}) compiled by {@code Grammar.jsonSchema}. Each comes with texts of its language; their o200k tokens are
 * the steps whose masks are timed.
 */
enum MaskCorpus {
    JSON("json", null, List.of(Texts.TOOL_CALL, Texts.NESTED, Texts.ARRAY)),
    JSON_OBJECT("json_object", null, List.of(Texts.TOOL_CALL, Texts.NESTED)),
    JSON_GBNF("gbnf", "json.gbnf", List.of(Texts.TOOL_CALL, Texts.NESTED, Texts.ARRAY)),
    DATE("regex", "\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])", List.of("2026-12-01", "1999-02-28", "2024-10-31")),
    EMAIL("regex", "[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}",
            List.of("ada.lovelace@example.org", "grace_hopper+navy@mail.example.com", "x@y.io")),
    IDENTIFIER("regex", "[A-Za-z_][A-Za-z0-9_]*", List.of("tokenMaskCache", "MAX_FORCED_BYTES", "_private1")),
    NUMBER("regex", "-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?", List.of("-12.5e-3", "6.02214076e23", "0", "31415926535")),
    CHOICE("choice", null, List.of("positive", "negative", "neutral")),
    ARITHMETIC("gbnf", "arithmetic.gbnf", List.of("12.5 * (3 + 4) - -2 / 7\n(1+2)*3", "((((1))))+2*3-4/5")),
    C("gbnf", "c.gbnf", List.of(Texts.C_PROGRAM)),
    CHESS("gbnf", "chess.gbnf", List.of("1. e4 e5 2. Nf3 Nc6 3. Bb5 a6 4. Ba4 Nf6 5. O-O Be7 6. Re1 b5 7. Bb3 d6 1/2-1/2")),
    LIST("gbnf", "list.gbnf", List.of("- buy milk\n- write the grammar engine\n- measure the masks on o200k_base\n")),
    JAPANESE("gbnf", "japanese.gbnf", List.of("今日は良い天気です。\nカタカナとひらがな、漢字を使います！\n東京へ行きますか？")),
    SCHEMA_TOOL_CALL("json_schema", "tool-call.schema.json", List.of(Texts.TOOL_CALL,
            "{\"arguments\": {\"unit\": \"fahrenheit\", \"city\": \"New York\"}, \"name\": \"get_weather\"}")),
    SCHEMA_CONFIG("json_schema", "config.schema.json", List.of(Texts.CONFIG)),
    SCHEMA_TREE("json_schema", "tree.schema.json", List.of(Texts.TREE)),
    /** Ten properties, three required, a nested object: keys in any order (the default). */
    SCHEMA_PERSON("json_schema", "person.schema.json", List.of(Texts.PERSON)),
    /** The same schema with {@code any_order: false}: keys in the order of {@code properties}, as the text has them. */
    SCHEMA_PERSON_FORCED("json_schema_forced_order", "person.schema.json", List.of(Texts.PERSON)),
    /** {@code multipleOf} by remainder automata: 997 from 1, 12 in 0..100000, 0.07 from 0, 7 unbounded. */
    SCHEMA_MULTIPLES("json_schema", "order.schema.json", List.of(
            "{\"sku\": 9970997, \"boxes\": 1440, \"price\": 21.07, \"offset\": -49}",
            "{\"price\": 0.70, \"boxes\": 99996, \"sku\": 997}"));

    final String type;
    /** The regex, the GBNF resource, or null. */
    final String source;
    final List<String> texts;

    MaskCorpus(String type, String source, List<String> texts) {
        this.type = type;
        this.source = source;
        this.texts = texts;
    }

    /** Compiles this entry's grammar afresh for {@code vocabulary}. */
    Grammar compile(Vocabulary vocabulary) {
        switch (type) {
            case "json":
                return Grammar.json(vocabulary);
            case "json_object":
                return Grammar.jsonObject(vocabulary);
            case "regex":
                return Grammar.regex(source, vocabulary);
            case "choice":
                return Grammar.choice(texts, vocabulary);
            case "gbnf":
                return Grammar.gbnf(gbnf(), "root", vocabulary);
            case "json_schema":
                return Grammar.jsonSchema(gbnf(), vocabulary);
            case "json_schema_forced_order":
                return Grammar.jsonSchema(gbnf(), vocabulary, JsonSchemaOptions.DEFAULT.withAnyOrder(false), GrammarLimits.DEFAULT);
            default:
                throw new IllegalStateException(type);
        }
    }

    /** The text (GBNF, or a JSON Schema) of {@code grammars/<source>}. */
    String gbnf() {
        String resource = "grammars/" + source;
        try (InputStream in = MaskCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Texts shared by the JSON entries. */
    private static final class Texts {
        static final String TOOL_CALL = "{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Z\\u00fcrich\", "
                + "\"unit\": \"celsius\", \"days\": 3, \"hourly\": false}}";
        static final String NESTED = "{\n  \"id\": 1284,\n  \"title\": \"Sampling4J \\\"mask\\\" benchmark\",\n"
                + "  \"tags\": [\"json\", \"grammar\", \"é漢字\"],\n  \"score\": -0.125e+2,\n  \"author\": {\"name\": \"Ada\", "
                + "\"emails\": [], \"active\": true, \"manager\": null},\n  \"notes\": \"line one\\nline two\\ttabbed\"\n}";
        static final String CONFIG = "{\n  \"server\": {\"port\": 8443, \"host\": \"api.example.com\", \"tls\": true},\n"
                + "  \"service\": \"mask-bench\",\n  \"labels\": {\"team\": \"sampling\", \"tier\": \"gold\"},\n"
                + "  \"replicas\": 3,\n  \"features\": [\"grammar\", \"schema\"]\n}";
        static final String TREE = "{\"name\": \"root\", \"children\": [{\"name\": \"a\", \"size\": 1.5}, "
                + "{\"children\": [{\"name\": \"c\", \"children\": []}], \"name\": \"b\"}]}";
        static final String PERSON = "{\"id\": 1284, \"name\": \"Ada Lovelace\", \"email\": \"ada@example.org\", \"age\": 36, "
                + "\"active\": true, \"score\": 97, \"role\": \"admin\", \"tags\": [\"math\", \"engines\"], "
                + "\"address\": {\"street\": \"St James's Square 12\", \"city\": \"London\", \"zip\": \"SW1Y\"}, "
                + "\"notes\": \"first programmer\"}";
        static final String ARRAY = "[1, 2.5, -3e10, \"four\", [true, false, null], {\"k\": [{}, []]}]";
        static final String C_PROGRAM = "int square(int x) {\n  return x * x;\n}\n\n"
                + "int main() {\n  int total = 0;\n  int i;\n  for (i = 0; i < 10; i = i + 1) {\n"
                + "    if (i % 2 == 0) total = total + square(i); else total = total - 1;\n  }\n"
                + "  // print the result\n  printf(\"%d\\n\", total);\n  return 0;\n}\n";
    }
}
