package org.sampling4j.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.sampling4j.text.Vocabulary;

/**
 * Real token streams for the text benchmarks: o200k_base (JTokkit) as a {@link Vocabulary}, each
 * id's bytes from JTokkit's {@code decodeBytes} (ids it does not know in the special range get no
 * bytes and are marked special), and the o200k tokens of two texts shipped as resources: an
 * English prose piece ({@code english}, 3.7 KB) and a CJK one ({@code cjk}, 3.3 KB: Daodejing
 * chapters 1-3 in traditional characters, then simplified Chinese, Japanese and Korean prose).
 */
final class BenchmarkTexts {
    private static final int SPECIAL_RANGE = 1024;

    private BenchmarkTexts() {
    }

    static Encoding o200kEncoding() {
        return Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
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

    /** The vocabulary of {@code encoding}: every ordinary rank, then its special tokens. */
    static Vocabulary vocabulary(Encoding encoding) {
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
            b.addSpecial(specials[s - ordinary] == null ? new byte[0] : specials[s - ordinary]);
        }
        return b.build();
    }

    private static byte[] bytesOf(Encoding encoding, int id) {
        IntArrayList one = new IntArrayList(1);
        one.add(id);
        try {
            return encoding.decodeBytes(one);
        } catch (RuntimeException unknown) {
            return null;
        }
    }
}
