package org.sampling4j.interop;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sampling4j.LogitsProcessor;
import org.sampling4j.PenaltyScope;
import org.sampling4j.processor.EpsilonProcessor;
import org.sampling4j.processor.EtaProcessor;
import org.sampling4j.processor.FrequencyPresencePenaltyProcessor;
import org.sampling4j.processor.LogitBiasProcessor;
import org.sampling4j.processor.MinPProcessor;
import org.sampling4j.processor.NoRepeatNGramProcessor;
import org.sampling4j.processor.RepetitionPenaltyProcessor;
import org.sampling4j.processor.TemperatureProcessor;
import org.sampling4j.processor.TopKProcessor;
import org.sampling4j.processor.TopPProcessor;
import org.sampling4j.processor.TypicalProcessor;

/**
 * Builds a processor from a step of the conformance format ({@code shared/conformance/README.md}):
 * a HuggingFace logits-processor name and its keyword arguments. History-based steps count the
 * sequence's generated tokens (the conformance "history").
 *
 * <table>
 * <caption>Supported steps</caption>
 * <tr><th>name</th><th>params</th><th>processor</th></tr>
 * <tr><td>temperature</td><td>temperature</td><td>{@link TemperatureProcessor}</td></tr>
 * <tr><td>top_k</td><td>top_k, min_keep</td><td>{@link TopKProcessor} with {@code max(top_k, min_keep)}, as HF</td></tr>
 * <tr><td>top_p</td><td>top_p, min_keep</td><td>{@link TopPProcessor}</td></tr>
 * <tr><td>min_p</td><td>min_p, min_keep</td><td>{@link MinPProcessor}</td></tr>
 * <tr><td>epsilon</td><td>epsilon, min_keep</td><td>{@link EpsilonProcessor}</td></tr>
 * <tr><td>eta</td><td>eta, min_keep</td><td>{@link EtaProcessor}</td></tr>
 * <tr><td>typical_p</td><td>typical_p, min_keep</td><td>{@link TypicalProcessor}</td></tr>
 * <tr><td>no_repeat_ngram</td><td>no_repeat_ngram (n)</td><td>{@link NoRepeatNGramProcessor}, over the history</td></tr>
 * <tr><td>repetition_penalty</td><td>repetition_penalty</td><td>{@link RepetitionPenaltyProcessor}, whole history</td></tr>
 * <tr><td>openai_penalties</td><td>frequency_penalty, presence_penalty</td><td>{@link FrequencyPresencePenaltyProcessor}</td></tr>
 * <tr><td>logit_bias</td><td>logit_bias {"id": bias}</td><td>{@link LogitBiasProcessor}</td></tr>
 * </table>
 */
public final class HfSteps {
    private HfSteps() {
    }

    /**
     * The processor for one step.
     *
     * @throws UnsupportedSettingException for a step or parameter name not in the table
     * @throws IllegalArgumentException    for a value out of range
     */
    public static LogitsProcessor create(String name, Map<String, ?> params) {
        Map<String, Object> p = new LinkedHashMap<>(params == null ? Map.of() : params);
        LogitsProcessor processor;
        switch (name) {
            case "temperature":
                processor = new TemperatureProcessor(MapValues.number("temperature", require(name, p, "temperature")));
                break;
            case "top_k": {
                int minKeep = minKeep(p);
                processor = new TopKProcessor(Math.max(MapValues.integer("top_k", require(name, p, "top_k")), minKeep));
                break;
            }
            case "top_p": {
                int minKeep = minKeep(p);
                processor = new TopPProcessor(MapValues.number("top_p", require(name, p, "top_p")), minKeep);
                break;
            }
            case "min_p": {
                int minKeep = minKeep(p);
                processor = new MinPProcessor(MapValues.number("min_p", require(name, p, "min_p")), minKeep);
                break;
            }
            case "epsilon": {
                int minKeep = minKeep(p);
                processor = new EpsilonProcessor(MapValues.number("epsilon", require(name, p, "epsilon")), minKeep);
                break;
            }
            case "eta": {
                int minKeep = minKeep(p);
                processor = new EtaProcessor(MapValues.number("eta", require(name, p, "eta")), minKeep);
                break;
            }
            case "typical_p": {
                int minKeep = minKeep(p);
                processor = new TypicalProcessor(MapValues.number("typical_p", require(name, p, "typical_p")), minKeep);
                break;
            }
            case "no_repeat_ngram":
                processor = new NoRepeatNGramProcessor(MapValues.integer("no_repeat_ngram", require(name, p, "no_repeat_ngram")));
                break;
            case "repetition_penalty":
                processor = new RepetitionPenaltyProcessor(
                        MapValues.number("repetition_penalty", require(name, p, "repetition_penalty")),
                        PenaltyScope.PROMPT_AND_GENERATED, 0);
                break;
            case "openai_penalties": {
                Object f = p.remove("frequency_penalty");
                Object pr = p.remove("presence_penalty");
                processor = new FrequencyPresencePenaltyProcessor(
                        f == null ? 0 : MapValues.number("frequency_penalty", f),
                        pr == null ? 0 : MapValues.number("presence_penalty", pr), 0);
                break;
            }
            case "logit_bias": {
                Map<Integer, Float> bias = new LinkedHashMap<>();
                MapValues.tokenMap("logit_bias", require(name, p, "logit_bias"))
                        .forEach((id, b) -> bias.put(id, b.floatValue()));
                processor = new LogitBiasProcessor(bias);
                break;
            }
            default:
                throw new UnsupportedSettingException(name);
        }
        if (!p.isEmpty()) {
            throw new UnsupportedSettingException(name + "." + p.keySet().iterator().next());
        }
        return processor;
    }

    private static Object require(String step, Map<String, Object> p, String key) {
        Object v = p.remove(key);
        if (v == null) {
            throw new IllegalArgumentException(step + " needs the parameter " + key);
        }
        return v;
    }

    private static int minKeep(Map<String, Object> p) {
        Object v = p.remove("min_keep");
        return v == null ? 1 : MapValues.integer("min_keep", v);
    }
}
