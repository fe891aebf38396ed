package org.sampling4j.internal;

import java.io.IOException;

/**
 * A JSON document that is not what its reader expected: malformed (RFC 8259) or of the wrong shape. The message
 * names the source, the byte offset, the line and column, the JSON path and what was expected:
 * {@code tokenizer.json at offset 1234 (line 5, column 17), $.model.vocab.abc: expected an integer, got "x"}.
 */
public final class JsonException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    JsonException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    /** The byte offset in the document where the unexpected input starts. */
    public long offset() {
        return offset;
    }
}
