package org.sampling4j.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.IntArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;

/**
 * The text stream on a real 200k vocabulary (o200k_base from JTokkit), on English and on CJK text:
 * the streamed text equals JTokkit's one-shot decode, characters split across tokens never show as
 * U+FFFD, and stops agree with {@link ReferenceText} and with a plain {@code indexOf}.
 */
@KernelIndependent
class TextStreamJTokkitTest {
    private static final long SEED = 0x5A4D_1105L;
    private static final int END_OF_TEXT = 199_999;

    static final String ENGLISH = "Sampling4J is a pure-Java token sampling engine. Given the logits a language model "
            + "produced for the next position, it runs a chain of logits processors and picks the next token with a "
            + "seeded, reproducible random draw.\n\nThe text layer turns token ids back into text. A byte-level BPE token "
            + "may hold half of a UTF-8 sequence, so the decoder waits for the rest; stop strings such as \"\\n\\n\" or "
            + "\"</answer>\" end the output, and the held-back text is never more than it must be.\n\n"
            + "    for (int token : generated) { text.accept(token, delta); }\n\n"
            + "Numbers 3.14159, 2,718 and 1e-9; punctuation --- \"quotes\", (parentheses), [brackets]; an emoji \uD83D\uDE00 "
            + "and a flag \uD83C\uDDF3\uD83C\uDDF4. Stop here.\n";
    static final String CJK = "道可道，非常道。名可名，非常名。无名天地之始；有名万物之母。故常无欲，以观其妙；常有欲，以观其徼。"
            + "此两者，同出而异名，同谓之玄。玄之又玄，众妙之门。\n\n"
            + "分词器把文本切成词元，每个词元是一段字节。一个汉字在 UTF-8 中占三个字节，有时会被切在两个词元之间，"
            + "所以解码器必须等到最后一个字节到达，才能输出这个字。停止字符串在解码后的文本上匹配，可以跨越词元的边界。\n\n"
            + "日本語の文章も同じように扱います。トークナイザーは文字を途中で切ることがありますが、出力は常に正しい文字列です。"
            + "한국어 문장도 마찬가지입니다. 토큰 경계가 글자 중간에 있어도 텍스트는 올바르게 나옵니다.\n"
            + "稀有字：𠀀𠀁𪚥龘靐齉，以及表情符号🙂。";

    private static int[] tokens(String text) {
        IntArrayList ids = JTokkitVocabularies.o200kEncoding().encodeOrdinary(text);
        return ids.toArray();
    }

    private static String jtokkitDecode(int[] ids) {
        IntArrayList list = new IntArrayList(ids.length);
        for (int id : ids) {
            list.add(id);
        }
        return JTokkitVocabularies.o200kEncoding().decode(list);
    }

    @Test
    void theVocabularyHoldsEveryOrdinaryTokenAndTheSpecialOnes() {
        Vocabulary v = JTokkitVocabularies.o200k();
        assertEquals(199_998, v.size() - 21, "199,998 ranks, then 21 ids up to <|endofprompt|> = 200,018");
        assertTrue(v.isSpecial(END_OF_TEXT));
        assertArrayEquals("<|endoftext|>".getBytes(UTF_8), v.bytes(END_OF_TEXT));
        assertArrayEquals("<|endofprompt|>".getBytes(UTF_8), v.bytes(200_018));
        assertFalse(v.isSpecial(0));
        Encoding e = JTokkitVocabularies.o200kEncoding();
        for (int id : new int[] {0, 1, 256, 1000, 100_000, 199_997}) {
            assertArrayEquals(JTokkitVocabularies.bytesOf(e, id), v.bytes(id), "id " + id);
        }
    }

    @Test
    void streamedEnglishEqualsJTokkitsOneShotDecode() {
        checkStreamEqualsOneShot(ENGLISH);
    }

    @Test
    void streamedCjkEqualsJTokkitsOneShotDecodeAndNeverShowsASplitCharacterAsReplacement() {
        int split = checkStreamEqualsOneShot(CJK);
        assertTrue(split >= 5, "only " + split + " CJK tokens ended inside a character: the test would prove little");
    }

    /** Streams one token at a time; returns how many tokens ended inside a character. */
    private static int checkStreamEqualsOneShot(String source) {
        int[] ids = tokens(source);
        TextStream text = TextStream.builder(JTokkitVocabularies.o200k()).build();
        StringBuilder out = new StringBuilder();
        int endedInsideACharacter = 0;
        for (int id : ids) {
            int before = out.length();
            text.accept(id, out);
            assertEquals(-1, out.indexOf("\uFFFD", before), "token " + id + " released a U+FFFD");
            endedInsideACharacter += text.heldBackBytes() > 0 ? 1 : 0;
        }
        text.finish(out);
        assertEquals(jtokkitDecode(ids), out.toString());
        assertEquals(source, out.toString());
        return endedInsideACharacter;
    }

