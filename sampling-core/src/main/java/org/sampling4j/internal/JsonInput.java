package org.sampling4j.internal;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of one JSON document and the cursor into them, shared by the pieces of {@link JsonReader}: the
 * byte-level scanner that skips whitespace and reports where the character just read sits.
 */
final class JsonInput {
    final byte[] in;
    final int limit;
    final String source;
    int pos;

    /** The bytes of {@code json}, past a leading byte order mark; errors name {@code source}. */
    JsonInput(byte[] json, String source) {
        this.in = json;
        this.limit = json.length;
        this.source = source;
        if (limit >= 3 && (in[0] & 0xFF) == 0xEF && (in[1] & 0xFF) == 0xBB && (in[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
    }

    int nextNonWhitespace() {
        while (pos < limit) {
            int c = in[pos++];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c & 0xFF;
            }
        }
        return -1;
    }

    /** The offset of character {@code c} just read by {@link #nextNonWhitespace()} ({@code -1}: the end). */
    int at(int c) {
        return c < 0 ? pos : pos - 1;
    }

    boolean digitAt(int p) {
        return p < limit && in[p] >= '0' && in[p] <= '9';
    }

    /** The bytes {@code [start, end)}, which are ASCII, as a string. */
    String ascii(int start, int end) {
        return new String(in, start, end - start, StandardCharsets.ISO_8859_1);
    }
}
