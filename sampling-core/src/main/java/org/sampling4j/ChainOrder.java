package org.sampling4j;

import java.util.List;

/**
 * The order in which {@link Sampler#of(SamplingParams, int)} runs the processors a
 * {@link SamplingParams} enables. Orders keep different tokens: top-p over a min-p-truncated set
 * never keeps more tokens than min-p over a top-p set, and temperature before truncation changes
 * what top-p and min-p keep while temperature last does not. Classifier-free guidance (HF's
 * place: before everything, on the model's rows), masks, bias and penalties always come first, in
 * that order.
 */
public enum ChainOrder {
    /**
     * HuggingFace {@code generate}: penalties, temperature, top-k, top-p, min-p, typical-p, epsilon,
     * eta (its warper order), with top-h right after temperature, where HF 5.x puts it. The default.
     * Top-n-sigma and XTC, which HF lacks, sit before top-k and last.
     */
    HUGGINGFACE(List.of(ChainStage.GUIDANCE, ChainStage.GRAMMAR, ChainStage.MASKS, ChainStage.BIAS, ChainStage.PENALTIES, ChainStage.TEMPERATURE, ChainStage.TOP_H, ChainStage.TOP_N_SIGMA,
            ChainStage.TOP_K, ChainStage.TOP_P, ChainStage.MIN_P, ChainStage.TYPICAL, ChainStage.XTC)),
    /** vLLM: penalties, temperature, min-p, then top-k and top-p (others placed as in HUGGINGFACE). */
    VLLM(List.of(ChainStage.GUIDANCE, ChainStage.GRAMMAR, ChainStage.MASKS, ChainStage.BIAS, ChainStage.PENALTIES, ChainStage.TEMPERATURE,
            ChainStage.TOP_H, ChainStage.MIN_P, ChainStage.TOP_N_SIGMA, ChainStage.TOP_K, ChainStage.TOP_P, ChainStage.TYPICAL, ChainStage.XTC)),
    /**
     * llama.cpp's default sampler chain: penalties, DRY, top-n-sigma, top-k, typical, top-p, min-p,
     * XTC, then temperature (dynamic when a range is set). Top-h, which llama.cpp lacks, opens the
     * truncations (before temperature, as they all are in this order).
     */
    LLAMA_CPP(List.of(ChainStage.GUIDANCE, ChainStage.GRAMMAR, ChainStage.MASKS, ChainStage.BIAS, ChainStage.PENALTIES, ChainStage.TOP_H, ChainStage.TOP_N_SIGMA,
            ChainStage.TOP_K, ChainStage.TYPICAL, ChainStage.TOP_P, ChainStage.MIN_P, ChainStage.XTC, ChainStage.TEMPERATURE));

    private final List<ChainStage> stages;

    ChainOrder(List<ChainStage> stages) {
        this.stages = stages;
    }

    List<ChainStage> stages() {
        return stages;
    }
}
