package org.sampling4j.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.sampling4j.text.GgufMetadata.Entry;
import org.sampling4j.text.GgufMetadata.Type;

/**
 * The key-values of a {@link GgufMetadata}, as {@link GgufHeaderReader} read them, with the typed getters behind
 * its public ones: the conversions to the Java types the class comment lists, and the errors naming the file,
 * offset and key ({@code model.gguf at offset 57, key k: message}).
 */
final class GgufEntries {
    private final String source;
    private final Map<String, Entry> entries;

    GgufEntries(String source, LinkedHashMap<String, Entry> entries) {
        this.source = source;
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The keys read, in file order. */
    Set<String> keys() {
        return entries.keySet();
    }

    /** Whether {@code key} was read. */
    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** {@code key}'s entry, or null if absent. */
    Entry get(String key) {
        return entries.get(key);
    }

    /** How many keys were read. */
    int size() {
        return entries.size();
    }

    /** Where {@code key}'s value (its type code) starts in the file, or -1 if absent. */
    long offset(String key) {
        Entry e = entries.get(key);
        return e == null ? -1 : e.offset;
    }

    /** The value of {@code key} (see {@link GgufMetadata}'s class comment for its Java type), or null if absent. */
    Object value(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        return exposed(e.value);
    }

    private static Object exposed(Object value) {
        if (value instanceof GgufStringArray) {
            return ((GgufStringArray) value).toStrings();
        }
        if (value instanceof Object[]) {
            Object[] nested = ((Object[]) value).clone();
            for (int i = 0; i < nested.length; i++) {
                nested[i] = exposed(nested[i]);
            }
            return nested;
        }
        return value;
    }

    /**
     * The value of {@code key}, of any integer type.
     *
     * @throws VocabularyFormatException if absent or not an integer
     */
    long integer(String key) throws VocabularyFormatException {
        Entry e = require(key);
        if (e.value instanceof Integer || e.value instanceof Long) {
            return ((Number) e.value).longValue();
        }
        throw error(key, "expected an integer, got " + describe(e));
    }

    /**
     * The string value of {@code key}.
     *
     * @throws VocabularyFormatException if absent or not a string
     */
    String string(String key) throws VocabularyFormatException {
        Entry e = require(key);
        if (e.value instanceof String) {
            return (String) e.value;
        }
        throw error(key, "expected a string, got " + describe(e));
    }

    /**
     * The array of strings of {@code key} (a copy).
     *
     * @throws VocabularyFormatException if absent or not an array of strings
     */
    String[] strings(String key) throws VocabularyFormatException {
        GgufStringArray a = stringArray(key);
        int bad = a.firstInvalid();
        if (bad >= 0) {
            throw error(key + "[" + bad + "]", a.offset(bad), "expected UTF-8 text, got invalid bytes");
        }
        return a.toStrings();
    }

    /** The array of strings of {@code key} as read, undecoded. */
    GgufStringArray stringArray(String key) throws VocabularyFormatException {
        Entry e = require(key);
        if (e.value instanceof GgufStringArray) {
            return (GgufStringArray) e.value;
        }
        throw error(key, "expected an array of string, got " + describe(e));
    }

    /**
     * The array of integers of {@code key} as ints (a copy): any integer element type whose values fit.
     *
     * @throws VocabularyFormatException if absent, not an integer array, or a value does not fit an int
     */
    int[] ints(String key) throws VocabularyFormatException {
        Entry e = require(key);
        if (e.value instanceof int[]) {
            return ((int[]) e.value).clone();
        }
        if (e.value instanceof long[]) {
            long[] v = (long[]) e.value;
            int[] out = new int[v.length];
            for (int i = 0; i < v.length; i++) {
                if (v[i] != (int) v[i]) {
                    throw error(key + "[" + i + "]", elementOffset(key, i), "expected a value in int range, got "
                            + v[i]);
                }
                out[i] = (int) v[i];
            }
            return out;
        }
        throw error(key, "expected an array of integers, got " + describe(e));
    }

    /** Where element {@code i} of {@code key}'s fixed-size array starts, or the array's offset otherwise. */
    long elementOffset(String key, int i) {
        Entry e = entries.get(key);
        if (e == null) {
            return -1;
        }
        return e.elementType != null && e.elementType.fixedSize() ? e.offset + 4 + 4 + 8 + (long) i
                * e.elementType.minBytes() : e.offset;
    }

    /** An error at {@code key}'s value: {@code model.gguf at offset 57, key k: message}. */
    VocabularyFormatException error(String key, String message) {
        return error(key, offset(key), message);
    }

    VocabularyFormatException error(String where, long offset, String message) {
        return new VocabularyFormatException(source + (offset >= 0 ? " at offset " + offset : "") + ", key " + where
                + ": " + message);
    }

    private Entry require(String key) throws VocabularyFormatException {
        Entry e = entries.get(key);
        if (e == null) {
            throw new VocabularyFormatException(source + ": expected the key " + key + ", got none");
        }
        return e;
    }

    private static String describe(Entry e) {
        return e.type == Type.ARRAY ? "an array of " + e.elementType : "a " + e.type + " (" + e.value + ")";
    }
}
