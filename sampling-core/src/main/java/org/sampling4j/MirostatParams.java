package org.sampling4j;

import static org.sampling4j.picker.Mirostat.MIROSTAT;
import static org.sampling4j.picker.Mirostat.MIROSTAT_ETA;
import static org.sampling4j.picker.Mirostat.MIROSTAT_TAU;

/** {@link SamplingParams}' mirostat picker: its version (0 off) and its target and learning rate. */
record MirostatParams(int mirostat, double mirostatTau, double mirostatEta) {
    static final MirostatParams DEFAULTS = new MirostatParams(MIROSTAT.defaultInt(), MIROSTAT_TAU.defaultValue(),
            MIROSTAT_ETA.defaultValue());

    /** Each value checked with the pickers' declared settings. */
    MirostatParams validated() {
        return new MirostatParams(MIROSTAT.check(mirostat), MIROSTAT_TAU.check(mirostatTau), MIROSTAT_ETA.check(mirostatEta));
    }
}
