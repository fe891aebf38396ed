package org.sampling4j;

import static org.sampling4j.processor.EpsilonProcessor.EPSILON_CUTOFF;
import static org.sampling4j.processor.EtaProcessor.ETA_CUTOFF;
import static org.sampling4j.processor.MinPProcessor.MIN_P;
import static org.sampling4j.processor.TopHProcessor.TOP_H;
import static org.sampling4j.processor.TopKProcessor.TOP_K;
import static org.sampling4j.processor.TopNSigmaProcessor.TOP_N_SIGMA;
import static org.sampling4j.processor.TopPProcessor.MIN_KEEP;
import static org.sampling4j.processor.TopPProcessor.TOP_P;
import static org.sampling4j.processor.TypicalProcessor.TYPICAL_P;

/** {@link SamplingParams}' truncations: top-k, top-p, min-p, typical-p, epsilon, eta, top-n-sigma, top-h, and minKeep. */
record TruncationParams(int topK, double topP, double minP, int minKeep, double typicalP, double epsilonCutoff,
        double etaCutoff, double topNSigma, double topH) {
    static final TruncationParams DEFAULTS = new TruncationParams(TOP_K.defaultInt(), TOP_P.defaultValue(),
            MIN_P.defaultValue(), MIN_KEEP.defaultInt(), TYPICAL_P.defaultValue(), EPSILON_CUTOFF.defaultValue(),
            ETA_CUTOFF.defaultValue(), TOP_N_SIGMA.defaultValue(), TOP_H.defaultValue());

    /** Each value checked with its processor's declared setting. */
    TruncationParams validated() {
        return new TruncationParams(TOP_K.check(topK), TOP_P.check(topP), MIN_P.check(minP), MIN_KEEP.check(minKeep),
                TYPICAL_P.check(typicalP), EPSILON_CUTOFF.check(epsilonCutoff), ETA_CUTOFF.check(etaCutoff),
                TOP_N_SIGMA.check(topNSigma), TOP_H.check(topH));
    }

    TruncationParams withTopK(int value) {
        return new TruncationParams(value, topP, minP, minKeep, typicalP, epsilonCutoff, etaCutoff, topNSigma, topH);
    }

    TruncationParams withTopP(double value) {
        return new TruncationParams(topK, value, minP, minKeep, typicalP, epsilonCutoff, etaCutoff, topNSigma, topH);
    }

    TruncationParams withMinP(double value) {
        return new TruncationParams(topK, topP, value, minKeep, typicalP, epsilonCutoff, etaCutoff, topNSigma, topH);
    }

    TruncationParams withMinKeep(int value) {
        return new TruncationParams(topK, topP, minP, value, typicalP, epsilonCutoff, etaCutoff, topNSigma, topH);
    }

    TruncationParams withTypicalP(double value) {
        return new TruncationParams(topK, topP, minP, minKeep, value, epsilonCutoff, etaCutoff, topNSigma, topH);
    }

    TruncationParams withEpsilonCutoff(double value) {
        return new TruncationParams(topK, topP, minP, minKeep, typicalP, value, etaCutoff, topNSigma, topH);
    }

    TruncationParams withEtaCutoff(double value) {
        return new TruncationParams(topK, topP, minP, minKeep, typicalP, epsilonCutoff, value, topNSigma, topH);
    }

    TruncationParams withTopNSigma(double value) {
        return new TruncationParams(topK, topP, minP, minKeep, typicalP, epsilonCutoff, etaCutoff, value, topH);
    }

    TruncationParams withTopH(double value) {
        return new TruncationParams(topK, topP, minP, minKeep, typicalP, epsilonCutoff, etaCutoff, topNSigma, value);
    }
}
