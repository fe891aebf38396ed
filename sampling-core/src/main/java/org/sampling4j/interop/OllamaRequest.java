package org.sampling4j.interop;

import java.util.List;
import java.util.Map;
import org.sampling4j.ChainOrder;
import org.sampling4j.SamplingParams;
import org.sampling4j.picker.Mirostat;
import org.sampling4j.processor.FrequencyPresencePenaltyProcessor;
import org.sampling4j.processor.RepetitionPenaltyProcessor;
import org.sampling4j.processor.TemperatureProcessor;

/**
 * An Ollama {@code /api/generate} or {@code /api/chat} request body as {@link SamplingParams}: its
 * {@code options} with Ollama's server defaults for absent fields ({@code api.DefaultOptions}), read
 * with Ollama's type checks and wording ({@code option "top_k" must be of type integer}). Followed:
 * {@code api/types.go} ({@code Options}, {@code DefaultOptions}, {@code FromMap}) and the options
 * table of {@code docs/modelfile.md}, 2025; values as Ollama's llama.cpp runner reads them, in
 * llama.cpp's chain order ({@link ChainOrder#LLAMA_CPP}).
 *
 * <p><b>Defaults.</b> Ollama's differ from Sampling4J's and are applied for absent fields, as vLLM's
 * max_tokens 16 is in {@link ParamsMapping#fromVllm(Map)}: temperature 0.8, top_k 40, top_p 0.9,
 * min_p 0, typical_p 1, repeat_last_n 64, repeat_penalty 1.1, presence and frequency penalties 0,
 * seed -1 (random), num_predict -1 (no limit). A model's Modelfile {@code PARAMETER}s replace these
 * on the server: merge them into {@code options} before mapping.
 *
 * <table>
 * <caption>options</caption>
 * <tr><th>option</th><th>Ollama</th><th>becomes</th></tr>
 * <tr><td>temperature</td><td>float32; &lt;= 0 greedy</td><td>temperature</td></tr>
 * <tr><td>top_k</td><td>integer; &lt;= 0 off</td><td>topK</td></tr>
 * <tr><td>top_p</td><td>float32; &gt;= 1 off, &lt;= 0 the top token</td><td>topP</td></tr>
 * <tr><td>min_p</td><td>float32; &lt;= 0 off</td><td>minP</td></tr>
 * <tr><td>typical_p</td><td>float32; &gt;= 1 off</td><td>typicalP</td></tr>
 * <tr><td>repeat_last_n</td><td>integer; 0 turns the penalties off, -1 = num_ctx</td><td>penaltyLastN (-1: 0, the whole sequence)</td></tr>
 * <tr><td>repeat_penalty, presence_penalty, frequency_penalty</td><td>float32</td><td>the same</td></tr>
 * <tr><td>mirostat, mirostat_tau, mirostat_eta</td><td>0, 1, 2; 5.0; 0.1</td><td>mirostat (the options left
 *     {@code Options} in 2025; older servers passed them to llama.cpp, whose mirostat chain drops the
 *     penalties and truncations: reported ignored)</td></tr>
 * <tr><td>seed</td><td>integer; -1 random</td><td>seed</td></tr>
 * <tr><td>stop</td><td>array of strings</td><td>stopStrings (the match excluded from the text)</td></tr>
 * <tr><td>num_predict</td><td>integer; -1 no limit, -2 fill the context</td><td>maxTokens (both: 0, no limit;
 *     the runtime stops at its context)</td></tr>
 * </table>
 * Ignored (the runner's, not the sampler's): num_ctx, num_batch, num_gpu, main_gpu, use_mmap,
 * use_mlock, num_thread, numa, low_vram, f16_kv, logits_all, vocab_only, num_keep, num_gqa; and at
 * the top level model, prompt, suffix, messages, system, template, context, stream, raw, keep_alive,
 * images, tools, think, truncate, shift, logprobs, top_logprobs (Ollama does not document which
 * logprobs it reports). Unsupported: {@code format} (JSON or a schema: structured output), older
 * Ollama's {@code tfs_z} other than 1 and {@code penalize_newline} false. An option Ollama does not
 * know is in {@link ParamsMapping#unknown()} (Ollama logs {@code invalid option provided} and goes on).
 * Report keys of options are {@code options.name}.
 *
 * <p><b>Refused.</b> Ollama checks types only; values its runners disagree on or misbehave with are
 * refused naming the option: {@code stop} given as one string (Ollama: {@code option "stop" must be
 * of type array}), an empty stop string, min_p above 1, typical_p &lt;= 0, repeat_last_n below -1,
 * num_predict 0 or below -2, repeat_penalty &lt;= 0, mirostat other than 0, 1, 2.
 * <p><b>Differs.</b> Ollama's Go runner ({@code ollamarunner}, used by newer models) reads only
 * temperature, top_k, top_p, min_p and seed, and runs top-k, temperature, top-p, min-p in that order;
 * this mapping follows the llama.cpp runner, which reads every option. frequency and presence
 * penalties count only generated tokens here, the whole last repeat_last_n there. A fractional
 * integer option is truncated toward zero, as Ollama's {@code int64(float64)} does; Ollama then holds
 * the real options as float32, here they stay doubles (a difference only at a cut exactly on a
 * value's float rounding).
 */
