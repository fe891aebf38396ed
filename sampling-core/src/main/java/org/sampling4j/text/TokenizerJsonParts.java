package org.sampling4j.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.sampling4j.internal.JsonException;
import org.sampling4j.internal.JsonReader;

/**
 * What a {@code tokenizer.json} says, before pieces become bytes, and the reading of its vocabulary parts:
 * {@code model} (type, {@code byte_fallback}, {@code vocab} as an object piece -> id or a list of
 * {@code [piece, score]}) and {@code added_tokens}. The components ({@code decoder}, {@code normalizer}, ...)
 * are kept as trees for {@link PieceEncodingDetection} and the EOS template.
 */
final class TokenizerJsonParts {
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

    static void readModel(JsonReader r, TokenizerJsonParts f) throws JsonException, VocabularyFormatException {
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

    private static void readVocabObject(JsonReader r, TokenizerJsonParts f) throws JsonException {
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

    private static void readVocabList(JsonReader r, TokenizerJsonParts f) throws JsonException {
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

    private static void piece(TokenizerJsonParts f, int id, String piece) {
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

    static void readAdded(JsonReader r, TokenizerJsonParts f) throws JsonException {
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
}
