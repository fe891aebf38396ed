package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.text.Vocabulary;

/**
 * The subtree memo (a root mask group's expansion kept per parse context, grammar-wide) stays
 * exact when other matchers with other histories reuse it: several independent walks share one
 * compiled grammar, so later walks meet contexts that earlier ones memoized, and every step of
 * every walk compares {@code fillMask} with the uncached {@code isAllowed} over the whole
 * vocabulary and with the independent {@link ReferenceRecognizer} (see {@link MaskChecks#walk}),
 * rollbacks and forks included.
 */
@KernelIndependent
class GrammarMaskMemoTest {
    private static final long SEED = 0x6D45_4D4FL;

    @Test
    void walksSharingOneGrammarMatchTheReference() {
        Random r = new Random(SEED);
        int steps = 0;
        for (int i = 0; i < 25; i++) {
            Cfg cfg = RandomGrammars.random(r);
            Vocabulary v = RandomGrammars.synthetic(r, 120);
            Grammar g;
            try {
                g = Grammar.compile(cfg, v, GrammarLimits.DEFAULT);
            } catch (GrammarException e) {
                continue; // no string at all: covered by GrammarMatcherTest
            }
            ReferenceRecognizer ref = new ReferenceRecognizer(cfg);
            for (int walk = 0; walk < 4; walk++) {
                steps += MaskChecks.walk(g, ref, new Random(r.nextLong()), 20, 40, "grammar " + i + " walk " + walk + " " + cfg);
            }
        }
        assertTrue(steps >= 500, "too few steps: " + steps);
    }
}
