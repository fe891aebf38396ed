package org.sampling4j.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sampling4j.text.GgufVocabularyLoader;
import org.sampling4j.text.TiktokenLoader;
import org.sampling4j.text.TokenizerJsonLoader;
import org.sampling4j.text.Vocabulary;

/**
 * The {@code "vocabulary"} field the CLI modes share: {@code "cl100k_base"} or {@code "o200k_base"}
 * (the rank files inside JTokkit's jar, read by Sampling4J's own tiktoken loader),
 * {@code {"tokens_b64": [...], "special": [ids]}}, or a file read by the project's loaders:
 * {@code {"gguf": path}}, {@code {"tokenizer_json": path}}, {@code {"tiktoken": path}}. Each distinct
 * one is loaded once per run.
 */
final class VocabularySource {
    private final Map<String, Vocabulary> loaded = new HashMap<>();

    /** The vocabulary a record's {@code "vocabulary"} names, loaded once per distinct source. */
    Vocabulary get(JsonNode node) throws IOException {
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("a record needs \"vocabulary\": \"cl100k_base\", \"o200k_base\", "
                    + "{\"tokens_b64\": [...]}, {\"gguf\": path}, {\"tokenizer_json\": path} or {\"tiktoken\": path}");
        }
        if (node.isTextual()) {
            String name = node.asText();
            switch (name) {
                case "cl100k_base":
                    return cached(name, () -> bundled(name, TiktokenLoader.CL100K_BASE_SPECIAL_TOKENS));
                case "o200k_base":
                    return cached(name, () -> bundled(name, TiktokenLoader.O200K_BASE_SPECIAL_TOKENS));
                default:
                    throw new IllegalArgumentException("vocabulary = \"" + name + "\" is not one of cl100k_base, o200k_base");
            }
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("vocabulary must be a name or an object, got " + node);
        }
        if (node.has("tokens_b64")) {
            return inline(node);
        }
        for (String kind : List.of("gguf", "tokenizer_json", "tiktoken")) {
            JsonNode path = node.get(kind);
            if (path != null) {
                if (!path.isTextual()) {
                    throw new IllegalArgumentException("vocabulary." + kind + " must be a file path, got " + path);
                }
                Path file = Path.of(path.asText());
                return cached(kind + ":" + file.toAbsolutePath().normalize(), () -> {
                    switch (kind) {
                        case "gguf":
                            return GgufVocabularyLoader.load(file);
                        case "tokenizer_json":
                            return TokenizerJsonLoader.load(file);
                        default:
                            return TiktokenLoader.load(file, Map.of());
                    }
                });
            }
        }
        throw new IllegalArgumentException("vocabulary needs one of tokens_b64, gguf, tokenizer_json, tiktoken; got "
                + node.fieldNames().next());
    }

    private interface Loader {
        Vocabulary load() throws IOException;
    }

    private Vocabulary cached(String key, Loader loader) throws IOException {
        Vocabulary v = loaded.get(key);
        if (v == null) {
            v = loader.load();
            loaded.put(key, v);
        }
        return v;
    }

    private static Vocabulary bundled(String name, Map<String, Integer> special) throws IOException {
        String resource = "/com/knuddels/jtokkit/" + name + ".tiktoken";
        try (InputStream in = VocabularySource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the class path (it ships in com.knuddels:jtokkit)");
            }
            return TiktokenLoader.load(in, name + ".tiktoken", special);
        }
    }

    private static Vocabulary inline(JsonNode node) {
        JsonNode tokens = node.get("tokens_b64");
        if (!tokens.isArray() || tokens.isEmpty()) {
            throw new IllegalArgumentException("vocabulary.tokens_b64 must be a non-empty array of base64 strings");
        }
        Vocabulary.Builder b = Vocabulary.builder();
        for (int i = 0; i < tokens.size(); i++) {
            JsonNode t = tokens.get(i);
            if (!t.isTextual()) {
                throw new IllegalArgumentException("vocabulary.tokens_b64[" + i + "] must be a base64 string, got " + t);
            }
            try {
                b.add(Base64.getDecoder().decode(t.asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("vocabulary.tokens_b64[" + i + "] is not base64: " + e.getMessage(), e);
            }
        }
        JsonNode special = node.get("special");
        if (special != null && !special.isNull()) {
            if (!special.isArray()) {
                throw new IllegalArgumentException("vocabulary.special must be an array of token ids, got " + special);
            }
            for (int i = 0; i < special.size(); i++) {
                JsonNode s = special.get(i);
                if (!s.canConvertToInt() || !s.isIntegralNumber() || s.asInt() < 0 || s.asInt() >= tokens.size()) {
                    throw new IllegalArgumentException("vocabulary.special[" + i + "] = " + s + " is not a token id in [0, "
                            + tokens.size() + ")");
                }
                b.special(s.asInt());
            }
        }
        return b.build();
    }

}
