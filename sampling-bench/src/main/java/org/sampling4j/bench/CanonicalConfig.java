package org.sampling4j.bench;

import org.sampling4j.ChainOrder;
import org.sampling4j.SamplingParams;

/** The seven canonical configurations of DESIGN.md section 7, the ones compared with llama.cpp. */
public enum CanonicalConfig {
    /** 1. greedy. */
    greedy(SamplingParams.builder().temperature(0)),
    /** 2. temperature 1.0, sample from the full vocabulary. */
    temp1(SamplingParams.builder()),
    /** 3. top-k 50, temperature 0.7. */
    topK50Temp07(SamplingParams.builder().topK(50).temperature(0.7)),
    /** 4. min-p 0.05, temperature 0.7. */
    minP005Temp07(SamplingParams.builder().minP(0.05).temperature(0.7)),
    /** 5. top-p 0.95, temperature 0.7, no top-k: llama.cpp's order (top-p sees T = 1). */
    topP095Temp07(SamplingParams.builder().topP(0.95).temperature(0.7).chainOrder(ChainOrder.LLAMA_CPP)),
    /** 6. temperature 0.7 then top-p 0.9 (HF order). */
    temp07TopP09(SamplingParams.builder().temperature(0.7).topP(0.9)),
    /** 7. penalties (last 64, repetition 1.1, frequency 0.3, presence 0.6) + top-k 50 + top-p 0.9 + min-p 0.05 + T 0.7. */
    fullChain(SamplingParams.builder().penaltyLastN(64).repetitionPenalty(1.1).frequencyPenalty(0.3)
            .presencePenalty(0.6).topK(50).topP(0.9).minP(0.05).temperature(0.7));

    private final SamplingParams.Builder builder;

    CanonicalConfig(SamplingParams.Builder builder) {
        this.builder = builder;
    }

    /** The configuration's params with the given seed. */
    public SamplingParams params(long seed) {
        return builder.build().toBuilder().seed(seed).build();
    }
}