final class OllamaRequest {
    private static final String[] TOP_LEVEL = {"model", "prompt", "suffix", "messages", "system", "template", "context",
        "stream", "raw", "keep_alive", "images", "tools", "think", "truncate", "shift", "logprobs", "top_logprobs",
        "_debug_render_only"};
    private static final String[] RUNNER = {"num_ctx", "num_batch", "num_gpu", "main_gpu", "use_mmap", "use_mlock",
        "num_thread", "numa", "low_vram", "f16_kv", "logits_all", "vocab_only", "num_keep", "num_gqa"};
    private static final String[] NOT_UNDER_MIROSTAT = {"top_k", "top_p", "min_p", "typical_p", "repeat_last_n",
        "repeat_penalty", "presence_penalty", "frequency_penalty"};

    private OllamaRequest() {
    }

    static ParamsMapping map(Map<String, ?> body) {
        RequestFields top = new RequestFields(body);
        RequestFields o = top.nested("options");
        RequestFields f = o == null ? new RequestFields(Map.of()) : o;
        SamplingParams.Builder b = SamplingParams.builder().chainOrder(ChainOrder.LLAMA_CPP);
        int mirostat = Mirostat.MIROSTAT.checkAs("mirostat", or(integer(f, "mirostat"), 0));
        b.mirostat(mirostat, Mirostat.MIROSTAT_TAU.checkAs("mirostat_tau", or(float32(f, "mirostat_tau"), 5.0)),
                Mirostat.MIROSTAT_ETA.checkAs("mirostat_eta", or(float32(f, "mirostat_eta"), 0.1)));
        double t = or(float32(f, "temperature"), 0.8);
        b.temperature(TemperatureProcessor.TEMPERATURE.checkAs("temperature", Math.max(t, 0)));
        if (mirostat == 0) {
            truncation(f, b);
            penalties(f, b);
        } else {
            for (String name : NOT_UNDER_MIROSTAT) {
                f.ignore(name, "llama.cpp's mirostat chain is temperature then mirostat: this option does not run");
            }
            // still type-checked, as Ollama does
            for (String name : new String[] {"top_p", "min_p", "typical_p", "repeat_penalty", "presence_penalty",
                "frequency_penalty"}) {
                float32(f, name);
            }
            integer(f, "top_k");
            integer(f, "repeat_last_n");
        }
        Integer seed = integer(f, "seed");
        if (seed != null && seed != -1) {
            b.seed(seed);
        }
        int predict = or(integer(f, "num_predict"), -1);
        if (predict == 0 || predict < -2) {
            throw new IllegalArgumentException("num_predict = " + predict + " is refused: Ollama documents -1 (no limit),"
                    + " -2 (fill the context) and positive counts");
        }
        b.maxTokens(Math.max(predict, 0));
        Object stop = f.raw("stop");
        if (stop != null) {
            if (!(stop instanceof List)) {
                throw new IllegalArgumentException("option \"stop\" must be of type array");
            }
            if (!MapValues.isStringList(stop) && !((List<?>) stop).isEmpty()) {
                throw new IllegalArgumentException("option \"stop\" must be of an array of strings");
            }
            List<String> strings = MapValues.stringList("stop", stop);
            for (int i = 0; i < strings.size(); i++) {
                if (strings.get(i).isEmpty()) {
                    throw new IllegalArgumentException("option \"stop\" has an empty string at " + i
                            + ": it would match at once");
                }
            }
            b.stopStrings(strings);
        }
        Double tfs = float32(f, "tfs_z");
        if (tfs != null && tfs != 1.0) {
            f.unsupportedBecause("tfs_z", "tail-free sampling (older Ollama) is not implemented by Sampling4J");
        } else {
            f.ignore("tfs_z", "1 turns tail-free sampling off");
        }
        Object newline = f.raw("penalize_newline");
        if (Boolean.FALSE.equals(newline)) {
            f.unsupportedBecause("penalize_newline", "sparing the newline token from the penalties (older Ollama) is"
                    + " not implemented: Sampling4J penalizes it like any token");
        } else {
            f.ignore("penalize_newline", "true, the default: the newline is penalized like any token");
        }
        for (String name : RUNNER) {
            f.ignore(name, "a runner setting, fixed when the model loads: not the sampler's");
        }
        Object format = top.raw("format");
        if (format != null && !"".equals(format)) {
            top.unsupported("format", "structured output (JSON or a schema) needs a constrained-decoding mask");
        }
        for (String name : TOP_LEVEL) {
            top.ignore(name, "not a sampling setting: the runtime handles it");
        }
        return top.result(b.build());
    }

