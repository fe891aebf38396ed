package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.text.Vocabulary;

/**
 * {@code Expr.JsonObject} in the engine against the oracle of {@link JsonObjectCases}: every
 * permutation of every subset of keys, duplicates (also spelled with escapes), nested objects with
 * the same key names, byte by byte and through multi-byte tokens that open and close objects and
 * complete keys; masks equal {@code isAllowed} token by token; rollback and fork.
 */
@KernelIndependent
class JsonObjectMatcherTest {
    /** 256 single bytes, then tokens that cross object and key boundaries, then an EOS. */
    static final String[] MULTI = {"{\"a\":1,\"a", "\"}", "\"a\"", "\"a\":", ",\"", "\":", "}}", "{\"", "\"e\"", "\"e",
        "\"\\u0061\"", "1,\"", "1}", "\"c\":{\"a\":", "\"b\":\"", "\"d\"", "\"f\":2}", "\"ab\"", "\"a\": 1, \"a\"", " }", "}, \"",
        "\"e\":1,\"e\"", ":{", "\":1", "2,"};
    static final Vocabulary V = vocabulary();

    private static Vocabulary vocabulary() {
        Vocabulary.Builder b = Vocabulary.builder();
        for (int i = 0; i < 256; i++) {
            b.add(new byte[] {(byte) i});
        }
        for (String s : MULTI) {
            b.add(s.getBytes(StandardCharsets.UTF_8));
        }
        b.addSpecial("</s>".getBytes(StandardCharsets.UTF_8));
        return b.eos(256 + MULTI.length).build();
    }

    static boolean acceptsBytes(Grammar g, String doc) {
        GrammarMatcher m = g.newMatcher();
        for (byte x : doc.getBytes(StandardCharsets.UTF_8)) {
            if (!m.tryAccept(x & 0xFF)) {
                return false;
            }
        }
        return m.canStop();
    }

    /** A member with key spelling {@code key} (decoded: {@code name}) and a value of the type the schema wants (or 7). */
    static String member(String key, String name) {
        String value = switch (name) {
            case "b" -> "\"xy\"";
            case "c" -> "{\"b\":2,\"a\":3}";
            default -> "7";
        };
        return key + ":" + value;
    }

    static int[] mask(GrammarMatcher m) {
        int[] mask = new int[TokenMask.words(V.logitsSize())];
        m.fillMask(mask);
        for (int id = 0; id < V.logitsSize(); id++) {
            assertEquals(TokenMask.isAllowed(mask, id), m.isAllowed(id), "isAllowed(" + id + ") agrees with the mask");
        }
        return mask;
    }

    /** Every sequence of up to 5 keys drawn with repetition from the spellings of a, b, c, d, e, f. */
    @Test
    void everySequenceOfKeysMatchesTheOracle() {
        Grammar g = Grammar.compile(JsonObjectCases.grammar(false), V, GrammarLimits.DEFAULT);
        String[] pool = {"\"a\"", "a", "\"\\u0061\"", "a", "\"\\u0041\"", "A", "\"b\"", "b", "\"c\"", "c", "\"d\"", "d",
            "\"e\"", "e", "\"f\"", "f", "\"\\u0065\"", "e", "\"\\u0062\"", "b"};
        int size = pool.length / 2;
        int valid = 0;
        int total = 0;
        int[] idx = new int[5];
        for (int len = 0; len <= 5; len++) {
            int combos = (int) Math.pow(size, len);
            for (int c = 0; c < combos; c += len >= 5 ? 7 : 1) { // length 5: every 7th sequence
                int x = c;
                StringBuilder doc = new StringBuilder("{");
                for (int j = 0; j < len; j++) {
                    idx[j] = x % size;
                    x /= size;
                    doc.append(j > 0 ? "," : "").append(member(pool[2 * idx[j]], pool[2 * idx[j] + 1]));
                }
                String d = doc.append('}').toString();
                boolean expected = JsonObjectCases.valid(d);
                assertEquals(expected, acceptsBytes(g, d), d);
                valid += expected ? 1 : 0;
                total++;
            }
        }
        assertTrue(valid > 300 && valid < total / 2, valid + " valid of " + total);
    }

