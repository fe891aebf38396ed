package org.sampling4j.text;

/**
 * The pending-text buffer of a {@link TextStream}: decoded chars not yet released,
 * {@code chars()[start(), end())}, and the count of chars released so far. Released chars are not shifted
 * out after each token; the held ones move to the front only when a token would not fit behind them, so a
 * long held-back stop prefix costs nothing per token.
 */
final class PendingText {
    private char[] chars;
    private int start;
    private int end;
    private long released;

    PendingText(int capacity) {
        this.chars = new char[capacity];
    }

    /** The buffer; valid until the next {@link #reserve}. */
    char[] chars() {
        return chars;
    }

    /** Where the unreleased chars start. */
    int start() {
        return start;
    }

    /** Where the decoded chars end. */
    int end() {
        return end;
    }

    /** Sets where the decoded chars end (after decoding into {@link #chars()}, or to cut at a stop). */
    void end(int end) {
        this.end = end;
    }

    /** Chars released so far. */
    long released() {
        return released;
    }

    /** Makes room for {@code n} more chars after {@link #end()}: moves the held chars to the front, or grows. */
    void reserve(int n) {
        if (end + n <= chars.length) {
            return;
        }
        int held = end - start;
        char[] target = held + n <= chars.length ? chars : new char[Math.max(held + n, 2 * chars.length)];
        System.arraycopy(chars, start, target, 0, held);
        chars = target;
        start = 0;
        end = held;
    }

    /** Appends {@code chars[start, cut)} to {@code out} and marks it released. */
    void appendRelease(int cut, StringBuilder out) {
        out.append(chars, start, cut - start);
        markReleased(cut);
    }

    /** {@code chars[start, cut)} as a String ("" when empty), marked released. */
    String release(int cut) {
        String s = cut == start ? "" : new String(chars, start, cut - start);
        markReleased(cut);
        return s;
    }

    private void markReleased(int cut) {
        released += cut - start;
        start = cut;
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    /** Empties the buffer for a new sequence. */
    void clear() {
        start = 0;
        end = 0;
        released = 0;
    }
}
