package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.text.Vocabulary;

/**
 * Counted repeats that the parser counts: a large count of a body that refers to a rule is never copied
 * into the automaton (RuleGraph.countedOverRules) and its optional part is lowered in blocks of about
 * sqrt(k) copies (Normalizer.repeat). Every count in and around the bounds, byte by byte, against the
 * arithmetic: exactly the counts {@code min..max} are accepted.
 */
@KernelIndependent
class CountedRepeatTest {
    private static final Vocabulary V = GrammarSmokeTest.bytesVocab();

    /** {@code x{min,max}} with {@code x ::= "a" | "(" x ")"} (recursive, so always parser-counted) or {@code x ::= "ab"} (regular). */
    private static void everyCount(int min, int max, boolean recursive) {
        Cfg cfg = recursive
                ? G.rules("root", G.rep(G.ref("x"), min, max), "x", G.alt(G.lit("a"), G.seq(G.lit("("), G.ref("x"), G.lit(")"))))
                : G.rules("root", G.seq(G.lit("["), G.rep(G.seq(G.lit(","), G.ref("x")), min, max), G.lit("]")), "x", G.lit("ab"));
        Grammar g = Grammar.compile(cfg, V, GrammarLimits.DEFAULT);
        for (int c = Math.max(0, min - 3); c <= max + 3; c++) {
            String text = recursive ? "a".repeat(c) : "[" + ",ab".repeat(c) + "]";
            boolean accepted = JsonSchemaCorpusTest.rejectedAtByte(g, text) == -1;
            assertEquals(c >= min && c <= max, accepted, "x{" + min + "," + max + "} with " + c + " copies");
        }
    }

    @Test
    void blockedChainsAcceptExactlyTheCountsInRange() {
        for (int[] b : new int[][] {{0, 64}, {0, 65}, {0, 66}, {3, 100}, {0, 120}, {7, 157}, {0, 200}, {150, 150}}) {
            everyCount(b[0], b[1], true);
        }
    }

    @Test
    void largeCountsOfARegularRuleStayOutOfTheAutomaton() {
        // 5,000 copies of ",ab" in one lexeme would be 15,000+ states per array; counted by the parser it compiles
        // with the default budget, and the counts stay exact
        everyCount(0, 101, false);
        everyCount(2, 300, false);
        Cfg cfg = G.rules("root", G.seq(G.lit("["), G.rep(G.seq(G.lit(","), G.ref("x")), 0, 200_000), G.lit("]")), "x", G.lit("ab"));
        Grammar g = Grammar.compile(cfg, V, GrammarLimits.DEFAULT);
        assertEquals(-1, JsonSchemaCorpusTest.rejectedAtByte(g, "[" + ",ab".repeat(2000) + "]"));
    }
}