    @Test
    void nestedObjectsKeepTheirOwnKeys() {
        Grammar g = Grammar.compile(JsonObjectCases.grammar(true), V, GrammarLimits.DEFAULT);
        String[] docs = {
            "{\"a\":1,\"c\":{\"a\":2}}", "{\"c\":{\"a\":2,\"b\":3},\"a\":1}", "{\"c\":{\"b\":3},\"a\":1}",
            "{\"c\":{\"a\":2,\"a\":3},\"a\":1}", "{\"a\":1,\"c\":{\"a\":2},\"c\":{\"a\":2}}", "{ \"a\" : 1 , \"c\" : { \"a\" : 2 } }",
            "{\"c\":{\"a\":2},\"b\":\"q\"}", "{\"a\":1,\"b\":\"q\",\"c\":{\"a\":0},\"d\":4}", "{\"a\":1,\"b\":\"q\",\"c\":{\"a\":0},\"d\":4,\"e\":5}",
            "{}", "{\"a\":1,\"e\":2,\"e\":3}", "{\"e\":2,\"a\":1,\"ee\":3}", "{\"a\":1 }", "{ }", "{\"a\":1,\"\\u0063\":{\"\\u0061\":1}}",
        };
        for (String d : docs) {
            assertEquals(JsonObjectCases.valid(d), acceptsBytes(g, d), d);
        }
        assertTrue(acceptsBytes(g, "{\"c\":{\"a\":2,\"b\":3},\"a\":1}"));
        assertFalse(acceptsBytes(g, "{\"c\":{\"a\":2,\"a\":3},\"a\":1}"));
    }

    /** The mask equals isAllowed for every id, at every prefix of many documents, valid or not, compact and spaced. */
    @Test
    void masksEqualIsAllowedAlongDocuments() {
        Random r = new Random(0x0B1EC7L);
        for (boolean spaces : new boolean[] {false, true}) {
            Grammar g = Grammar.compile(JsonObjectCases.grammar(spaces), V, GrammarLimits.DEFAULT);
            for (int n = 0; n < 40; n++) {
                GrammarMatcher m = g.newMatcher();
                List<Integer> taken = new ArrayList<>();
                for (int step = 0; step < 60; step++) {
                    int[] mask = mask(m);
                    List<Integer> allowed = new ArrayList<>();
                    for (int id = 0; id < V.logitsSize(); id++) {
                        if (TokenMask.isAllowed(mask, id)) {
                            allowed.add(id);
                        }
                    }
                    assertFalse(allowed.isEmpty(), "no dead end after " + taken);
                    if (allowed.size() == 1 && V.isEos(allowed.get(0))) {
                        break;
                    }
                    int id = allowed.get(r.nextInt(allowed.size()));
                    if (V.isEos(id)) {
                        continue;
                    }
                    m.accept(id);
                    taken.add(id);
                    if (m.canStop()) {
                        assertTrue(JsonObjectCases.valid(text(taken)), text(taken));
                    }
                    if (r.nextInt(8) == 0 && !taken.isEmpty()) { // rollback and re-accept: same masks
                        int back = 1 + r.nextInt(taken.size());
                        GrammarMatcher fork = m.fork();
                        int[] before = mask(m);
                        List<Integer> tail = new ArrayList<>(taken.subList(taken.size() - back, taken.size()));
                        m.rollback(back);
                        for (int t : tail) {
                            m.accept(t);
                        }
                        assertArrayEquals(before, mask(m));
                        assertArrayEquals(before, mask(fork));
                    }
                }
            }
        }
    }

    static String text(List<Integer> ids) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int id : ids) {
            for (int i = 0; i < V.length(id); i++) {
                out.write(V.byteAt(id, i));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
