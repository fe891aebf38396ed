package org.sampling4j;

import static org.sampling4j.processor.EpsilonProcessor.EPSILON_CUTOFF;
import static org.sampling4j.processor.EtaProcessor.ETA_CUTOFF;
import static org.sampling4j.processor.MinPProcessor.MIN_P;
import static org.sampling4j.processor.TopKProcessor.TOP_K;
import static org.sampling4j.processor.TopNSigmaProcessor.TOP_N_SIGMA;
import static org.sampling4j.processor.TopPProcessor.MIN_KEEP;
import static org.sampling4j.processor.TopPProcessor.TOP_P;
import static org.sampling4j.processor.TypicalProcessor.TYPICAL_P;

/** {@link SamplingParams}' truncations: top-k, top-p, min-p, typical-p, epsilon, eta, top-n-sigma, and minKeep. */
record TruncationParams(int topK, double topP, double minP, int minKeep, double typicalP, double epsilonCutoff,
        double etaCutoff, double topNSigma) {
    static final TruncationParams DEFAULTS = new TruncationParams(TOP_K.defaultInt(), TOP_P.defaultValue(),
            MIN_P.defaultValue(), MIN_KEEP.defaultInt(), TYPICAL_P.defaultValue(), EPSILON_CUTOFF.defaultValue(),
            ETA_CUTOFF.defaultValue(), TOP_N_SIGMA.defaultValue());

    /** Each value checked with its processor's declared setting. */
    TruncationParams validated() {
        return new TruncationParams(TOP_K.check(topK), TOP_P.check(topP), MIN_P.check(minP), MIN_KEEP.check(minKeep),
                TYPICAL_P.check(typicalP), EPSILON_CUTOFF.check(epsilonCutoff), ETA_CUTOFF.check(etaCutoff),
                TOP_N_SIGMA.check(topNSigma));
    }

    TruncationParams withTopK(int value) {
        return new TruncationParams(value, topP, minP, minKeep, typicalP, epsilonCutoff, etaCutoff, topNSigma);
    }

    TruncationParams withTopP(double value) {
        return new TruncationParams(topK, value, minP, minKeep, typicalP, epsilonCutoff, etaCutoff, topNSigma);
    }

    TruncationParams withMinP(double value) {
        return new TruncationParams(topK, topP, value, minKeep, typicalP, epsilonCutoff, etaCutoff, topNSigma);
    }

    TruncationParams withMinKeep(int value) {
        return new TruncationParams(topK, topP, minP, value, typicalP, epsilonCutoff, etaCutoff, topNSigma);
    }

    TruncationParams withTypicalP(double value) {
        return new TruncationParams(topK, topP, minP, minKeep, value, epsilonCutoff, etaCutoff, topNSigma);
    }

    TruncationParams withEpsilonCutoff(double value) {
        return new TruncationParams(topK, topP, minP, minKeep, typicalP, value, etaCutoff, topNSigma);
    }

    TruncationParams withEtaCutoff(double value) {
        return new TruncationParams(topK, topP, minP, minKeep, typicalP, epsilonCutoff, value, topNSigma);
    }

    TruncationParams withTopNSigma(double value) {
        return new TruncationParams(topK, topP, minP, minKeep, typicalP, epsilonCutoff, etaCutoff, value);
    }
}
