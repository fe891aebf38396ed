package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.text.Vocabulary;

/**
 * {@code not} and {@code if}/{@code then}/{@code else} over random small schemas S, T, U: leaf schemas (types,
 * one- and two-sided numeric bounds, exclusive bounds, multipleOf, numeric and string enum/const, string
 * lengths and patterns), object schemas (type object, properties of leaf or nested object schemas,
 * required, min/maxProperties) and array schemas (type array, prefixItems or items of leaf or nested array
 * schemas, min/maxItems, contains, with additionalProperties / propertyNames false now and then): {@code S},
 * {@code {not: S}}, {@code {not: {not: S}}} and {@code {if: S, then: T, else: U}} are compiled;
 * each compiled grammar must accept (byte by byte) exactly the pool instances networknt validates, and
 * every text generated under its mask (uniformly random allowed tokens, i.e. random logits) must be
 * valid for networknt. No schema of these keywords may be refused; a grammar refused
 * as empty must have no valid pool instance.
 */
@KernelIndependent
class SchemaComplementDifferentialTest {
    private static final long SEED = 0x5C0_13E6L;
    private static final int SCHEMAS = 300;
    private static final SchemaOracle ORACLE = new SchemaOracle();
    private static final Vocabulary BYTES = GrammarSmokeTest.bytesVocab();
    private static final String[] POOL = {"-3", "-1", "-0", "0", "0.5", "1", "1.5", "2", "2.0", "2.5", "3", "4", "5",
        "5.5", "6", "9", "10", "10.25", "12", "-2.5", "\"\"", "\"a\"", "\"ab\"", "\"ba\"", "\"abc\"", "\"x\"", "null",
        "true", "false", "{}", "[]", "[1]", "{\"a\": 1}", "{\"a\": \"ab\"}", "{\"b\": 2}", "{\"a\": 3, \"b\": null}",
        "{\"a\": 2.5, \"b\": \"x\", \"c\": true}", "{\"b\": {\"a\": 1}}", "{\"b\": {}}", "[1, \"a\"]", "[2, 2.5, 3]",
        "[\"ab\", null]", "[[1]]", "[true]", "[0, 1, 2, 3]", "[\"x\", \"x\"]", "[{}, 5]", "[[], []]"};

    @Test
    void notAndIfAgreeWithNetworknt() {
        Random r = new Random(SEED);
        int compiled = 0;
        int empty = 0;
        int generated = 0;
        for (int s = 0; s < SCHEMAS; s++) {
            int kind = r.nextInt(6);
            String leaf = kind < 2 ? object(r, 2) : kind < 4 ? array(r, 2) : leaf(r);
            String[] schemas = {leaf, "{\"not\": " + leaf + "}", "{\"not\": {\"not\": " + leaf + "}}",
                "{\"if\": " + leaf + ", \"then\": " + (r.nextBoolean() ? object(r, 1) : leaf(r)) + ", \"else\": "
                        + leaf(r) + "}"};
            for (String schema : schemas) {
                Grammar g;
                try {
                    g = Grammar.jsonSchema(schema, BYTES);
                } catch (GrammarException e) {
                    String m = e.getMessage();
                    if (e.kind() == GrammarException.Kind.INVALID && m.contains("accepts no string")) {
                        for (String instance : POOL) {
                            assertEquals(false, ORACLE.valid(schema, instance, true), schema + " refused as empty, but "
                                    + instance + " is valid");
                        }
                        empty++;
                        continue;
                    }
                    assertEquals(GrammarException.Kind.UNSUPPORTED, e.kind(), schema + ": " + m);
                    // nothing among these keywords is documented as refused any more
                    throw new AssertionError("unexpected refusal of " + schema + ": " + m);
                }
                compiled++;
                for (String instance : POOL) {
                    boolean expected = ORACLE.valid(schema, instance, true);
                    boolean actual = JsonSchemaCorpusTest.rejectedAtByte(g, instance) < 0;
                    assertEquals(expected, actual, "schema " + schema + " instance " + instance + " (seed " + SEED + ")");
                }
                for (int t = 0; t < 4; t++) {
                    String text = JsonSchemaCorpusTest.generate(g, r, 16); // short: networknt multipleOf fails on numbers beyond long
                    if (text != null) {
                        generated++;
                        assertTrue(ORACLE.valid(schema, text, true), "schema " + schema + " generated invalid " + text);
                    }
                }
            }
        }
        System.out.println("SchemaComplementDifferentialTest: " + compiled + " compiled, " + empty + " empty (no valid pool"
                + " instance either), 0 refused of " + 4 * SCHEMAS + " schemas, " + generated + " generated texts checked");
        assertTrue(compiled >= 3 * SCHEMAS, "only " + compiled + " of " + 4 * SCHEMAS + " schemas compiled");
        assertTrue(generated >= compiled, "only " + generated + " texts generated for " + compiled + " grammars");
    }

