package org.sampling4j.interop;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.Setting;
import org.sampling4j.processor.PenaltyScope;
import org.sampling4j.processor.BadWordsProcessor;
import org.sampling4j.processor.DryProcessor;
import org.sampling4j.processor.DynamicTemperatureProcessor;
import org.sampling4j.processor.EpsilonProcessor;
import org.sampling4j.processor.EtaProcessor;
import org.sampling4j.processor.FrequencyPresencePenaltyProcessor;
import org.sampling4j.processor.LogitBiasProcessor;
import org.sampling4j.processor.MinPProcessor;
import org.sampling4j.processor.NoRepeatNGramProcessor;
import org.sampling4j.processor.RepetitionPenaltyProcessor;
import org.sampling4j.processor.TemperatureProcessor;
import org.sampling4j.processor.TopHProcessor;
import org.sampling4j.processor.TopKProcessor;
import org.sampling4j.processor.TopPProcessor;
import org.sampling4j.processor.TopNSigmaProcessor;
import org.sampling4j.processor.TypicalProcessor;
import org.sampling4j.processor.XtcProcessor;

/**
 * Builds a processor from a step of the conformance format ({@code shared/conformance/README.md}):
 * a HuggingFace logits-processor name and its keyword arguments. History-based steps count the
 * sequence's generated tokens (the conformance "history").
 *
 * <table>
 * <caption>Supported steps</caption>
 * <tr><th>name</th><th>params</th><th>processor</th></tr>
 * <tr><td>temperature</td><td>temperature</td><td>{@link TemperatureProcessor}</td></tr>
 * <tr><td>top_k</td><td>top_k, min_keep</td><td>{@link TopKProcessor} with {@code max(top_k, min_keep)}, as HF;
 *     {@code top_k <= 0} disables the step (llama.cpp, and the README's {@code topK <= 0}), whatever min_keep says</td></tr>
 * <tr><td>top_p</td><td>top_p in [0, 1], min_keep</td><td>{@link TopPProcessor}; {@code top_p = 0} keeps the
 *     min_keep best tokens, as llama.cpp's top-p (its test vectors use it)</td></tr>
 * <tr><td>top_h</td><td>top_h in (0, 1] (HF's range)</td><td>{@link TopHProcessor}</td></tr>
 * <tr><td>min_p</td><td>min_p, min_keep</td><td>{@link MinPProcessor}</td></tr>
 * <tr><td>epsilon</td><td>epsilon, min_keep</td><td>{@link EpsilonProcessor}</td></tr>
 * <tr><td>eta</td><td>eta, min_keep</td><td>{@link EtaProcessor}</td></tr>
 * <tr><td>typical_p</td><td>typical_p, min_keep</td><td>{@link TypicalProcessor}</td></tr>
 * <tr><td>no_repeat_ngram</td><td>no_repeat_ngram (n)</td><td>{@link NoRepeatNGramProcessor}, over the history</td></tr>
 * <tr><td>repetition_penalty</td><td>repetition_penalty</td><td>{@link RepetitionPenaltyProcessor}, whole history</td></tr>
 * <tr><td>openai_penalties</td><td>frequency_penalty, presence_penalty</td><td>{@link FrequencyPresencePenaltyProcessor}</td></tr>
 * <tr><td>logit_bias</td><td>logit_bias {"id": bias}</td><td>{@link LogitBiasProcessor}</td></tr>
 * <tr><td>bad_words</td><td>bad_words [[ids]]</td><td>{@link BadWordsProcessor}, over the history</td></tr>
 * <tr><td>top_n_sigma</td><td>top_n_sigma (&lt;= 0: the step does nothing, as llama.cpp's -1)</td><td>{@link TopNSigmaProcessor}</td></tr>
 * <tr><td>xtc</td><td>xtc_probability, xtc_threshold, min_keep</td><td>{@link XtcProcessor}; its coin is drawn at the record's seed (default 0), step history.length</td></tr>
 * <tr><td>dynatemp</td><td>temperature, dynatemp_range, dynatemp_exponent</td><td>{@link DynamicTemperatureProcessor} (range 0: plain temperature)</td></tr>
 * <tr><td>dry</td><td>dry_multiplier, dry_base, dry_allowed_length, dry_penalty_last_n (-1 whole history, the default, 0 off, as llama.cpp), dry_sequence_breakers [[ids]]</td><td>{@link DryProcessor}</td></tr>
 * </table>
 * A parameter left out takes the default its processor declares ({@code docs/parameters.md}, which are
 * llama.cpp's: xtc_threshold, dynatemp_exponent, dry_base, dry_allowed_length; min_keep as HF's);
 * dry_penalty_last_n is llama.cpp's own. A step whose parameters disable it (top_k &lt;= 0, top_n_sigma &lt;= 0,
 * dry_multiplier 0) yields null: nothing to run.
 */
public final class HfSteps {
    /** llama.cpp's dry_penalty_last_n for the whole history (the core's 0), its default. */
    private static final int LLAMA_CPP_WHOLE_HISTORY = -1;

