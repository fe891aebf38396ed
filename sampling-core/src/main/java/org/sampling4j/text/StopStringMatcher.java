package org.sampling4j.text;

/**
 * Scans text for {@link StopStrings}, chunk by chunk, for one sequence: reports where the
 * earliest-ending stop string ends, and how many chars at the end of the text so far could still
 * begin one (the part a streaming caller must hold back).
 *
 * <p><b>Rules.</b>
 * <ul>
 * <li>A match may span any number of chunks; the chunking never changes what matches or where.</li>
 * <li>{@code accept} stops at the first char that completes a match and returns the offset just
 *     past it; the chars after it are not read. Calling {@code accept} again goes on scanning after
 *     that char (overlapping matches included), which a detokenizer that stops at the first match
 *     never does.</li>
 * <li>Which string matched: the longest of those ending at that char (it starts first), the lowest
 *     index among equal strings.</li>
 * <li>{@link #heldBack()}: when no match has just completed, the length of the longest suffix of
 *     the text so far that is a proper prefix of some stop string. Text before it can never be
 *     part of a match; text inside it may be.</li>
 * </ul>
 *
 * <p><b>Cost.</b> O(1) per char (an Aho-Corasick automaton; amortized for very large stop sets),
 * independent of the number of stop strings; no allocation.
 *
 * <p><b>Example.</b> stops {@code ["abc", "bcd"]}: {@code accept("xab")} returns -1 with
 * {@code heldBack() == 2} ("ab"); {@code accept("cd")} then returns 1 (just past "c"): "abc"
 * ended there, before "bcd" could.
 *
 * <p>Per sequence, not thread-safe; {@link #reset} starts a new text.
 */
public final class StopStringMatcher {
    private final StopStrings stops;
    private final StopAutomaton automaton;
    private int state;
    private int matched = -1;

    /** A matcher at the start of a text. */
    public StopStringMatcher(StopStrings stops) {
        if (stops == null) {
            throw new IllegalArgumentException("stops is null; use StopStrings.NONE for none");
        }
        this.stops = stops;
        this.automaton = stops.automaton();
    }

    /** The stop strings matched. */
    public StopStrings stops() {
        return stops;
    }

    /**
     * Reads {@code text[from..to)}.
     *
     * @return the offset just past the char that completes a match (in {@code (from, to]}), or -1
     *         when none completes in this chunk
     */
    public int accept(char[] text, int from, int to) {
        StopAutomaton a = automaton;
        int s = state;
        for (int i = from; i < to; i++) {
            s = a.next(s, text[i]);
            int m = a.match(s);
            if (m >= 0) {
                state = s;
                matched = m;
                return i + 1;
            }
        }
        state = s;
        matched = -1;
        return -1;
    }

    /**
     * Reads {@code text[from..to)}.
     *
     * @return the offset just past the char that completes a match (in {@code (from, to]}), or -1
     *         when none completes in this chunk
     */
    public int accept(CharSequence text, int from, int to) {
        StopAutomaton a = automaton;
        int s = state;
        for (int i = from; i < to; i++) {
            s = a.next(s, text.charAt(i));
            int m = a.match(s);
            if (m >= 0) {
                state = s;
                matched = m;
                return i + 1;
            }
        }
        state = s;
        matched = -1;
        return -1;
    }

    /** Reads all of {@code text}; returns the offset just past the char that completes a match, or -1. */
    public int accept(CharSequence text) {
        return accept(text, 0, text.length());
    }

    /** Whether the last {@code accept} ended on a match. */
    public boolean isMatched() {
        return matched >= 0;
    }

    /** Index of the stop string the last {@code accept} ended on, or -1. */
    public int matchedIndex() {
        return matched;
    }

    /**
     * Length in chars of the stop string the last {@code accept} ended on.
     *
     * @throws IllegalStateException when it ended without a match
     */
    public int matchedLength() {
        if (matched < 0) {
            throw new IllegalStateException("no stop string matched");
        }
        return stops.get(matched).length();
    }

    /**
     * Length of the longest suffix of the text read so far that is a proper prefix of some stop
     * string: the chars that must not be shown yet. Less than {@link StopStrings#maxLength()}.
     * Meaningful when the last {@code accept} ended without a match.
     */
    public int heldBack() {
        return automaton.depth(state);
    }

    /** Forgets the text read so far. */
    public void reset() {
        state = 0;
        matched = -1;
    }
}
