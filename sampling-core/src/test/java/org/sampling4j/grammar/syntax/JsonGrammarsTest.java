package org.sampling4j.grammar.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.internal.JsonException;
import org.sampling4j.internal.JsonReader;

/**
 * The JSON built-ins accept exactly what a strict RFC 8259 parser (the core's {@link JsonReader})
 * accepts, on random small documents and random one-character mutations of them; plus hand cases.
 */
class JsonGrammarsTest {
    private static final long SEED = 0x7501_0001L;
    private static final Cfg JSON = JsonGrammars.json();
    private static final Cfg JSON_OBJECT = JsonGrammars.jsonObject();
    /** Mutation alphabet: no 'D'/'d', so no mutation writes a lone surrogate escape (the reader rejects those, the RFC grammar does not). */
    private static final String MUTATIONS = "{}[],:\"\\u01e-.+ \n\tatrnlfsxé\u007F\u0001";

    static boolean readerAccepts(String text) {
        try {
            JsonReader r = new JsonReader(text.getBytes(StandardCharsets.UTF_8), "t");
            r.readValue();
            r.endDocument();
            return true;
        } catch (JsonException e) {
            return false;
        }
    }

    @Test
    void handCases() {
        for (String ok : List.of("0", "-0", "1.5e+10", " true ", "null", "\"\"", "\"a\\u00e9\\n\\/\\\"\"", "[]", "[ 1 , [ ] ]",
                "{}", "{\"a\":1,\"a\":2}", "\t\r\n{ \"k\" : [ null ] }\n", "\"\uD83D\uDE00\u007F\"", "\"\\uD83D\"")) {
            assertTrue(CfgMatcher.matches(JSON, ok), ok);
        }
        for (String bad : List.of("", "01", "1.", ".5", "+1", "1e", "tru", "\"\\x\"", "\"\u0001\"", "[1,]", "{\"a\"}", "{a:1}",
                "[1 2]", "\"\\u12\"", "1 2", "'a'", "NaN", "\uFEFF1")) {
            assertFalse(CfgMatcher.matches(JSON, bad), bad);
        }
        assertTrue(CfgMatcher.matches(JSON_OBJECT, " {\"a\": [1]} "));
        assertFalse(CfgMatcher.matches(JSON_OBJECT, "[1]"));
        assertFalse(CfgMatcher.matches(JSON_OBJECT, "1"));
        assertTrue(CfgMatcher.isViablePrefix(JSON_OBJECT, "{\"a"));
        assertFalse(CfgMatcher.isViablePrefix(JSON_OBJECT, "{\"a\"}"));
    }

    @Test
    void stringNumberAndWsAreNonRecursiveRulesOfTheirOwn() {
        for (String lexeme : List.of("string", "number", "ws")) {
            assertTrue(JSON.rules().containsKey(lexeme), lexeme);
            assertFalse(mentionsRef(JSON.rules().get(lexeme).body()), lexeme);
        }
    }

    private static boolean mentionsRef(Expr e) {
        if (e instanceof Expr.Ref) {
            return true;
        }
        if (e instanceof Expr.Seq s) {
            return s.items().stream().anyMatch(JsonGrammarsTest::mentionsRef);
        }
        if (e instanceof Expr.Alt a) {
            return a.options().stream().anyMatch(JsonGrammarsTest::mentionsRef);
        }
        return e instanceof Expr.Repeat r && mentionsRef(r.body());
    }

    @Test
    void randomDocumentsAndMutationsAgreeWithAStrictParser() {
        qt().withFixedSeed(SEED).withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            String doc = ws(r) + value(r, 3) + ws(r);
            check(doc);
            for (int k = 0; k < 3; k++) {
                check(mutate(r, doc));
            }
        });
    }

    private static void check(String text) {
        if (text.codePointCount(0, text.length()) > 40) {
            return; // CfgMatcher is quadratic or worse; small documents carry the point
        }
        boolean reader = readerAccepts(text);
        assertEquals(reader, CfgMatcher.matches(JSON, text), () -> "json: '" + escaped(text) + "', reader says " + reader);
        boolean object = reader && text.strip().startsWith("{");
        assertEquals(object, CfgMatcher.matches(JSON_OBJECT, text), () -> "json_object: '" + escaped(text) + "'");
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(c < 0x20 || c == 0x7F ? String.format("\\x%02X", c) : new String(Character.toChars(c))));
        return b.toString();
    }

    private static String mutate(Random r, String s) {
        int n = s.codePointCount(0, s.length());
        // cut at code point boundaries: a lone surrogate is not text
        int cp = r.nextInt(n + 1);
        int at = s.offsetByCodePoints(0, cp);
        int next = cp < n ? s.offsetByCodePoints(at, 1) : at;
        String c = String.valueOf(MUTATIONS.charAt(r.nextInt(MUTATIONS.length())));
        return switch (r.nextInt(3)) {
            case 0 -> s.substring(0, at) + c + s.substring(at);
            case 1 -> s.substring(0, at) + s.substring(next);
            default -> at < s.length() ? s.substring(0, at) + c + s.substring(next) : s;
        };
    }

    private static String ws(Random r) {
        String[] w = {"", "", " ", "\n", "\t", "\r\n "};
        return w[r.nextInt(w.length)];
    }

    private static String value(Random r, int depth) {
        int kind = r.nextInt(depth > 0 ? 8 : 6);
        switch (kind) {
            case 0: return "true";
            case 1: return r.nextBoolean() ? "false" : "null";
            case 2: case 3: return number(r);
            case 4: case 5: return string(r);
            case 6: {
                StringBuilder b = new StringBuilder("[").append(ws(r));
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? ws(r) + "," + ws(r) : "").append(value(r, depth - 1));
                }
                return b.append(ws(r)).append(']').toString();
            }
            default: {
                StringBuilder b = new StringBuilder("{").append(ws(r));
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? ws(r) + "," + ws(r) : "").append(string(r)).append(ws(r)).append(':').append(ws(r))
                            .append(value(r, depth - 1));
                }
                return b.append(ws(r)).append('}').toString();
            }
        }
    }

    private static String number(Random r) {
        String[] ints = {"0", "7", "-0", "12", "-305"};
        String[] fracs = {"", "", ".5", ".25"};
        String[] exps = {"", "", "e3", "E-2", "e+10"};
        return ints[r.nextInt(ints.length)] + fracs[r.nextInt(fracs.length)] + exps[r.nextInt(exps.length)];
    }

    private static String string(Random r) {
        String[] parts = {"a", "b", "é", "\uD83D\uDE00", "\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\t", " ", "\u007F"};
        StringBuilder b = new StringBuilder("\"");
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(parts[r.nextInt(parts.length)]);
        }
        return b.append('"').toString();
    }
}
