package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.text.RealVocabularies;
import org.sampling4j.text.Vocabulary;

/**
 * The fast mask on the real o200k_base and cl100k_base vocabularies (JTokkit): at every step the
 * whole vocabulary is compared with the engine's uncached per-token simulation, and a sample (allowed
 * tokens and random ones) with the independent {@link ReferenceRecognizer}.
 */
@KernelIndependent
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
     * A real JSON document's o200k tokens are each in their mask, on a fresh matcher and again on a
     * second one that meets the caches the first filled (timings belong to MaskBenchmark).
     */
    @Test
    void aRealDocumentIsAcceptedTokenByTokenColdAndCached() {
        Vocabulary v = o200k();
        Grammar g = Grammar.compile(G.json(), v, GrammarLimits.DEFAULT);
        int[] mask = new int[g.maskWords()];
        String doc = "{\"name\": \"Ada Lovelace\", \"born\": 1815, \"tags\": [\"math\", \"poetry\", true, null], \"x\": {\"y\": -1.5e3}}";
        int[] ids = RealVocabularies.o200kEncoding().encodeOrdinary(doc).toArray();
        for (int rep = 0; rep < 2; rep++) {
            GrammarMatcher w = g.newMatcher();
            for (int i = 0; i < ids.length; i++) {
                w.fillMask(mask);
                assertTrue(TokenMask.isAllowed(mask, ids[i]), "pass " + rep + ", token " + i + " of the document");
                w.accept(ids[i]);
            }
            assertTrue(w.canStop());
        }
    }
}
