package org.sampling4j.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.sampling4j.text.Utf8Oracle.escape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;

/**
 * {@link TextStream} against {@link ReferenceText} over random byte vocabularies (characters split
 * across tokens, invalid bytes, special tokens kept or skipped) and random stop sets (overlapping,
 * multi-byte, U+FFFD, duplicates), one token at a time and in random batches, with the dense and
 * the sparse automaton. Each example draws a long; everything derives from it with a
 * SplittableRandom, so a counter-example reproduces from that one number. Counters at the end of
 * each property check that the interesting cases did occur.
 */
@KernelIndependent
class TextStreamReferenceTest {
    private static final long SEED = 0x5A4D_1102L;
    private static final int EXAMPLES = 4_000;
    /** Characters stop strings are made of: ASCII that random tokens hit often, multi-byte, U+FFFD. */
    private static final String[] STOP_UNITS = {"a", "b", "a", "b", " ", "\n", "\u00E9", "\u4E2D", "\uD83D\uDE00",
        "\uFFFD", "<", "s", ">"};
    private static final byte[][] SPECIALS = {"<s>".getBytes(UTF_8), "\n".getBytes(UTF_8), "a".getBytes(UTF_8),
        "ab".getBytes(UTF_8)};

    /** One random case. */
    static final class Example {
        Vocabulary vocabulary;
        int[] tokens;
        List<String> stops;
        boolean skipSpecial;
        boolean include;
        /** The stream's first buffer size, often tiny so that held chars move and the buffer grows; 0 = default. */
        int capacity;

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("tokens:");
            for (int t : tokens) {
                s.append(" [").append(Utf8Oracle.hex(vocabulary.bytes(t))).append(vocabulary.isSpecial(t) ? " special" : "")
                        .append(']');
            }
            s.append(", stops:");
            for (String stop : stops) {
                s.append(" \"").append(escape(stop)).append('"');
            }
            return s.append(", skipSpecial ").append(skipSpecial).append(", include ").append(include)
                    .append(", capacity ").append(capacity).toString();
        }
    }

    /** Units of token bytes: mostly the stop alphabet, some invalid bytes; tokens slice through them. */
    private static final byte[][] TEXT_UNITS = {"a".getBytes(UTF_8), "b".getBytes(UTF_8), "a".getBytes(UTF_8),
        "b".getBytes(UTF_8), " ".getBytes(UTF_8), "\n".getBytes(UTF_8), "\u00E9".getBytes(UTF_8), "\u4E2D".getBytes(UTF_8),
        "\uD83D\uDE00".getBytes(UTF_8), "\uFFFD".getBytes(UTF_8), "<s>".getBytes(UTF_8), Utf8Oracle.bytes(0x80),
        Utf8Oracle.bytes(0xED, 0xA0), Utf8Oracle.bytes(0xE0, 0x80), Utf8Oracle.bytes(0xF5), Utf8Oracle.bytes(0xE4, 0xB8)};

    /**
     * A random example: up to 16 token ids over a vocabulary of 2-15 tokens of at most
     * {@code maxTokenBytes} bytes each (slices of random units, so characters split), some special;
     * up to 4 stop strings of 1..{@code maxStopUnits} units, and half the time one more that is a
     * piece of the decoded text of at least {@code minTextStop} chars, so that it matches.
     */
    static Example randomExample(SplittableRandom r, int maxTokenBytes, int maxStopUnits, int minTextStop) {
        Example e = new Example();
        Vocabulary.Builder b = Vocabulary.builder();
        int size = 2 + r.nextInt(14);
        for (int i = 0; i < size; i++) {
            if (r.nextInt(8) == 0) {
                b.addSpecial(SPECIALS[r.nextInt(SPECIALS.length)]);
                continue;
            }
            byte[] source = new byte[0];
            for (int u = 1 + r.nextInt(3); u > 0; u--) {
                source = Utf8Oracle.concat(source, r.nextInt(10) == 0 ? Utf8StreamDecoderPropertyTest.randomBytes(r, 1)
                        : TEXT_UNITS[r.nextInt(TEXT_UNITS.length)]);
            }
            int from = r.nextInt(source.length);
            int to = Math.min(source.length, from + 1 + r.nextInt(maxTokenBytes));
            b.add(Arrays.copyOfRange(source, from, to));
        }
        e.vocabulary = b.logitsSize(size + r.nextInt(3)).build();
        e.tokens = new int[r.nextInt(17)];
        for (int i = 0; i < e.tokens.length; i++) {
            e.tokens[i] = r.nextInt(size);
        }
        e.skipSpecial = r.nextBoolean();
        e.include = r.nextBoolean();
        e.capacity = r.nextBoolean() ? 0 : 1 + r.nextInt(12);
        e.stops = new ArrayList<>();
        int stops = r.nextInt(5);
        for (int k = 0; k < stops; k++) {
            StringBuilder s = new StringBuilder();
            int units = 1 + r.nextInt(maxStopUnits);
            for (int u = 0; u < units; u++) {
                s.append(STOP_UNITS[r.nextInt(STOP_UNITS.length)]);
            }
            e.stops.add(s.toString());
        }
        String text = oneShot(e);
        if (r.nextBoolean() && text.length() >= minTextStop) {
            int length = minTextStop + r.nextInt(Math.min(6, text.length() - minTextStop + 1));
            int from = r.nextInt(text.length() - length + 1);
            int to = from + length;
            if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
                from--;
            }
            if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
                to++;
            }
            e.stops.add(r.nextInt(e.stops.size() + 1), text.substring(from, to));
        }
        if (!e.stops.isEmpty() && r.nextInt(6) == 0) {
            e.stops.add(e.stops.get(r.nextInt(e.stops.size()))); // a duplicate
        }
        return e;
    }

    /** The whole text decoded in one go, special tokens skipped or kept as the example says. */
    static String oneShot(Example e) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int t : e.tokens) {
            if (!(e.skipSpecial && e.vocabulary.isSpecial(t))) {
                bytes.writeBytes(e.vocabulary.bytes(t));
            }
        }
        return Utf8Oracle.decode(bytes.toByteArray());
    }

    private static TextStream stream(Example e, boolean dense) {
        return TextStream.builder(e.vocabulary).stopStrings(StopStrings.compile(e.stops, dense))
                .skipSpecialTokens(e.skipSpecial).includeStopStringInOutput(e.include).initialCapacity(e.capacity).build();
    }

    /** Runs one token at a time, then finish unless stopped; checks every delta and the stop against the reference. */
    private static void checkOneAtATime(Example e, boolean dense) {
        ReferenceText.Result expected = ReferenceText.run(e.vocabulary, e.tokens, e.stops, e.skipSpecial, e.include);
        TextStream text = stream(e, dense);
        StringBuilder delta = new StringBuilder();
        for (int i = 0; i < e.tokens.length && !text.isStopped(); i++) {
            delta.setLength(0);
            boolean stopped = text.accept(e.tokens[i], delta);
            check(i < expected.deltas.size(), e + ": the reference stopped before token " + i);
            check(expected.deltas.get(i).contentEquals(delta), e + ": delta " + i + " is \"" + escape(delta)
                    + "\", the reference releases \"" + escape(expected.deltas.get(i)) + "\"");
            check(stopped == text.isStopped(), e + ": accept's result and isStopped disagree");
        }
        String finish = text.finish();
        check(expected.finishDelta.equals(finish), e + ": finish releases \"" + escape(finish) + "\", the reference \""
                + escape(expected.finishDelta) + "\"");
        checkStop(e, expected, text);
        check(text.releasedLength() == expected.text().length(), e + ": released length");
    }

    private static void checkStop(Example e, ReferenceText.Result expected, TextStream text) {
        StopStringMatch m = text.stopMatch();
        if (expected.stopIndex < 0) {
            check(m == null, e + ": stopped at " + m + ", the reference does not stop");
            check(text.tokensConsumed() == e.tokens.length, e + ": consumed " + text.tokensConsumed());
            return;
        }
        check(m != null, e + ": no stop, the reference stops on stop[" + expected.stopIndex + "] at " + expected.stopStart);
        check(m.stopIndex() == expected.stopIndex && m.start() == expected.stopStart
                && m.tokensConsumed() == expected.consumed && text.tokensConsumed() == expected.consumed,
                e + ": " + m + ", the reference stops on stop[" + expected.stopIndex + "] at " + expected.stopStart
                        + " after " + expected.consumed + " tokens");
        check(m.outputLength() == expected.text().length(), e + ": output length " + m.outputLength());
        check(m.stopString().equals(e.stops.get(m.stopIndex())) && m.includedInOutput() == e.include, e + ": " + m);
    }

    @Test
    void streamedDeltasAndStopEqualTheReferenceOneTokenAtATime() {
        AtomicInteger stopped = new AtomicInteger();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Example e = randomExample(new SplittableRandom(seed), 4, 3, 1);
            checkOneAtATime(e, true);
            ReferenceText.Result r = ReferenceText.run(e.vocabulary, e.tokens, e.stops, e.skipSpecial, e.include);
            if (r.stopIndex >= 0) {
                stopped.incrementAndGet();
            }
        });
        check(stopped.get() > EXAMPLES / 4, "only " + stopped + " examples stopped");
    }

    @Test
    void theSparseAutomatonGivesTheSameDeltasAndStop() {
        qt().withFixedSeed(SEED + 1).withExamples(EXAMPLES).forAll(longs().all())
                .checkAssert(seed -> checkOneAtATime(randomExample(new SplittableRandom(seed), 4, 3, 1), false));
    }

    @Test
    void stopsSpanningThreeOrMoreTokensMatchAsInTheReference() {
        // Tokens of 1-2 bytes and stop strings of 3-6 characters: most matches span three or more tokens.
        AtomicInteger spanningThree = new AtomicInteger();
        qt().withFixedSeed(SEED + 2).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            Example e = randomExample(r, 2, 6, 3);
            checkOneAtATime(e, true);
            TextStream text = stream(e, true);
            for (int t : e.tokens) {
                if (text.accept(t, new StringBuilder())) {
                    break;
                }
            }
            StopStringMatch m = text.stopMatch();
            if (m != null) {
                // The token in which the match starts: replay, counting the chars each token completes.
                Detokenizer d = new Detokenizer(e.vocabulary, e.skipSpecial);
                long decoded = 0;
                int startToken = -1;
                for (int i = 0; i < m.tokensConsumed() && startToken < 0; i++) {
                    decoded += d.decode(e.tokens[i]).length();
                    startToken = decoded > m.start() ? i : -1;
                }
                if (m.tokensConsumed() - startToken >= 3) {
                    spanningThree.incrementAndGet();
                }
            }
        });
        check(spanningThree.get() > EXAMPLES / 20, "only " + spanningThree + " stops spanned three or more tokens");
    }

    @Test
    void appendingSeveralTokensAtOnceGivesTheSameTextAndTheSameStop() {
        qt().withFixedSeed(SEED + 3).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            Example e = randomExample(r, 4, 3, 1);
            ReferenceText.Result expected = ReferenceText.run(e.vocabulary, e.tokens, e.stops, e.skipSpecial, e.include);
            TextStream text = stream(e, true);
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < e.tokens.length && !text.isStopped()) {
                int n = 1 + r.nextInt(5);
                int to = Math.min(e.tokens.length, i + n);
                int before = out.length();
                int consumed = text.acceptAll(e.tokens, i, to, out);
                String batch = out.substring(before);
                String oneAtATime = String.join("", expected.deltas.subList(i, Math.min(expected.deltas.size(), i + consumed)));
                check(batch.equals(oneAtATime), e + ": tokens [" + i + ", " + to + ") release \"" + escape(batch)
                        + "\", one at a time \"" + escape(oneAtATime) + "\"");
                check(consumed == (text.isStopped() ? expected.consumed - i : to - i), e + ": batch consumed " + consumed);
                i += consumed;
            }
            text.finish(out);
            check(out.toString().equals(expected.text()), e + ": text \"" + escape(out) + "\", reference \""
                    + escape(expected.text()) + "\"");
            checkStop(e, expected, text);
        });
    }

    @Test
    void longHeldPrefixesAcrossHundredsOfTokensMatchTheReference() {
        // Runs of "a" held back by stops of 20-80 chars in a buffer of 90-130: the held text reaches
        // the buffer's end many times, so the held chars are moved to its front between tokens.
        Vocabulary v = Vocabulary.builder().add("a".getBytes(UTF_8)).add("aa".getBytes(UTF_8)).add("aaa".getBytes(UTF_8))
                .add("b".getBytes(UTF_8)).add("ab".getBytes(UTF_8)).add(Utf8Oracle.bytes(0xC3)).add(Utf8Oracle.bytes(0xA9))
                .build();
        qt().withFixedSeed(SEED + 5).withExamples(12).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            Example e = new Example();
            e.vocabulary = v;
            e.tokens = new int[250 + r.nextInt(100)];
            for (int i = 0; i < e.tokens.length; i++) {
                int k = r.nextInt(60);
                e.tokens[i] = k == 0 ? 3 : k == 1 ? 4 : k == 2 ? 5 : k == 3 ? 6 : r.nextInt(3);
            }
            e.stops = new ArrayList<>();
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
                e.stops.add("a".repeat(20 + r.nextInt(60)) + (r.nextBoolean() ? "b" : "\u00E9b"));
            }
            e.include = r.nextBoolean();
            e.capacity = 90 + r.nextInt(40);
            checkOneAtATime(e, true);
        });
    }

    @Test
    void withoutStopStringsTheDeltasConcatenateToTheOneShotDecoding() {
        qt().withFixedSeed(SEED + 4).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Example e = randomExample(new SplittableRandom(seed), 6, 1, 1);
            TextStream text = TextStream.builder(e.vocabulary).skipSpecialTokens(e.skipSpecial).build();
            StringBuilder out = new StringBuilder();
            for (int t : e.tokens) {
                text.accept(t, out);
                check(text.heldBackChars() == 0, e + ": no stop strings, yet chars are held");
            }
            text.finish(out);
            String expected = oneShot(e);
            check(out.toString().equals(expected), e + ": \"" + escape(out) + "\" != \"" + escape(expected) + "\"");
        });
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
