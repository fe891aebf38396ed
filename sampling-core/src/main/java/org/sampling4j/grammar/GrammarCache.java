package org.sampling4j.grammar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.sampling4j.text.Vocabulary;

/**
 * A bounded, thread-safe cache of compiled grammars, so that every request with the same schema
 * (or regex, choice list, GBNF text) and the same vocabulary shares one {@link Grammar} and its
 * lazily built DFA and mask caches, instead of compiling and warming its own.
 *
 * <p><b>Key.</b> (kind, source text, options, vocabulary identity): the source text exactly as given
 * (callers that build it from parsed JSON write it canonically, see the interop mappings), the
 * options by {@code equals}, the vocabulary by identity ({@code ==}: two vocabularies with equal
 * bytes are still two keys; a runtime holds one per model).
 *
 * <p><b>Eviction.</b> Least recently used: a lookup (hit or miss) makes its entry the most recent;
 * when a new entry makes the cache hold more than {@code maxEntries}, the least recent goes.
 * An evicted grammar stays valid for whoever holds it.
 *
 * <p><b>Concurrency.</b> Compile once: the first thread to miss a key installs a pending entry and
 * compiles outside the lock; threads asking for the same key meanwhile wait for that compilation
 * and get the same instance. Lookups of other keys are not blocked by a compilation. A compilation
 * that throws is not cached: every waiter gets the exception, the next lookup compiles again.
 */
public final class GrammarCache {
    private final int maxEntries;
    private final LinkedHashMap<Key, CompletableFuture<Grammar>> entries;
    private long hits;
    private long misses;

    /**
     * An empty cache of at most {@code maxEntries} grammars.
     *
     * @throws IllegalArgumentException when {@code maxEntries < 1}
     */
    public GrammarCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries = " + maxEntries + " is outside [1, 2147483647]");
        }
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    private record Key(String kind, String source, Object options, Vocabulary vocab) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && kind.equals(k.kind) && source.equals(k.source)
                    && Objects.equals(options, k.options) && vocab == k.vocab;
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, source, options, System.identityHashCode(vocab));
        }
    }

    /** {@link Grammar#jsonSchema(String, Vocabulary, JsonSchemaOptions, GrammarLimits)}, cached. */
    public Grammar jsonSchema(String schemaJson, Vocabulary vocab, JsonSchemaOptions options, GrammarLimits limits) {
        return get("json_schema", schemaJson, List.of(options, limits), vocab,
                () -> Grammar.jsonSchema(schemaJson, vocab, options, limits));
    }

    /** {@link Grammar#regex(String, Vocabulary, GrammarLimits)}, cached. */
    public Grammar regex(String pattern, Vocabulary vocab, GrammarLimits limits) {
        return get("regex", pattern, limits, vocab, () -> Grammar.regex(pattern, vocab, limits));
    }

    /** {@link Grammar#choice(List, Vocabulary, GrammarLimits)}, cached. */
    public Grammar choice(List<String> choices, Vocabulary vocab, GrammarLimits limits) {
        List<String> copy = List.copyOf(choices);
        // Length-prefixed so that no two lists share a key text (a choice may contain any character).
        StringBuilder source = new StringBuilder();
        for (String c : copy) {
            source.append(c.length()).append(':').append(c);
        }
        return get("choice", source.toString(), limits, vocab, () -> Grammar.choice(copy, vocab, limits));
    }

    /** {@link Grammar#gbnf(String, String, Vocabulary, GrammarLimits)}, cached. */
    public Grammar gbnf(String text, String root, Vocabulary vocab, GrammarLimits limits) {
        Objects.requireNonNull(root, "root");
        return get("gbnf", root.length() + ":" + root + text, limits, vocab, () -> Grammar.gbnf(text, root, vocab, limits));
    }

    /** {@link Grammar#json(Vocabulary)}, cached. */
    public Grammar json(Vocabulary vocab) {
        return get("json", "", null, vocab, () -> Grammar.json(vocab));
    }

    /** {@link Grammar#jsonObject(Vocabulary)}, cached. */
    public Grammar jsonObject(Vocabulary vocab) {
        return get("json_object", "", null, vocab, () -> Grammar.jsonObject(vocab));
    }

    private Grammar get(String kind, String source, Object options, Vocabulary vocab, Supplier<Grammar> compile) {
        Objects.requireNonNull(source, kind);
        Objects.requireNonNull(vocab, "vocab");
        Key key = new Key(kind, source, options, vocab);
        CompletableFuture<Grammar> mine = null;
        CompletableFuture<Grammar> entry;
        synchronized (this) {
            entry = entries.get(key);
            if (entry == null) {
                misses++;
                mine = new CompletableFuture<>();
                entries.put(key, mine);
                evict();
                entry = mine;
            } else {
                hits++;
            }
        }
        if (mine != null) {
            try {
                mine.complete(compile.get());
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    entries.remove(key, mine);
                }
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return entry.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private void evict() {
        var it = entries.entrySet().iterator();
        while (entries.size() > maxEntries && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** Lookups that found their grammar (or its compilation under way). */
    public synchronized long hits() {
        return hits;
    }

    /** Lookups that compiled. */
    public synchronized long misses() {
        return misses;
    }

    /** Grammars held now (compiled or being compiled). */
    public synchronized int size() {
        return entries.size();
    }

    /** The bound given at construction. */
    public int maxEntries() {
        return maxEntries;
    }

    /** Drops every entry; the counts stay. */
    public synchronized void clear() {
        entries.clear();
    }

    @Override
    public synchronized String toString() {
        return "GrammarCache{" + entries.size() + "/" + maxEntries + ", hits=" + hits + ", misses=" + misses + "}";
    }

    /** For tests: whether the entry for these arguments is present, without touching its recency. */
    synchronized boolean containsJsonSchema(String schemaJson, Vocabulary vocab, JsonSchemaOptions options, GrammarLimits limits) {
        return entries.containsKey(new Key("json_schema", schemaJson, List.of(options, limits), vocab));
    }
}
