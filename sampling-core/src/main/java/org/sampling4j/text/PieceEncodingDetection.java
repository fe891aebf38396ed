package org.sampling4j.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The piece-encoding detection of {@link TokenizerJsonLoader}: which {@link PieceEncoding} a
 * {@code tokenizer.json}'s decoder, pre-tokenizer, normalizer and model imply (the rules and their order are
 * in the loader's javadoc), and the walk over a component's {@code Sequence} steps that the rules share.
 */
final class PieceEncodingDetection {
    private static final String SPACE_MARK = "\u2581";

    private PieceEncodingDetection() {
    }

    /** The encoding from every rule: the components', then the model's. */
    static PieceEncoding detect(TokenizerJsonParts f) {
        PieceEncoding e = detectFromComponents(f);
        if (e != null) {
            return e;
        }
        return "Unigram".equals(f.modelType) || f.byteFallback ? PieceEncoding.SENTENCE_PIECE : null;
    }

    /** The encoding from the decoder, pre-tokenizer and normalizer (rules 1 to 3), or null. */
    static PieceEncoding detectFromComponents(TokenizerJsonParts f) {
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
    static List<Map<?, ?>> steps(Object component, String listKey) {
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

    static String typeOf(Object component) {
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
}
