package org.sampling4j;

import static org.sampling4j.processor.ClassifierFreeGuidanceProcessor.GUIDANCE_SCALE;

import java.util.Objects;
import org.sampling4j.internal.Range;

/**
 * The rest of a {@link SamplingParams} request: classifier-free guidance, how many sequences, their
 * seed (null = a fresh random one per sequence) and the chain order.
 */
record RequestParams(double guidanceScale, int n, Long seed, ChainOrder chainOrder) {
    static final RequestParams DEFAULTS = new RequestParams(GUIDANCE_SCALE.defaultValue(), 1, null, ChainOrder.HUGGINGFACE);

    /** guidanceScale checked with its processor's declared setting, n in [1, +Inf). */
    RequestParams validated() {
        return new RequestParams(GUIDANCE_SCALE.check(guidanceScale), Range.atLeast(1).check("n", n), seed,
                Objects.requireNonNull(chainOrder, "chainOrder"));
    }

    RequestParams withGuidanceScale(double value) {
        return new RequestParams(value, n, seed, chainOrder);
    }

    RequestParams withN(int value) {
        return new RequestParams(guidanceScale, value, seed, chainOrder);
    }

    RequestParams withSeed(Long value) {
        return new RequestParams(guidanceScale, n, value, chainOrder);
    }

    RequestParams withChainOrder(ChainOrder value) {
        return new RequestParams(guidanceScale, n, seed, value);
    }
}
