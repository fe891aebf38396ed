package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.text.Vocabulary;

/**
 * Issue #13, the repeated-key dead end: a key class that can run out (an enum, a length cap) must not
 * let a key start, or a key prefix go on, when every key completing it is already in the object, nor a
 * {@code ,} when no new key is possible; keys are compared decoded ({@code "a\\u0062"} is {@code "ab"}).
 * Tables of (schema, text so far, byte, allowed?) on the single-byte vocabulary, checked with both the
 * mask and {@code isAllowed}; then generation from random logits on bytes and o200k must always complete,
 * each document valid for networknt.
 */
@KernelIndependent
class RepeatedKeyDeadEndTest {
    private static final long SEED = 0x13_DEADL;
    private static final SchemaOracle ORACLE = new SchemaOracle();
    private static final Vocabulary BYTES = GrammarSmokeTest.bytesVocab();
    static final String ENUM = "{\"type\":\"object\",\"propertyNames\":{\"pattern\":\"a\",\"enum\":[\"a\",\"ab\"]}}";
    static final String CAP = "{\"type\":\"object\",\"propertyNames\":{\"maxLength\":1,\"pattern\":\"^a\"}}";
    static final String ASTRAL = "{\"type\":\"object\",\"propertyNames\":{\"enum\":[\"\uD83D\uDE00\",\"\uD83D\uDE00a\",\"\u00e9\"]}}";

    /** An object whose classes hold fewer keys than minProperties: no option at all, not a dead end after its brace. */
    static final String SHORT_OR_INTEGER = "{\"anyOf\":[{\"type\":\"object\",\"propertyNames\":{\"enum\":[\"a\",\"b\"]},"
            + "\"minProperties\":3},{\"type\":\"integer\"}]}";

    /** Schemas whose key classes can run out, mixed with named properties, counts and pattern classes. */
    static final List<String> SCHEMAS = List.of(ENUM, CAP, ASTRAL,
            "{\"type\":\"object\",\"propertyNames\":{\"enum\":[\"a\",\"ab\",\"b\"]},\"properties\":{\"ab\":{\"type\":\"integer\"}}}",
            "{\"type\":\"object\",\"propertyNames\":{\"enum\":[\"a\",\"ab\",\"b\"]},\"properties\":{\"ab\":{\"type\":\"integer\"}},"
                    + "\"required\":[\"ab\"],\"minProperties\":2}",
            "{\"type\":\"object\",\"propertyNames\":{\"maxLength\":2,\"pattern\":\"^[ab]+$\"},\"maxProperties\":5}",
            "{\"type\":\"object\",\"propertyNames\":{\"maxLength\":2,\"pattern\":\"^[ab]+$\"},\"minProperties\":6}",
            "{\"type\":\"object\",\"patternProperties\":{\"^a\":{\"type\":\"integer\"},\"^b\":{\"type\":\"string\"}},"
                    + "\"propertyNames\":{\"enum\":[\"a\",\"aa\",\"b\",\"c\"]}}",
            "{\"type\":\"object\",\"patternProperties\":{\"^a\":{\"type\":\"integer\"}},\"additionalProperties\":false,"
                    + "\"propertyNames\":{\"maxLength\":2}}",
            "{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"object\",\"propertyNames\":{\"enum\":[\"a\",\"\\\"\",\"\\\\\"]}}},"
                    + "\"propertyNames\":{\"enum\":[\"x\",\"y\"]}}",
            "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"propertyNames\":{\"const\":\"k\"}},\"minItems\":2}",
            "{\"anyOf\":[{\"type\":\"object\",\"propertyNames\":{\"enum\":[\"a\"]}},"
                    + "{\"type\":\"object\",\"propertyNames\":{\"enum\":[\"a\",\"b\"]},\"minProperties\":2}]}",
            SHORT_OR_INTEGER,
            "{\"type\":\"array\",\"items\":{\"anyOf\":[{\"type\":\"object\",\"propertyNames\":{\"enum\":[\"a\"]},"
                    + "\"minProperties\":2},{\"type\":\"null\"}]},\"minItems\":1}");

    @Test
    void anObjectThatCannotHoldItsMinimumIsNoOption() {
        Grammar g = Grammar.jsonSchema(SHORT_OR_INTEGER, BYTES);
        check(g, "", '{', false);
        check(g, "", '1', true);
        GrammarException e = assertThrows(GrammarException.class, () -> Grammar.jsonSchema(
                "{\"type\":\"object\",\"propertyNames\":{\"maxLength\":1,\"pattern\":\"^a\"},\"minProperties\":2}", BYTES));
        assertTrue(e.getMessage().contains("accepts no string"), e.getMessage());
    }

