package org.sampling4j.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sampling4j.internal.JsonException;
import org.sampling4j.internal.JsonReader;

/**
 * Loads a HuggingFace {@code tokenizer.json} (the {@code tokenizers} library's format): the pieces of
 * {@code model.vocab}, turned into bytes by the file's {@link PieceEncoding}, then {@code added_tokens} on top.
 *
 * <p><b>Models.</b> {@code model.type} BPE or WordLevel ({@code vocab} an object piece -> id) and Unigram
 * ({@code vocab} a list of {@code [piece, score]}, the id being the index); a missing type is read from the
 * vocab's shape. WordPiece is refused: a WordPiece token's text depends on its neighbours ({@code ##}).
 * {@code merges} and the scores are skipped unread.
 *
 * <p><b>Piece encoding, detected</b> in this order (the first rule that applies wins), unless the caller passes
 * one: (1) the {@code decoder} (walking {@code Sequence}s): {@code ByteLevel} means {@link PieceEncoding#BYTE_LEVEL};
 * {@code Metaspace}, {@code ByteFallback}, or a {@code Replace} of {@code "▁"} means
 * {@link PieceEncoding#SENTENCE_PIECE}; (2) the {@code pre_tokenizer}: {@code ByteLevel} or {@code Metaspace};
 * (3) the {@code normalizer}: a {@code Replace} of {@code " "} by {@code "▁"} or a {@code Prepend} of
 * {@code "▁"} (Llama 2, Gemma); (4) {@code model.type} Unigram or {@code model.byte_fallback: true}:
 * SentencePiece. Otherwise the load fails and says what it found; pass {@link PieceEncoding#LITERAL} for a
 * vocabulary whose pieces are plain text. The decoder comes first because it is what turns ids into text.
 * A {@code Strip} decoder (Llama 2 drops the first token's leading space) is not applied: that is the caller's
 * convention, so {@code ▁} is a space everywhere.
 *
 * <p><b>Added tokens</b> ({@code id}, {@code content}, {@code special}) replace or extend the vocab: their content
 * is literal text, taken as UTF-8 (as llama.cpp's converter stores them), except that a non-special added
 * token of a SentencePiece vocabulary has its {@code ▁} read as spaces, as HuggingFace's decoder does.
 * {@code "special": true} marks the id special. Ids nothing names are holes (no bytes, special).
 *
 * <p><b>EOS.</b> A tokenizer.json does not name its EOS (generation_config.json does). The loader takes the
 * special tokens that the {@code post_processor}'s {@code TemplateProcessing} appends after the sequence
 * ({@code "single": "$A </s>"}), plus the special tokens named in {@link Vocabularies#END_OF_GENERATION_NAMES};
 * if there are none, EOS stays empty. Correct it with {@link Vocabulary#withEos(int...)}. The logits row is
 * as long as the vocabulary; models with a longer one (Qwen2.5: 152,064 for 151,665 tokens) need
 * {@link Vocabulary#withLogitsSize(int)}.
 *
 * <p><b>Errors</b> name the file, the offset, line and column, and the JSON path:
 * {@code tokenizer.json at offset 1234 (line 5, column 17), $.model.vocab.abc: expected an integer id, got "x"}.
 */
public final class TokenizerJsonLoader {
    private TokenizerJsonLoader() {
    }

    /** Loads {@code file}, detecting its piece encoding. */
    public static Vocabulary load(Path file) throws IOException {
        return load(file, null);
    }

    /**
     * Loads {@code file} with {@code encoding}, or detects it when {@code encoding} is null.
     *
     * @throws VocabularyFormatException naming the file, the position and what was expected
     */
    public static Vocabulary load(Path file, PieceEncoding encoding) throws IOException {
        return parse(Files.readAllBytes(file), file.toString(), encoding);
    }

    /**
     * Loads what {@code in} holds (read to its end, not closed); errors name {@code source}; a null
     * {@code encoding} is detected.
     */
    public static Vocabulary load(InputStream in, String source, PieceEncoding encoding) throws IOException {
        return parse(in.readAllBytes(), source, encoding);
    }