    private HfSteps() {
    }

    /**
     * The processor for one step, or null when its parameters disable it.
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
                int k = MapValues.integer("top_k", require(name, p, "top_k"));
                processor = TopKProcessor.TOP_K.isOff(k) ? null : new TopKProcessor(Math.max(k, minKeep));
                break;
            }
            case "top_p": {
                int minKeep = minKeep(p);
                processor = new TopPProcessor(llamaCppTopP(MapValues.number("top_p", require(name, p, "top_p"))), minKeep);
                break;
            }
            case "top_h": {
                double h = MapValues.number("top_h", require(name, p, "top_h"));
                if (!(h > 0 && h <= 1)) {
                    throw new IllegalArgumentException("top_h = " + h + " is outside (0, 1] (HF TopHLogitsWarper's range)");
                }
                processor = new TopHProcessor(h);
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
                        PenaltyScope.PROMPT_AND_GENERATED, RepetitionPenaltyProcessor.PENALTY_LAST_N.defaultInt());
                break;
            case "openai_penalties": {
                processor = new FrequencyPresencePenaltyProcessor(
                        number(p, "frequency_penalty", FrequencyPresencePenaltyProcessor.FREQUENCY_PENALTY),
                        number(p, "presence_penalty", FrequencyPresencePenaltyProcessor.PRESENCE_PENALTY),
                        RepetitionPenaltyProcessor.PENALTY_LAST_N.defaultInt());
                break;
            }
            case "logit_bias": {
                Map<Integer, Float> bias = new LinkedHashMap<>();
                MapValues.tokenMap("logit_bias", require(name, p, "logit_bias"))
                        .forEach((id, b) -> bias.put(id, b.floatValue()));
                processor = new LogitBiasProcessor(bias);
                break;
            }
            case "bad_words":
                processor = new BadWordsProcessor(MapValues.tokenSequences("bad_words", require(name, p, "bad_words")));
                break;
            case "top_n_sigma": {
                double n = MapValues.number("top_n_sigma", require(name, p, "top_n_sigma"));
                processor = n > 0 ? new TopNSigmaProcessor(n) : null;
                break;
            }
            case "xtc": {
                double probability = MapValues.number("xtc_probability", require(name, p, "xtc_probability"));
                double threshold = number(p, "xtc_threshold", XtcProcessor.XTC_THRESHOLD);
                processor = new XtcProcessor(probability, threshold, minKeep(p));
                break;
            }
            case "dynatemp": {
                double t = number(p, "temperature", TemperatureProcessor.TEMPERATURE);
                double range = MapValues.number("dynatemp_range", require(name, p, "dynatemp_range"));
                double exponent = number(p, "dynatemp_exponent", DynamicTemperatureProcessor.DYNATEMP_EXPONENT);
                processor = range > 0 ? new DynamicTemperatureProcessor(t, range, exponent) : new TemperatureProcessor(t);
                break;
            }
            case "dry": {
                double multiplier = MapValues.number("dry_multiplier", require(name, p, "dry_multiplier"));
                double base = number(p, "dry_base", DryProcessor.DRY_BASE);
                int allowed = integer(p, "dry_allowed_length", DryProcessor.DRY_ALLOWED_LENGTH.defaultInt());
                int window = integer(p, "dry_penalty_last_n", LLAMA_CPP_WHOLE_HISTORY);
                Object breakers = p.remove("dry_sequence_breakers");
                int[][] ids = breakers == null ? new int[0][] : MapValues.tokenSequences("dry_sequence_breakers", breakers);
                if (window < -1) {
                    throw new IllegalArgumentException("dry_penalty_last_n = " + window
                            + " is outside [-1, +Inf); -1 is the whole history, 0 disables DRY");
                }
                processor = multiplier > 0 && window != 0
                        ? new DryProcessor(multiplier, base, allowed, Math.max(window, 0), ids) : null;
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

    /**
     * llama.cpp's top-p keeps {@code min_keep} tokens (at least one) at {@code top_p = 0}; the core's
     * top-p keeps exactly that many for any mass at most the best token's, so 0 becomes the
     * smallest positive mass. Other values pass unchanged (and are range-checked by the processor).
     */
    static double llamaCppTopP(double topP) {
        return topP == 0 ? Double.MIN_VALUE : topP;
    }

    private static Object require(String step, Map<String, Object> p, String key) {
        Object v = p.remove(key);
        if (v == null) {
            throw new IllegalArgumentException(step + " needs the parameter " + key);
        }
        return v;
    }

    /** The value of {@code key}, or the default {@code setting} declares. */
    private static double number(Map<String, Object> p, String key, Setting setting) {
        Object v = p.remove(key);
        return v == null ? setting.defaultValue() : MapValues.number(key, v);
    }

    private static int integer(Map<String, Object> p, String key, int fallback) {
        Object v = p.remove(key);
        return v == null ? fallback : MapValues.integer(key, v);
    }

    private static int minKeep(Map<String, Object> p) {
        return integer(p, "min_keep", TopPProcessor.MIN_KEEP.defaultInt());
    }
}