    private static void truncation(RequestFields f, SamplingParams.Builder b) {
        b.topK(Math.max(or(integer(f, "top_k"), 40), 0));
        double topP = or(float32(f, "top_p"), 0.9);
        b.topP(topP >= 1 ? 1 : topP <= 0 ? Double.MIN_VALUE : topP);
        double minP = or(float32(f, "min_p"), 0.0);
        if (minP > 1) {
            throw new IllegalArgumentException("option \"min_p\" = " + f.raw("min_p") + " is above 1: Ollama's runners"
                    + " disagree on it (one keeps the top tokens, one none)");
        }
        b.minP(Math.max(minP, 0));
        double typical = or(float32(f, "typical_p"), 1.0);
        if (!(typical > 0)) {
            throw new IllegalArgumentException("option \"typical_p\" = " + f.raw("typical_p") + " is not above 0: use 1 to"
                    + " turn typical sampling off");
        }
        b.typicalP(Math.min(typical, 1));
    }

    private static void penalties(RequestFields f, SamplingParams.Builder b) {
        int lastN = or(integer(f, "repeat_last_n"), 64);
        if (lastN < -1) {
            throw new IllegalArgumentException("option \"repeat_last_n\" = " + lastN + " is below -1: 0 turns the penalties"
                    + " off, -1 means num_ctx");
        }
        double repeat = RepetitionPenaltyProcessor.REPETITION_PENALTY.checkAs("repeat_penalty", or(float32(f, "repeat_penalty"), 1.1));
        double presence = FrequencyPresencePenaltyProcessor.PRESENCE_PENALTY.checkAs("presence_penalty",
                or(float32(f, "presence_penalty"), 0.0));
        double frequency = FrequencyPresencePenaltyProcessor.FREQUENCY_PENALTY.checkAs("frequency_penalty",
                or(float32(f, "frequency_penalty"), 0.0));
        if (lastN == 0) {
            for (String name : new String[] {"repeat_penalty", "presence_penalty", "frequency_penalty"}) {
                if (f.raw(name) != null) {
                    f.ignoredBecause(name, "repeat_last_n 0 turns the penalties off");
                }
            }
            return;
        }
        b.repetitionPenalty(repeat).presencePenalty(presence).frequencyPenalty(frequency).penaltyLastN(Math.max(lastN, 0));
    }

    /** Ollama's integer option: any JSON number, truncated toward zero as Go's {@code int64(float64)}. */
    private static Integer integer(RequestFields f, String name) {
        Object v = f.raw(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number) || !Double.isFinite(((Number) v).doubleValue())) {
            throw new IllegalArgumentException("option \"" + name + "\" must be of type integer");
        }
        double d = ((Number) v).doubleValue();
        if (Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("option \"" + name + "\" = " + v + " is outside [-2147483648, 2147483647]");
        }
        return (int) d;
    }

    /** Ollama's float32 option: any JSON number. */
    private static Double float32(RequestFields f, String name) {
        Object v = f.raw(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number)) {
            throw new IllegalArgumentException("option \"" + name + "\" must be of type float32");
        }
        return ((Number) v).doubleValue();
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