    /** A key the complement forbids ("required key missing") is cut at its closing quote, not after it (no dead end). */
    @Test
    void aMissingRequiredKeyIsNeverStarted() {
        for (String schema : new String[] {"{\"type\": \"object\", \"not\": {\"required\": [\"a\"]}}",
            "{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"type\": \"object\", \"not\": {\"required\": [\"a\"]}}",
            "{\"if\": {\"required\": [\"a\"]}, \"then\": {\"type\": \"string\"}}"}) {
            Grammar g = Grammar.jsonSchema(schema, BYTES);
            assertEquals(3, JsonSchemaCorpusTest.rejectedAtByte(g, "{\"a\": 1}"), schema);
            assertEquals(-1, JsonSchemaCorpusTest.rejectedAtByte(g, "{\"ab\": 1}"), schema);
        }
    }

    /** A random object schema: type object, properties (leaf or nested object schemas), required, min/maxProperties. */
    private static String object(Random r, int depth) {
        List<String> parts = new ArrayList<>();
        if (r.nextBoolean()) {
            parts.add("\"type\": \"object\"");
        }
        List<String> props = new ArrayList<>();
        for (String k : new String[] {"a", "b"}) {
            if (r.nextBoolean()) {
                props.add("\"" + k + "\": " + (depth > 1 && r.nextInt(3) == 0 ? object(r, depth - 1) : leaf(r)));
            }
        }
        if (!props.isEmpty()) {
            parts.add("\"properties\": {" + String.join(", ", props) + "}");
        }
        if (r.nextBoolean()) {
            parts.add("\"required\": " + (r.nextBoolean() ? "[\"a\"]" : "[\"b\", \"a\"]"));
        }
        if (r.nextInt(3) == 0) {
            parts.add("\"minProperties\": " + r.nextInt(3));
        }
        if (r.nextInt(3) == 0) {
            parts.add("\"maxProperties\": " + r.nextInt(3));
        }
        if (parts.isEmpty()) {
            parts.add("\"required\": [\"a\"]");
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /**
     * A random array schema: type array, prefixItems or items (leaf or nested array schemas), minItems,
     * maxItems, contains, additionalProperties false / propertyNames false beside them now and then.
     */
    private static String array(Random r, int depth) {
        List<String> parts = new ArrayList<>();
        if (r.nextBoolean()) {
            parts.add("\"type\": \"array\"");
        }
        if (r.nextInt(3) == 0) {
            List<String> prefix = new ArrayList<>();
            for (int i = r.nextInt(3); i >= 0; i--) {
                prefix.add(depth > 1 && r.nextInt(3) == 0 ? array(r, depth - 1) : leaf(r));
            }
            parts.add("\"prefixItems\": [" + String.join(", ", prefix) + "]");
        } else if (r.nextBoolean()) {
            parts.add("\"items\": " + (depth > 1 && r.nextInt(3) == 0 ? array(r, depth - 1) : leaf(r)));
        }
        if (r.nextInt(3) == 0) {
            parts.add("\"minItems\": " + r.nextInt(3));
        }
        if (r.nextInt(3) == 0) {
            parts.add("\"maxItems\": " + r.nextInt(3));
        }
        if (r.nextInt(3) == 0) {
            parts.add("\"contains\": " + leaf(r));
        }
        if (r.nextInt(6) == 0) {
            parts.add(r.nextBoolean() ? "\"additionalProperties\": false" : "\"propertyNames\": false");
        }
        if (parts.isEmpty()) {
            parts.add("\"minItems\": 1");
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** A random leaf schema: a few of type, numeric bounds, multipleOf, enum/const, string keywords. */
    private static String leaf(Random r) {
        List<String> parts = new ArrayList<>();
        String[] types = {"\"integer\"", "\"number\"", "\"string\"", "[\"integer\", \"string\"]", "[\"number\", \"null\"]",
            "\"boolean\""};
        if (r.nextInt(3) == 0) {
            parts.add("\"type\": " + types[r.nextInt(types.length)]);
        }
        int lo = r.nextInt(8) - 2;
        if (r.nextInt(3) == 0) {
            parts.add((r.nextBoolean() ? "\"minimum\": " : "\"exclusiveMinimum\": ") + lo + (r.nextInt(4) == 0 ? ".5" : ""));
        }
        if (r.nextInt(3) == 0) {
            parts.add((r.nextBoolean() ? "\"maximum\": " : "\"exclusiveMaximum\": ") + (lo + r.nextInt(8)));
        }
        if (r.nextInt(6) == 0) {
            String[] m = {"2", "5", "0.5"};
            parts.add("\"multipleOf\": " + m[r.nextInt(m.length)]);
        }
        if (r.nextInt(6) == 0) {
            String[] e = {"[1, 2.5]", "[0, \"a\"]", "[\"ab\", null]", "[true, 5]"};
            parts.add("\"enum\": " + e[r.nextInt(e.length)]);
        } else if (r.nextInt(8) == 0) {
            String[] c = {"2", "\"a\"", "false", "-0.5"};
            parts.add("\"const\": " + c[r.nextInt(c.length)]);
        }
        if (r.nextInt(4) == 0) {
            parts.add((r.nextBoolean() ? "\"minLength\": " : "\"maxLength\": ") + r.nextInt(3));
        }
        if (r.nextInt(6) == 0) {
            parts.add("\"pattern\": " + (r.nextBoolean() ? "\"^a\"" : "\"b$\""));
        }
        if (parts.isEmpty()) {
            parts.add("\"minimum\": " + lo);
            parts.add("\"maximum\": " + (lo + 3));
        }
        return "{" + String.join(", ", parts) + "}";
    }
}
