package org.sampling4j.interop;

import java.util.Map;
import org.sampling4j.SamplingParams;
import org.sampling4j.internal.Range;

/**
 * Builds {@link SamplingParams} from request fields in the OpenAI / vLLM vocabulary, with those
 * APIs' ranges: {@code temperature} [0, 2], {@code top_p} (0, 1], {@code top_k} an int ({@code -1}
 * or 0 disables, as vLLM), {@code min_p} [0, 1], {@code repetition_penalty} (0, 2],
 * {@code frequency_penalty} and {@code presence_penalty} [-2, 2], {@code logit_bias} token id to
 * bias clamped to [-100, 100] (as the OpenAI API documents), {@code seed} an integer,
 * {@code logprobs} [0, 20]. A {@code null} value means absent. An unknown field is reported, not
 * ignored.
 */
public final class OpenAiParams {
    private static final Range TEMPERATURE = Range.closed(0, 2).withNote("0 means greedy");
    private static final Range TOP_P = Range.openClosed(0, 1).withNote("1 disables top_p");
    private static final Range MIN_P = Range.closed(0, 1).withNote("0 disables min_p");
    private static final Range REPETITION = Range.openClosed(0, 2).withNote("1 disables repetition_penalty");
    private static final Range PENALTY = Range.closed(-2, 2).withNote("0 disables the penalty");
    private static final Range LOGPROBS = Range.closed(0, 20);
    private static final double MAX_BIAS = 100.0;

    private OpenAiParams() {
    }

    /**
     * The params a request's fields describe.
     *
     * @throws UnsupportedSettingException for a field this version does not implement
     * @throws IllegalArgumentException    for a value outside the API's range
     */
    public static SamplingParams fromMap(Map<String, ?> fields) {
        SamplingParams.Builder b = SamplingParams.builder();
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            switch (key) {
                case "temperature":
                    b.temperature(TEMPERATURE.check(key, MapValues.number(key, v)));
                    break;
                case "top_p":
                    b.topP(TOP_P.check(key, MapValues.number(key, v)));
                    break;
                case "top_k":
                    b.topK(MapValues.integer(key, v));
                    break;
                case "min_p":
                    b.minP(MIN_P.check(key, MapValues.number(key, v)));
                    break;
                case "repetition_penalty":
                    b.repetitionPenalty(REPETITION.check(key, MapValues.number(key, v)));
                    break;
                case "frequency_penalty":
                    b.frequencyPenalty(PENALTY.check(key, MapValues.number(key, v)));
                    break;
                case "presence_penalty":
                    b.presencePenalty(PENALTY.check(key, MapValues.number(key, v)));
                    break;
                case "logit_bias":
                    MapValues.tokenMap(key, v).forEach((id, bias) -> {
                        if (Double.isNaN(bias)) {
                            throw new IllegalArgumentException("logit_bias[" + id + "] = NaN is not a number");
                        }
                        b.logitBias(id, (float) Math.max(-MAX_BIAS, Math.min(MAX_BIAS, bias)));
                    });
                    break;
                case "seed":
                    b.seed(MapValues.longInteger(key, v));
                    break;
                case "logprobs":
                    b.topLogprobs(v instanceof Boolean ? 0 : LOGPROBS.check(key, MapValues.integer(key, v)));
                    break;
                default:
                    throw new UnsupportedSettingException(key);
            }
        }
        return b.build();
    }
}
