package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sampling4j.text.Vocabulary;

/** {@link GrammarCache}: compile once per key under contention, LRU eviction, keys that tell options and vocabularies apart. */
class GrammarCacheTest {
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}},\"required\":[\"a\"],"
            + "\"additionalProperties\":false}";

    static Vocabulary bytes() {
        List<byte[]> tokens = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            tokens.add(new byte[] {(byte) b});
        }
        tokens.add("<eos>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Vocabulary.of(tokens, new int[] {256}, new int[] {256});
    }

    @Test
    void sameKeyFromManyThreadsCompilesOnceAndSharesTheInstance() throws Exception {
        Vocabulary v = bytes();
        GrammarCache cache = new GrammarCache(8);
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Grammar>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.jsonSchema(SCHEMA, v, JsonSchemaOptions.DEFAULT, GrammarLimits.DEFAULT);
                }));
            }
            start.countDown();
            Grammar first = results.get(0).get();
            for (Future<Grammar> r : results) {
                assertSame(first, r.get(), "every thread gets the one compiled instance");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, cache.misses(), "only the first lookup compiles");
        assertEquals(threads - 1, cache.hits());
        assertEquals(1, cache.size());
    }

    @Test
    void evictsTheLeastRecentlyUsed() {
        Vocabulary v = bytes();
        GrammarCache cache = new GrammarCache(2);
        JsonSchemaOptions o = JsonSchemaOptions.DEFAULT;
        GrammarLimits l = GrammarLimits.DEFAULT;
        Grammar a = cache.jsonSchema("{\"type\":\"integer\"}", v, o, l);
        cache.jsonSchema("{\"type\":\"string\"}", v, o, l);
        assertSame(a, cache.jsonSchema("{\"type\":\"integer\"}", v, o, l), "a hit makes integer the most recent");
        cache.jsonSchema("{\"type\":\"boolean\"}", v, o, l);
        assertEquals(2, cache.size());
        assertTrue(cache.containsJsonSchema("{\"type\":\"integer\"}", v, o, l));
        assertFalse(cache.containsJsonSchema("{\"type\":\"string\"}", v, o, l), "string was the least recent");
        assertTrue(cache.containsJsonSchema("{\"type\":\"boolean\"}", v, o, l));
        assertEquals(1, cache.hits());
        assertEquals(3, cache.misses());
        assertNotSame(cache.jsonSchema("{\"type\":\"string\"}", v, o, l), null);
        assertEquals(4, cache.misses(), "an evicted schema compiles again");
    }

    @Test
    void keysTellOptionsKindsAndVocabulariesApart() {
        Vocabulary v = bytes();
        Vocabulary same = bytes(); // equal bytes, another instance: another key
        GrammarCache cache = new GrammarCache(16);
        GrammarLimits l = GrammarLimits.DEFAULT;
        Grammar base = cache.jsonSchema(SCHEMA, v, JsonSchemaOptions.DEFAULT, l);
        Grammar strict = cache.jsonSchema(SCHEMA, v, JsonSchemaOptions.DEFAULT.withStrict(true), l);
        Grammar compact = cache.jsonSchema(SCHEMA, v, JsonSchemaOptions.DEFAULT.compact(), l);
        Grammar other = cache.jsonSchema(SCHEMA, same, JsonSchemaOptions.DEFAULT, l);
        assertNotSame(base, strict);
        assertNotSame(base, compact);
        assertNotSame(strict, compact);
        assertNotSame(base, other);
        assertSame(same, other.vocabulary());
        assertEquals(4, cache.misses());
        assertNotSame(cache.regex("ab", v, l), cache.gbnf("root ::= \"ab\"", "root", v, l), "kinds are part of the key");
        assertSame(cache.choice(List.of("a", "b"), v, l), cache.choice(List.of("a", "b"), v, l));
        assertNotSame(cache.choice(List.of("a", "b"), v, l), cache.choice(List.of("ab"), v, l));
        assertSame(cache.jsonObject(v), cache.jsonObject(v));
        assertNotSame(cache.jsonObject(v), cache.json(v));
        assertSame(base, cache.jsonSchema(SCHEMA, v, JsonSchemaOptions.DEFAULT, l), "the first entry is still there");
    }

    @Test
    void failuresAreNotCachedAndBoundsAreChecked() {
        Vocabulary v = bytes();
        GrammarCache cache = new GrammarCache(4);
        assertThrows(GrammarException.class, () -> cache.regex("(a", v, GrammarLimits.DEFAULT));
        assertThrows(GrammarException.class, () -> cache.regex("(a", v, GrammarLimits.DEFAULT));
        assertEquals(2, cache.misses(), "a failed compilation is tried again");
        assertEquals(0, cache.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GrammarCache(0));
        assertTrue(e.getMessage().contains("maxEntries = 0"), e.getMessage());
    }
}
