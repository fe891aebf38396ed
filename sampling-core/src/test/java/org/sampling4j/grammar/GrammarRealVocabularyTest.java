package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.text.RealVocabularies;
import org.sampling4j.text.Vocabulary;

/**
 * The fast mask on the real o200k_base and cl100k_base vocabularies (JTokkit): at every step the
 * whole vocabulary is compared with the engine's uncached per-token simulation, and a sample (allowed
 * tokens and random ones) with the independent {@link ReferenceRecognizer}.
 */
class GrammarRealVocabularyTest {
    private static final long SEED = 0x6A4D_0013L;

    static Vocabulary o200k() {
        return withEndOfText(RealVocabularies.o200k());
    }

    static Vocabulary cl100k() {
        return withEndOfText(RealVocabularies.cl100k());
    }

    /** JTokkit's vocabularies carry no EOS: {@code <|endoftext|>} is it. */
    static Vocabulary withEndOfText(Vocabulary v) {
        byte[] eot = "<|endoftext|>".getBytes(StandardCharsets.UTF_8);
        for (int id = v.size() - 1; id >= 0; id--) {
            if (v.isSpecial(id) && java.util.Arrays.equals(v.bytes(id), eot)) {
                return v.withEos(id);
            }
        }
        throw new AssertionError("no <|endoftext|> in " + v);
    }

    @Test
    void jsonOnO200kAndCl100kMatchesTheReferences() {
        Random r = new Random(SEED);
        for (Vocabulary v : new Vocabulary[] {o200k(), cl100k()}) {
            Grammar g = Grammar.compile(G.json(), v, GrammarLimits.DEFAULT);
            int steps = MaskChecks.walk(g, new ReferenceRecognizer(G.json()), r, 14, 100, "json on " + v);
            assertTrue(steps >= 10, "json walk ended after " + steps + " steps");
        }
    }

    @Test
    void randomGrammarsAndBracketsOnO200kMatchTheReferences() {
        Random r = new Random(SEED + 1);
        Vocabulary v = o200k();
        Grammar p = Grammar.compile(RandomGrammars.parens(), v, GrammarLimits.DEFAULT);
        MaskChecks.walk(p, new ReferenceRecognizer(RandomGrammars.parens()), r, 12, 100, "parens");
        int done = 0;
        for (int i = 0; done < 6; i++) {
            Cfg cfg = RandomGrammars.random(r);
            Grammar g;
            try {
                g = Grammar.compile(cfg, i % 2 == 0 ? v : cl100k(), GrammarLimits.DEFAULT);
            } catch (GrammarException e) {
                continue;
            }
            MaskChecks.walk(g, new ReferenceRecognizer(cfg), r, 6, 100, "grammar " + i + " " + cfg);
            done++;
        }
    }

    /**
     * Informal single-thread timing, printed (not asserted): the vocabulary's token trie (built once
     * per vocabulary), then compile + first mask of JSON, then the masks of one document: the first
     * pass (cache being filled) and steady state (min of 30 passes per position).
     */
    @Test
    void printsInformalMaskTimingOnO200k() {
        Vocabulary v = o200k();
        long t0 = System.nanoTime();
        Grammar.choice(java.util.List.of("x"), v); // builds the vocabulary's trie
        long trie = System.nanoTime() - t0;
        t0 = System.nanoTime();
        Grammar g = Grammar.compile(G.json(), v, GrammarLimits.DEFAULT);
        GrammarMatcher m = g.newMatcher();
        int[] mask = new int[g.maskWords()];
        m.fillMask(mask);
        long first = System.nanoTime() - t0;
        String doc = "{\"name\": \"Ada Lovelace\", \"born\": 1815, \"tags\": [\"math\", \"poetry\", true, null], \"x\": {\"y\": -1.5e3}}";
        int[] ids = RealVocabularies.o200kEncoding().encodeOrdinary(doc).toArray();
        long[] times = new long[ids.length];
        long firstPass = 0;
        for (int rep = 0; rep < 30; rep++) {
            GrammarMatcher w = g.newMatcher();
            for (int i = 0; i < ids.length; i++) {
                long s = System.nanoTime();
                w.fillMask(mask);
                long e = System.nanoTime() - s;
                assertTrue(TokenMask.isAllowed(mask, ids[i]), "token " + i + " of the document");
                times[i] = rep == 0 ? e : Math.min(times[i], e);
                firstPass += rep == 0 ? e : 0;
                w.accept(ids[i]);
            }
            assertTrue(w.canStop());
        }
        long[] sorted = times.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf("INFORMAL json/o200k: trie %.1f ms (once per vocabulary); compile + first mask %.2f ms; "
                        + "first pass over %d tokens %.2f ms total; steady state (min of 30) p50 %.1f us, max %.1f us; "
                        + "cache %d KiB%n", trie / 1e6, first / 1e6, ids.length, firstPass / 1e6,
                sorted[sorted.length / 2] / 1e3, sorted[sorted.length - 1] / 1e3, g.cacheBytes() >> 10);
        assertEquals(ids.length, times.length);
    }
}
