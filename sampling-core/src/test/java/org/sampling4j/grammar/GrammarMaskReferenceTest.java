package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.text.Vocabulary;

/**
 * The fast mask against the slow references on synthetic vocabularies: single bytes, tokens cut
 * inside multi-byte characters, duplicate byte strings, special tokens, an empty token and padding.
 * Every step compares the whole vocabulary with the engine's uncached answer and with the
 * independent code-point-level {@link ReferenceRecognizer}.
 */
@KernelIndependent
class GrammarMaskReferenceTest {
    private static final long SEED = 0x6A4D_0012L;
    private static final int GRAMMARS = 60;
    private static final int STEPS = 25;

    @Test
    void randomGrammarsOnSyntheticVocabulariesMatchTheReference() {
        Random r = new Random(SEED);
        int steps = 0;
        int grammars = 0;
        for (int i = 0; i < GRAMMARS; i++) {
            Cfg cfg = RandomGrammars.random(r);
            Vocabulary v = RandomGrammars.synthetic(r, 200);
            Grammar g;
            try {
                g = Grammar.compile(cfg, v, GrammarLimits.DEFAULT);
            } catch (GrammarException e) {
                assertTrue(e.getMessage().startsWith("invalid: "), e.getMessage());
                continue; // a random grammar with no string: the reference agrees (checked in GrammarMatcherTest)
            }
            grammars++;
            steps += MaskChecks.walk(g, new ReferenceRecognizer(cfg), r, STEPS, 0, "grammar " + i + " " + cfg);
        }
        assertTrue(grammars >= GRAMMARS / 2, "too few productive random grammars: " + grammars);
        assertTrue(steps >= 600, "too few steps: " + steps);
    }

    @Test
    void randomGrammarsWithTokenTerminalsMatchTheUncachedMatcher() {
        Random r = new Random(SEED + 2);
        int walked = 0;
        for (int i = 0; i < 40; i++) {
            Vocabulary v = RandomGrammars.synthetic(r, 200);
            Cfg cfg = RandomGrammars.randomWithTokens(r, v);
            Grammar g;
            try {
                g = Grammar.compile(cfg, v, GrammarLimits.DEFAULT);
            } catch (GrammarException e) {
                continue;
            }
            walked += MaskChecks.walk(g, null, r, 20, 0, "grammar " + i + " " + cfg);
        }
        assertTrue(walked >= 300, "steps: " + walked);
    }

    @Test
    void balancedBracketsAndJsonOnSyntheticVocabulary() {
        Random r = new Random(SEED + 1);
        for (Cfg cfg : new Cfg[] {RandomGrammars.parens(), G.json()}) {
            for (int rep = 0; rep < 4; rep++) {
                Vocabulary v = RandomGrammars.synthetic(r, 300);
                Grammar g = Grammar.compile(cfg, v, GrammarLimits.DEFAULT);
                MaskChecks.walk(g, new ReferenceRecognizer(cfg), r, 40, 0, cfg.root() + " rep " + rep);
            }
        }
    }
}
