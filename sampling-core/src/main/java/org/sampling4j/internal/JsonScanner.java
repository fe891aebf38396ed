package org.sampling4j.internal;

import org.sampling4j.internal.JsonReader.Token;

/**
 * The token scanner under a {@link JsonReader}: walks the scope stack to decide what may come next, finds
 * the next token's start, checks the punctuation between tokens ({@code ,} {@code :}) and the literals
 * {@code true}, {@code false} and {@code null}, and phrases "expected X, got Y" for the token it peeked.
 */
final class JsonScanner {
    final JsonInput input;
    final JsonScopes scopes = new JsonScopes();
    final JsonErrors errors;
    final JsonStrings strings;
    final JsonNumbers numbers;
    private final int maxDepth;
    /** The token peeked and not yet consumed, or null. */
    Token peeked;
    /** The offset of the last token peeked. */
    int tokenStart;
    boolean peekedBoolean;

    JsonScanner(byte[] json, String source, int maxDepth) {
        this.input = new JsonInput(json, source);
        this.errors = new JsonErrors(input, scopes);
        this.strings = new JsonStrings(input, errors);
        this.numbers = new JsonNumbers(input, errors);
        this.maxDepth = maxDepth;
    }

    /** What comes next, without consuming it. */
    Token peek() throws JsonException {
        if (peeked != null) {
            return peeked;
        }
        int scope = scopes.top();
        int c;
        switch (scope) {
            case JsonScopes.EMPTY_DOCUMENT:
                scopes.setTop(JsonScopes.NONEMPTY_DOCUMENT);
                return value(input.nextNonWhitespace());
            case JsonScopes.NONEMPTY_DOCUMENT:
                c = input.nextNonWhitespace();
                if (c < 0) {
                    tokenStart = input.pos;
                    return peeked = Token.END_DOCUMENT;
                }
                throw errors.errorAt(input.pos - 1, "expected the end of the document, got "
                        + errors.describeAt(input.pos - 1));
            case JsonScopes.EMPTY_ARRAY:
            case JsonScopes.NONEMPTY_ARRAY:
                c = input.nextNonWhitespace();
                if (c == ']') {
                    tokenStart = input.pos - 1;
                    return peeked = Token.END_ARRAY;
                }
                if (scope == JsonScopes.NONEMPTY_ARRAY) {
                    if (c != ',') {
                        throw errors.errorAt(input.at(c), "expected ',' or ']', got " + errors.describeAt(input.at(c)));
                    }
                    c = input.nextNonWhitespace();
                }
                scopes.setTop(JsonScopes.NONEMPTY_ARRAY);
                scopes.nextIndex();
                return value(c);
            case JsonScopes.EMPTY_OBJECT:
            case JsonScopes.NONEMPTY_OBJECT:
                c = input.nextNonWhitespace();
                if (c == '}') {
                    tokenStart = input.pos - 1;
                    return peeked = Token.END_OBJECT;
                }
                if (scope == JsonScopes.NONEMPTY_OBJECT) {
                    if (c != ',') {
                        throw errors.errorAt(input.at(c), "expected ',' or '}', got " + errors.describeAt(input.at(c)));
                    }
                    c = input.nextNonWhitespace();
                    if (c != '"') {
                        throw errors.errorAt(input.at(c), "expected a string key, got " + errors.describeAt(input.at(c)));
                    }
                } else if (c != '"') {
                    throw errors.errorAt(input.at(c), "expected a string key or '}', got "
                            + errors.describeAt(input.at(c)));
                }
                tokenStart = input.pos - 1;
                return peeked = Token.NAME;
            case JsonScopes.DANGLING_NAME:
                c = input.nextNonWhitespace();
                if (c != ':') {
                    throw errors.errorAt(input.at(c), "expected ':' after the key, got " + errors.describeAt(input.at(c)));
                }
                scopes.setTop(JsonScopes.NONEMPTY_OBJECT);
                return value(input.nextNonWhitespace());
            default:
                throw new IllegalStateException("scope " + scope);
        }
    }

    private Token value(int c) throws JsonException {
        tokenStart = input.at(c);
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
                    numbers.scan(tokenStart);
                    return peeked = Token.NUMBER;
                }
                throw errors.errorAt(tokenStart, "expected a value, got " + errors.describeAt(tokenStart));
        }
    }

    private void literal(String word) throws JsonException {
        int start = input.pos - 1;
        for (int i = 1; i < word.length(); i++) {
            if (start + i >= input.limit || input.in[start + i] != word.charAt(i)) {
                throw errors.errorAt(start, "expected a value, got " + errors.describeWord(start));
            }
        }
        input.pos = start + word.length();
    }

    /** Consumes the peeked token, which must be {@code t}; an error says it expected {@code what}. */
    void expect(Token t, String what) throws JsonException {
        if (peek() != t) {
            throw unexpected(what);
        }
        peeked = null;
    }

    /** Opens a container of kind {@code scope}, within the nesting limit. */
    void push(int scope) throws JsonException {
        if (scopes.open() >= maxDepth) {
            throw errors.errorAt(tokenStart, "expected at most " + maxDepth + " nested objects and arrays, got more");
        }
        scopes.push(scope);
    }

    JsonException unexpected(String what) throws JsonException {
        return errors.errorAt(tokenStart, "expected " + what + ", got " + describePeeked());
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
                return numbers.literal();
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
        int saved = input.pos;
        try {
            input.pos = tokenStart + 1;
            return JsonErrors.quote(strings.read(true));
        } catch (JsonException e) {
            return "a malformed string";
        } finally {
            input.pos = saved;
        }
    }
}
