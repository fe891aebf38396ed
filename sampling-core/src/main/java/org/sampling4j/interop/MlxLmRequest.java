package org.sampling4j.interop;

import java.util.List;
import java.util.Map;
import org.sampling4j.ChainOrder;
import org.sampling4j.SamplingParams;
import org.sampling4j.processor.PenaltyScope;
import org.sampling4j.processor.RepetitionPenaltyProcessor;
import org.sampling4j.processor.TemperatureProcessor;

/**
 * MLX-LM's sampler settings as {@link SamplingParams}: the keyword arguments of
 * {@code mlx_lm.sample_utils.make_sampler} and {@code make_logits_processors} in one map, with
 * MLX-LM's defaults, special values and {@code ValueError} wording. Followed:
 * {@code mlx_lm/sample_utils.py} and {@code generate_step} in {@code mlx_lm/generate.py} as of late
 * 2025 (the version whose {@code make_logits_processors} also takes presence and frequency
 * penalties and whose {@code xtc_threshold} defaults to 0.1).
 *
 * <table>
 * <caption>Fields</caption>
 * <tr><th>field</th><th>MLX-LM (default)</th><th>becomes</th></tr>
 * <tr><td>temp</td><td>0.0: exactly 0 is greedy (argmax)</td><td>temperature (negative refused)</td></tr>
 * <tr><td>top_p</td><td>0.0: on only for 0 &lt; top_p &lt; 1 (0 is off, not 1)</td><td>topP</td></tr>
 * <tr><td>min_p</td><td>0.0: on unless 0; [0, 1]</td><td>minP</td></tr>
 * <tr><td>min_tokens_to_keep</td><td>1: an int &gt;= 1, for min-p</td><td>minKeep</td></tr>
 * <tr><td>top_k</td><td>0: on only for top_k &gt; 0 (-1 is off)</td><td>topK</td></tr>
 * <tr><td>xtc_probability, xtc_threshold</td><td>0.0 (off), 0.1; [0, 1] and [0, 0.5] when on</td><td>xtc</td></tr>
 * <tr><td>xtc_special_tokens</td><td>None / []</td><td>must be empty when XTC is on (no exemption list here)</td></tr>
 * <tr><td>logit_bias</td><td>None; {id: bias}</td><td>logitBias (added, no clamp)</td></tr>
 * <tr><td>repetition_penalty</td><td>None: off; 0 off too; &gt;= 0</td><td>repetitionPenalty</td></tr>
 * <tr><td>repetition_context_size</td><td>20; 0 is every token (Python's {@code tokens[-0:]})</td><td>penaltyLastN</td></tr>
 * </table>
 *
 * <p><b>Order.</b> MLX-LM applies the logits processors (bias, then penalties) to the logits, takes
 * log-softmax, runs top-p, min-p, XTC and top-k on those log-probabilities (temperature 1) and
 * samples with the temperature last: {@link ChainOrder#LLAMA_CPP} exactly, except that it puts
 * top-k last. Top-k commutes with min-p but not with top-p or XTC, so top_k together with an active
 * top_p or XTC is reported unsupported; so is {@code min_tokens_to_keep} above 1 with top_p or XTC
 * on, since Sampling4J's minKeep also binds those, MLX-LM's only min-p.
 * <p><b>Differs.</b> The penalty's tokens: MLX-LM's {@code generate_step} gives its logits processors
 * the generated tokens plus only the prompt's last token (the rest is prefilled without them), so for
 * the first {@code repetition_context_size} steps its window holds fewer prompt tokens than this
 * mapping's, which counts the last repetition_context_size tokens of prompt and output
 * ({@link PenaltyScope#PROMPT_AND_GENERATED}). {@code top_k} at or above the vocabulary size keeps
 * every token here; MLX-LM raises {@code "`top_k` has to be an integer in the (0, V) interval"} when
 * it samples. XTC's threshold test is {@code p > threshold} in MLX-LM, {@code p >= threshold} in
 * llama.cpp and here (a difference only at exact equality). Unsupported: presence_penalty and
 * frequency_penalty (MLX-LM counts them over their own windows of prompt-last-token and output,
 * Sampling4J over the output with the repetition window); their context sizes are then ignored.
 */
final class MlxLmRequest {
    private MlxLmRequest() {
    }

    static ParamsMapping map(Map<String, ?> kwargs) {
        RequestFields f = new RequestFields(kwargs);
        SamplingParams.Builder b = SamplingParams.builder().chainOrder(ChainOrder.LLAMA_CPP);
        double temp = or(f.number("temp"), 0.0);
        if (temp < 0) {
            throw new IllegalArgumentException("temp = " + PyText.str(f.raw("temp")) + " is negative: MLX-LM would sample"
                    + " from logits * (1 / temp), the distribution turned upside down");
        }
        b.temperature(TemperatureProcessor.TEMPERATURE.checkAs("temp", temp));
        boolean greedy = temp == 0;
        if (greedy) { // make_sampler returns its greedy sampler before reading (or checking) the rest
            for (String name : new String[] {"top_p", "min_p", "min_tokens_to_keep", "top_k", "xtc_probability",
                "xtc_threshold", "xtc_special_tokens"}) {
                if (f.raw(name) != null) {
                    f.ignoredBecause(name, "temp 0 is MLX-LM's greedy sampler, which runs no truncation");
                }
            }
        } else {
            truncation(f, b);
        }
        Object bias = f.raw("logit_bias");
        if (bias != null) {
            MapValues.tokenMap("logit_bias", bias).forEach((id, value) -> b.logitBias(id, value.floatValue()));
        }
        repetition(f, b);
        for (String name : new String[] {"presence_penalty", "frequency_penalty"}) {
            Double penalty = f.number(name);
            if (penalty != null && penalty != 0) {
                f.unsupportedBecause(name, "MLX-LM counts it over its own window of the prompt's last token and the"
                        + " output; Sampling4J's counts the output over the repetition window");
            }
            String size = name.replace("penalty", "context_size");
            if (f.raw(size) != null) {
                f.ignoredBecause(size, "the window of " + name + ", which is not mapped");
            }
        }
        return f.result(b.build());
    }

