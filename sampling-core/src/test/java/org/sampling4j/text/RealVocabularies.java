package org.sampling4j.text;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * The real JTokkit vocabularies for tests outside this package (the grammar engine's): o200k_base
 * and cl100k_base, each built once per test JVM by {@link JTokkitVocabularies}.
 */
public final class RealVocabularies {
    private RealVocabularies() {
    }

    private static final class Cl100k {
        static final Encoding ENCODING = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
        static final Vocabulary VOCABULARY = JTokkitVocabularies.build(ENCODING);
    }

    /** o200k_base (200,019 ids; {@code <|endoftext|>} is 199999). */
    public static Vocabulary o200k() {
        return JTokkitVocabularies.o200k();
    }

    /** o200k_base's JTokkit encoding. */
    public static Encoding o200kEncoding() {
        return JTokkitVocabularies.o200kEncoding();
    }

    /** cl100k_base (100,277 ids; {@code <|endoftext|>} is 100257). */
    public static Vocabulary cl100k() {
        return Cl100k.VOCABULARY;
    }

    /** cl100k_base's JTokkit encoding. */
    public static Encoding cl100kEncoding() {
        return Cl100k.ENCODING;
    }
}
