package org.sampling4j.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufMetadataTest {
    @TempDir
    Path dir;

    private Path file(GgufWriter w) throws IOException {
        return w.write(dir.resolve("x.gguf"));
    }

    private String errorOf(GgufWriter w) throws IOException {
        Path f = file(w);
        return assertThrows(VocabularyFormatException.class, () -> GgufMetadata.read(f)).getMessage()
                .replace(f.toString(), "x.gguf");
    }

    private String errorOf(byte[] bytes) throws IOException {
        Path f = Files.write(dir.resolve("x.gguf"), bytes);
        return assertThrows(VocabularyFormatException.class, () -> GgufMetadata.read(f)).getMessage()
                .replace(f.toString(), "x.gguf");
    }

    @Test
    void readsEveryValueTypeAndArraysOfEach() throws IOException {
        Path f = file(new GgufWriter().version(2).tensors(291)
                .scalar("u8", GgufWriter.UINT8, 200).scalar("i8", GgufWriter.INT8, -100)
                .scalar("u16", GgufWriter.UINT16, 60000).scalar("i16", GgufWriter.INT16, -30000)
                .scalar("u32", GgufWriter.UINT32, 0xFFFFFFFF).scalar("i32", GgufWriter.INT32, -7)
                .scalar("f32", GgufWriter.FLOAT32, 0.5f).bool("bool", true).string("general.name", "Llama \u4e2d")
                .scalar("u64", GgufWriter.UINT64, 1L << 40).scalar("i64", GgufWriter.INT64, -(1L << 40))
                .scalar("f64", GgufWriter.FLOAT64, 1e300)
                .numbers("a.u8", GgufWriter.UINT8, 255, 0).numbers("a.i16", GgufWriter.INT16, -2, 3)
                .numbers("a.u32", GgufWriter.UINT32, 0xFFFFFFFF, 1).ints("a.i32", 1, -2, 3)
                .numbers("a.i64", GgufWriter.INT64, -5L).numbers("a.f32", GgufWriter.FLOAT32, 1.5f)
                .numbers("a.f64", GgufWriter.FLOAT64, 2.5).strings("a.str", "a", "", "\u2581b")
                .raw("a.bool", GgufWriter.ARRAY, concat(GgufWriter.le(GgufWriter.UINT32, GgufWriter.BOOL),
                        GgufWriter.u64le(2), new byte[] {1, 0})));
        GgufMetadata m = GgufMetadata.read(f);
        assertEquals(2, m.version());
        assertEquals(291, m.tensorCount());
        assertEquals(Files.size(f), m.headerBytes());
        assertEquals(200, m.value("u8"));
        assertEquals(-100, m.value("i8"));
        assertEquals(60000, m.value("u16"));
        assertEquals(-30000, m.value("i16"));
        assertEquals(0xFFFFFFFFL, m.value("u32"));
        assertEquals(-7, m.value("i32"));
        assertEquals(0.5f, m.value("f32"));
        assertEquals(true, m.value("bool"));
        assertEquals("Llama \u4e2d", m.string("general.name"));
        assertEquals(1L << 40, m.integer("u64"));
        assertEquals(-(1L << 40), m.integer("i64"));
        assertEquals(1e300, m.value("f64"));
        assertArrayEquals(new int[] {255, 0}, (int[]) m.value("a.u8"));
        assertArrayEquals(new int[] {-2, 3}, (int[]) m.value("a.i16"));
        assertArrayEquals(new long[] {0xFFFFFFFFL, 1}, (long[]) m.value("a.u32"));
        assertArrayEquals(new int[] {1, -2, 3}, m.ints("a.i32"));
        assertArrayEquals(new long[] {-5}, (long[]) m.value("a.i64"));
        assertArrayEquals(new float[] {1.5f}, (float[]) m.value("a.f32"));
        assertArrayEquals(new double[] {2.5}, (double[]) m.value("a.f64"));
        assertArrayEquals(new String[] {"a", "", "\u2581b"}, m.strings("a.str"));
        assertArrayEquals(new boolean[] {true, false}, (boolean[]) m.value("a.bool"));
        assertEquals(GgufMetadata.Type.ARRAY, m.type("a.str"));
        assertEquals(GgufMetadata.Type.STRING, m.elementType("a.str"));
        assertEquals(GgufMetadata.Type.UINT32, m.type("u32"));
        assertEquals(List.of("u8", "i8", "u16", "i16", "u32", "i32", "f32", "bool", "general.name", "u64", "i64", "f64",
                "a.u8", "a.i16", "a.u32", "a.i32", "a.i64", "a.f32", "a.f64", "a.str", "a.bool"), List.copyOf(m.keys()));
        assertEquals(24 + 8 + 2, m.offset("u8"), "after the header, the key's length and its 2 bytes");
    }

    @Test
    void readsNestedArraysAndStringsLongerThanTheBuffer() throws IOException {
        String template = "{% for m in messages %}".repeat(5000);
        byte[] inner = concat(GgufWriter.le(GgufWriter.UINT32, GgufWriter.INT32), GgufWriter.u64le(2),
                GgufWriter.le(GgufWriter.INT32, 7), GgufWriter.le(GgufWriter.INT32, 8));
        Path f = file(new GgufWriter().string("tokenizer.chat_template", template)
                .raw("nested", GgufWriter.ARRAY, concat(GgufWriter.le(GgufWriter.UINT32, GgufWriter.ARRAY),
                        GgufWriter.u64le(2), inner, inner)).string("after", "x"));
        GgufMetadata m = GgufMetadata.read(f);
        assertEquals(template, m.string("tokenizer.chat_template"));
        Object[] nested = (Object[]) m.value("nested");
        assertArrayEquals(new int[] {7, 8}, (int[]) nested[1]);
        assertEquals("x", m.string("after"));
    }

    @Test
    void stringArraysAreCheckedForUtf8WhenAskedForAsStrings() throws IOException {
        byte[] bad = concat(GgufWriter.le(GgufWriter.UINT32, GgufWriter.STRING), GgufWriter.u64le(1), GgufWriter.u64le(1),
                new byte[] {(byte) 0xC3});
        GgufMetadata m = GgufMetadata.read(file(new GgufWriter().raw("k", GgufWriter.ARRAY, bad)));
        assertArrayEquals(new String[] {"\uFFFD"}, (String[]) m.value("k"), "value() decodes as new String would");
        String e = assertThrows(VocabularyFormatException.class, () -> m.strings("k")).getMessage();
        assertTrue(e.endsWith(" at offset 57, key k[0]: expected UTF-8 text, got invalid bytes"), e);
        byte[] inner = concat(GgufWriter.le(GgufWriter.UINT32, GgufWriter.STRING), GgufWriter.u64le(1),
                GgufWriter.u64le(1), new byte[] {'z'});
        GgufMetadata nested = GgufMetadata.read(file(new GgufWriter().raw("n", GgufWriter.ARRAY,
                concat(GgufWriter.le(GgufWriter.UINT32, GgufWriter.ARRAY), GgufWriter.u64le(1), inner))));
        assertArrayEquals(new String[] {"z"}, (String[]) ((Object[]) nested.value("n"))[0]);
    }

    @Test
    void aFilterSkipsTheValuesOfOtherKeys() throws IOException {
        Path f = file(new GgufWriter().string("general.name", "m").strings("tokenizer.ggml.merges", "a b", "c d")
                .numbers("tokenizer.ggml.scores", GgufWriter.FLOAT32, 1f, 2f).string("tokenizer.ggml.model", "gpt2"));
        GgufMetadata m = GgufMetadata.read(f, k -> k.equals("tokenizer.ggml.model"));
        assertEquals(List.of("tokenizer.ggml.model"), List.copyOf(m.keys()));
        assertEquals("gpt2", m.string("tokenizer.ggml.model"));
        assertNull(m.value("general.name"));
        assertEquals(Files.size(f), m.headerBytes());
    }

    @Test
    void rejectsBadFilesNamingFileOffsetKeyAndWhatWasExpected() throws IOException {
        assertEquals("x.gguf at offset 0: expected the magic \"GGUF\" (47 47 55 46), got 47 47 4D 4C",
                errorOf(new byte[] {'G', 'G', 'M', 'L', 3, 0, 0, 0}));
        assertEquals("x.gguf at offset 0: expected the magic GGUF (4 bytes), got the end of the file after 2 bytes",
                errorOf(new byte[] {'G', 'G'}));
        assertEquals("x.gguf at offset 4: expected GGUF version 2 or 3, got 1 (version 1 has 32-bit lengths; convert the "
                + "file with a newer llama.cpp)", errorOf(new GgufWriter().version(1)));
        assertEquals("x.gguf at offset 4: expected GGUF version 2 or 3, got 50331648 (a big-endian file of version 3; "
                + "only little-endian files are read)", errorOf(new GgufWriter().version(0x03000000)));
        assertEquals("x.gguf at offset 8: expected the tensor count (8 bytes), got the end of the file after 4 bytes",
                errorOf(new byte[] {'G', 'G', 'U', 'F', 3, 0, 0, 0, 1, 0, 0, 0}));
        assertEquals("x.gguf at offset 33, key k: expected metadata value type 0..12, got 99",
                errorOf(new GgufWriter().raw("k", 99)));
        assertEquals("x.gguf at offset 37, key k: expected array element type 0..12, got 13",
                errorOf(new GgufWriter().raw("k", GgufWriter.ARRAY, GgufWriter.le(GgufWriter.UINT32, 13))));
        assertEquals("x.gguf at offset 45: expected the length of key 1 of 2 (8 bytes), got the end of the file after 0 "
                + "bytes", errorOf(new GgufWriter().string("a", "").announce(2)));
        assertEquals("x.gguf at offset 37, key k: expected a string value that fits the file, got a length of 1000 bytes "
                + "with 3 bytes left", errorOf(new GgufWriter().raw("k", GgufWriter.STRING,
                concat(GgufWriter.u64le(1000), new byte[] {'a', 'b', 'c'}))));
        assertEquals("x.gguf at offset 41, key k: expected an array count that fits the file, got 1099511627776 "
                + "elements of uint32 (at least 4398046511104 bytes) with 0 bytes left", errorOf(new GgufWriter()
                .raw("k", GgufWriter.ARRAY, concat(GgufWriter.le(GgufWriter.UINT32, GgufWriter.UINT32),
                        GgufWriter.u64le(1L << 40)))));
        assertEquals("x.gguf at offset 37, key k: expected a bool 0 or 1, got 7",
                errorOf(new GgufWriter().raw("k", GgufWriter.BOOL, (byte) 7)));
        assertEquals("x.gguf at offset 38: expected each key once, got k again",
                errorOf(new GgufWriter().bool("k", true).bool("k", false)));
        assertEquals("x.gguf at offset 45, key k: expected UTF-8 text in a string value, got invalid bytes 61 C3 28",
                errorOf(new GgufWriter().raw("k", GgufWriter.STRING, concat(GgufWriter.u64le(3),
                        new byte[] {'a', (byte) 0xC3, '('}))));
        assertEquals("x.gguf at offset 37, key k: expected a int32 value (4 bytes), got the end of the file after 2 bytes",
                errorOf(new GgufWriter().raw("k", GgufWriter.INT32, (byte) 1, (byte) 2)));
    }

    @Test
    void rejectsArraysNestedDeeperThanEight() throws IOException {
        byte[] value = concat(GgufWriter.le(GgufWriter.UINT32, GgufWriter.INT32), GgufWriter.u64le(0));
        for (int i = 0; i < 9; i++) {
            value = concat(GgufWriter.le(GgufWriter.UINT32, GgufWriter.ARRAY), GgufWriter.u64le(1), value);
        }
        String m = errorOf(new GgufWriter().raw("k", GgufWriter.ARRAY, value));
        assertTrue(m.endsWith("key k: expected arrays nested at most 8 deep, got deeper"), m);
    }

    @Test
    void typedGettersSayWhatTheyExpectedAndGot() throws IOException {
        GgufMetadata m = GgufMetadata.read(file(new GgufWriter().scalar("n", GgufWriter.UINT32, 5).string("s", "x")
                .numbers("big", GgufWriter.INT64, 1L << 40)));
        String f = dir.resolve("x.gguf").toString();
        assertEquals(f + " at offset 33, key n: expected a string, got a uint32 (5)",
                assertThrows(VocabularyFormatException.class, () -> m.string("n")).getMessage());
        assertEquals(f + " at offset 50, key s: expected an integer, got a string (x)",
                assertThrows(VocabularyFormatException.class, () -> m.integer("s")).getMessage());
        assertEquals(f + " at offset 50, key s: expected an array of string, got a string (x)",
                assertThrows(VocabularyFormatException.class, () -> m.strings("s")).getMessage());
        assertEquals(f + " at offset 90, key big[0]: expected a value in int range, got 1099511627776",
                assertThrows(VocabularyFormatException.class, () -> m.ints("big")).getMessage());
        assertEquals(f + ": expected the key general.name, got none",
                assertThrows(VocabularyFormatException.class, () -> m.string("general.name")).getMessage());
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
