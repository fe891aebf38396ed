package org.sampling4j.text;

/**
 * The stream logic of a {@link TextStream}, for one sequence: decodes each token into the
 * {@link PendingText}, runs the stop-string matcher over the new chars, records the match that ends the text
 * and where the output is cut, and releases all but the held-back suffix that may begin a stop string.
 * The rules are in {@link TextStream}'s javadoc.
 */
final class TextSequence {
    final Detokenizer detokenizer;
    final StopStrings stops;
    private final StopStringMatcher matcher;
    final boolean includeStopStringInOutput;
    /** Decoded chars not yet released, and how many were. */
    final PendingText pending;
    /** After a stop: where in {@code pending} the output ends, before the match or after it. */
    int stopCut;
    int consumed;
    StopStringMatch stop;
    boolean finished;

    TextSequence(Detokenizer detokenizer, StopStrings stops, boolean includeStopStringInOutput, int capacity) {
        this.detokenizer = detokenizer;
        this.stops = stops;
        this.matcher = new StopStringMatcher(stops);
        this.includeStopStringInOutput = includeStopStringInOutput;
        this.pending = new PendingText(capacity);
    }

    /** Ends the sequence without a stop token (see {@link TextStream#finish(StringBuilder)}). */
    void finish(StringBuilder out) {
        if (stop != null || finished) {
            return;
        }
        finished = true;
        pending.reserve(1);
        int from = pending.end();
        int to = detokenizer.finish(pending.chars(), from);
        if (to > from && !stops.isEmpty() && matchStop(from, to)) {
            pending.appendRelease(stopCut, out);
            return;
        }
        pending.end(to);
        pending.appendRelease(to, out);
    }

    /** Starts a new sequence with the same settings. */
    void reset() {
        detokenizer.reset();
        matcher.reset();
        pending.clear();
        consumed = 0;
        stop = null;
        finished = false;
    }

    /** Decodes and matches one token; appends the released chars to {@code out} when given (else the caller releases them). */
    boolean acceptOne(int token, StringBuilder out) {
        detokenizer.check(token); // before anything changes
        pending.reserve(detokenizer.maxCharsChecked(token));
        int from = pending.end();
        int to = detokenizer.decodeChecked(token, pending.chars(), from);
        consumed++;
        if (to > from && !stops.isEmpty() && matchStop(from, to)) {
            if (out != null) {
                pending.appendRelease(stopCut, out);
            }
            return true;
        }
        pending.end(to);
        if (out != null) {
            pending.appendRelease(releasableEnd(), out);
        }
        return false;
    }

    /** Runs the matcher over {@code pending[from, to)}; on a match records the stop and its release length. */
    private boolean matchStop(int from, int to) {
        int end = matcher.accept(pending.chars(), from, to);
        if (end < 0) {
            return false;
        }
        int index = matcher.matchedIndex();
        int start = end - stops.get(index).length(); // >= pending.start(): the match lies in the held chars and the new ones
        stop = new StopStringMatch(index, stops.get(index), pending.released() + (start - pending.start()), consumed,
                includeStopStringInOutput);
        stopCut = includeStopStringInOutput ? end : start;
        pending.end(stopCut);
        return true;
    }

    /** Where the releasable chars end: all but the suffix that may begin a stop string. */
    int releasableEnd() {
        return pending.end() - matcher.heldBack();
    }

    void checkOpen() {
        if (stop != null) {
            throw new IllegalStateException("the text stopped at token " + stop.tokensConsumed() + " on stop["
                    + stop.stopIndex() + "] " + StopStrings.quote(stop.stopString()) + "; reset() starts a new sequence");
        }
        if (finished) {
            throw new IllegalStateException("the text is finished; reset() starts a new sequence");
        }
    }
}
