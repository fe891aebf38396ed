package org.sampling4j.text;

import java.nio.charset.StandardCharsets;

/**
 * A GGUF array of strings as read: all elements' UTF-8 bytes in one blob, decoded to {@code String}s only on
 * request, so a header's 200k merges cost one copy, not 200k objects. Element i's bytes are
 * {@code [start(i), end(i))} of {@link #blob()}; its bytes start in the file at {@link #offset(int)}.
 */
final class GgufStringArray {
    private final byte[] blob;
    private final int[] ends;
    private final long elementsOffset;

    GgufStringArray(byte[] blob, int[] ends, long elementsOffset) {
        this.blob = blob;
        this.ends = ends;
        this.elementsOffset = elementsOffset;
    }

    int size() {
        return ends.length;
    }

    byte[] blob() {
        return blob;
    }

    int start(int i) {
        return i == 0 ? 0 : ends[i - 1];
    }

    int end(int i) {
        return ends[i];
    }

    /** Where element i's bytes (after its u64 length) start in the file. */
    long offset(int i) {
        return elementsOffset + 8L * (i + 1) + start(i);
    }

    /** Index of the first element that is not valid UTF-8, or -1. */
    int firstInvalid() {
        for (int i = 0; i < ends.length; i++) {
            if (Utf8.invalidAt(blob, start(i), end(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Every element decoded (invalid UTF-8 as U+FFFD; callers check {@link #firstInvalid()} first). */
    String[] toStrings() {
        String[] out = new String[ends.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new String(blob, start(i), end(i) - start(i), StandardCharsets.UTF_8);
        }
        return out;
    }
}
