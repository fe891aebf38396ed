package org.sampling4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private static final int EMPTY_DOCUMENT = 0;
    private static final int NONEMPTY_DOCUMENT = 1;
    private static final int EMPTY_ARRAY = 2;
    private static final int NONEMPTY_ARRAY = 3;
    private static final int EMPTY_OBJECT = 4;
    private static final int DANGLING_NAME = 5;
    private static final int NONEMPTY_OBJECT = 6;
    private static final int PREVIEW_CHARS = 40;
    /** A deep path prints its first and last this many levels. */
    private static final int PATH_ENDS = 8;

    private final byte[] in;
    private final int limit;
    private final String source;
    private final int maxDepth;
    private int pos;
    private int[] scopes = new int[32];
    private String[] names = new String[32];
    private int[] indices = new int[32];
    private int depth = 1;
    private Token peeked;
    private int tokenStart;
    private boolean peekedBoolean;
    private int numberEnd;
    private boolean numberIsInteger;
    private final StringBuilder chars = new StringBuilder();

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
        this.in = json;
        this.limit = json.length;
        this.source = source;
        this.maxDepth = maxDepth;
        scopes[0] = EMPTY_DOCUMENT;
        if (limit >= 3 && (in[0] & 0xFF) == 0xEF && (in[1] & 0xFF) == 0xBB && (in[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
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
        return source;
    }

    /** What comes next, without consuming it. */
    public Token peek() throws JsonException {
        if (peeked != null) {
            return peeked;
        }
        int scope = scopes[depth - 1];
        int c;
        switch (scope) {
            case EMPTY_DOCUMENT:
                scopes[depth - 1] = NONEMPTY_DOCUMENT;
                return value(nextNonWhitespace());
            case NONEMPTY_DOCUMENT:
                c = nextNonWhitespace();
                if (c < 0) {
                    tokenStart = pos;
                    return peeked = Token.END_DOCUMENT;
                }
                throw errorAt(pos - 1, "expected the end of the document, got " + describeAt(pos - 1));
            case EMPTY_ARRAY:
            case NONEMPTY_ARRAY:
                c = nextNonWhitespace();
                if (c == ']') {
                    tokenStart = pos - 1;
                    return peeked = Token.END_ARRAY;
                }
                if (scope == NONEMPTY_ARRAY) {
                    if (c != ',') {
                        throw errorAt(at(c), "expected ',' or ']', got " + describeAt(at(c)));
                    }
                    c = nextNonWhitespace();
                }
                scopes[depth - 1] = NONEMPTY_ARRAY;
                indices[depth - 1]++;
                return value(c);
            case EMPTY_OBJECT:
            case NONEMPTY_OBJECT:
                c = nextNonWhitespace();
                if (c == '}') {
                    tokenStart = pos - 1;
                    return peeked = Token.END_OBJECT;
                }
                if (scope == NONEMPTY_OBJECT) {
                    if (c != ',') {
                        throw errorAt(at(c), "expected ',' or '}', got " + describeAt(at(c)));
                    }
                    c = nextNonWhitespace();
                    if (c != '"') {
                        throw errorAt(at(c), "expected a string key, got " + describeAt(at(c)));
                    }
                } else if (c != '"') {
                    throw errorAt(at(c), "expected a string key or '}', got " + describeAt(at(c)));
                }
                tokenStart = pos - 1;
                return peeked = Token.NAME;
            case DANGLING_NAME:
                c = nextNonWhitespace();
                if (c != ':') {
                    throw errorAt(at(c), "expected ':' after the key, got " + describeAt(at(c)));
                }
                scopes[depth - 1] = NONEMPTY_OBJECT;
                return value(nextNonWhitespace());
            default:
                throw new IllegalStateException("scope " + scope);
        }
    }

    /** Whether the current object or array has another member. */
    public boolean hasNext() throws JsonException {
        Token t = peek();
        return t != Token.END_OBJECT && t != Token.END_ARRAY && t != Token.END_DOCUMENT;
    }

    /** Consumes the opening brace of an object. */
    public void beginObject() throws JsonException {
        expect(Token.BEGIN_OBJECT, "an object");
        push(EMPTY_OBJECT);
    }

    /** Consumes the closing brace of the current object. */
    public void endObject() throws JsonException {
        expect(Token.END_OBJECT, "'}'");
        pop();
    }

    /** Consumes the opening bracket of an array. */
    public void beginArray() throws JsonException {
        expect(Token.BEGIN_ARRAY, "an array");
        push(EMPTY_ARRAY);
    }

    /** Consumes the closing bracket of the current array. */
    public void endArray() throws JsonException {
        expect(Token.END_ARRAY, "']'");
        pop();
    }

    /** Consumes and returns the next key of the current object. */
    public String nextName() throws JsonException {
        if (peek() != Token.NAME) {
            throw unexpected("a key");
        }
        String name = readString(true);
        names[depth - 1] = name;
        scopes[depth - 1] = DANGLING_NAME;
        peeked = null;
        return name;
    }

    /** Consumes and returns a string value. */
    public String nextString() throws JsonException {
        return nextString("a string");
    }

    /** Consumes and returns a string value; an error says it expected {@code what} ("a token string"). */
    public String nextString(String what) throws JsonException {
        if (peek() != Token.STRING) {
            throw unexpected(what);
        }
        String s = readString(true);
        peeked = null;
        return s;
    }

    /** Consumes an integer literal in int range. */
    public int nextInt() throws JsonException {
        return nextInt("an integer");
    }

    /** Consumes an integer literal in int range; an error says it expected {@code what} ("an integer id"). */
    public int nextInt(String what) throws JsonException {
        long v = peekLong(what);
        if (v != (int) v) {
            throw errorAt(tokenStart, "expected " + what + " in [-2147483648, 2147483647], got " + v);
        }
        peeked = null;
        return (int) v;
    }

    /** Consumes an integer literal in long range; an error says it expected {@code what}. */
    public long nextLong(String what) throws JsonException {
        long v = peekLong(what);
        peeked = null;
        return v;
    }

    private long peekLong(String what) throws JsonException {
        if (peek() != Token.NUMBER || !numberIsInteger) {
            throw unexpected(what);
        }
        int p = tokenStart;
        boolean negative = in[p] == '-';
        if (negative) {
            p++;
        }
        if (numberEnd - p <= 18) {
            long v = 0;
            for (; p < numberEnd; p++) {
                v = v * 10 + (in[p] - '0');
            }
            return negative ? -v : v;
        }
        String literal = literal();
        try {
            return Long.parseLong(literal);
        } catch (NumberFormatException e) {
            throw errorAt(tokenStart, "expected " + what + " in long range, got " + literal);
        }
    }

    /** Consumes a number (any literal) as the nearest double. */
    public double nextDouble() throws JsonException {
        if (peek() != Token.NUMBER) {
            throw unexpected("a number");
        }
        double v = Double.parseDouble(literal());
        peeked = null;
        return v;
    }

    /** Consumes {@code true} or {@code false}. */
    public boolean nextBoolean() throws JsonException {
        if (peek() != Token.BOOLEAN) {
            throw unexpected("true or false");
        }
        peeked = null;
        return peekedBoolean;
    }

    /** Consumes {@code null}. */
    public void nextNull() throws JsonException {
        expect(Token.NULL, "null");
    }

    /** Consumes the next value, whatever it is, checking its syntax but building nothing. */
    public void skipValue() throws JsonException {
        Token first = peek();
        if (first == Token.END_ARRAY || first == Token.END_OBJECT || first == Token.END_DOCUMENT
                || first == Token.NAME) {
            throw unexpected("a value");
        }
        int open = 0;
        do {
            switch (peek()) {
                case BEGIN_ARRAY:
                    beginArray();
                    open++;
                    break;
                case BEGIN_OBJECT:
                    beginObject();
                    open++;
                    break;
                case END_ARRAY:
                    endArray();
                    open--;
                    break;
                case END_OBJECT:
                    endObject();
                    open--;
                    break;
                case NAME:
                    nextName();
                    break;
                case STRING:
                    readString(false);
                    peeked = null;
                    break;
                default:
                    peeked = null;
                    break;
            }
        } while (open > 0);
    }

    /**
     * Consumes the next value as a tree: {@code Map<String, Object>} (insertion order; a repeated key keeps
     * its last value), {@code List<Object>}, {@code String}, {@code Long} for integers in long range,
     * {@code Double} for other numbers, {@code Boolean}, and {@code null}.
     */
    public Object readValue() throws JsonException {
        switch (peek()) {
            case BEGIN_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                beginObject();
                while (hasNext()) {
                    String key = nextName();
                    map.put(key, readValue());
                }
                endObject();
                return map;
            }
            case BEGIN_ARRAY: {
                List<Object> list = new ArrayList<>();
                beginArray();
                while (hasNext()) {
                    list.add(readValue());
                }
                endArray();
                return list;
            }
            case STRING:
                return nextString();
            case NUMBER:
                if (numberIsInteger) {
                    try {
                        long v = Long.parseLong(literal());
                        peeked = null;
                        return v;
                    } catch (NumberFormatException e) {
                        return nextDouble();
                    }
                }
                return nextDouble();
            case BOOLEAN:
                return nextBoolean();
            case NULL:
                nextNull();
                return null;
            default:
                throw unexpected("a value");
        }
    }

    /** Checks that nothing but whitespace follows the document's value. */
    public void endDocument() throws JsonException {
        if (peek() != Token.END_DOCUMENT) {
            throw unexpected("the end of the document");
        }
    }

    /** The JSON path of the current position: {@code $.model.vocab["Ġthe"]}, {@code $.added_tokens[3]}. */
    public String path() {
        StringBuilder p = new StringBuilder("$");
        for (int i = 1; i < depth; i++) {
            if (depth > 2 * PATH_ENDS + 1 && i == PATH_ENDS + 1) {
                p.append("...(").append(depth - 1 - 2 * PATH_ENDS).append(" levels)...");
                i = depth - PATH_ENDS - 1;
                continue;
            }
            if (scopes[i] == EMPTY_ARRAY || scopes[i] == NONEMPTY_ARRAY) {
                if (indices[i] >= 0) {
                    p.append('[').append(indices[i]).append(']');
                }
            } else if (names[i] != null) {
                appendKey(p, names[i]);
            }
        }
        return p.toString();
    }

    /** The byte offset of the last value read (or peeked). */
    public int offset() {
        return tokenStart;
    }

    /**
     * An error at the last value read (or peeked), for a caller's own check: {@code message} says what was
     * expected and what came ({@code "expected a non-negative id, got -3"}).
     */
    public JsonException error(String message) {
        return errorAt(tokenStart, message);
    }

    /** The string {@code s} as a JSON string literal, cut after 40 characters: for error messages. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), PREVIEW_CHARS) + 8).append('"');
        int n = Math.min(s.length(), PREVIEW_CHARS);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        b.append('"');
        if (s.length() > PREVIEW_CHARS) {
            b.append("... (").append(s.length()).append(" chars)");
        }
        return b.toString();
    }

    // ---- tokens

    private Token value(int c) throws JsonException {
        tokenStart = at(c);
        switch (c) {
            case '{':
                return peeked = Token.BEGIN_OBJECT;
            case '[':
                return peeked = Token.BEGIN_ARRAY;
            case '"':
                return peeked = Token.STRING;
            case 't':
                literal("true");
                peekedBoolean = true;
                return peeked = Token.BOOLEAN;
            case 'f':
                literal("false");
                peekedBoolean = false;
                return peeked = Token.BOOLEAN;
            case 'n':
                literal("null");
                return peeked = Token.NULL;
            default:
                if (c == '-' || c >= '0' && c <= '9') {
                    scanNumber();
                    return peeked = Token.NUMBER;
                }
                throw errorAt(tokenStart, "expected a value, got " + describeAt(tokenStart));
        }
    }

    private void literal(String word) throws JsonException {
        int start = pos - 1;
        for (int i = 1; i < word.length(); i++) {
            if (start + i >= limit || in[start + i] != word.charAt(i)) {
                throw errorAt(start, "expected a value, got " + describeWord(start));
            }
        }
        pos = start + word.length();
    }

    private void scanNumber() throws JsonException {
        int p = tokenStart;
        boolean integer = true;
        if (in[p] == '-') {
            p++;
        }
        if (!digitAt(p)) {
            throw errorAt(p, "expected a digit after '-', got " + describeAt(p));
        }
        if (in[p] == '0') {
            p++;
            if (digitAt(p)) {
                throw errorAt(tokenStart, "expected a number without a leading zero, got " + describeWord(tokenStart));
            }
        } else {
            while (digitAt(p)) {
                p++;
            }
        }
        if (p < limit && in[p] == '.') {
            integer = false;
            p++;
            if (!digitAt(p)) {
                throw errorAt(p, "expected a digit after '.', got " + describeAt(p));
            }
            while (digitAt(p)) {
                p++;
            }
        }
        if (p < limit && (in[p] == 'e' || in[p] == 'E')) {
            integer = false;
            p++;
            if (p < limit && (in[p] == '+' || in[p] == '-')) {
                p++;
            }
            if (!digitAt(p)) {
                throw errorAt(p, "expected a digit in the exponent, got " + describeAt(p));
            }
            while (digitAt(p)) {
                p++;
            }
        }
        numberEnd = p;
        numberIsInteger = integer;
        pos = p;
    }

    private boolean digitAt(int p) {
        return p < limit && in[p] >= '0' && in[p] <= '9';
    }

    private String literal() {
        return new String(in, tokenStart, numberEnd - tokenStart, StandardCharsets.ISO_8859_1);
    }

    /** Reads the string whose opening quote is just before {@code pos}; returns it (or null if not built). */
    private String readString(boolean build) throws JsonException {
        int start = pos;
        int p = pos;
        boolean ascii = true;
        while (true) {
            if (p >= limit) {
                throw unterminated(start, p);
            }
            int b = in[p];
            if (b == '"') {
                pos = p + 1;
                if (!build) {
                    return null;
                }
                return new String(in, start, p - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            }
            if (b >= 0x20 && b != '\\') {
                p++;
            } else if (b < 0) {
                p = checkUtf8(p);
                ascii = false;
            } else if (b == '\\') {
                return escapedString(start, p, build);
            } else {
                throw rawControl(p);
            }
        }
    }

    private String escapedString(int start, int p, boolean build) throws JsonException {
        StringBuilder sb = chars;
        sb.setLength(0);
        int segment = start;
        while (true) {
            if (p >= limit) {
                throw unterminated(start, p);
            }
            int b = in[p];
            if (b == '"' || b == '\\') {
                if (build && p > segment) {
                    sb.append(new String(in, segment, p - segment, StandardCharsets.UTF_8));
                }
                if (b == '"') {
                    pos = p + 1;
                    return build ? sb.toString() : null;
                }
                p = escape(p, sb, build);
                segment = p;
            } else if (b >= 0x20) {
                p++;
            } else if (b < 0) {
                p = checkUtf8(p);
            } else {
                throw rawControl(p);
            }
        }
    }

    /** Decodes the escape at {@code p} (a backslash) into {@code sb}; returns the position after it. */
    private int escape(int p, StringBuilder sb, boolean build) throws JsonException {
        if (p + 1 >= limit) {
            throw errorAt(p + 1, "expected an escape character after '\\', got the end of the document");
        }
        char c;
        switch (in[p + 1]) {
            case '"':
                c = '"';
                break;
            case '\\':
                c = '\\';
                break;
            case '/':
                c = '/';
                break;
            case 'b':
                c = '\b';
                break;
            case 'f':
                c = '\f';
                break;
            case 'n':
                c = '\n';
                break;
            case 'r':
                c = '\r';
                break;
            case 't':
                c = '\t';
                break;
            case 'u': {
                int unit = hex4(p);
                if (unit >= 0xDC00 && unit <= 0xDFFF) {
                    throw errorAt(p, "expected a high surrogate \\uD800..\\uDBFF before the low surrogate "
                            + unicodeEscape(unit) + ", got it alone (a lone surrogate has no UTF-8 form)");
                }
                if (unit >= 0xD800 && unit <= 0xDBFF) {
                    int q = p + 6;
                    int low = q + 1 < limit && in[q] == '\\' && in[q + 1] == 'u' ? hex4(q) : -1;
                    if (low < 0xDC00 || low > 0xDFFF) {
                        throw errorAt(q, "expected a low surrogate \\uDC00..\\uDFFF after the high surrogate "
                                + unicodeEscape(unit) + ", got " + (low < 0 ? describeAt(q) : unicodeEscape(low))
                                + " (a lone surrogate has no UTF-8 form)");
                    }
                    if (build) {
                        sb.append((char) unit).append((char) low);
                    }
                    return p + 12;
                }
                if (build) {
                    sb.append((char) unit);
                }
                return p + 6;
            }
            default:
                throw errorAt(p, "expected an escape \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX, got "
                        + describeEscape(p));
        }
        if (build) {
            sb.append(c);
        }
        return p + 2;
    }

    /** The code unit of the {@code \\uXXXX} escape at {@code p}. */
    private int hex4(int p) throws JsonException {
        int v = 0;
        for (int i = p + 2; i < p + 6; i++) {
            int d = i < limit ? Character.digit(in[i], 16) : -1;
            if (d < 0 || in[i] < 0) {
                throw errorAt(p, "expected 4 hex digits after \\u, got " + describeEscape(p));
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** Checks the UTF-8 sequence whose lead byte is at {@code p}; returns the position after it. */
    private int checkUtf8(int p) throws JsonException {
        int b0 = in[p] & 0xFF;
        int n;
        int min = 0x80;
        int max = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            n = 1;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            n = 2;
            if (b0 == 0xE0) {
                min = 0xA0;
            } else if (b0 == 0xED) {
                max = 0x9F;
            }
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            n = 3;
            if (b0 == 0xF0) {
                min = 0x90;
            } else if (b0 == 0xF4) {
                max = 0x8F;
            }
        } else {
            throw errorAt(p, "expected UTF-8, got the byte 0x" + hex2(b0)
                    + (b0 < 0xC0 ? " (a continuation byte without a lead byte)" : " (never valid in UTF-8)"));
        }
        for (int i = 1; i <= n; i++) {
            int b = p + i < limit ? in[p + i] & 0xFF : -1;
            int lo = i == 1 ? min : 0x80;
            int hi = i == 1 ? max : 0xBF;
            if (b < lo || b > hi) {
                throw errorAt(p, "expected UTF-8, got the bytes " + hexBytes(p, Math.min(i + 1, limit - p))
                        + " (a malformed " + (n + 1) + "-byte sequence)");
            }
        }
        return p + n + 1;
    }

    private int nextNonWhitespace() {
        while (pos < limit) {
            int c = in[pos++];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c & 0xFF;
            }
        }
        return -1;
    }

    /** The offset of character {@code c} just read by {@link #nextNonWhitespace()} ({@code -1}: the end). */
    private int at(int c) {
        return c < 0 ? pos : pos - 1;
    }

    private void expect(Token t, String what) throws JsonException {
        if (peek() != t) {
            throw unexpected(what);
        }
        peeked = null;
    }

    private void push(int scope) throws JsonException {
        if (depth - 1 >= maxDepth) {
            throw errorAt(tokenStart, "expected at most " + maxDepth + " nested objects and arrays, got more");
        }
        if (depth == scopes.length) {
            scopes = Arrays.copyOf(scopes, depth * 2);
            names = Arrays.copyOf(names, depth * 2);
            indices = Arrays.copyOf(indices, depth * 2);
        }
        scopes[depth] = scope;
        names[depth] = null;
        indices[depth] = -1;
        depth++;
    }

    private void pop() {
        depth--;
        names[depth] = null;
    }

    // ---- errors

    private JsonException unexpected(String what) throws JsonException {
        return errorAt(tokenStart, "expected " + what + ", got " + describePeeked());
    }

    private String describePeeked() {
        switch (peeked) {
            case BEGIN_OBJECT:
                return "an object";
            case BEGIN_ARRAY:
                return "an array";
            case END_OBJECT:
                return "'}'";
            case END_ARRAY:
                return "']'";
            case NAME:
                return "the key " + previewString();
            case STRING:
                return previewString();
            case NUMBER:
                return literal();
            case BOOLEAN:
                return Boolean.toString(peekedBoolean);
            case NULL:
                return "null";
            default:
                return "the end of the document";
        }
    }

    /** The peeked string, without consuming it. */
    private String previewString() {
        int saved = pos;
        try {
            pos = tokenStart + 1;
            return quote(readString(true));
        } catch (JsonException e) {
            return "a malformed string";
        } finally {
            pos = saved;
        }
    }

    private JsonException unterminated(int start, int p) {
        return errorAt(p, "expected '\"' to close the string that starts at offset " + (start - 1)
                + ", got the end of the document");
    }

    private JsonException rawControl(int p) {
        return errorAt(p, "expected an escape (\\n, \\t, \\u00XX) for a control character in a string, got the raw "
                + "control character U+00" + hex2(in[p] & 0xFF));
    }

    private String describeAt(int p) {
        if (p >= limit) {
            return "the end of the document";
        }
        int b = in[p] & 0xFF;
        if (b >= 0x21 && b < 0x7F) {
            return "'" + (char) b + "'";
        }
        if (b < 0x80) {
            return "the control character U+00" + hex2(b);
        }
        String s = new String(in, p, Math.min(4, limit - p), StandardCharsets.UTF_8);
        int cp = s.codePointAt(0);
        return cp == 0xFFFD ? "the byte 0x" + hex2(b) : "'" + new String(Character.toChars(cp)) + "' (U+"
                + String.format("%04X", cp) + ")";
    }

    private String describeWord(int p) {
        int e = p;
        while (e < limit && e - p < PREVIEW_CHARS && (Character.isLetterOrDigit(in[e]) || in[e] == '-' || in[e] == '.'
                || in[e] == '+') && in[e] >= 0) {
            e++;
        }
        return e == p ? describeAt(p) : new String(in, p, e - p, StandardCharsets.ISO_8859_1);
    }

    private String describeEscape(int p) {
        int e = Math.min(limit, p + 6);
        StringBuilder b = new StringBuilder();
        for (int i = p; i < e; i++) {
            int c = in[i] & 0xFF;
            if (c == '"' && i > p + 1) {
                break;
            }
            b.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : "\\x" + hex2(c));
        }
        return b.toString();
    }

    private String hexBytes(int p, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "0x" : " 0x").append(hex2(in[p + i] & 0xFF));
        }
        return b.toString();
    }

    private static String hex2(int b) {
        return String.format("%02X", b);
    }

    private static String unicodeEscape(int unit) {
        return String.format("\\u%04X", unit);
    }

    private static void appendKey(StringBuilder p, String key) {
        boolean identifier = !key.isEmpty() && Character.isJavaIdentifierStart(key.charAt(0)) && key.charAt(0) < 0x80;
        for (int i = 1; identifier && i < key.length(); i++) {
            identifier = key.charAt(i) < 0x80 && Character.isJavaIdentifierPart(key.charAt(i));
        }
        if (identifier) {
            p.append('.').append(key);
        } else {
            p.append('[').append(quote(key)).append(']');
        }
    }

    private JsonException errorAt(int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < limit; i++) {
            if (in[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonException(source + " at offset " + offset + " (line " + line + ", column "
                + (offset - lineStart + 1) + "), " + path() + ": " + message, offset);
    }
}
