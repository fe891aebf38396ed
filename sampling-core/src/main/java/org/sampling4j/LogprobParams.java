package org.sampling4j;

import java.util.Objects;
import org.sampling4j.internal.Range;

/** {@link SamplingParams}' logprobs: how many top entries, the most allowed, and what they report. */
record LogprobParams(int topLogprobs, int maxTopLogprobs, LogprobsMode logprobsMode) {
    static final LogprobParams DEFAULTS = new LogprobParams(0, SampleResult.DEFAULT_CAPACITY, LogprobsMode.PROCESSED_LOGPROBS);

    /** topLogprobs in [0, maxTopLogprobs], maxTopLogprobs in [0, +Inf). */
    LogprobParams validated() {
        int max = Range.atLeast(0).check("maxTopLogprobs", maxTopLogprobs);
        return new LogprobParams(Range.closed(0, max).withNote("raise maxTopLogprobs to allow more").check("topLogprobs", topLogprobs),
                max, Objects.requireNonNull(logprobsMode, "logprobsMode"));
    }

    LogprobParams withTopLogprobs(int value) {
        return new LogprobParams(value, maxTopLogprobs, logprobsMode);
    }

    LogprobParams withMaxTopLogprobs(int value) {
        return new LogprobParams(topLogprobs, value, logprobsMode);
    }

    LogprobParams withLogprobsMode(LogprobsMode value) {
        return new LogprobParams(topLogprobs, maxTopLogprobs, value);
    }
}
