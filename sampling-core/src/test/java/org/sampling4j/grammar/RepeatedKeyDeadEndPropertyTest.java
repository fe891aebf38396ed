package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.text.Vocabulary;

/**
 * For random small FINITE key classes ({@code propertyNames} an enum of a few keys with quotes,
 * backslashes, two- and four-byte characters, or a length cap over a pattern), with and without named
 * properties, a required key and member bounds: along random walks through the mask, on a vocabulary of
 * single bytes (so UTF-8 sequences read halfway) plus escape pieces ({@code \\u0061}, {@code \\ud83d}, {@code \\u00}), the mask
 * is never empty before the document is complete (issue #13), it equals the uncached {@code isAllowed}
 * for every token, and every completed document is valid for networknt.
 */
@KernelIndependent
class RepeatedKeyDeadEndPropertyTest {
    private static final long SEED = 0x13_0001L;
    private static final int EXAMPLES = 250;
    private static final int STEPS = 80;
    private static final SchemaOracle ORACLE = new SchemaOracle();
    /** Decoded keys; written into the schema as JSON strings. */
    private static final String[] KEYS = {"", "a", "b", "ab", "ba", "\u00e9", "\uD83D\uDE00", "a\"", "\\", "a\u00e9"};
    private static final String[] CAPS = {"{\"maxLength\": 1}", "{\"maxLength\": 2, \"pattern\": \"^[ab]*$\"}",
        "{\"maxLength\": 1, \"pattern\": \"^a\"}", "{\"maxLength\": 2, \"pattern\": \"^a[\u00e9b]?$\"}"};
    private static final Vocabulary VOCAB = vocabulary();

    @Test
    void maskIsNeverEmptyBeforeTheDocumentIsComplete() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(integers().between(1, (1 << KEYS.length) - 1), integers().between(0, 63), longs().all())
                .checkAssert((keys, shape, walk) -> {
                    String schema = schema(keys, shape);
                    Grammar g;
                    try {
                        g = Grammar.jsonSchema(schema, VOCAB);
                    } catch (GrammarException e) {
                        return; // no valid object at all (a required key outside the class): nothing to walk
                    }
                    walk(g, schema, new Random(walk));
                });
    }

    /** A regression kept from development: every enum key present, then a separator. */
    @Test
    void allKeysOfASmallEnumPresent() {
        String schema = schema(0b11, 0);
        Grammar g = Grammar.jsonSchema(schema, VOCAB);
        for (long seed = 0; seed < 40; seed++) {
            walk(g, schema, new Random(seed));
        }
    }

    /**
     * {@code keys}: a bit set of {@link #KEYS} for the enum; {@code shape}: bits 0-1 pick a length cap
     * instead of the enum (values 1..3 -> CAPS, 0 -> the enum), bit 2 names the first enum key as a
     * property, bit 3 makes it required, bits 4-5 give maxProperties (0 = none) or, with bit 2 clear,
     * minProperties.
     */
    static String schema(int keys, int shape) {
        List<String> enumKeys = new ArrayList<>();
        for (int i = 0; i < KEYS.length; i++) {
            if ((keys & (1 << i)) != 0) {
                enumKeys.add(quote(KEYS[i]));
            }
        }
        StringBuilder s = new StringBuilder("{\"type\": \"object\", \"additionalProperties\": {\"type\": \"integer\"}");
        int cap = shape & 3;
        s.append(", \"propertyNames\": ").append(cap == 0 ? "{\"enum\": [" + String.join(", ", enumKeys) + "]}" : CAPS[cap]);
        String first = enumKeys.get(0);
        if ((shape & 4) != 0) {
            s.append(", \"properties\": {").append(first).append(": {\"type\": \"integer\", \"maximum\": 5}}");
        }
        if ((shape & 8) != 0) {
            s.append(", \"required\": [").append(first).append("]");
        }
        int bound = (shape >> 4) & 3;
        if (bound > 0) {
            s.append((shape & 4) != 0 ? ", \"maxProperties\": " : ", \"minProperties\": ").append(bound);
        }
        return s.append('}').toString();
    }

    /** One random walk: non-empty masks equal to isAllowed, until EOS (then the text must be valid) or {@link #STEPS}. */
    private static void walk(Grammar g, String schema, Random r) {
        GrammarMatcher m = g.newMatcher();
        int[] mask = new int[g.maskWords()];
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (int step = 0; step < STEPS; step++) {
            m.fillMask(mask);
            String where = schema + " after '" + text.toString(StandardCharsets.UTF_8) + "'";
            for (int id = 0; id < VOCAB.logitsSize(); id++) {
                assertEquals(m.isAllowed(id), TokenMask.isAllowed(mask, id), where + ": token " + id + " mask vs isAllowed");
            }
            int[] allowed = TokenMask.ids(mask);
            assertTrue(allowed.length > 0, where + ": empty mask, not complete");
            List<Integer> textual = new ArrayList<>();
            List<Integer> pieces = new ArrayList<>();
            boolean eos = false;
            for (int id : allowed) {
                if (VOCAB.isEos(id)) {
                    eos = true;
                } else {
                    textual.add(id);
                    if (VOCAB.length(id) > 1) {
                        pieces.add(id);
                    }
                }
            }
            if (eos && (textual.isEmpty() || r.nextInt(4) == 0)) {
                assertTrue(ORACLE.valid(schema, text.toString(StandardCharsets.UTF_8), true), where + ": complete but invalid");
                return;
            }
            List<Integer> pool = !pieces.isEmpty() && r.nextBoolean() ? pieces : textual;
            int t = pool.get(r.nextInt(pool.size()));
            m.accept(t);
            text.write(VOCAB.bytes(t), 0, VOCAB.length(t));
        }
    }

    private static String quote(String key) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : key.toCharArray()) {
            b.append(c == '"' ? "\\\"" : c == '\\' ? "\\\\" : String.valueOf(c));
        }
        return b.append('"').toString();
    }

    /** Single bytes, the pieces that spell keys in other ways, and EOS. */
    private static Vocabulary vocabulary() {
        Vocabulary.Builder b = Vocabulary.builder();
        for (int i = 0; i < 256; i++) {
            b.add(new byte[] {(byte) i});
        }
        String[] pieces = {"\\u0061", "\\u0062", "\\u00e9", "\\u00E9", "\\u00", "\\ud83d", "\\uDE00", "\\u", "\\\"", "\\\\",
            "\":1", ",\"", "\":", "{\"", "ab", "\u00e9", "\uD83D\uDE00", "a\\u0062", "}", "\":2}", "\",\"", "\\u0022"};
        for (String p : pieces) {
            b.add(p.getBytes(StandardCharsets.UTF_8));
        }
        int eos = 256 + pieces.length;
        b.addSpecial("<eos>".getBytes(StandardCharsets.UTF_8));
        return b.eos(eos).build();
    }
}
