package org.sampling4j;

import java.util.List;
import java.util.Objects;

/**
 * The text settings of a {@link SamplingParams} request, which the sampler itself never reads:
 * a runtime (or {@link org.sampling4j.generate.Generator}) applies them to the decoded text
 * through {@link org.sampling4j.text.TextStream}. Stop strings end generation at their
 * earliest-ending match; the output keeps the match only with {@code includeStopStringInOutput};
 * special tokens contribute no text with {@code skipSpecialTokens} (vLLM's default).
 */
record TextParams(List<String> stopStrings, boolean includeStopStringInOutput, boolean skipSpecialTokens) {
    static final TextParams DEFAULTS = new TextParams(List.of(), false, true);

    /** Every stop string non-null and non-empty (an empty one would stop before any text); copied. */
    TextParams validated() {
        Objects.requireNonNull(stopStrings, "stopStrings");
        for (int i = 0; i < stopStrings.size(); i++) {
            String s = stopStrings.get(i);
            if (s == null || s.isEmpty()) {
                throw new IllegalArgumentException("stopStrings[" + i + "] = " + (s == null ? "null" : "\"\"")
                        + " is not allowed: a stop string has at least one character");
            }
        }
        return new TextParams(List.copyOf(stopStrings), includeStopStringInOutput, skipSpecialTokens);
    }

    TextParams withStopStrings(List<String> value) {
        return new TextParams(value, includeStopStringInOutput, skipSpecialTokens);
    }

    TextParams withIncludeStopStringInOutput(boolean value) {
        return new TextParams(stopStrings, value, skipSpecialTokens);
    }

    TextParams withSkipSpecialTokens(boolean value) {
        return new TextParams(stopStrings, includeStopStringInOutput, value);
    }
}
