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
 * {@code propertyNames} of random key schemas K built from string leaves (minLength, maxLength, pattern,
 * enum/const, type) joined by {@code anyOf}, {@code oneOf} (overlapping branches included), {@code allOf},
 * {@code not} and {@code if}/{@code then}/{@code else}, nested: {@code {type: object, propertyNames: K}} (and
 * with a named property) is compiled, must accept (byte by byte) exactly the pool objects networknt
 * validates, and every text generated under its mask must be valid for networknt. None may be refused,
 * and no generation may reach a dead end (a finite key class whose keys are all present: issue #13).
 */
@KernelIndependent
class PropertyNamesDifferentialTest {
    private static final long SEED = 0x9E0_13A5L;
    private static final int SCHEMAS = 250;
    private static final SchemaOracle ORACLE = new SchemaOracle();
    private static final Vocabulary BYTES = GrammarSmokeTest.bytesVocab();
    private static final String[] KEYS = {"", "a", "b", "ab", "ba", "abc", "bb", "x", "xa", "aab"};

    @Test
    void propertyNamesOfConnectivesAgreeWithNetworknt() {
        Random r = new Random(SEED);
        List<String> pool = new ArrayList<>(List.of("{}", "1", "\"a\"", "[]"));
        for (String k : KEYS) {
            pool.add("{\"" + k + "\": 1}");
        }
        pool.add("{\"a\": 1, \"ab\": 2}");
        pool.add("{\"x\": 1, \"bb\": 2, \"abc\": 3}");
        int compiled = 0;
        int generated = 0;
        for (int s = 0; s < SCHEMAS; s++) {
            String k = key(r, 3);
            String schema = r.nextInt(3) == 0 ? "{\"type\": \"object\", \"properties\": {\"ab\": {\"type\": \"integer\"}},"
                    + " \"propertyNames\": " + k + "}" : "{\"type\": \"object\", \"propertyNames\": " + k + "}";
            Grammar g;
            try {
                g = Grammar.jsonSchema(schema, BYTES);
            } catch (GrammarException e) {
                throw new AssertionError("unexpected refusal of " + schema + ": " + e.getMessage());
            }
            compiled++;
            for (String instance : pool) {
                boolean expected = ORACLE.valid(schema, instance, true);
                boolean actual = JsonSchemaCorpusTest.rejectedAtByte(g, instance) < 0;
                assertEquals(expected, actual, "schema " + schema + " instance " + instance + " (seed " + SEED + ")");
            }
            for (int t = 0; t < 3; t++) {
                String text;
                try {
                    text = JsonSchemaCorpusTest.generate(g, r, 40);
                } catch (AssertionError e) { // a dead end (no token allowed, not complete): issue #13
                    throw new AssertionError("schema " + schema + ": " + e.getMessage(), e);
                }
                if (text != null) {
                    generated++;
                    assertTrue(ORACLE.valid(schema, text, true), "schema " + schema + " generated invalid " + text);
                }
            }
        }
        System.out.println("PropertyNamesDifferentialTest: " + compiled + " of " + SCHEMAS + " schemas compiled, "
                + generated + " generated texts checked, none stopped");
        assertTrue(generated >= SCHEMAS, "only " + generated + " texts generated");
    }

    /** A random key schema: a string leaf, or a connective of smaller key schemas. */
    private static String key(Random r, int depth) {
        int pick = depth == 0 ? 0 : r.nextInt(7);
        switch (pick) {
            case 1:
                return "{\"anyOf\": [" + key(r, depth - 1) + ", " + key(r, depth - 1) + "]}";
            case 2:
                return "{\"oneOf\": [" + key(r, depth - 1) + ", " + key(r, depth - 1) + (r.nextBoolean() ? ", " + key(r, depth - 1) : "")
                        + "]}";
            case 3:
                return "{\"not\": " + key(r, depth - 1) + "}";
            case 4:
                return "{\"if\": " + key(r, depth - 1) + ", \"then\": " + key(r, depth - 1)
                        + (r.nextBoolean() ? ", \"else\": " + key(r, depth - 1) : "") + "}";
            case 5:
                return "{\"allOf\": [" + key(r, depth - 1) + ", " + key(r, depth - 1) + "]}";
            default:
                return leaf(r);
        }
    }

    private static String leaf(Random r) {
        List<String> parts = new ArrayList<>();
        if (r.nextInt(4) == 0) {
            parts.add("\"minLength\": " + r.nextInt(3));
        }
        if (r.nextInt(4) == 0) {
            parts.add("\"maxLength\": " + (1 + r.nextInt(2)));
        }
        if (r.nextInt(3) == 0) {
            String[] p = {"\"^a\"", "\"b$\"", "\"^x\"", "\"a\""};
            parts.add("\"pattern\": " + p[r.nextInt(p.length)]);
        }
        if (r.nextInt(5) == 0) {
            String[] e = {"[\"a\", \"ab\"]", "[\"x\", 1]", "[\"bb\", \"abc\", \"\"]"};
            parts.add("\"enum\": " + e[r.nextInt(e.length)]);
        } else if (r.nextInt(8) == 0) {
            parts.add("\"const\": \"" + KEYS[r.nextInt(KEYS.length)] + "\"");
        }
        if (r.nextInt(8) == 0) {
            parts.add("\"type\": " + (r.nextBoolean() ? "\"string\"" : "\"integer\""));
        }
        if (parts.isEmpty()) {
            parts.add("\"pattern\": \"^[ab]+$\"");
        }
        return "{" + String.join(", ", parts) + "}";
    }
}
