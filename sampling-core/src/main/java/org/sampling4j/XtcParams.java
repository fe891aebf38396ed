package org.sampling4j;

import static org.sampling4j.processor.XtcProcessor.XTC_PROBABILITY;
import static org.sampling4j.processor.XtcProcessor.XTC_THRESHOLD;

/** {@link SamplingParams}' XTC ("exclude top choices"): how often it acts and which tokens count as top choices. */
record XtcParams(double xtcProbability, double xtcThreshold) {
    static final XtcParams DEFAULTS = new XtcParams(XTC_PROBABILITY.defaultValue(), XTC_THRESHOLD.defaultValue());

    /** Each value checked with its processor's declared setting. */
    XtcParams validated() {
        return new XtcParams(XTC_PROBABILITY.check(xtcProbability), XTC_THRESHOLD.check(xtcThreshold));
    }
}
