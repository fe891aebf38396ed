package org.sampling4j.text;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

/**
 * Real vocabularies from JTokkit, built once per test JVM: each id's bytes from JTokkit's own
 * {@code decodeBytes}. The ids past the ordinary ranks that JTokkit knows are its special tokens
 * ({@code <|endoftext|>} ...); ids it does not know (gaps in the special range) get no bytes and
 * are marked special, so they never add text.
 */
final class JTokkitVocabularies {
    /** Ids probed past the last ordinary rank (o200k_base's specials end at 200018). */
    private static final int SPECIAL_RANGE = 1024;

    private JTokkitVocabularies() {
    }

    private static final class O200k {
        static final Encoding ENCODING = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        static final Vocabulary VOCABULARY = build(ENCODING);
    }

    static Encoding o200kEncoding() {
        return O200k.ENCODING;
    }

    static Vocabulary o200k() {
        return O200k.VOCABULARY;
    }

    static byte[] bytesOf(Encoding encoding, int id) {
        IntArrayList one = new IntArrayList(1);
        one.add(id);
        try {
            return encoding.decodeBytes(one);
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    static Vocabulary build(Encoding encoding) {
        Vocabulary.Builder b = Vocabulary.builder();
        int id = 0;
        byte[] bytes;
        while ((bytes = bytesOf(encoding, id)) != null) {
            b.add(bytes);
            id++;
        }
        int ordinary = id;
        int last = ordinary - 1;
        byte[][] specials = new byte[SPECIAL_RANGE][];
        for (int s = 0; s < SPECIAL_RANGE; s++) {
            specials[s] = bytesOf(encoding, ordinary + s);
            if (specials[s] != null) {
                last = ordinary + s;
            }
        }
        for (int s = ordinary; s <= last; s++) {
            byte[] special = specials[s - ordinary];
            b.addSpecial(special == null ? new byte[0] : special);
        }
        return b.build();
    }
}
