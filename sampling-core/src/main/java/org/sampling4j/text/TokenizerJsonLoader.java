package org.sampling4j.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
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
    private static final String SPACE_MARK = "\u2581";

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
        Parsed f = new Parsed();
        f.table = new TokenTable(1 << 10, json.length / 3);
        try {
            JsonReader r = new JsonReader(json, source);
            r.beginObject();
            while (r.hasNext()) {
                switch (r.nextName()) {
                    case "added_tokens":
                        readAdded(r, f);
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
                        f.early = encoding != null ? encoding : detectFromComponents(f);
                        readModel(r, f);
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
        PieceEncoding enc = f.early != null ? f.early : encoding != null ? encoding : detect(f);
        if (enc == null) {
            throw new VocabularyFormatException(source + ": expected a ByteLevel or SentencePiece-style (Metaspace, "
                    + "ByteFallback, Replace of \u2581) decoder, pre_tokenizer or normalizer, which tells how pieces map "
                    + "to bytes, got decoder " + typeOf(f.decoder) + ", pre_tokenizer " + typeOf(f.preTokenizer)
                    + ", normalizer " + typeOf(f.normalizer) + " and model.type " + f.modelType
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

    /** What the file says, before pieces become bytes. */
    private static final class Parsed {
        Object normalizer;
        Object preTokenizer;
        Object postProcessor;
        Object decoder;
        boolean modelSeen;
        boolean vocabSeen;
        String modelType;
        boolean byteFallback;
        /** The vocab's pieces become bytes as they are read, when the encoding is known before the model. */
        PieceEncoding early;
        TokenTable table;
        /** Otherwise the pieces wait here, by id. */
        String[] pieces;
        int count;
        final List<Integer> addedIds = new ArrayList<>();
        final List<String> addedContents = new ArrayList<>();
        final List<Boolean> addedSpecial = new ArrayList<>();
    }

    private static void readModel(JsonReader r, Parsed f) throws JsonException, VocabularyFormatException {
        f.modelSeen = true;
        r.beginObject();
        int vocabOffset = -1;
        boolean vocabIsList = false;
        while (r.hasNext()) {
            switch (r.nextName()) {
                case "type":
                    if (r.peek() == JsonReader.Token.NULL) {
                        r.nextNull();
                        break;
                    }
                    f.modelType = r.nextString("a model type");
                    if (f.modelType.equals("WordPiece")) {
                        throw r.error("expected model.type BPE, Unigram or WordLevel, got \"WordPiece\", which is "
                                + "not supported: a WordPiece token's text depends on its neighbours (## continues a word)");
                    }
                    if (!List.of("BPE", "Unigram", "WordLevel").contains(f.modelType)) {
                        throw r.error("expected model.type BPE, Unigram or WordLevel, got "
                                + JsonReader.quote(f.modelType));
                    }
                    break;
                case "byte_fallback":
                    if (r.peek() == JsonReader.Token.NULL) {
                        r.nextNull();
                    } else {
                        f.byteFallback = r.nextBoolean();
                    }
                    break;
                case "vocab":
                    r.peek();
                    vocabOffset = r.offset();
                    if (r.peek() == JsonReader.Token.BEGIN_ARRAY) {
                        vocabIsList = true;
                        readVocabList(r, f);
                    } else if (r.peek() == JsonReader.Token.BEGIN_OBJECT) {
                        readVocabObject(r, f);
                    } else {
                        r.beginObject();
                    }
                    break;
                default:
                    r.skipValue();
            }
        }
        if (f.modelType != null && vocabOffset >= 0 && vocabIsList != f.modelType.equals("Unigram")) {
            throw new VocabularyFormatException(r.source() + " at offset " + vocabOffset + ", $.model.vocab: expected "
                    + (vocabIsList ? "an object of piece -> id" : "a list of [piece, score]") + " for model.type "
                    + f.modelType + ", got " + (vocabIsList ? "a list" : "an object"));
        }
        r.endObject();
    }

    private static void readVocabObject(JsonReader r, Parsed f) throws JsonException {
        BitSet seen = new BitSet();
        r.beginObject();
        while (r.hasNext()) {
            String piece = r.nextName();
            int id = r.nextInt("an integer id");
            checkId(r, id);
            if (seen.get(id)) {
                throw r.error("expected each id once, got id " + id + " again");
            }
            seen.set(id);
            piece(f, id, piece);
        }
        r.endObject();
        f.vocabSeen = true;
    }

    private static void readVocabList(JsonReader r, Parsed f) throws JsonException {
        int id = 0;
        r.beginArray();
        while (r.hasNext()) {
            if (id > TokenTable.MAX_ID) {
                throw r.error("expected at most " + (TokenTable.MAX_ID + 1) + " pieces, got more");
            }
            r.beginArray();
            String piece = r.nextString("a piece");
            r.nextDouble();
            r.endArray();
            piece(f, id++, piece);
        }
        r.endArray();
        f.vocabSeen = true;
    }

    private static void piece(Parsed f, int id, String piece) {
        if (f.early != null) {
            f.table.put(id, f.early.bytes(piece), false);
            return;
        }
        if (f.pieces == null) {
            f.pieces = new String[1 << 10];
        }
        if (id >= f.pieces.length) {
            f.pieces = Arrays.copyOf(f.pieces, Math.max(id + 1, f.pieces.length * 2));
        }
        f.pieces[id] = piece;
        f.count = Math.max(f.count, id + 1);
    }

    private static void readAdded(JsonReader r, Parsed f) throws JsonException {
        r.beginArray();
        while (r.hasNext()) {
            int id = -1;
            String content = null;
            boolean special = false;
            r.beginObject();
            while (r.hasNext()) {
                switch (r.nextName()) {
                    case "id":
                        id = r.nextInt("an integer id");
                        checkId(r, id);
                        break;
                    case "content":
                        content = r.nextString("the token's text");
                        break;
                    case "special":
                        special = r.nextBoolean();
                        break;
                    default:
                        r.skipValue();
                }
            }
            r.endObject();
            if (id < 0 || content == null) {
                throw r.error("expected an added token with an \"id\" and a \"content\", got one without "
                        + (id < 0 ? "an id" : "a content"));
            }
            f.addedIds.add(id);
            f.addedContents.add(content);
            f.addedSpecial.add(special);
        }
        r.endArray();
    }

    private static void checkId(JsonReader r, int id) throws JsonException {
        if (id < 0 || id > TokenTable.MAX_ID) {
            throw r.error("expected an id in [0, " + TokenTable.MAX_ID + "], got " + id);
        }
    }

    // ---- piece encoding

    /** The encoding from every rule: the components', then the model's. */
    static PieceEncoding detect(Parsed f) {
        PieceEncoding e = detectFromComponents(f);
        if (e != null) {
            return e;
        }
        return "Unigram".equals(f.modelType) || f.byteFallback ? PieceEncoding.SENTENCE_PIECE : null;
    }

    /** The encoding from the decoder, pre-tokenizer and normalizer (rules 1 to 3), or null. */
    static PieceEncoding detectFromComponents(Parsed f) {
        List<Map<?, ?>> decoders = steps(f.decoder, "decoders");
        if (hasType(decoders, "ByteLevel")) {
            return PieceEncoding.BYTE_LEVEL;
        }
        if (hasType(decoders, "Metaspace") || hasType(decoders, "ByteFallback")) {
            return PieceEncoding.SENTENCE_PIECE;
        }
        for (Map<?, ?> d : decoders) {
            if ("Replace".equals(d.get("type")) && SPACE_MARK.equals(pattern(d))) {
                return PieceEncoding.SENTENCE_PIECE;
            }
        }
        List<Map<?, ?>> pre = steps(f.preTokenizer, "pretokenizers");
        if (hasType(pre, "ByteLevel")) {
            return PieceEncoding.BYTE_LEVEL;
        }
        if (hasType(pre, "Metaspace")) {
            return PieceEncoding.SENTENCE_PIECE;
        }
        for (Map<?, ?> n : steps(f.normalizer, "normalizers")) {
            if ("Replace".equals(n.get("type")) && " ".equals(pattern(n)) && SPACE_MARK.equals(n.get("content"))
                    || "Prepend".equals(n.get("type")) && SPACE_MARK.equals(n.get("prepend"))) {
                return PieceEncoding.SENTENCE_PIECE;
            }
        }
        return null;
    }

    /** The steps of a component: itself, or the members of its {@code Sequence}, flattened. */
    private static List<Map<?, ?>> steps(Object component, String listKey) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (component instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) component;
            Object members = m.get(listKey);
            if ("Sequence".equals(m.get("type")) && members instanceof List) {
                for (Object member : (List<?>) members) {
                    out.addAll(steps(member, listKey));
                }
            } else {
                out.add(m);
            }
        }
        return out;
    }

    private static boolean hasType(List<Map<?, ?>> steps, String type) {
        for (Map<?, ?> s : steps) {
            if (type.equals(s.get("type"))) {
                return true;
            }
        }
        return false;
    }

    /** A Replace step's pattern: {@code {"String": "▁"}} (or a bare string). */
    private static Object pattern(Map<?, ?> replace) {
        Object p = replace.get("pattern");
        return p instanceof Map ? ((Map<?, ?>) p).get("String") : p;
    }

    private static String typeOf(Object component) {
        if (!(component instanceof Map)) {
            return "none";
        }
        List<Object> types = new ArrayList<>();
        for (Map<?, ?> s : steps(component, listKeyOf((Map<?, ?>) component))) {
            types.add(s.get("type"));
        }
        return types.size() == 1 ? String.valueOf(types.get(0)) : "Sequence" + types;
    }

    private static String listKeyOf(Map<?, ?> m) {
        for (String k : new String[] {"decoders", "pretokenizers", "normalizers", "processors"}) {
            if (m.containsKey(k)) {
                return k;
            }
        }
        return "";
    }

    // ---- EOS from the post-processor

    /** The special tokens a TemplateProcessing appends after the single sequence ($A), as ids. */
    private static int[] templateEos(Parsed f, TokenTable table, String source) throws VocabularyFormatException {
        TreeSet<Integer> ids = new TreeSet<>();
        for (Map<?, ?> p : steps(f.postProcessor, "processors")) {
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
