package org.sampling4j.text;

import java.io.IOException;

/**
 * A vocabulary file that is not what its loader expected. The message names the file, where in it (a byte
 * offset, a line, a JSON path or a GGUF key) and what was expected:
 * {@code tokenizer.json at offset 1234 (line 5, column 17), $.model.vocab.abc: expected an integer id, got "x"},
 * {@code model.gguf at offset 24: expected metadata value type 0..12, got 99}.
 */
public final class VocabularyFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An error with {@code message}. */
    public VocabularyFormatException(String message) {
        super(message);
    }

    /** An error with {@code message}, caused by {@code cause} (the JSON reader's error, say). */
    public VocabularyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
