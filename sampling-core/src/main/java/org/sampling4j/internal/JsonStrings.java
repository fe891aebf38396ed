package org.sampling4j.internal;

import java.nio.charset.StandardCharsets;

/**
 * String and escape decoding for a {@link JsonReader}: reads a string body, checking that its bytes are
 * valid UTF-8 and its escapes well formed, and builds the Java string only when asked. ASCII strings without
 * escapes are copied in one call; others are validated byte by byte. Lone surrogate escapes are rejected:
 * a Java string could hold one, but it has no UTF-8 form, and every caller turns strings into bytes.
 */
final class JsonStrings {
    private final JsonInput input;
    private final JsonErrors errors;
    private final StringBuilder chars = new StringBuilder();

    JsonStrings(JsonInput input, JsonErrors errors) {
        this.input = input;
        this.errors = errors;
    }

    /** Reads the string whose opening quote is just before {@code pos}; returns it (or null if not built). */
    String read(boolean build) throws JsonException {
        byte[] in = input.in;
        int limit = input.limit;
        int start = input.pos;
        int p = input.pos;
        boolean ascii = true;
        while (true) {
            if (p >= limit) {
                throw errors.unterminated(start, p);
            }
            int b = in[p];
            if (b == '"') {
                input.pos = p + 1;
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
                throw errors.rawControl(p);
            }
        }
    }

    private String escapedString(int start, int p, boolean build) throws JsonException {
        byte[] in = input.in;
        int limit = input.limit;
        StringBuilder sb = chars;
        sb.setLength(0);
        int segment = start;
        while (true) {
            if (p >= limit) {
                throw errors.unterminated(start, p);
            }
            int b = in[p];
            if (b == '"' || b == '\\') {
                if (build && p > segment) {
                    sb.append(new String(in, segment, p - segment, StandardCharsets.UTF_8));
                }
                if (b == '"') {
                    input.pos = p + 1;
                    return build ? sb.toString() : null;
                }
                p = escape(p, sb, build);
                segment = p;
            } else if (b >= 0x20) {
                p++;
            } else if (b < 0) {
                p = checkUtf8(p);
            } else {
                throw errors.rawControl(p);
            }
        }
    }

    /** Decodes the escape at {@code p} (a backslash) into {@code sb}; returns the position after it. */
    private int escape(int p, StringBuilder sb, boolean build) throws JsonException {
        byte[] in = input.in;
        int limit = input.limit;
        if (p + 1 >= limit) {
            throw errors.errorAt(p + 1, "expected an escape character after '\\', got the end of the document");
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
                    throw errors.errorAt(p, "expected a high surrogate \\uD800..\\uDBFF before the low surrogate "
                            + JsonErrors.unicodeEscape(unit) + ", got it alone (a lone surrogate has no UTF-8 form)");
                }
                if (unit >= 0xD800 && unit <= 0xDBFF) {
                    int q = p + 6;
                    int low = q + 1 < limit && in[q] == '\\' && in[q + 1] == 'u' ? hex4(q) : -1;
                    if (low < 0xDC00 || low > 0xDFFF) {
                        throw errors.errorAt(q, "expected a low surrogate \\uDC00..\\uDFFF after the high surrogate "
                                + JsonErrors.unicodeEscape(unit) + ", got "
                                + (low < 0 ? errors.describeAt(q) : JsonErrors.unicodeEscape(low))
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
                throw errors.errorAt(p, "expected an escape \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX, got "
                        + errors.describeEscape(p));
        }
        if (build) {
            sb.append(c);
        }
        return p + 2;
    }

    /** The code unit of the {@code \\uXXXX} escape at {@code p}. */
    private int hex4(int p) throws JsonException {
        byte[] in = input.in;
        int limit = input.limit;
        int v = 0;
        for (int i = p + 2; i < p + 6; i++) {
            int d = i < limit ? Character.digit(in[i], 16) : -1;
            if (d < 0 || in[i] < 0) {
                throw errors.errorAt(p, "expected 4 hex digits after \\u, got " + errors.describeEscape(p));
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** Checks the UTF-8 sequence whose lead byte is at {@code p}; returns the position after it. */
    private int checkUtf8(int p) throws JsonException {
        byte[] in = input.in;
        int limit = input.limit;
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
            throw errors.errorAt(p, "expected UTF-8, got the byte 0x" + JsonErrors.hex2(b0)
                    + (b0 < 0xC0 ? " (a continuation byte without a lead byte)" : " (never valid in UTF-8)"));
        }
        for (int i = 1; i <= n; i++) {
            int b = p + i < limit ? in[p + i] & 0xFF : -1;
            int lo = i == 1 ? min : 0x80;
            int hi = i == 1 ? max : 0xBF;
            if (b < lo || b > hi) {
                throw errors.errorAt(p, "expected UTF-8, got the bytes " + errors.hexBytes(p, Math.min(i + 1, limit - p))
                        + " (a malformed " + (n + 1) + "-byte sequence)");
            }
        }
        return p + n + 1;
    }
}
