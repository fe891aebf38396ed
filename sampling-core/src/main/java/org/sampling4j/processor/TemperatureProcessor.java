package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.Selection;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.internal.Canonical;

/**
 * Divides the logits by the temperature: below 1 sharpens the distribution, above 1 flattens it,
 * 0 keeps only the most likely token.
 *
 * <p><b>Formula.</b> {@code x_i / T}. Applied lazily: the divisor is recorded in the
 * {@link Candidates} and folded into later probability arithmetic, so no pass over V is spent on
 * it; a processor that adds to values applies it first. {@code T == 0} keeps only the argmax
 * (ties to the lowest id) and no random number is drawn.
 * <p><b>Parameters.</b> {@link #TEMPERATURE temperature} finite, {@code >= 0}, kept as a float (a positive
 * value that rounds to float 0 is refused: use 0 for greedy); 1 is the identity (no step is added).
 * <p><b>Reference.</b> HF TemperatureLogitsWarper (which rejects 0), vLLM and llama.cpp (0 = greedy).
 * <p><b>Cost per call.</b> O(1); with {@code T == 0} one argmax pass, or O(1) when the chain found
 * the argmax while loading the row (a greedy chain with nothing that writes or masks).
 * <p><b>Example.</b> logits [2, 1, 0], T = 0.5: [4, 2, 0].
 */
public final class TemperatureProcessor implements LogitsProcessor {
    /** The divisor T; also the centre of {@link DynamicTemperatureProcessor}. */
    public static final Setting TEMPERATURE = Setting.atLeast("temperature", 0).asFloat().byDefault(1).offAt(1)
            .note("0 means greedy, 1 is the identity");

    private final float temperature;

    /** Whether a chain built from params needs this step: a temperature other than 1; otherwise it would change nothing. */
    public static boolean enabledBy(double temperature) {
        return !TEMPERATURE.isOff(temperature);
    }

    /** @param temperature finite, {@code >= 0} ({@link #TEMPERATURE}) */
    public TemperatureProcessor(double temperature) {
        this.temperature = (float) TEMPERATURE.check(temperature);
    }

    /** The divisor. */
    public float temperature() {
        return temperature;
    }

    @Override
    public String parameters() {
        return Canonical.of(temperature);
    }

    @Override
    public String name() {
        return temperature == 0f ? "temperature(0=greedy)" : "temperature";
    }

    @Override
    public boolean writesLogits() {
        return false;
    }

    /** T > 0 divides every value alike (lazily); greedy (T = 0) keeps the best, which depends on the rest. */
    @Override
    public boolean fusesBeforeTopK() {
        return temperature > 0f;
    }

    @Override
    public boolean preservesRanking() {
        return temperature > 0f;
    }

    @Override
    public void apply(Candidates candidates, SequenceView state) {
        if (temperature == 0f) {
            if (candidates.size() == 0) {
                return; // nothing left: the sampler reports it
            }
            int best = Selection.bestPosition(candidates);
            float value = candidates.valueAt(best); // no read of the row when the load found the argmax
            if (value != Float.NEGATIVE_INFINITY) {
                candidates.keepOnly(candidates.tokenAt(best), value);
            }
            return;
        }
        candidates.applyTemperature();
        candidates.setTemperature(temperature);
    }
}