    /**
     * A key class whose keys are too many DFA states to count under the limits is refused (BUDGET,
     * naming the key class and the limit), not left uncounted, where a key that only present keys
     * complete could begin; under the default limits the same schema compiles and is counted.
     */
    @Test
    void aKeyClassTooLargeToCountIsRefused() {
        String schema = "{\"type\":\"object\",\"propertyNames\":{\"maxLength\":80,\"pattern\":\"^[a-z\u00e9]+$\"}}";
        GrammarLimits small = new GrammarLimits(250_000, 2_000, 1_000, 1_000_000, 8_000_000, 128L << 20);
        GrammarException e = assertThrows(GrammarException.class,
                () -> Grammar.jsonSchema(schema, BYTES, JsonSchemaOptions.DEFAULT, small));
        assertEquals(GrammarException.Kind.BUDGET, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("key class") && e.getMessage().contains("cannot be counted")
                && e.getMessage().contains("maxDfaStates"), e.getMessage());
        Grammar g = Grammar.jsonSchema(schema, BYTES);
        check(g, "{\"a\":1,\"", 'a', true);
        check(g, "{\"a\":1,\"a", '"', false); // "a" again
    }

    @Test
    void noSeparatorOnceEveryEnumKeyIsPresent() {
        Grammar g = Grammar.jsonSchema(ENUM, BYTES);
        check(g, "{\"a\":1,\"ab\":2", ',', false);
        check(g, "{\"a\":1,\"ab\":2 ", ',', false);
        check(g, "{\"a\":1,\"ab\":2", '}', true);
        check(g, "{\"a\":1", ',', true);
    }

    @Test
    void aKeyPrefixGoesOnOnlyWhileANewKeyCompletesIt() {
        Grammar g = Grammar.jsonSchema(ENUM, BYTES);
        check(g, "{\"a\":1,\"", 'a', true);
        check(g, "{\"a\":1,\"a", '"', false); // "a" again
        check(g, "{\"a\":1,\"a", 'b', true);
        check(g, "{\"ab\":1,\"a", '"', true);
        check(g, "{\"ab\":1,\"a", 'b', false); // "ab" again
        check(g, "{\"ab\":1,\"a", '\\', false); // every escape spells "ab" or nothing in the class
    }

    @Test
    void aLengthCapStopsAfterItsOneKey() {
        Grammar g = Grammar.jsonSchema(CAP, BYTES);
        check(g, "{\"a\":1", ',', false);
        check(g, "{\"a\":1", '}', true);
        check(g, "{", '"', true);
        check(g, "{\"\\u0061\":1", ',', false);
    }

    @Test
    void escapedSpellingsAreTheirDecodedKeys() {
        Grammar g = Grammar.jsonSchema(ENUM, BYTES);
        check(g, "{\"a\\u0062\":1,\"a\":2", ',', false);
        check(g, "{\"a\\u0062\":1,\"a", '"', true);
        check(g, "{\"a\\u0062\":1,\"a", 'b', false);
        check(g, "{\"a\\u0062\":1,\"a", '\\', false);
        check(g, "{\"\\u0061\":1,\"a", '"', false);
        check(g, "{\"\\u0061\":1,\"a", '\\', true); // toward a\u0062
        check(g, "{\"\\u0061\":1,\"a\\u006", '2', true);
        check(g, "{\"ab\":1,\"\\u0061", '\\', false);
        check(g, "{\"ab\":1,\"\\u0061", '"', true);
        check(g, "{\"ab\":1,\"\\u006", '1', true);
        check(g, "{\"a\":1,\"\\u006", '1', true); // toward \u0061b
        check(g, "{\"a\":1,\"\\u0061", '"', false);
    }

