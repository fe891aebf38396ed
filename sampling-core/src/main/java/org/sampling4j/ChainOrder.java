package org.sampling4j;

import java.util.List;

/**
 * The order in which {@link Sampler#of(SamplingParams, int)} runs the processors a
 * {@link SamplingParams} enables. Orders keep different tokens: top-p over a min-p-truncated set
 * never keeps more tokens than min-p over a top-p set, and temperature before truncation changes
 * what top-p and min-p keep while temperature last does not. Masks, bias and penalties always come
 * first, in that order.
 */
public enum ChainOrder {
    /** HuggingFace {@code generate}: penalties, temperature, top-k, top-p, min-p. The default. */
    HUGGINGFACE(List.of(Stage.MASKS, Stage.BIAS, Stage.PENALTIES, Stage.TEMPERATURE,
            Stage.TOP_K, Stage.TOP_P, Stage.MIN_P)),
    /** vLLM: penalties, temperature, min-p, then top-k and top-p. */
    VLLM(List.of(Stage.MASKS, Stage.BIAS, Stage.PENALTIES, Stage.TEMPERATURE,
            Stage.MIN_P, Stage.TOP_K, Stage.TOP_P)),
    /** llama.cpp's default sampler chain: penalties, top-k, top-p, min-p, then temperature. */
    LLAMA_CPP(List.of(Stage.MASKS, Stage.BIAS, Stage.PENALTIES,
            Stage.TOP_K, Stage.TOP_P, Stage.MIN_P, Stage.TEMPERATURE));

    /** A group of processors placed as one unit. */
    enum Stage { MASKS, BIAS, PENALTIES, TEMPERATURE, TOP_K, TOP_P, MIN_P }

    private final List<Stage> stages;

    ChainOrder(List<Stage> stages) {
        this.stages = stages;
    }

    List<Stage> stages() {
        return stages;
    }
}
