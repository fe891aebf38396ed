package org.sampling4j;

import static org.sampling4j.picker.AdaptivePPicker.ADAPTIVE_DECAY;
import static org.sampling4j.picker.AdaptivePPicker.ADAPTIVE_TARGET;

/** {@link SamplingParams}' adaptive-p picker: its target probability (negative = off) and the decay of its average. */
record AdaptivePParams(double adaptiveTarget, double adaptiveDecay) {
    static final AdaptivePParams DEFAULTS = new AdaptivePParams(ADAPTIVE_TARGET.defaultValue(), ADAPTIVE_DECAY.defaultValue());

    /** Each value checked with the picker's declared settings. */
    AdaptivePParams validated() {
        return new AdaptivePParams(ADAPTIVE_TARGET.check(adaptiveTarget), ADAPTIVE_DECAY.check(adaptiveDecay));
    }
}
