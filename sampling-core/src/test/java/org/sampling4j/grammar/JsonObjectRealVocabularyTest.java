package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.text.RealVocabularies;
import org.sampling4j.text.Vocabulary;

/**
 * {@code Expr.JsonObject} under the real o200k_base tokenization (JTokkit): random member sequences
 * (keys in any order, duplicates, escaped spellings, nested objects, random spaces) are accepted
 * token by token and byte by byte exactly when the oracle of {@link JsonObjectCases} says they are
 * instances; at random reachable states the mask equals {@code isAllowed} on every id, and every
 * text generated under the masks that may stop is an instance.
 */
@KernelIndependent
class JsonObjectRealVocabularyTest {
    private static final long SEED = 0x0B1E_C700L;
    private static final String[][] OUTER = {{"\"a\"", "a"}, {"\"\\u0061\"", "a"}, {"\"b\"", "b"}, {"\"c\"", "c"}, {"\"d\"", "d"},
        {"\"e\"", "e"}, {"\"f\"", "f"}, {"\"ee\"", "ee"}, {"\"\\u0064\"", "d"}, {"\"\\u0065\"", "e"}, {"\"A\"", "A"}};
    private static final String[][] INNER = {{"\"a\"", "a"}, {"\"b\"", "b"}, {"\"\\u0062\"", "b"}, {"\"c\"", "c"}};

    /** Half the time a tidy document (distinct keys, a present, 1 to 4 members), else keys drawn freely. */
    static String doc(Random r) {
        boolean tidy = r.nextBoolean();
        List<String[]> keys = new ArrayList<>();
        if (tidy) {
            List<String> names = new ArrayList<>(List.of("b", "c", "d", "e", "ee"));
            java.util.Collections.shuffle(names, r);
            names = new ArrayList<>(names.subList(0, r.nextInt(4)));
            names.add(r.nextInt(names.size() + 1), "a");
            for (String name : names) {
                List<String[]> ways = new ArrayList<>();
                for (String[] k : OUTER) {
                    if (k[1].equals(name)) {
                        ways.add(k);
                    }
                }
                keys.add(ways.get(r.nextInt(ways.size())));
            }
        } else {
            for (int i = r.nextInt(6); i > 0; i--) {
                keys.add(OUTER[r.nextInt(OUTER.length)]);
            }
        }
        StringBuilder d = new StringBuilder("{");
        for (int i = 0; i < keys.size(); i++) {
            String[] k = keys.get(i);
            d.append(i > 0 ? sp(r) + "," + sp(r) : sp(r)).append(k[0]).append(sp(r)).append(':').append(sp(r));
            switch (k[1]) {
                case "b" -> d.append("\"").append("xyz", 0, r.nextInt(4)).append("\"");
                case "c" -> {
                    d.append('{');
                    List<String> inner = new ArrayList<>();
                    if (tidy) {
                        inner.add(INNER[0][0]);
                        if (r.nextBoolean()) {
                            inner.add(r.nextInt(2), INNER[1 + r.nextInt(2)][0]);
                        }
                    } else {
                        for (int j = r.nextInt(4); j > 0; j--) {
                            inner.add(INNER[r.nextInt(INNER.length)][0]);
                        }
                    }
                    for (int j = 0; j < inner.size(); j++) {
                        d.append(j > 0 ? "," : "").append(sp(r)).append(inner.get(j)).append(':').append(r.nextInt(30));
                    }
                    d.append(sp(r)).append('}');
                }
                default -> d.append(r.nextInt(200) - 50);
            }
        }
        return d.append(sp(r)).append('}').toString();
    }

    private static String sp(Random r) {
        return r.nextInt(4) == 0 ? " " : "";
    }

    @Test
    void randomMemberSequencesUnderO200kAndByteByByte() {
        Vocabulary v = GrammarRealVocabularyTest.o200k();
        Grammar g = Grammar.compile(JsonObjectCases.grammar(true), v, GrammarLimits.DEFAULT);
        Grammar bytes = Grammar.compile(JsonObjectCases.grammar(true), JsonObjectMatcherTest.V, GrammarLimits.DEFAULT);
        int[] counts = new int[2];
        qt().withFixedSeed(SEED).withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            String d = doc(new Random(seed));
            boolean expected = JsonObjectCases.valid(d);
            counts[expected ? 1 : 0]++;
            GrammarMatcher m = g.newMatcher();
            boolean ok = true;
            for (int id : RealVocabularies.o200kEncoding().encodeOrdinary(d).toArray()) {
                if (!m.tryAccept(id)) {
                    ok = false;
                    break;
                }
            }
            assertEquals(expected, ok && m.canStop(), "o200k: " + d);
            assertEquals(expected, JsonObjectMatcherTest.acceptsBytes(bytes, d), "bytes: " + d);
        });
        assertTrue(counts[0] > 50 && counts[1] > 50, counts[1] + " valid, " + counts[0] + " invalid");
    }

    @Test
    void masksEqualIsAllowedAndGeneratedTextsAreInstances() {
        Vocabulary v = GrammarRealVocabularyTest.o200k();
        Grammar g = Grammar.compile(JsonObjectCases.grammar(true), v, GrammarLimits.DEFAULT);
        Random r = new Random(SEED + 1);
        int[] mask = new int[g.maskWords()];
        int fullChecks = 0;
        int completed = 0;
        for (int walk = 0; walk < 12; walk++) {
            GrammarMatcher m = g.newMatcher();
            StringBuilder text = new StringBuilder();
            for (int step = 0; step < 40; step++) {
                m.fillMask(mask);
                if (fullChecks < 24 && r.nextInt(3) == 0) {
                    fullChecks++;
                    for (int id = 0; id < v.logitsSize(); id++) {
                        if (TokenMask.isAllowed(mask, id) != m.isAllowed(id)) {
                            assertEquals(TokenMask.isAllowed(mask, id), m.isAllowed(id),
                                    "token " + id + " " + v.text(id) + " after " + text);
                        }
                    }
                }
                List<Integer> allowed = new ArrayList<>();
                List<Integer> structural = new ArrayList<>();
                for (int id = 0; id < v.logitsSize(); id++) {
                    if (TokenMask.isAllowed(mask, id) && !v.isEos(id)) {
                        allowed.add(id);
                        String s = v.text(id);
                        if (s.contains("}") || s.contains(",") || s.contains("\"") || s.contains(":")) {
                            structural.add(id);
                        }
                    }
                }
                assertFalse(allowed.isEmpty() && !m.canStop(), "dead end after " + text);
                if (m.canStop()) {
                    assertTrue(JsonObjectCases.valid(text.toString()), "generated " + text);
                    completed++;
                    break;
                }
                List<Integer> from = step > 10 && !structural.isEmpty() && r.nextBoolean() ? structural : allowed;
                int id = from.get(r.nextInt(from.size()));
                assertTrue(m.tryAccept(id), "masked token " + id + " accepted");
                text.append(new String(bytes(v, id), StandardCharsets.UTF_8));
            }
        }
        assertTrue(fullChecks >= 10 && completed >= 3, fullChecks + " full checks, " + completed + " completed");
    }

    static byte[] bytes(Vocabulary v, int id) {
        byte[] b = new byte[v.length(id)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) v.byteAt(id, i);
        }
        return b;
    }
}