    @Test
    void surrogatePairsAndUtf8SequencesReadHalfwayCount() {
        Grammar g = Grammar.jsonSchema(ASTRAL, BYTES);
        check(g, "{\"\uD83D\uDE00a\":1,\"\\ud83d\\ude00", 'a', false);
        check(g, "{\"\uD83D\uDE00a\":1,\"\\ud83d\\ude00", '"', true);
        check(g, "{\"\uD83D\uDE00a\":1,\"\uD83D\uDE00\":2,\"", 0xC3, true); // é
        check(g, "{\"\uD83D\uDE00a\":1,\"\uD83D\uDE00\":2,\"", 0xF0, false); // both astral keys are present
        check(g, "{\"\uD83D\uDE00a\":1,\"\uD83D\uDE00\":2,\"", '\\', true); // \u00e9
        check(g, "{\"\uD83D\uDE00a\":1,\"\uD83D\uDE00\":2,\"\\u", 'd', false); // a surrogate: astral only
        check(g, "{\"\uD83D\uDE00a\":1,\"\\ud83d", '\\', true);
        check(g, "{\"\uD83D\uDE00a\":1,\"\uD83D\uDE00\":2,\"\u00e9\":3", ',', false);
        check(g, "{\"\u00e9\":1,\"\\u", '0', false); // only \u00e9 begins so
        check(g, "{\"\u00e9\":1,\"\\u", 'D', true); // \uD83D
        check(g, "{\"\uD83D\uDE00\":1,\"\uD83D\uDE00a\":2,\"\\u00E", '9', true);
    }

    @Test
    void generationFromRandomLogitsAlwaysCompletesWithValidDocuments() {
        Random r = new Random(SEED);
        int documents = 0;
        for (String schema : SCHEMAS) {
            for (Vocabulary v : List.of(BYTES, GrammarRealVocabularyTest.o200k())) {
                Grammar g = Grammar.jsonSchema(schema, v);
                for (int seed = 0; seed < 12; seed++) {
                    String text = generate(g, r, 400);
                    assertNotNull(text, schema + ": no document within 400 tokens");
                    assertTrue(ORACLE.valid(schema, text, true), schema + ": generated invalid " + text);
                    documents++;
                }
            }
        }
        assertEquals(SCHEMAS.size() * 24, documents);
    }

    /** The byte {@code b} after {@code text}: the mask and the uncached {@code isAllowed} agree on {@code allowed}. */
    private static void check(Grammar g, String text, int b, boolean allowed) {
        GrammarMatcher m = g.newMatcher();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int[] mask = new int[g.maskWords()];
        for (int i = 0; i < bytes.length; i++) {
            m.fillMask(mask);
            assertTrue(TokenMask.isAllowed(mask, bytes[i] & 0xFF), "byte " + i + " of '" + text + "' refused");
            m.accept(bytes[i] & 0xFF);
        }
        m.fillMask(mask);
        String what = "'" + (char) b + "' (0x" + Integer.toHexString(b) + ") after '" + text + "'";
        assertEquals(allowed, TokenMask.isAllowed(mask, b), what + " in the mask");
        assertEquals(allowed, m.isAllowed(b), what + " by isAllowed");
    }

    /**
     * Greedy decoding of random logits under the mask: each step draws N(0, 1) logits for the whole
     * vocabulary and takes the best allowed token, EOS included (so a document ends when EOS wins).
     * Fails on an empty mask; null when not complete after {@code maxTokens}. Whitespace-only tokens
     * are handicapped, and past half the budget so is every token with a byte that does not close
     * values, so documents end.
     */
    static String generate(Grammar g, Random r, int maxTokens) {
        Vocabulary v = g.vocabulary();
        GrammarMatcher m = g.newMatcher();
        int[] mask = new int[g.maskWords()];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int step = 0; step < maxTokens; step++) {
            m.fillMask(mask);
            int[] allowed = TokenMask.ids(mask);
            if (allowed.length == 0) {
                throw new AssertionError("no token allowed after '" + out + "'");
            }
            int best = -1;
            double bestLogit = Double.NEGATIVE_INFINITY;
            for (int id : allowed) {
                double logit = r.nextGaussian() + (v.isEos(id) ? 1.0 : 0.0);
                if (step > maxTokens / 2 && !v.isEos(id) && !closing(v, id)) {
                    logit -= 10;
                }
                if (!v.isEos(id) && blank(v, id)) {
                    logit -= 3; // o200k has hundreds of whitespace runs: unchecked, they fill the budget
                }
                if (logit > bestLogit) {
                    bestLogit = logit;
                    best = id;
                }
            }
            if (v.isEos(best)) {
                return out.toString(StandardCharsets.UTF_8);
            }
            m.accept(best);
            out.write(v.bytes(best), 0, v.length(best));
        }
        return null;
    }

    private static boolean blank(Vocabulary v, int id) {
        for (int i = 0; i < v.length(id); i++) {
            if (" \t\r\n".indexOf(v.byteAt(id, i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean closing(Vocabulary v, int id) {
        for (int i = 0; i < v.length(id); i++) {
            if ("}]\"".indexOf(v.byteAt(id, i)) < 0) {
                return false;
            }
        }
        return v.length(id) > 0;
    }
}
