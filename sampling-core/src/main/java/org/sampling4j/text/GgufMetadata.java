package org.sampling4j.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The metadata of a GGUF file (llama.cpp's model format): the header and the typed key-value section, read
 * without touching the tensor infos or the tensor data after it, so a 4 GB model opens in milliseconds.
 *
 * <p><b>Format</b> (GGUF versions 2 and 3, little-endian): magic {@code "GGUF"}, version u32, tensor count u64,
 * key-value count u64, then each key-value: key (a GGUF string: u64 byte length, then UTF-8), value type
 * u32, value. Types: 0 uint8, 1 int8, 2 uint16, 3 int16, 4 uint32, 5 int32, 6 float32, 7 bool, 8 string,
 * 9 array (element type u32, count u64, elements), 10 uint64, 11 int64, 12 float64. Version 1 (32-bit
 * lengths) and big-endian files are refused, saying so.
 *
 * <p><b>Values</b>: uint8, int8, uint16, int16, int32 as {@code Integer}; uint32, int64, uint64 as {@code Long}
 * (a uint64 above 2^63 - 1 wraps negative); {@code Float}, {@code Double}, {@code Boolean}, {@code String}.
 * Arrays as {@code int[]} (elements of the Integer types), {@code long[]}, {@code float[]}, {@code double[]},
 * {@code boolean[]}, {@code String[]}, or {@code Object[]} of arrays (nested up to 8 deep). Keys and string
 * values must be valid UTF-8. Arrays of strings are kept as their bytes and decoded on request:
 * {@link #strings(String)} checks each element's UTF-8, {@link #value(String)} decodes as
 * {@code new String(bytes, UTF_8)} would. Keys that the read's filter rejects are skipped, not stored.
 *
 * <p><b>Bounded.</b> Lengths and counts are checked against the bytes left in the file before anything is
 * allocated, so a corrupt header fails with a message, not an {@code OutOfMemoryError}. Errors name the
 * file, the offset and the key: {@code model.gguf at offset 57, key general.name: expected metadata value type
 * 0..12, got 99}.
 *
 * <pre>{@code
 * GgufMetadata m = GgufMetadata.read(Path.of("model.gguf"));
 * String arch = m.string("general.architecture");
 * }</pre>
 *
 * @see GgufVocabularyLoader  the tokenizer keys turned into a vocabulary
 */
public final class GgufMetadata {
    /** A GGUF metadata value type, by its code. */
    public enum Type {
        /** Code 0. */
        UINT8(1),
        /** Code 1. */
        INT8(1),
        /** Code 2. */
        UINT16(2),
        /** Code 3. */
        INT16(2),
        /** Code 4. */
        UINT32(4),
        /** Code 5. */
        INT32(4),
        /** Code 6. */
        FLOAT32(4),
        /** Code 7: one byte, 0 or 1. */
        BOOL(1),
        /** Code 8: u64 byte length, then UTF-8. */
        STRING(8),
        /** Code 9: element type u32, count u64, elements. */
        ARRAY(12),
        /** Code 10. */
        UINT64(8),
        /** Code 11. */
        INT64(8),
        /** Code 12. */
        FLOAT64(8);

        private static final Type[] BY_CODE = values();
        private final int minBytes;

        Type(int minBytes) {
            this.minBytes = minBytes;
        }

        /** The type's code in the file. */
        public int code() {
            return ordinal();
        }

        /** The type of {@code code}, or null outside 0..12. */
        public static Type of(long code) {
            return code >= 0 && code < BY_CODE.length ? BY_CODE[(int) code] : null;
        }

        /** Bytes one value takes: exact for fixed-size types, the least for strings and arrays. */
        int minBytes() {
            return minBytes;
        }

        /** Whether values have a fixed size ({@link #minBytes()} exactly). */
        boolean fixedSize() {
            return this != STRING && this != ARRAY;
        }

        /** The spec's name: {@code uint8}, {@code string}, ... */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One key's value, its type, and where it starts in the file. */
    static final class Entry {
        final Type type;
        final Type elementType;
        final Object value;
        final long offset;

        Entry(Type type, Type elementType, Object value, long offset) {
            this.type = type;
            this.elementType = elementType;
            this.value = value;
            this.offset = offset;
        }
    }

    private final String source;
    private final int version;
    private final long tensorCount;
    private final long headerBytes;
    private final GgufEntries entries;

    GgufMetadata(String source, int version, long tensorCount, long headerBytes, LinkedHashMap<String, Entry> entries) {
        this.source = source;
        this.version = version;
        this.tensorCount = tensorCount;
        this.headerBytes = headerBytes;
        this.entries = new GgufEntries(source, entries);
    }

    /**
     * Reads the header and every key-value of {@code file}.
     *
     * @throws VocabularyFormatException naming the file, offset and key of what is malformed
     */
    public static GgufMetadata read(Path file) throws IOException {
        return read(file, key -> true);
    }

    /**
     * Reads the header and the key-values whose key {@code keep} accepts; the others are skipped unread where
     * their size allows (a fixed-size array is one seek; an array of strings reads each length).
     *
     * @throws VocabularyFormatException naming the file, offset and key of what is malformed
     */
    public static GgufMetadata read(Path file, Predicate<String> keep) throws IOException {
        return GgufHeaderReader.read(file, keep);
    }

    /** The file's name as errors give it. */
    public String source() {
        return source;
    }

    /** The GGUF version, 2 or 3. */
    public int version() {
        return version;
    }

    /** How many tensors the header announces (their infos follow the key-values; they are not read). */
    public long tensorCount() {
        return tensorCount;
    }

    /** The offset where the key-value section ends: the bytes read, bar one buffer of read-ahead. */
    public long headerBytes() {
        return headerBytes;
    }

    /** The keys read, in file order. */
    public Set<String> keys() {
        return entries.keys();
    }

    /** Whether {@code key} was read. */
    public boolean has(String key) {
        return entries.has(key);
    }

    /** The value of {@code key} (see the class comment for its Java type), or null if absent. */
    public Object value(String key) {
        return entries.value(key);
    }

    /** The type of {@code key}'s value, or null if absent. */
    public Type type(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.type;
    }

    /** The element type of {@code key}'s array, or null if absent or not an array. */
    public Type elementType(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.elementType;
    }

    /** Where {@code key}'s value (its type code) starts in the file, or -1 if absent. */
    public long offset(String key) {
        return entries.offset(key);
    }

    /**
     * The value of {@code key}, of any integer type.
     *
     * @throws VocabularyFormatException if absent or not an integer
     */
    public long integer(String key) throws VocabularyFormatException {
        return entries.integer(key);
    }

    /**
     * The string value of {@code key}.
     *
     * @throws VocabularyFormatException if absent or not a string
     */
    public String string(String key) throws VocabularyFormatException {
        return entries.string(key);
    }

    /**
     * The array of strings of {@code key} (a copy).
     *
     * @throws VocabularyFormatException if absent or not an array of strings
     */
    public String[] strings(String key) throws VocabularyFormatException {
        return entries.strings(key);
    }

    /** The array of strings of {@code key} as read, undecoded. */
    GgufStringArray stringArray(String key) throws VocabularyFormatException {
        return entries.stringArray(key);
    }

    /**
     * The array of integers of {@code key} as ints (a copy): any integer element type whose values fit.
     *
     * @throws VocabularyFormatException if absent, not an integer array, or a value does not fit an int
     */
    public int[] ints(String key) throws VocabularyFormatException {
        return entries.ints(key);
    }

    /** Where element {@code i} of {@code key}'s fixed-size array starts, or the array's offset otherwise. */
    long elementOffset(String key, int i) {
        return entries.elementOffset(key, i);
    }

    /** An error at {@code key}'s value: {@code model.gguf at offset 57, key k: message}. */
    VocabularyFormatException error(String key, String message) {
        return entries.error(key, message);
    }

    VocabularyFormatException error(String where, long offset, String message) {
        return entries.error(where, offset, message);
    }

    @Override
    public String toString() {
        return "GgufMetadata{" + source + ", version " + version + ", " + tensorCount + " tensors, " + entries.size()
                + " keys read}";
    }
}
