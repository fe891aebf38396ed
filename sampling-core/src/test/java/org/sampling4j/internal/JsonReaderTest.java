package org.sampling4j.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {
    private static JsonReader reader(String json) {
        return new JsonReader(json.getBytes(UTF_8), "t.json");
    }

    private static Object tree(String json) throws JsonException {
        JsonReader r = reader(json);
        Object v = r.readValue();
        r.endDocument();
        return v;
    }

    private static String errorOf(String json) {
        return errorOf(json.getBytes(UTF_8));
    }

    private static String errorOf(byte[] json) {
        JsonReader r = new JsonReader(json, "t.json");
        return assertThrows(JsonException.class, () -> {
            r.readValue();
            r.endDocument();
        }).getMessage();
    }

    @Test
    void readsEveryKindOfValueAsATree() throws JsonException {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", Arrays.asList(1L, -2500.0, true, false, null, "x", 0L, -0L, 0.5));
        expected.put("b", new LinkedHashMap<>());
        expected.put("c", List.of());
        assertEquals(expected, tree(" {\"a\" : [1, -2.5e3, true, false, null, \"x\", 0, -0, 5E-1],\n\t\"b\":{}, \"c\":[]}\r\n"));
    }

    @Test
    void readsTopLevelScalars() throws JsonException {
        assertEquals("s", tree("\"s\""));
        assertEquals(42L, tree(" 42 "));
        assertEquals(null, tree("null"));
        assertEquals(1e300, tree("1e300"));
        assertEquals(1e20, tree("100000000000000000000"), "past long range an integer becomes a double");
    }

    @Test
    void decodesEveryEscape() throws JsonException {
        assertEquals("\" \\ / \b \f \n \r \t \u00e9 \u4e2d A", tree("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u4E2D \\u0041\""));
    }

    @Test
    void decodesASurrogatePairEscapeToOneCodePoint() throws JsonException {
        String s = (String) tree("\"\\uD83D\\uDE00\"");
        assertEquals(1, s.codePointCount(0, s.length()));
        assertEquals(0x1F600, s.codePointAt(0));
    }

    @Test
    void decodesRawUtf8WithAndWithoutEscapes() throws JsonException {
        assertEquals("\u0120the \u4e2d \uD83D\uDE00", tree("\"\u0120the \u4e2d \uD83D\uDE00\""));
        assertEquals("\u0120\n\u4e2d\t\uD83D\uDE00", tree("\"\u0120\\n\u4e2d\\t\uD83D\uDE00\""));
    }

    @Test
    void skipsAByteOrderMark() throws JsonException {
        byte[] json = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', '1', ']'};
        JsonReader r = new JsonReader(json, "t.json");
        assertEquals(List.of(1L), r.readValue());
    }

    @Test
    void rejectsALoneHighSurrogate() {
        String m = errorOf("[\"a\\uD83Dz\"]");
        assertTrue(m.contains("expected a low surrogate \\uDC00..\\uDFFF after the high surrogate \\uD83D, got 'z'"), m);
        assertTrue(m.contains("lone surrogate has no UTF-8 form"), m);
        String m2 = errorOf("\"\\uD83D\\u0041\"");
        assertTrue(m2.contains("after the high surrogate \\uD83D, got \\u0041"), m2);
    }

    @Test
    void rejectsALoneLowSurrogate() {
        String m = errorOf("\"\\uDE00\"");
        assertTrue(m.contains("expected a high surrogate \\uD800..\\uDBFF before the low surrogate \\uDE00"), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\'\""})
    void rejectsBadEscapes(String json) {
        String m = errorOf(json);
        assertTrue(m.contains("at offset 1 ") && (m.contains("expected an escape") || m.contains("expected 4 hex digits")), m);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\": [1, 2|expected ',' or ']', got the end of the document",
        "{\"a\"|expected ':' after the key, got the end of the document",
        "{\"a\":|expected a value, got the end of the document",
        "\"abc|expected '\"' to close the string that starts at offset 0, got the end of the document",
        "[1,|expected a value, got the end of the document",
        "''|expected a value, got the end of the document",
        "tru|expected a value, got tru",
        "{|expected a string key or '}', got the end of the document",
    })
    void rejectsTruncatedDocuments(String json, String expected) {
        String m = errorOf(json);
        assertTrue(m.endsWith(expected), m);
    }

    @Test
    void rejectsTrailingCommas() {
        assertEquals("t.json at offset 7 (line 1, column 8), $[2]: expected a value, got ']'", errorOf("[1, 2, ]"));
        assertEquals("t.json at offset 9 (line 1, column 10), $.a: expected a string key, got '}'",
                errorOf("{\"a\": 1, }"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "01|expected a number without a leading zero, got 01",
        "-012|expected a number without a leading zero, got -012",
        "[00]|expected a number without a leading zero, got 00",
        "1.|expected a digit after '.', got the end of the document",
        "1.e5|expected a digit after '.', got 'e'",
        "-|expected a digit after '-', got the end of the document",
        "1e|expected a digit in the exponent, got the end of the document",
        "1e+|expected a digit in the exponent, got the end of the document",
        ".5|expected a value, got '.'",
        "+1|expected a value, got '+'",
        "NaN|expected a value, got 'N'",
        "1x|expected the end of the document, got 'x'",
    })
    void rejectsMalformedNumbers(String json, String expected) {
        String m = errorOf(json);
        assertTrue(m.endsWith(expected), m);
    }

    @Test
    void acceptsNumbersAtTheEdgesOfTheGrammar() throws JsonException {
        assertEquals(Arrays.asList(0L, -0L, 0.0, 10L, 1.5e-7, 1e5, 9223372036854775807L),
                tree("[0, -0, 0.0, 10, 15e-8, 1E+5, 9223372036854775807]"));
    }

    @Test
    void rejectsRawControlCharactersInStrings() {
        String m = errorOf("\"a\nb\"");
        assertTrue(m.contains("at offset 2 ") && m.endsWith("got the raw control character U+000A"), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C080", "ED A080", "F5808080", "80", "E4B8", "F4908080", "E080AF", "FF"})
    void rejectsInvalidUtf8(String hex) {
        byte[] bad = hexBytes(hex.replace(" ", ""));
        byte[] json = new byte[bad.length + 2];
        json[0] = '"';
        System.arraycopy(bad, 0, json, 1, bad.length);
        json[json.length - 1] = '"';
        String m = errorOf(json);
        assertTrue(m.contains("at offset 1 ") && m.contains("expected UTF-8, got the byte"), m);
    }

    @Test
    void rejectsASecondValue() {
        assertEquals("t.json at offset 2 (line 1, column 3), $: expected the end of the document, got '2'", errorOf("1 2"));
    }

    @Test
    void rejectsNestingPastTheLimitWithAClearErrorNotAStackOverflow() {
        String deep = "[".repeat(100_000);
        String m = errorOf(deep);
        assertTrue(m.contains("at offset 512 ") && m.endsWith("expected at most 512 nested objects and arrays, got more"), m);
        JsonReader skipping = reader("{\"a\":" + deep);
        JsonException e = assertThrows(JsonException.class, () -> {
            skipping.beginObject();
            skipping.nextName();
            skipping.skipValue();
        });
        assertTrue(e.getMessage().contains("expected at most 512 nested"), e.getMessage());
    }

    @Test
    void acceptsNestingUpToTheLimit() throws JsonException {
        String json = "[".repeat(512) + "]".repeat(512);
        assertTrue(tree(json) instanceof List);
        JsonReader r = new JsonReader("[[[]]]".getBytes(UTF_8), "t.json", 2);
        assertThrows(JsonException.class, r::readValue);
    }

    @Test
    void errorsNameSourceOffsetLineColumnPathAndWhatWasExpected() throws JsonException {
        JsonReader r = reader("{\n  \"model\": {\"vocab\": {\"abc\": \"x\"}}}");
        r.beginObject();
        assertEquals("model", r.nextName());
        r.beginObject();
        assertEquals("vocab", r.nextName());
        r.beginObject();
        assertEquals("abc", r.nextName());
        JsonException e = assertThrows(JsonException.class, () -> r.nextInt("an integer id"));
        assertEquals("t.json at offset 31 (line 2, column 30), $.model.vocab.abc: expected an integer id, got \"x\"",
                e.getMessage());
        assertEquals(31, e.offset());
    }

    @Test
    void pathQuotesKeysThatAreNotIdentifiersAndCountsArrayElements() throws JsonException {
        JsonReader r = reader("{\"vocab\": {\"\u0120the\": 1, \"a b\": [true, 2, {\"k\": 3}]}}");
        r.beginObject();
        r.nextName();
        r.beginObject();
        r.nextName();
        assertEquals(1, r.nextInt());
        assertEquals("$.vocab[\"\u0120the\"]", r.path());
        r.nextName();
        r.beginArray();
        assertEquals("$.vocab[\"a b\"]", r.path());
        assertTrue(r.nextBoolean());
        assertEquals("$.vocab[\"a b\"][0]", r.path());
        assertEquals(2, r.nextInt());
        r.beginObject();
        r.nextName();
        assertEquals("$.vocab[\"a b\"][2].k", r.path());
        assertEquals(3, r.nextInt());
        String m = r.error("expected an even id, got 3").getMessage();
        assertTrue(m.endsWith("$.vocab[\"a b\"][2].k: expected an even id, got 3"), m);
    }

    @Test
    void nextIntRejectsFractionsAndValuesPastIntRange() throws JsonException {
        JsonReader r = reader("[1.5, 2147483648, 99999999999999999999, \"7\"]");
        r.beginArray();
        assertTrue(assertThrows(JsonException.class, () -> r.nextInt("an id")).getMessage().endsWith("expected an id, got 1.5"));
        r.skipValue();
        assertTrue(assertThrows(JsonException.class, r::nextInt).getMessage()
                .endsWith("expected an integer in [-2147483648, 2147483647], got 2147483648"));
        r.skipValue();
        assertTrue(assertThrows(JsonException.class, r::nextInt).getMessage()
                .endsWith("expected an integer in long range, got 99999999999999999999"));
        r.skipValue();
        assertTrue(assertThrows(JsonException.class, r::nextInt).getMessage().endsWith("expected an integer, got \"7\""));
        assertEquals("7", r.nextString());
        r.endArray();
        r.endDocument();
    }

    @Test
    void skipValueSkipsNestedValuesButStillChecksThem() throws JsonException {
        JsonReader r = reader("{\"merges\": [[\"a\", \"b\"], \"c d\", {\"x\": [1, {}]}], \"after\": 7}");
        r.beginObject();
        r.nextName();
        r.skipValue();
        assertEquals("after", r.nextName());
        assertEquals(7, r.nextInt());
        r.endObject();
        r.endDocument();
        JsonReader bad = reader("{\"merges\": [\"a\", \"b\\q\"], \"after\": 7}");
        bad.beginObject();
        bad.nextName();
        String m = assertThrows(JsonException.class, bad::skipValue).getMessage();
        assertTrue(m.contains("$.merges[1]: expected an escape"), m);
    }

    @Test
    void hasNextWalksObjectsAndArrays() throws JsonException {
        JsonReader r = reader("{\"a\": [], \"b\": [1]}");
        r.beginObject();
        assertTrue(r.hasNext());
        r.nextName();
        r.beginArray();
        assertFalse(r.hasNext());
        r.endArray();
        assertTrue(r.hasNext());
        assertEquals("b", r.nextName());
        r.beginArray();
        assertTrue(r.hasNext());
        assertEquals(1.0, r.nextDouble());
        assertFalse(r.hasNext());
        r.endArray();
        assertFalse(r.hasNext());
        r.endObject();
        assertEquals(JsonReader.Token.END_DOCUMENT, r.peek());
    }

    @Test
    void mismatchedCallsNameWhatCame() {
        assertTrue(errorOfCall("{\"a\": 1}", r -> r.beginArray()).endsWith("$: expected an array, got an object"));
        assertTrue(errorOfCall("[1]", r -> r.nextString()).endsWith("$: expected a string, got an array"));
        assertTrue(errorOfCall("\"a\\\"b\"", r -> r.nextBoolean()).endsWith("$: expected true or false, got \"a\\\"b\""));
    }

    private interface Call {
        void run(JsonReader r) throws JsonException;
    }

    private static String errorOfCall(String json, Call call) {
        JsonReader r = reader(json);
        return assertThrows(JsonException.class, () -> call.run(r)).getMessage();
    }

    private static byte[] hexBytes(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
