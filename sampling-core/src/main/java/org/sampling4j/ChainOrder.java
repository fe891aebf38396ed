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
     * eta (its warper order). The default. Top-n-sigma and XTC, which HF lacks, sit before top-k and last.
     */
    HUGGINGFACE(List.of(Stage.GUIDANCE, Stage.MASKS, Stage.BIAS, Stage.PENALTIES, Stage.TEMPERATURE, Stage.TOP_N_SIGMA,
            Stage.TOP_K, Stage.TOP_P, Stage.MIN_P, Stage.TYPICAL, Stage.XTC)),
    /** vLLM: penalties, temperature, min-p, then top-k and top-p (others placed as in HUGGINGFACE). */
    VLLM(List.of(Stage.GUIDANCE, Stage.MASKS, Stage.BIAS, Stage.PENALTIES, Stage.TEMPERATURE,
            Stage.MIN_P, Stage.TOP_N_SIGMA, Stage.TOP_K, Stage.TOP_P, Stage.TYPICAL, Stage.XTC)),
    /**
     * llama.cpp's default sampler chain: penalties, DRY, top-n-sigma, top-k, typical, top-p, min-p,
     * XTC, then temperature (dynamic when a range is set).
     */
    LLAMA_CPP(List.of(Stage.GUIDANCE, Stage.MASKS, Stage.BIAS, Stage.PENALTIES, Stage.TOP_N_SIGMA,
            Stage.TOP_K, Stage.TYPICAL, Stage.TOP_P, Stage.MIN_P, Stage.XTC, Stage.TEMPERATURE));

    /**
     * A group of processors placed as one unit. MASKS holds allowed / banned ids, min-tokens,
     * bad words and no-repeat-ngram; PENALTIES repetition, frequency / presence, then DRY;
     * TYPICAL typical-p, epsilon and eta.
     */
    enum Stage { GUIDANCE, MASKS, BIAS, PENALTIES, TEMPERATURE, TOP_N_SIGMA, TOP_K, TOP_P, MIN_P, TYPICAL, XTC;

        /** Whether the stage only removes tokens (skipped under greedy and mirostat). */
        boolean truncates() {
            return this != GUIDANCE && this != MASKS && this != BIAS && this != PENALTIES && this != TEMPERATURE;
        }
    }

    private final List<Stage> stages;

    ChainOrder(List<Stage> stages) {
        this.stages = stages;
    }

    List<Stage> stages() {
        return stages;
    }
}
