package org.sampling4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A pull reader of one JSON document (RFC 8259) held as UTF-8 bytes: the caller walks the document token by
 * token ({@link #beginObject()}, {@link #nextName()}, {@link #nextInt(String)}, ...), builds a small tree where
 * that is easier ({@link #readValue()}), and skips what it does not need ({@link #skipValue()}) without
 * building strings. No recursion except in {@code readValue}, whose depth the nesting limit bounds.
 *
 * <p><b>Strict.</b> Exactly RFC 8259: no comments, no trailing commas, no leading zeros ({@code 01}), no
 * {@code NaN}, no single quotes, no raw control characters in strings, one value per document. The bytes must
 * be valid UTF-8 (overlong forms, surrogates encoded as UTF-8 and bytes past U+10FFFF are rejected); a leading
 * byte order mark is skipped. <b>Lone surrogates</b> (<code>"&#92;uD83D"</code> not followed by a low surrogate escape,
 * or a low surrogate alone) are rejected: a Java string could hold one, but it has no UTF-8 form, and every
 * caller here turns strings into bytes. Pairs (<code>"&#92;uD83D&#92;uDE00"</code>) decode to one code point.
 * <b>Nesting</b> deeper than {@code maxDepth} (default {@value #DEFAULT_MAX_DEPTH}) containers is an error,
 * never a {@code StackOverflowError}.
 *
 * <p><b>Errors</b> are {@link JsonException}s naming the source, the byte offset, line and column (columns in
 * bytes, from 1), the JSON path and what was expected: {@code tokenizer.json at offset 1234 (line 5, column
 * 17), $.model.vocab["Ġthe"]: expected an integer id, got "x"}. Keys that are identifiers print as
 * {@code .key}, others as {@code ["key"]}; array elements as {@code [i]}. {@link #error(String)} raises such an
 * error at the last value read, for callers whose semantic checks fail.
 *
 * <p><b>Cost.</b> One pass over the bytes; ASCII strings without escapes are copied in one call, others are
 * validated byte by byte. The line and column are counted only when an error is raised.
 */
public final class JsonReader {
    /** What comes next in the document. */
    public enum Token {
        /** An opening brace: an object starts. */
        BEGIN_OBJECT,
        /** A closing brace: the object ends. */
        END_OBJECT,
        /** An opening bracket: an array starts. */
        BEGIN_ARRAY,
        /** A closing bracket: the array ends. */
        END_ARRAY,
        /** A key inside an object. */
        NAME,
        /** A string value. */
        STRING,
        /** A number value. */
        NUMBER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** {@code null}. */
        NULL,
        /** Past the document's one value, only whitespace remained. */
        END_DOCUMENT
    }

    /** Default limit on nested objects and arrays. */
    public static final int DEFAULT_MAX_DEPTH = 512;

    private final JsonScanner s;

    /** A reader of {@code json}, whose errors name {@code source} (a file name, say). */
    public JsonReader(byte[] json, String source) {
        this(json, source, DEFAULT_MAX_DEPTH);
    }

    /**
     * A reader of {@code json} that allows at most {@code maxDepth} nested containers.
     *
     * @throws IllegalArgumentException if {@code maxDepth < 1}
     */
    public JsonReader(byte[] json, String source, int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth = " + maxDepth + " is outside [1, 2147483647]");
        }
        this.s = new JsonScanner(json, source, maxDepth);
    }

    /** A reader of the file at {@code file}, read whole; errors name the path. */
    public static JsonReader of(Path file) throws IOException {
        return new JsonReader(Files.readAllBytes(file), file.toString());
    }

    /** A reader of everything {@code in} holds (read whole, not closed); errors name {@code source}. */
    public static JsonReader of(InputStream in, String source) throws IOException {
        return new JsonReader(in.readAllBytes(), source);
    }

    /** The source name errors start with. */
    public String source() {
        return s.input.source;
    }

    /** What comes next, without consuming it. */
    public Token peek() throws JsonException {
        return s.peek();
    }

    /** Whether the current object or array has another member. */
    public boolean hasNext() throws JsonException {
        Token t = peek();
        return t != Token.END_OBJECT && t != Token.END_ARRAY && t != Token.END_DOCUMENT;
    }

    /** Consumes the opening brace of an object. */
    public void beginObject() throws JsonException {
        s.expect(Token.BEGIN_OBJECT, "an object");
        s.push(JsonScopes.EMPTY_OBJECT);
    }

    /** Consumes the closing brace of the current object. */
    public void endObject() throws JsonException {
        s.expect(Token.END_OBJECT, "'}'");
        s.scopes.pop();
    }

    /** Consumes the opening bracket of an array. */
    public void beginArray() throws JsonException {
        s.expect(Token.BEGIN_ARRAY, "an array");
        s.push(JsonScopes.EMPTY_ARRAY);
    }

    /** Consumes the closing bracket of the current array. */
    public void endArray() throws JsonException {
        s.expect(Token.END_ARRAY, "']'");
        s.scopes.pop();
    }

    /** Consumes and returns the next key of the current object. */
    public String nextName() throws JsonException {
        if (peek() != Token.NAME) {
            throw s.unexpected("a key");
        }
        String name = s.strings.read(true);
        s.scopes.name(name);
        s.scopes.setTop(JsonScopes.DANGLING_NAME);
        s.peeked = null;
        return name;
    }

    /** Consumes and returns a string value. */
    public String nextString() throws JsonException {
        return nextString("a string");
    }

    /** Consumes and returns a string value; an error says it expected {@code what} ("a token string"). */
    public String nextString(String what) throws JsonException {
        if (peek() != Token.STRING) {
            throw s.unexpected(what);
        }
        String string = s.strings.read(true);
        s.peeked = null;
        return string;
    }

    /** Consumes an integer literal in int range. */
    public int nextInt() throws JsonException {
        return nextInt("an integer");
    }

    /** Consumes an integer literal in int range; an error says it expected {@code what} ("an integer id"). */
    public int nextInt(String what) throws JsonException {
        long v = peekLong(what);
        if (v != (int) v) {
            throw s.errors.errorAt(s.tokenStart, "expected " + what + " in [-2147483648, 2147483647], got " + v);
        }
        s.peeked = null;
        return (int) v;
    }

    /** Consumes an integer literal in long range; an error says it expected {@code what}. */
    public long nextLong(String what) throws JsonException {
        long v = peekLong(what);
        s.peeked = null;
        return v;
    }

    private long peekLong(String what) throws JsonException {
        if (peek() != Token.NUMBER || !s.numbers.isInteger()) {
            throw s.unexpected(what);
        }
        return s.numbers.longValue(what);
    }

    /** Consumes a number (any literal) as the nearest double. */
    public double nextDouble() throws JsonException {
        if (peek() != Token.NUMBER) {
            throw s.unexpected("a number");
        }
        double v = Double.parseDouble(s.numbers.literal());
        s.peeked = null;
        return v;
    }

    /**
     * Consumes a number and returns its literal exactly as written ({@code "1.50e3"}), for callers that
     * need the exact value (a JSON Schema's bounds) rather than the nearest double.
     */
    public String nextNumberLiteral() throws JsonException {
        if (peek() != Token.NUMBER) {
            throw s.unexpected("a number");
        }
        String literal = s.numbers.literal();
        s.peeked = null;
        return literal;
    }

    /** Consumes {@code true} or {@code false}. */
    public boolean nextBoolean() throws JsonException {
        if (peek() != Token.BOOLEAN) {
            throw s.unexpected("true or false");
        }
        s.peeked = null;
        return s.peekedBoolean;
    }

    /** Consumes {@code null}. */
    public void nextNull() throws JsonException {
        s.expect(Token.NULL, "null");
    }

    /** Consumes the next value, whatever it is, checking its syntax but building nothing. */
    public void skipValue() throws JsonException {
        JsonValues.skip(this, s);
    }

    /**
     * Consumes the next value as a tree: {@code Map<String, Object>} (insertion order; a repeated key keeps
     * its last value), {@code List<Object>}, {@code String}, {@code Long} for integers in long range,
     * {@code Double} for other numbers, {@code Boolean}, and {@code null}.
     */
    public Object readValue() throws JsonException {
        return JsonValues.read(this, s, JsonTree.LENIENT);
    }

    /** Consumes the next value as a tree of the given {@code shape} (number types, repeated keys, null). */
    public Object readValue(JsonTree shape) throws JsonException {
        return JsonValues.read(this, s, shape);
    }

    /** Checks that nothing but whitespace follows the document's value. */
    public void endDocument() throws JsonException {
        if (peek() != Token.END_DOCUMENT) {
            throw s.unexpected("the end of the document");
        }
    }

    /** The JSON path of the current position: {@code $.model.vocab["Ġthe"]}, {@code $.added_tokens[3]}. */
    public String path() {
        return s.scopes.path();
    }

    /** The byte offset of the last value read (or peeked). */
    public int offset() {
        return s.tokenStart;
    }

    /**
     * An error at the last value read (or peeked), for a caller's own check: {@code message} says what was
     * expected and what came ({@code "expected a non-negative id, got -3"}).
     */
    public JsonException error(String message) {
        return s.errors.errorAt(s.tokenStart, message);
    }

    /** The string {@code s} as a JSON string literal, cut after 40 characters: for error messages. */
    public static String quote(String s) {
        return JsonErrors.quote(s);
    }
}
