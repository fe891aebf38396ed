package org.sampling4j.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The real OpenAI vocabularies that ship inside JTokkit's jar, loaded with {@link TiktokenLoader} and checked id by
 * id against JTokkit's own {@code decodeBytes}; the special-token constants against JTokkit's registry.
 */
class TiktokenJTokkitTest {
    /** JTokkit's registry builds all four encodings at once: build it once for the class. */
    private static final EncodingRegistry REGISTRY = Encodings.newDefaultEncodingRegistry();

    static Vocabulary load(String name, Map<String, Integer> specials) throws IOException {
        try (InputStream in = Encoding.class.getResourceAsStream("/com/knuddels/jtokkit/" + name + ".tiktoken")) {
            return TiktokenLoader.load(in, name + ".tiktoken", specials);
        }
    }

    @Test
    void cl100kBaseMatchesJTokkitForEveryId() throws IOException {
        check(load("cl100k_base", TiktokenLoader.CL100K_BASE_SPECIAL_TOKENS), EncodingType.CL100K_BASE, 100277,
                Set.of(100256, 100261, 100262, 100263, 100264, 100265, 100266, 100267, 100268, 100269, 100270,
                        100271, 100272, 100273, 100274, 100275), 100257);
    }

    @Test
    void o200kBaseMatchesJTokkitForEveryId() throws IOException {
        TreeSet<Integer> holes = new TreeSet<>(Set.of(199998));
        for (int id = 200000; id <= 200017; id++) {
            holes.add(id);
        }
        check(load("o200k_base", TiktokenLoader.O200K_BASE_SPECIAL_TOKENS), EncodingType.O200K_BASE, 200019, holes,
                199999);
    }

    private static void check(Vocabulary v, EncodingType type, int size, Set<Integer> holes, int eos) {
        Encoding jtokkit = REGISTRY.getEncoding(type);
        assertEquals(size, v.size());
        for (int id = 0; id < v.size(); id++) {
            if (holes.contains(id)) {
                assertEquals(0, v.length(id), "hole " + id);
                assertTrue(v.isSpecial(id), "hole " + id);
                continue;
            }
            IntArrayList one = new IntArrayList(1);
            one.add(id);
            byte[] expected = jtokkit.decodeBytes(one);
            assertArrayEquals(expected, v.bytes(id), "id " + id);
        }
        assertArrayEquals(new int[] {eos}, v.eosIds());
        assertEquals("<|endoftext|>", v.text(eos));
        assertFalse(v.isSpecial(0) || v.isSpecial(size - holes.size() - 10));
    }

    @Test
    void specialTokenConstantsAreJTokkitsRegistry() throws Exception {
        assertEquals(jtokkitSpecials("SPECIAL_TOKENS_CL100K_BASE"), TiktokenLoader.CL100K_BASE_SPECIAL_TOKENS);
        assertEquals(jtokkitSpecials("SPECIAL_TOKENS_O200K_BASE"), TiktokenLoader.O200K_BASE_SPECIAL_TOKENS);
        Encoding cl100k = REGISTRY.getEncoding(EncodingType.CL100K_BASE);
        for (Map.Entry<String, Integer> e : TiktokenLoader.CL100K_BASE_SPECIAL_TOKENS.entrySet()) {
            IntArrayList one = new IntArrayList(1);
            one.add(e.getValue());
            assertArrayEquals(e.getKey().getBytes(UTF_8), cl100k.decodeBytes(one), e.getKey());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> jtokkitSpecials(String field) throws Exception {
        Field f = Class.forName("com.knuddels.jtokkit.EncodingFactory").getDeclaredField(field);
        f.setAccessible(true);
        return (Map<String, Integer>) f.get(null);
    }
}
