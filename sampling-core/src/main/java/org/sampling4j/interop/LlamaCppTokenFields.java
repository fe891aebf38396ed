package org.sampling4j.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sampling4j.SamplingParams;
import org.sampling4j.processor.DryProcessor;
import org.sampling4j.text.Encoder;
import org.sampling4j.text.Vocabulary;

/**
 * The llama.cpp server request fields of {@link LlamaCppRequest} whose values become token ids through the
 * model's {@link Encoder} and {@link Vocabulary}: DRY with its {@code dry_sequence_breakers} (strings, by
 * {@link LlamaCppBreakers}), {@code logit_bias} in the server's two forms (ids, or text whose every token
 * gets the bias, read as the server's {@code strtol} does) and {@code ignore_eos} (the vocabulary's EOS ids).
 */
final class LlamaCppTokenFields {
    private static final double DRY_BASE = DryProcessor.DRY_BASE.defaultValue();

    private LlamaCppTokenFields() {
    }

    static void dry(RequestFields f, SamplingParams.Builder b, Encoder encoder, Vocabulary vocabulary) {
        double multiplier = DryProcessor.DRY_MULTIPLIER.checkAs("dry_multiplier", or(f.number("dry_multiplier"), 0.0));
        double base = or(f.number("dry_base"), DRY_BASE);
        int allowed = DryProcessor.DRY_ALLOWED_LENGTH.checkAs("dry_allowed_length", or(f.integer("dry_allowed_length"), 2));
        int lastN = or(f.integer("dry_penalty_last_n"), -1);
        Object breakers = f.raw("dry_sequence_breakers");
        boolean on = DryProcessor.enabledBy(multiplier) && lastN != 0;
        if (!on) {
            for (String name : new String[] {"dry_base", "dry_allowed_length", "dry_sequence_breakers"}) {
                if (f.raw(name) != null) {
                    f.ignoredBecause(name, "DRY is off (dry_multiplier 0 or dry_penalty_last_n 0)");
                }
            }
            return;
        }
        b.dry(multiplier, base < 1 ? DRY_BASE : base, allowed, Math.max(lastN, 0));
        if (breakers != null && !MapValues.isStringList(breakers)) {
            b.drySequenceBreakers(MapValues.tokenSequences("dry_sequence_breakers", breakers));
            return;
        }
        List<String> strings = breakers == null ? LlamaCppBreakers.DEFAULTS : MapValues.stringList("dry_sequence_breakers", breakers);
        String missing = encoder == null && vocabulary == null ? "an Encoder and a Vocabulary"
                : encoder == null ? "an Encoder" : vocabulary == null ? "a Vocabulary" : null;
        if (missing != null) {
            String reason = "DRY's sequence breakers " + (breakers == null ? "(llama.cpp's defaults " + PyText.repr(strings)
                    + ") " : "") + "are text: turning them into token ids needs " + missing
                    + ", ParamsMapping.fromLlamaCpp(body, encoder, vocabulary), or give token-id lists";
            f.unsupported(breakers == null ? "dry_multiplier" : "dry_sequence_breakers", reason);
            return;
        }
        b.drySequenceBreakers(LlamaCppBreakers.tokenize(strings, encoder, vocabulary));
    }

    /**
     * The server's two logit_bias forms, entry by entry as it reads them; text is encoded and every
     * token of it gets the bias; all entries add up, as the server's list of (token, bias) pairs does.
     */
    static void logitBias(RequestFields f, Encoder encoder, Vocabulary vocabulary, Map<Integer, Double> out) {
        Object raw = f.raw("logit_bias");
        List<String> texts = new ArrayList<>();
        if (raw instanceof List) {
            for (Object el : (List<?>) raw) {
                if (!(el instanceof List) || ((List<?>) el).size() != 2) {
                    continue;
                }
                Double bias = bias(((List<?>) el).get(1));
                Object key = ((List<?>) el).get(0);
                if (bias == null) {
                    continue;
                }
                if (isInteger(key)) {
                    addId(out, ((Number) key).longValue(), bias, vocabulary);
                } else if (key instanceof CharSequence) {
                    texts.add(key.toString());
                    addText(out, key.toString(), bias, encoder);
                }
            }
        } else if (raw instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) raw).entrySet()) {
                Double bias = bias(e.getValue());
                if (bias == null) {
                    continue;
                }
                String key = String.valueOf(e.getKey());
                Long id = strtol(key);
                if (id != null) {
                    addId(out, id, bias, vocabulary);
                } else {
                    texts.add(key);
                    addText(out, key, bias, encoder);
                }
            }
        }
        if (!texts.isEmpty() && encoder == null) {
            f.unsupported("logit_bias", "the text entries " + PyText.repr(texts) + " need the model's tokenizer: pass an"
                    + " Encoder, ParamsMapping.fromLlamaCpp(body, encoder, vocabulary); the id entries were applied");
        }
    }

    static void ignoreEos(RequestFields f, Vocabulary vocabulary, Map<Integer, Double> out) {
        if (!Boolean.TRUE.equals(f.bool("ignore_eos"))) {
            return;
        }
        if (vocabulary == null) {
            f.unsupported("ignore_eos", "llama.cpp bans every end-of-generation token: pass a Vocabulary, whose EOS ids are"
                    + " banned, or ban them with logit_bias");
            return;
        }
        for (int id : vocabulary.eosIds()) {
            out.merge(id, Double.NEGATIVE_INFINITY, Double::sum);
        }
    }

    /** A number, or false for -Inf; null for what the server skips (true, strings, null). */
    private static Double bias(Object value) {
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        if (Boolean.FALSE.equals(value)) {
            return Double.NEGATIVE_INFINITY;
        }
        return null;
    }

    /** nlohmann's {@code is_number_integer}: a JSON integer, not 1.0. */
    private static boolean isInteger(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof java.math.BigInteger;
    }

    private static void addId(Map<Integer, Double> out, long id, double bias, Vocabulary vocabulary) {
        if (id < 0 || id > Integer.MAX_VALUE || (vocabulary != null && !vocabulary.isToken((int) id))) {
            return; // the server keeps only 0 <= id < n_vocab
        }
        out.merge((int) id, bias, Double::sum);
    }

    /** llama.cpp's string logit bias: every token of the text's encoding gets the bias. */
    static void addText(Map<Integer, Double> out, String text, double bias, Encoder encoder) {
        if (encoder == null) {
            return;
        }
        for (int id : encoder.encode(text)) {
            out.merge(id, bias, Double::sum);
        }
    }

    /**
     * The key as the server's {@code strtol(key, &end, 10)} with {@code *end == 0} reads it: optional
     * leading C whitespace and sign, then decimal digits to the end. Null for a text key. The empty
     * key, which strtol reads as token 0, is refused.
     */
    static Long strtol(String key) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("logit_bias key \"\" is empty: llama.cpp's server reads it as token 0;"
                    + " write \"0\" if that is meant");
        }
        int i = 0;
        while (i < key.length() && " \t\n\u000b\f\r".indexOf(key.charAt(i)) >= 0) {
            i++;
        }
        int digitsFrom = i < key.length() && (key.charAt(i) == '+' || key.charAt(i) == '-') ? i + 1 : i;
        if (digitsFrom == key.length()) {
            return null;
        }
        for (int k = digitsFrom; k < key.length(); k++) {
            if (key.charAt(k) < '0' || key.charAt(k) > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(key.substring(key.charAt(i) == '+' ? i + 1 : i));
        } catch (NumberFormatException e) {
            return -1L; // out of range: not a token id, skipped like a negative one
        }
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
