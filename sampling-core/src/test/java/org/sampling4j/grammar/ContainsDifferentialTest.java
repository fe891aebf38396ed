package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.text.Vocabulary;

/**
 * {@code contains} with {@code minContains} / {@code maxContains}, {@code items}, {@code prefixItems},
 * {@code minItems} and {@code maxItems} in random combinations: for random short arrays of small
 * integers and strings, the compiled grammar accepts (byte by byte) exactly the arrays networknt
 * validates. A schema the compiler refuses must be one of the documented refusals: {@code maxContains}
 * below {@code maxItems}, or an enum meeting another assertion in one conjunction.
 */
@KernelIndependent
class ContainsDifferentialTest {
    private static final long SEED = 0xC0_47A1_45L;
    private static final SchemaOracle ORACLE = new SchemaOracle();
    private static final Vocabulary BYTES = GrammarSmokeTest.bytesVocab();

    @Test
    void acceptsExactlyWhatNetworkntValidates() {
        Random r = new Random(SEED);
        int compiled = 0;
        int checked = 0;
        for (int s = 0; s < 120; s++) {
            String schema = randomSchema(r);
            Grammar g;
            try {
                g = Grammar.jsonSchema(schema, BYTES);
            } catch (GrammarException e) {
                String m = e.getMessage();
                if (e.kind() == GrammarException.Kind.INVALID && m.contains("accepts no string")) {
                    // a schema no array satisfies (contains meeting items it cannot match): networknt agrees
                    for (int t = 0; t < 80; t++) {
                        String instance = randomArray(r);
                        assertEquals(false, ORACLE.valid(schema, instance, true), schema + " refused as empty, but " + instance + " is valid");
                    }
                    continue;
                }
                assertEquals(GrammarException.Kind.UNSUPPORTED, e.kind(), schema + ": " + m);
                // maxContains below maxItems, and an enum meeting another keyword (Values), are documented refusals
                if (!m.contains("maxContains") && !m.contains("grammar rules") && !m.contains("const/enum")) {
                    throw new AssertionError("unexpected refusal of " + schema + ": " + m);
                }
                continue;
            }
            compiled++;
            for (int t = 0; t < 80; t++) {
                String instance = randomArray(r);
                boolean expected = ORACLE.valid(schema, instance, true);
                boolean actual = JsonSchemaCorpusTest.rejectedAtByte(g, instance) < 0;
                assertEquals(expected, actual, "schema " + schema + " instance " + instance + " (seed " + SEED + ")");
                checked++;
            }
        }
        // the generator must mostly produce schemas the compiler takes, or this test proves little
        assertEquals(true, compiled >= 60, "only " + compiled + " of 120 random schemas compiled");
        assertEquals(compiled * 80, checked);
    }

    private static String randomSchema(Random r) {
        List<String> parts = new ArrayList<>();
        parts.add("\"type\": \"array\"");
        String[] element = {"{\"type\": \"integer\"}", "{\"type\": \"string\"}", "{\"minimum\": 2}", "{\"const\": 1}",
            "{\"enum\": [0, \"a\"]}", "true", "{\"type\": [\"integer\", \"string\"]}"};
        parts.add("\"contains\": " + element[r.nextInt(element.length)]);
        if (r.nextBoolean()) {
            parts.add("\"items\": " + element[r.nextInt(element.length)]);
        }
        if (r.nextInt(3) == 0) {
            parts.add("\"prefixItems\": [" + element[r.nextInt(element.length)] + ", " + element[r.nextInt(element.length)] + "]");
        }
        if (r.nextBoolean()) {
            parts.add("\"minContains\": " + r.nextInt(4));
        }
        int maxItems = -1;
        if (r.nextBoolean()) {
            maxItems = r.nextInt(5);
            parts.add("\"maxItems\": " + maxItems);
        }
        if (r.nextInt(3) == 0) {
            parts.add("\"minItems\": " + r.nextInt(4));
        }
        if (r.nextInt(4) == 0) {
            // maxContains at or above maxItems is supported; below it, or with no maxItems, refused
            parts.add("\"maxContains\": " + (maxItems >= 0 && r.nextBoolean() ? maxItems + r.nextInt(2) : r.nextInt(4)));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    private static String randomArray(Random r) {
        int n = r.nextInt(6);
        String[] items = {"0", "1", "2", "3", "\"a\"", "\"b\"", "true", "null", "1.5"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(items[r.nextInt(items.length)]);
        }
        return "[" + String.join(", ", out) + "]";
    }
}
