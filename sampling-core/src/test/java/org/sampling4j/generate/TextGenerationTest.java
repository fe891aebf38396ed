package org.sampling4j.generate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sampling4j.SampleResult;
import org.sampling4j.SamplingParams;
import org.sampling4j.StopReason;
import org.sampling4j.text.Vocabulary;

/** Generator with a vocabulary: text deltas, stop strings, the final flush, padding never sampled. */
class TextGenerationTest {
    // ids:                 0     1      2     3       4     5     6           7
    private static final String[] PIECES = {"He", "llo", "\n", " wor", "ld", "!", "<|end|>", "x"};
    private static final int END = 6;
    private static final int E_ACUTE_HEAD = 8; // 0xC3: first byte of é
    private static final int E_ACUTE_TAIL = 9; // 0xA9
    private static final Vocabulary VOCAB = vocabulary();

    private static Vocabulary vocabulary() {
        Vocabulary.Builder b = Vocabulary.builder();
        for (int i = 0; i < PIECES.length; i++) {
            if (i == END) {
                b.addSpecial(PIECES[i].getBytes(UTF_8));
            } else {
                b.add(PIECES[i].getBytes(UTF_8));
            }
        }
        b.add(new byte[] {(byte) 0xC3}).add(new byte[] {(byte) 0xA9});
        return b.eos(END).logitsSize(12).build(); // ids 10 and 11 are padding
    }

    /** Greedy over a model that scores the scripted next token 10, padding id 10 always 30. */
    private static LogitsModel script(int... tokens) {
        return (sequence, logits) -> {
            java.util.Arrays.fill(logits, 0f);
            int i = sequence.generatedLength();
            logits[tokens[Math.min(i, tokens.length - 1)]] = 10f;
            logits[10] = 30f;
        };
    }

    private static final class Recorder implements TokenListener {
        final List<Integer> tokens = new ArrayList<>();
        final List<String> deltas = new ArrayList<>();

        @Override
        public boolean onToken(int token, SampleResult result) {
            tokens.add(token);
            return true;
        }

        @Override
        public void onText(CharSequence delta) {
            deltas.add(delta.toString());
        }
    }

    private static Generation run(SamplingParams.Builder params, Recorder r, int... script) {
        Generator g = Generator.of(params.temperature(0).build(), VOCAB);
        return g.generate(script(script), g.sampler().newSequence(7), r);
    }

    @Test
    void aStopStringAcrossTokensEndsTheTextBeforeIt() {
        Recorder r = new Recorder();
        Generation g = run(SamplingParams.builder().stopStrings("\n wor"), r, 0, 1, 2, 3, 4);
        assertEquals(StopReason.STOP_STRING, g.stopReason());
        assertArrayEquals(new int[] {0, 1, 2, 3}, g.tokens(), "the token completing the match is the last one");
        assertEquals("Hello", g.text());
        assertEquals(List.of("He", "llo"), r.deltas, "the \\n was held back as a stop prefix, then dropped");
        assertEquals("\n wor", g.stopMatch().stopString());
    }

    @Test
    void includeStopStringKeepsTheMatch() {
        Generation g = run(SamplingParams.builder().stopStrings("\n wor").includeStopStringInOutput(true),
                new Recorder(), 0, 1, 2, 3, 4);
        assertEquals("Hello\n wor", g.text());
    }

    @Test
    void aHeldBackPrefixThatNeverCompletesIsFlushedAtTheEnd() {
        Recorder r = new Recorder();
        Generation g = run(SamplingParams.builder().stopStrings("\n\n").maxTokens(3), r, 0, 1, 2);
        assertEquals(StopReason.MAX_TOKENS, g.stopReason());
        assertEquals("Hello\n", g.text());
        assertEquals(List.of("He", "llo", "\n"), r.deltas, "the held-back \\n comes in the final delta");
        assertNull(g.stopMatch());
    }

    @Test
    void aStopTokenIsSkippedTextAndACharacterSplitAcrossTokensArrivesWhole() {
        Recorder r = new Recorder();
        Generation g = run(SamplingParams.builder().stopTokenIds(END), r, 0, E_ACUTE_HEAD, E_ACUTE_TAIL, END);
        assertEquals(StopReason.STOP_TOKEN, g.stopReason());
        assertEquals("He\u00e9", g.text());
        assertEquals(List.of("He", "\u00e9"), r.deltas);
        assertEquals(String.join("", r.deltas), g.text());
    }

    @Test
    void keptSpecialTokensContributeTheirText() {
        Generation g = run(SamplingParams.builder().stopTokenIds(END).skipSpecialTokens(false), new Recorder(), 5, END);
        assertEquals("!<|end|>", g.text());
    }

    @Test
    void theStopStringWinsOverABudgetReachedByTheSameToken() {
        Generation g = run(SamplingParams.builder().stopStrings("ld").maxTokens(2), new Recorder(), 3, 4);
        assertEquals(StopReason.STOP_STRING, g.stopReason());
        assertEquals(" wor", g.text());
    }

    @Test
    void paddingIdsAreNeverSampledEvenWhenTheModelPrefersThem() {
        Recorder r = new Recorder();
        run(SamplingParams.builder().maxTokens(4), r, 7, 7, 7, 7);
        assertEquals(List.of(7, 7, 7, 7), r.tokens);
    }

    @Test
    void withoutAVocabularyThereIsNoText() {
        Generator g = new Generator(org.sampling4j.Sampler.of(SamplingParams.builder().temperature(0).maxTokens(2).build(), 12));
        Generation gen = g.generate(script(0, 1), g.sampler().newSequence(0), null);
        assertNull(gen.text());
        assertEquals(StopReason.MAX_TOKENS, gen.stopReason());
    }
}
