package org.sampling4j.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.sampling4j.text.TiktokenLoader;
import org.sampling4j.text.Vocabulary;

/**
 * Real token streams for the text benchmarks: o200k_base as a {@link Vocabulary}, loaded by
 * Sampling4J's own {@link TiktokenLoader} from the rank file inside JTokkit's jar, as an embedder
 * would load it ({@link VocabularyLoadBenchmark} checks that load id by id against JTokkit's
 * {@code decodeBytes}; the core tests build theirs from {@code decodeBytes}, an independent
 * oracle); and the o200k tokens, by JTokkit, of two texts shipped as resources: an English prose
 * piece ({@code english}, 3.7 KB) and a CJK one ({@code cjk}, 3.3 KB: Daodejing chapters 1-3 in
 * traditional characters, then simplified Chinese, Japanese and Korean prose).
 */
final class BenchmarkTexts {
    /** Where JTokkit keeps o200k_base's rank file. */
    private static final String O200K_RANKS = "/com/knuddels/jtokkit/o200k_base.tiktoken";

    private BenchmarkTexts() {
    }

    static Encoding o200kEncoding() {
        return Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }

    /** The bytes of o200k_base's rank file, as it ships in JTokkit's jar. */
    static byte[] o200kRankFile() {
        try (InputStream in = Encoding.class.getResourceAsStream(O200K_RANKS)) {
            if (in == null) {
                throw new IllegalStateException(O200K_RANKS + " is not on the class path (it ships in com.knuddels:jtokkit)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** o200k_base (200,019 ids, holes marked special, {@code <|endoftext|>} 199999 its EOS). */
    static Vocabulary o200kVocabulary() {
        try {
            return TiktokenLoader.load(new ByteArrayInputStream(o200kRankFile()), "o200k_base.tiktoken",
                    TiktokenLoader.O200K_BASE_SPECIAL_TOKENS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text named {@code english} or {@code cjk}. */
    static String text(String name) {
        String resource = "text/" + name + ".txt";
        try (InputStream in = BenchmarkTexts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no benchmark text '" + name + "' (resource " + resource + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The o200k tokens of {@code text}. */
    static int[] tokens(Encoding encoding, String text) {
        return encoding.encodeOrdinary(text).toArray();
    }

    /** JTokkit's one-shot decoding of {@code ids}. */
    static String decode(Encoding encoding, int[] ids) {
        IntArrayList list = new IntArrayList(ids.length);
        for (int id : ids) {
            list.add(id);
        }
        return encoding.decode(list);
    }
}
