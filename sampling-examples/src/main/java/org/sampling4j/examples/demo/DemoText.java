package org.sampling4j.examples.demo;

import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.generate.Generation;
import org.sampling4j.generate.Generator;

/** One generated text and what it measures: repetition, variety and the model's own log-probability. */
public final class DemoText {
    /** Word n-gram length of {@link #repetition()}. */
    public static final int REPEAT_N = 3;

    private final String text;
    private final double meanLogprob;

    private DemoText(String text, double meanLogprob) {
        this.text = text;
        this.meanLogprob = meanLogprob;
    }

    /**
     * Generates {@code length} characters after {@code prompt} with {@code params} (seeded with
     * {@code seed}) through the core's {@link Generator}, recording each character's log-probability
     * under the model's raw distribution.
     */
    public static DemoText generate(CharNGramModel model, SamplingParams params, String prompt, long seed, int length) {
        Sampler sampler = Sampler.of(params.toBuilder().seed(seed).maxTokens(length).build(), model.vocabSize());
        SequenceState state = sampler.newSequence(model.tokens(prompt));
        double[] logprobSum = new double[1];
        Generation g = new Generator(sampler).generate(model, state, (token, result) -> {
            logprobSum[0] += result.rawLogprob();
            return true;
        });
        int[] tokens = g.tokens();
        return new DemoText(model.text(tokens), logprobSum[0] / tokens.length);
    }

    /** The generated text (without the prompt). */
    public String text() {
        return text;
    }

    /** Mean log-probability per character under the model, in nats: lower reads less like the corpus. */
    public double meanLogprob() {
        return meanLogprob;
    }

    /** {@link TextMetrics#repeatedNGramRate} of word trigrams. */
    public double repetition() {
        return TextMetrics.repeatedNGramRate(text, REPEAT_N);
    }

    /** {@link TextMetrics#distinct2}. */
    public double distinct2() {
        return TextMetrics.distinct2(text);
    }
}
