package org.sampling4j;

import java.util.ArrayList;
import java.util.List;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.TokenPicker;
import org.sampling4j.picker.AdaptivePPicker;
import org.sampling4j.picker.GreedyPicker;
import org.sampling4j.picker.Mirostat;
import org.sampling4j.processor.DynamicTemperatureProcessor;

/**
 * Plans the chain a {@link SamplingParams} describes: the stages of its {@link ChainOrder}, each
 * building its own processors ({@link ChainStage#build}), then the picker. Greedy and mirostat skip
 * the truncating stages: truncation cannot remove the argmax, and mirostat truncates by itself
 * (llama.cpp's mirostat chain has no other truncation either). The picker: greedy, else mirostat,
 * else adaptive-p when its target is set (llama.cpp's order of precedence), else the plain draw.
 */
final class ChainPlanner {
    private ChainPlanner() {
    }

    /** The sampler for {@code vocabSize} tokens; {@link Sampler.Builder} checks the values it is given. */
    static Sampler plan(SamplingParams params, int vocabSize) {
        Sampler.Builder b = Sampler.builder(vocabSize);
        b.topLogprobs(Math.min(params.topLogprobs(), vocabSize))
                .stopConditions(params.stopConditions())
                .logprobsMode(params.logprobsMode());
        params.seed().ifPresent(b::seed);
        boolean greedy = isGreedy(params);
        boolean mirostat = Mirostat.enabledBy(params.mirostat()) && !greedy;
        List<LogitsProcessor> processors = new ArrayList<>();
        for (ChainStage stage : params.chainOrder().stages()) {
            if (!((greedy || mirostat) && stage.truncates())) {
                stage.build(params, vocabSize, processors);
            }
        }
        processors.forEach(b::add);
        return b.picker(picker(params, greedy, vocabSize)).build();
    }

    /** Temperature 0 without a dynamic range: argmax, and no random number drawn. */
    static boolean isGreedy(SamplingParams params) {
        return params.temperature() == 0.0 && !DynamicTemperatureProcessor.enabledBy(params.dynatempRange());
    }

    private static TokenPicker picker(SamplingParams p, boolean greedy, int vocabSize) {
        if (greedy) {
            return GreedyPicker.INSTANCE;
        }
        if (!Mirostat.enabledBy(p.mirostat()) && AdaptivePPicker.enabledBy(p.adaptiveTarget())) {
            return new AdaptivePPicker(p.adaptiveTarget(), p.adaptiveDecay());
        }
        return Mirostat.picker(p.mirostat(), p.mirostatTau(), p.mirostatEta(), vocabSize);
    }
}