    @Test
    void stopsOnRealTextAgreeWithTheReferenceAndWithIndexOf() {
        Vocabulary v = JTokkitVocabularies.o200k();
        List<List<String>> stopSets = List.of(
                List.of("\n\n", "</answer>", "User:", "###"),
                List.of("Stop here", "never appears"),
                List.of("众妙之门", "。"),
                List.of("を途中で", "글자 중간"),
                List.of("\uD83D\uDE00", "\uD83D\uDE42"),
                List.of("𪚥", "文字"),
                List.of("aa", "e s", "de"));
        for (String source : new String[] {ENGLISH, CJK}) {
            int[] ids = tokens(source);
            for (List<String> stops : stopSets) {
                for (boolean include : new boolean[] {false, true}) {
                    ReferenceText.Result expected = ReferenceText.run(v, ids, stops, true, include);
                    TextStream text = TextStream.builder(v).stopStrings(StopStrings.of(stops))
                            .includeStopStringInOutput(include).build();
                    StringBuilder out = new StringBuilder();
                    for (int i = 0; i < ids.length && !text.isStopped(); i++) {
                        int before = out.length();
                        text.accept(ids[i], out);
                        assertEquals(expected.deltas.get(i), out.substring(before), stops + " delta " + i);
                    }
                    text.finish(out);
                    assertEquals(expected.text(), out.toString(), stops.toString());
                    int[] first = ReferenceText.earliestMatch(source, stops);
                    if (first == null) {
                        assertFalse(text.isStopped(), stops.toString());
                        assertEquals(source, out.toString());
                    } else {
                        StopStringMatch m = text.stopMatch();
                        assertNotNull(m, stops + " should stop");
                        assertEquals(first[0], m.stopIndex(), stops.toString());
                        assertEquals(source.indexOf(stops.get(first[0])), m.start(), stops.toString());
                        assertEquals(source.substring(0, (int) m.outputLength()), out.toString());
                        assertEquals(expected.consumed, m.tokensConsumed());
                    }
                }
            }
        }
    }

    @Test
    void batchesOfRandomSizeGiveTheSameTextAndStopAsOneAtATime() {
        Vocabulary v = JTokkitVocabularies.o200k();
        SplittableRandom r = new SplittableRandom(SEED);
        for (String source : new String[] {ENGLISH, CJK}) {
            int[] ids = tokens(source);
            for (List<String> stops : List.of(List.<String>of(), List.of("。\n\n分词"), List.of("Stop here"))) {
                TextStream single = TextStream.builder(v).stopStrings(StopStrings.of(stops)).build();
                StringBuilder one = new StringBuilder();
                single.acceptAll(ids, 0, ids.length, one);
                for (int repeat = 0; repeat < 20; repeat++) {
                    TextStream batched = TextStream.builder(v).stopStrings(StopStrings.of(stops)).build();
                    StringBuilder out = new StringBuilder();
                    int i = 0;
                    while (i < ids.length && !batched.isStopped()) {
                        int to = Math.min(ids.length, i + 1 + r.nextInt(8));
                        i += batched.acceptAll(ids, i, to, out);
                    }
                    assertEquals(one.toString(), out.toString());
                    assertEquals(single.stopMatch(), batched.stopMatch());
                    assertEquals(single.tokensConsumed(), batched.tokensConsumed());
                }
            }
        }
    }

    @Test
    void theEndOfTextTokenIsSkippedOrKeptAndThenTakesPartInMatching() {
        Vocabulary v = JTokkitVocabularies.o200k();
        int[] hello = tokens("Hello");
        int[] ids = new int[hello.length + 2];
        System.arraycopy(hello, 0, ids, 0, hello.length);
        ids[hello.length] = END_OF_TEXT;
        ids[hello.length + 1] = hello[0];
        assertEquals("HelloHello", TextStream.builder(v).build().acceptAll(ids));
        TextStream kept = TextStream.builder(v).skipSpecialTokens(false).stopStrings("o<|endoftext|>").build();
        assertEquals("Hell", kept.acceptAll(ids));
        assertEquals(hello.length + 1, kept.tokensConsumed());
    }
}
