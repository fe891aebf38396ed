package org.sampling4j.internal;

import java.nio.charset.StandardCharsets;

/**
 * Error reporting for a {@link JsonReader}: turns a byte offset into the {@link JsonException} message that
 * names the source, offset, line, column and JSON path, and describes what was found there ("'x'", "the end
 * of the document", "the byte 0xFF"). The line and column are counted only here, when an error is raised.
 */
final class JsonErrors {
    static final int PREVIEW_CHARS = 40;

    private final JsonInput input;
    private final JsonScopes scopes;

    JsonErrors(JsonInput input, JsonScopes scopes) {
        this.input = input;
        this.scopes = scopes;
    }

    JsonException errorAt(int offset, String message) {
        byte[] in = input.in;
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < input.limit; i++) {
            if (in[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonException(input.source + " at offset " + offset + " (line " + line + ", column "
                + (offset - lineStart + 1) + "), " + scopes.path() + ": " + message, offset);
    }

    JsonException unterminated(int start, int p) {
        return errorAt(p, "expected '\"' to close the string that starts at offset " + (start - 1)
                + ", got the end of the document");
    }

    JsonException rawControl(int p) {
        return errorAt(p, "expected an escape (\\n, \\t, \\u00XX) for a control character in a string, got the raw "
                + "control character U+00" + hex2(input.in[p] & 0xFF));
    }

    String describeAt(int p) {
        byte[] in = input.in;
        int limit = input.limit;
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

    String describeWord(int p) {
        byte[] in = input.in;
        int limit = input.limit;
        int e = p;
        while (e < limit && e - p < PREVIEW_CHARS && (Character.isLetterOrDigit(in[e]) || in[e] == '-' || in[e] == '.'
                || in[e] == '+') && in[e] >= 0) {
            e++;
        }
        return e == p ? describeAt(p) : new String(in, p, e - p, StandardCharsets.ISO_8859_1);
    }

    String describeEscape(int p) {
        byte[] in = input.in;
        int e = Math.min(input.limit, p + 6);
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

    String hexBytes(int p, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "0x" : " 0x").append(hex2(input.in[p + i] & 0xFF));
        }
        return b.toString();
    }

    static String hex2(int b) {
        return String.format("%02X", b);
    }

    static String unicodeEscape(int unit) {
        return String.format("\\u%04X", unit);
    }

    /** The string {@code s} as a JSON string literal, cut after 40 characters: for error messages. */
    static String quote(String s) {
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
}