    static Vocabulary parse(byte[] json, String source, PieceEncoding encoding) throws VocabularyFormatException {
        TokenizerJsonParts f = new TokenizerJsonParts();
        f.table = new TokenTable(1 << 10, json.length / 3);
        try {
            JsonReader r = new JsonReader(json, source);
            r.beginObject();
            while (r.hasNext()) {
                switch (r.nextName()) {
                    case "added_tokens":
                        TokenizerJsonParts.readAdded(r, f);
                        break;
                    case "normalizer":
                        f.normalizer = r.readValue();
                        break;
                    case "pre_tokenizer":
                        f.preTokenizer = r.readValue();
                        break;
                    case "post_processor":
                        f.postProcessor = r.readValue();
                        break;
                    case "decoder":
                        f.decoder = r.readValue();
                        break;
                    case "model":
                        f.early = encoding != null ? encoding : PieceEncodingDetection.detectFromComponents(f);
                        TokenizerJsonParts.readModel(r, f);
                        break;
                    default:
                        r.skipValue();
                }
            }
            r.endObject();
            r.endDocument();
        } catch (JsonException e) {
            throw new VocabularyFormatException(e.getMessage(), e);
        }
        if (!f.vocabSeen) {
            throw new VocabularyFormatException(source + ": expected a \"model\" with a \"vocab\", got "
                    + (f.modelSeen ? "a model without a vocab" : "no model"));
        }
        PieceEncoding enc = f.early != null ? f.early
                : encoding != null ? encoding : PieceEncodingDetection.detect(f);
        if (enc == null) {
            throw new VocabularyFormatException(source + ": expected a ByteLevel or SentencePiece-style (Metaspace, "
                    + "ByteFallback, Replace of \u2581) decoder, pre_tokenizer or normalizer, which tells how pieces map "
                    + "to bytes, got decoder " + PieceEncodingDetection.typeOf(f.decoder)
                    + ", pre_tokenizer " + PieceEncodingDetection.typeOf(f.preTokenizer)
                    + ", normalizer " + PieceEncodingDetection.typeOf(f.normalizer) + " and model.type " + f.modelType
                    + "; pass a PieceEncoding to load(...)");
        }
        TokenTable table = f.table;
        for (int id = 0; f.early == null && id < f.count; id++) {
            if (f.pieces[id] != null) {
                table.put(id, enc.bytes(f.pieces[id]), false);
            }
        }
        for (int i = 0; i < f.addedIds.size(); i++) {
            String content = f.addedContents.get(i);
            boolean special = f.addedSpecial.get(i);
            if (!special && enc == PieceEncoding.SENTENCE_PIECE) {
                content = content.replace('\u2581', ' ');
            }
            table.put(f.addedIds.get(i), content.getBytes(StandardCharsets.UTF_8), special);
        }
        return table.build(EndOfGeneration.ids(table, templateEos(f, table, source)));
    }

    // ---- EOS from the post-processor

    /** The special tokens a TemplateProcessing appends after the single sequence ($A), as ids. */
    private static int[] templateEos(TokenizerJsonParts f, TokenTable table, String source) throws VocabularyFormatException {
        TreeSet<Integer> ids = new TreeSet<>();
        for (Map<?, ?> p : PieceEncodingDetection.steps(f.postProcessor, "processors")) {
            if (!"TemplateProcessing".equals(p.get("type")) || !(p.get("single") instanceof List)) {
                continue;
            }
            List<?> single = (List<?>) p.get("single");
            int lastSequence = -1;
            for (int i = 0; i < single.size(); i++) {
                if (single.get(i) instanceof Map && ((Map<?, ?>) single.get(i)).containsKey("Sequence")) {
                    lastSequence = i;
                }
            }
            Object specials = p.get("special_tokens");
            for (int i = lastSequence + 1; i < single.size() && lastSequence >= 0; i++) {
                Object item = single.get(i);
                Object token = item instanceof Map ? ((Map<?, ?>) item).get("SpecialToken") : null;
                Object name = token instanceof Map ? ((Map<?, ?>) token).get("id") : null;
                Object entry = specials instanceof Map ? ((Map<?, ?>) specials).get(name) : null;
                Object tokenIds = entry instanceof Map ? ((Map<?, ?>) entry).get("ids") : null;
                if (!(tokenIds instanceof List)) {
                    continue;
                }
                for (Object id : (List<?>) tokenIds) {
                    if (!(id instanceof Long) || (Long) id < 0 || (Long) id >= table.size()) {
                        throw new VocabularyFormatException(source + ": $.post_processor special_tokens["
                                + JsonReader.quote(String.valueOf(name)) + "].ids: expected ids in [0, " + table.size()
                                + "), got " + id);
                    }
                    ids.add(((Long) id).intValue());
                }
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
