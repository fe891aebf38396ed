package org.sampling4j.text;

import java.util.Objects;

/**
 * Where a stop string ended a sequence's text: which string, its char range in the decoded text,
 * how many tokens were consumed (the token that completed the match is the last one), and where
 * the output ends.
 *
 * <p><b>Rules.</b> Offsets count UTF-16 chars of the decoded text (special tokens skipped or kept
 * as the detokenizer was told), from the start of the sequence. The output is the decoded text up
 * to {@link #start()}, or up to {@link #end()} with {@code includeStopStringInOutput} (vLLM's
 * {@code include_stop_str_in_output}); {@link #outputLength()} says which.
 *
 * <p><b>Example.</b> stop {@code "\n\n"} in "ab\n\ncd" decoded from tokens "ab\n", "\ncd":
 * index 0, start 2, end 4, tokens consumed 2, output "ab" (length 2), or "ab\n\n" (length 4) when
 * included.
 *
 * <p>Immutable value.
 */
public final class StopStringMatch {
    private final int stopIndex;
    private final String stopString;
    private final long start;
    private final int tokensConsumed;
    private final boolean includedInOutput;

    /**
     * A match of {@code stopString} (index {@code stopIndex}) at chars
     * {@code [start, start + stopString.length())}, completed by token number
     * {@code tokensConsumed} (1-based).
     */
    public StopStringMatch(int stopIndex, String stopString, long start, int tokensConsumed, boolean includedInOutput) {
        this.stopIndex = stopIndex;
        this.stopString = Objects.requireNonNull(stopString, "stopString");
        this.start = start;
        this.tokensConsumed = tokensConsumed;
        this.includedInOutput = includedInOutput;
    }

    /** Index of the matched string in its {@link StopStrings}. */
    public int stopIndex() {
        return stopIndex;
    }

    /** The matched stop string. */
    public String stopString() {
        return stopString;
    }

    /** Offset of the match's first char in the decoded text. */
    public long start() {
        return start;
    }

    /** Offset just past the match's last char in the decoded text. */
    public long end() {
        return start + stopString.length();
    }

    /** Tokens consumed, the one that completed the match included (it is the last one). */
    public int tokensConsumed() {
        return tokensConsumed;
    }

    /** Whether the output keeps the stop string. */
    public boolean includedInOutput() {
        return includedInOutput;
    }

    /** Length of the output text: {@link #end()} when the stop string is included, else {@link #start()}. */
    public long outputLength() {
        return includedInOutput ? end() : start;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StopStringMatch)) {
            return false;
        }
        StopStringMatch m = (StopStringMatch) o;
        return stopIndex == m.stopIndex && stopString.equals(m.stopString) && start == m.start
                && tokensConsumed == m.tokensConsumed && includedInOutput == m.includedInOutput;
    }

    @Override
    public int hashCode() {
        return Objects.hash(stopIndex, stopString, start, tokensConsumed, includedInOutput);
    }

    @Override
    public String toString() {
        return "StopStringMatch{stop[" + stopIndex + "] " + StopStrings.quote(stopString)
                + " at [" + start + ", " + end() + "), tokens consumed " + tokensConsumed
                + (includedInOutput ? ", included in output" : "") + "}";
    }
}