    /** make_sampler's chain, with the checks its apply_* functions make when they first run. */
    private static void truncation(RequestFields f, SamplingParams.Builder b) {
        double topP = or(f.number("top_p"), 0.0);
        boolean topPOn = 0 < topP && topP < 1;
        if (topPOn) {
            b.topP(topP);
        }
        double minP = or(f.number("min_p"), 0.0);
        Object keepRaw = f.raw("min_tokens_to_keep");
        int minKeep = 1;
        if (minP != 0) {
            if (!(0 <= minP && minP <= 1)) {
                throw new IllegalArgumentException("`min_p` has to be a float in the [0, 1] interval, but is "
                        + PyText.str(f.raw("min_p")));
            }
            if (keepRaw != null && (!isInt(keepRaw) || ((Number) keepRaw).longValue() < 1)) {
                throw new IllegalArgumentException("`min_tokens_to_keep` has to be a positive integer, but is "
                        + PyText.str(keepRaw));
            }
            minKeep = keepRaw == null ? 1 : MapValues.integer("min_tokens_to_keep", keepRaw);
            b.minP(minP);
        } else if (keepRaw != null) {
            f.ignoredBecause("min_tokens_to_keep", "only used by min-p, which is off (min_p 0)");
        }
        double xtcProbability = or(f.number("xtc_probability"), 0.0);
        double xtcThreshold = or(f.number("xtc_threshold"), 0.1);
        boolean xtcOn = xtcProbability > 0;
        Object special = f.raw("xtc_special_tokens");
        if (xtcOn) {
            if (!(0 <= xtcThreshold && xtcThreshold <= 0.5)) {
                throw new IllegalArgumentException("`threshold` has to be a float in the [0, 0.5] interval, but is "
                        + PyText.str(f.raw("xtc_threshold")));
            }
            if (!(xtcProbability <= 1)) {
                throw new IllegalArgumentException("`probability` has to be a float in the [0, 1] interval, but is "
                        + PyText.str(f.raw("xtc_probability")));
            }
            b.xtc(xtcProbability, xtcThreshold);
            if (special instanceof List && !((List<?>) special).isEmpty()) {
                f.unsupportedBecause("xtc_special_tokens", "XTC that never removes some tokens is not implemented;"
                        + " MLX-LM's own generate passes the newline and EOS ids here");
            }
        } else {
            for (String name : new String[] {"xtc_threshold", "xtc_special_tokens"}) {
                if (f.raw(name) != null) {
                    f.ignoredBecause(name, "XTC is off (xtc_probability 0)");
                }
            }
        }
        Object topKRaw = f.raw("top_k");
        if (topKRaw != null && MapValues.number("top_k", topKRaw) > 0) {
            if (!isInt(topKRaw)) {
                throw new IllegalArgumentException("`top_k` has to be an integer, but is " + PyText.str(topKRaw));
            }
            b.topK(MapValues.integer("top_k", topKRaw));
            if (topPOn || xtcOn) {
                f.unsupportedBecause("top_k", "MLX-LM applies top-k after top-p and XTC; Sampling4J's chain orders"
                        + " put it before them, which keeps other tokens");
            }
        }
        if (minKeep > 1) {
            b.minKeep(minKeep);
            if (topPOn || xtcOn) {
                f.unsupportedBecause("min_tokens_to_keep", "MLX-LM keeps these tokens in min-p only;"
                        + " Sampling4J's minKeep also binds top-p and XTC");
            }
        }
    }

    private static void repetition(RequestFields f, SamplingParams.Builder b) {
        Double penalty = f.number("repetition_penalty");
        Object sizeRaw = f.raw("repetition_context_size");
        if (penalty == null || penalty == 0) {
            if (sizeRaw != null) {
                f.ignoredBecause("repetition_context_size", "the repetition penalty is off");
            }
            return;
        }
        if (penalty < 0) {
            throw new IllegalArgumentException("penalty must be a non-negative float, got " + PyText.str(f.raw("repetition_penalty")));
        }
        int size = sizeRaw == null ? 20 : MapValues.integer("repetition_context_size", sizeRaw);
        if (size < 0) {
            throw new IllegalArgumentException("repetition_context_size = " + size + " is negative: MLX-LM's tokens[-size:]"
                    + " would then skip the first tokens instead of keeping the last ones");
        }
        b.repetitionPenalty(RepetitionPenaltyProcessor.REPETITION_PENALTY.checkAs("repetition_penalty", penalty))
                .repetitionScope(PenaltyScope.PROMPT_AND_GENERATED).penaltyLastN(size);
    }

    /** A Python int: a JSON integer (1.0 is a float to {@code isinstance(x, int)}). */
    private static boolean isInt(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof java.math.BigInteger;
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
