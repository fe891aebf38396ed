package org.sampling4j;

import static org.sampling4j.processor.DryProcessor.DRY_ALLOWED_LENGTH;
import static org.sampling4j.processor.DryProcessor.DRY_BASE;
import static org.sampling4j.processor.DryProcessor.DRY_MULTIPLIER;
import static org.sampling4j.processor.DryProcessor.DRY_PENALTY_LAST_N;

/** {@link SamplingParams}' DRY ("don't repeat yourself") penalty; breakers are token-id sequences. */
record DryParams(double dryMultiplier, double dryBase, int dryAllowedLength, int dryPenaltyLastN,
        int[][] drySequenceBreakers) {
    static final DryParams DEFAULTS = new DryParams(DRY_MULTIPLIER.defaultValue(), DRY_BASE.defaultValue(),
            DRY_ALLOWED_LENGTH.defaultInt(), DRY_PENALTY_LAST_N.defaultInt(), new int[0][]);

    /** Each value checked with its processor's declared setting; the breakers copied. */
    DryParams validated() {
        return new DryParams(DRY_MULTIPLIER.check(dryMultiplier), DRY_BASE.check(dryBase),
                DRY_ALLOWED_LENGTH.check(dryAllowedLength), DRY_PENALTY_LAST_N.check(dryPenaltyLastN),
                TokenArrays.checkSequences("drySequenceBreakers", drySequenceBreakers));
    }

    DryParams withSequenceBreakers(int[][] value) {
        return new DryParams(dryMultiplier, dryBase, dryAllowedLength, dryPenaltyLastN, value);
    }
}
