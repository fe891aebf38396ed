package org.sampling4j.text;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A set of stop strings, compiled once into an automaton and shared by every sequence of a
 * request: the generated text ends where one of them appears (OpenAI / vLLM {@code stop},
 * Anthropic {@code stop_sequences}, LangChain4j {@code stopSequences}).
 *
 * <p><b>Rules.</b>
 * <ul>
 * <li>Matching is on the decoded text (UTF-16 chars, U+FFFD from invalid bytes included), across
 *     token boundaries. Decoded text is well formed, so a stop string matches at character
 *     boundaries only; for valid UTF-8 this equals matching bytes (DESIGN 12).</li>
 * <li>The earliest-ending match wins; of the stop strings that end at the same char, the longest
 *     (the one that starts first); of equal strings, the lowest index.</li>
 * <li>Any number of stop strings; request mappings enforce their own limits (OpenAI: 4).
 *     Duplicates are allowed. An empty string, a null, or a string with an unpaired surrogate
 *     (decoded text never holds one, so it could never match) is rejected with an
 *     {@code IllegalArgumentException} naming its index.</li>
 * </ul>
 *
 * <p><b>Reference.</b> vLLM {@code stop} (with {@code include_stop_str_in_output}) and llama.cpp
 * server's {@code stop} with partial-match holdback; see {@link TextStream} for the holdback.
 *
 * <p><b>Cost.</b> Compiling takes O(states * char classes) time and memory: a dense
 * Aho-Corasick table of one int per (state, distinct char + 1), so four 20-char strings with 30
 * distinct chars take 81 * 31 * 4 B = 10 KB; past a million entries it keeps trie edges and
 * failure links instead. Matching costs O(1) per char either way (amortized
 * in the sparse form), independent of the number of stop strings.
 *
 * <p><b>Example.</b> stops {@code ["\n\n", "User:"]} on the text {@code "Hi.\nUser: x"}: "User:"
 * matches at chars [4, 9).
 *
 * <p>Immutable and thread-safe.
 *
 * @see StopStringMatcher  the per-sequence scanner
 * @see TextStream  detokenization with stop strings
 */
public final class StopStrings {
    /** No stop strings: text is never cut. */
    public static final StopStrings NONE = new StopStrings(new String[0], true);

    private final String[] strings;
    private final int maxLength;
    private final StopAutomaton automaton;

    private StopStrings(String[] strings, boolean allowDense) {
        this.strings = strings;
        int max = 0;
        for (String s : strings) {
            max = Math.max(max, s.length());
        }
        this.maxLength = max;
        this.automaton = new StopAutomaton(strings, allowDense);
    }

    /**
     * The stop strings {@code stops}, in order (the index of each is what a match reports).
     *
     * @throws IllegalArgumentException on a null or empty string, or one with an unpaired surrogate
     */
    public static StopStrings of(String... stops) {
        if (stops == null) {
            throw new IllegalArgumentException("stop strings are null; use StopStrings.NONE for none");
        }
        return of(Arrays.asList(stops));
    }

    /**
     * The stop strings {@code stops}, in order (the index of each is what a match reports).
     *
     * @throws IllegalArgumentException on a null or empty string, or one with an unpaired surrogate
     */
    public static StopStrings of(List<String> stops) {
        return compile(stops, true);
    }

    /** As {@link #of(List)}, with the sparse automaton forced when {@code allowDense} is false (for tests). */
    static StopStrings compile(List<String> stops, boolean allowDense) {
        if (stops == null) {
            throw new IllegalArgumentException("stop strings are null; use StopStrings.NONE for none");
        }
        String[] copy = stops.toArray(new String[0]);
        for (int i = 0; i < copy.length; i++) {
            check(i, copy[i]);
        }
        return copy.length == 0 && allowDense ? NONE : new StopStrings(copy, allowDense);
    }

    private static void check(int index, String s) {
        if (s == null) {
            throw new IllegalArgumentException("stop[" + index + "] is null");
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("stop[" + index + "] is empty: a stop string needs at least one character");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("stop[" + index + "] has an unpaired surrogate at char " + i
                        + ": decoded text never contains one, so it could never match");
            }
        }
    }

    /** Number of stop strings. */
    public int size() {
        return strings.length;
    }

    /** Whether there are none. */
    public boolean isEmpty() {
        return strings.length == 0;
    }

    /** The stop string at {@code index}. */
    public String get(int index) {
        return strings[index];
    }

    /** The stop strings, in order (unmodifiable). */
    public List<String> asList() {
        return Collections.unmodifiableList(Arrays.asList(strings));
    }

    /** Length in chars of the longest stop string, 0 when there are none. */
    public int maxLength() {
        return maxLength;
    }

    StopAutomaton automaton() {
        return automaton;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StopStrings && Arrays.equals(strings, ((StopStrings) o).strings);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(strings);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("StopStrings[");
        for (int i = 0; i < strings.length; i++) {
            s.append(i == 0 ? "" : ", ").append(quote(strings[i]));
        }
        return s.append(']').toString();
    }

    /** {@code s} in double quotes, with newline, tab, quote and backslash escaped as in Java source. */
    static String quote(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            q.append(c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '"' ? "\\\"" : c == '\\' ? "\\\\" : String.valueOf(c));
        }
        return q.append('"').toString();
    }
}
