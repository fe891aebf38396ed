package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.sampling4j.text.Vocabulary;

/**
 * A grammar in the sampling chain: every generated text is in the language ({@code java.util.regex}
 * as the oracle), the sequence's matcher follows rollbacks, a refused token cannot enter the
 * sequence, the fingerprint names the grammar, and under the mask the draws follow the model's
 * distribution renormalised over the allowed tokens (chi-square).
 */
class GrammarInChainTest {
    private static final String[] TEXTS = {"a", "b", "ab", "ba", "-", "0", "1", "7", "12", "x", "aba"};
    private static final Vocabulary VOCAB = vocabulary();
    private static final int EOS = TEXTS.length;
    private static final String PATTERN = "(ab|ba)+-[0-9]{2}";

    private static Vocabulary vocabulary() {
        Vocabulary.Builder b = Vocabulary.builder();
        for (String t : TEXTS) {
            b.add(t.getBytes(StandardCharsets.UTF_8));
        }
        b.addSpecial("<eos>".getBytes(StandardCharsets.UTF_8));
        return b.eos(TEXTS.length).logitsSize(TEXTS.length + 3).build(); // two padding ids
    }

    private static String text(SequenceState s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.generatedLength(); i++) {
            int t = s.generatedToken(i);
            if (t != EOS) {
                out.append(VOCAB.text(t));
            }
        }
        return out.toString();
    }

    @Test
    void everyGeneratedTextIsInTheLanguage() {
        Grammar g = Grammar.regex(PATTERN, VOCAB);
        Pattern oracle = Pattern.compile(PATTERN);
        SplittableRandom random = new SplittableRandom(31);
        int v = VOCAB.logitsSize();
        int finished = 0;
        for (int run = 0; run < 200; run++) {
            Sampler sampler = Sampler.of(SamplingParams.builder().grammar(g).temperature(1.3).seed(run).build(), v);
            Workspace ws = sampler.newWorkspace();
            SequenceState s = sampler.newSequence();
            float[] logits = new float[v];
            int token = -1;
            for (int step = 0; step < 40 && token != EOS; step++) {
                for (int j = 0; j < v; j++) {
                    logits[j] = (float) random.nextGaussian() * 2;
                }
                token = sampler.sample(logits, s, ws);
                assertTrue(token < VOCAB.size(), "a padding id was drawn");
            }
            java.util.regex.Matcher m = oracle.matcher(text(s));
            if (token == EOS) {
                finished++;
                assertTrue(m.matches(), "run " + run + " ended outside the language: " + text(s));
            } else {
                assertTrue(!m.matches() && m.hitEnd() || m.matches(), "run " + run + " is not a prefix: " + text(s));
            }
        }
        assertTrue(finished > 100, "only " + finished + " of 200 runs reached the end token");
    }

    @Test
    void theMatcherFollowsRollbackAndRefusesTokensOutsideTheGrammar() {
        Grammar g = Grammar.regex(PATTERN, VOCAB);
        int v = VOCAB.logitsSize();
        Sampler sampler = Sampler.of(SamplingParams.builder().grammar(g).seed(5).build(), v);
        GrammarMaskProcessor step = (GrammarMaskProcessor) sampler.processors().get(0);
        SequenceState s = sampler.newSequence(9, 9, 9); // the prompt is not the grammar's output
        s.accept(2); // "ab"
        s.accept(4); // "-"
        assertEquals(2, step.matcher(s).acceptedTokens(), "made late, the matcher replayed the generated tokens");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.accept(9));
        assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
        assertEquals(2, s.generatedLength(), "a refused token is not recorded");
        s.rollback(1);
        assertEquals(1, step.matcher(s).acceptedTokens());
        s.accept(3); // "ba": allowed again after the rollback
        s.accept(4);
        s.accept(8); // "12"
        assertTrue(step.matcher(s).canStop());
        float[] logits = new float[v];
        assertEquals(EOS, sampler.sample(logits, s, sampler.newWorkspace()), "complete: only the end token is left");
    }

    @Test
    void theFingerprintNamesTheGrammarAndCompilingTwiceGivesTheSameOne() {
        int v = VOCAB.logitsSize();
        String plain = Sampler.of(SamplingParams.builder().seed(1).build(), v).fingerprint();
        String a = Sampler.of(SamplingParams.builder().grammar(Grammar.regex(PATTERN, VOCAB)).build(), v).fingerprint();
        String b = Sampler.of(SamplingParams.builder().grammar(Grammar.regex(PATTERN, VOCAB)).build(), v).fingerprint();
        String other = Sampler.of(SamplingParams.builder().grammar(Grammar.regex("ab", VOCAB)).build(), v).fingerprint();
        assertEquals(a, b);
        assertNotEquals(plain, a);
        assertNotEquals(a, other);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sampler.of(SamplingParams.builder().grammar(Grammar.regex(PATTERN, VOCAB)).build(), v + 1));
        assertTrue(e.getMessage().startsWith("grammar: compiled for a vocabulary of " + v + " logits"), e.getMessage());
    }

    @Test
    void underTheMaskDrawsFollowTheRenormalisedDistribution() {
        Grammar g = Grammar.regex("(a|b|ab|aba)x", VOCAB);
        int v = VOCAB.logitsSize();
        float[] logits = new float[v];
        SplittableRandom random = new SplittableRandom(77);
        for (int j = 0; j < v; j++) {
            logits[j] = (float) random.nextGaussian();
        }
        int[] allowed = {0, 1, 2, 10}; // a, b, ab, aba
        double z = 0;
        for (int t : allowed) {
            z += Math.exp(logits[t]);
        }
        Sampler sampler = Sampler.of(SamplingParams.builder().grammar(g).seed(2026).build(), v);
        int n = 40_000;
        int[] tokens = new int[n];
        sampler.sampleMany(logits, sampler.newSequence(), sampler.newWorkspace(), tokens, null);
        long[] observed = new long[allowed.length];
        for (int t : tokens) {
            int k = java.util.Arrays.binarySearch(allowed, t);
            assertTrue(k >= 0, "token " + t + " is not allowed at the start");
            observed[k]++;
        }
        double[] expected = new double[allowed.length];
        for (int k = 0; k < allowed.length; k++) {
            expected[k] = n * Math.exp(logits[allowed[k]]) / z;
        }
        double p = new ChiSquareTest().chiSquareTest(expected, observed);
        assertTrue(p > 1e-4, "chi-square p = " + p);
    }

    /** The README's constrained-decoding example, verbatim, accepts what it promises and nothing else. */
    @Test
    void theReadmeGrammarAcceptsItsLanguage() {
        Grammar g = Grammar.gbnf("""
                root   ::= "answer: " ("yes" | "no") ", because " reason "."
                reason ::= [a-z ]{1,80}
                """, "root", GrammarSmokeTest.bytesVocab());
        GrammarMatcher m = g.newMatcher();
        for (byte b : "answer: yes, because it rains.".getBytes(StandardCharsets.UTF_8)) {
            m.accept(b & 0xFF);
        }
        assertTrue(m.canStop());
        GrammarMatcher empty = g.newMatcher();
        for (byte b : "answer: no, because ".getBytes(StandardCharsets.UTF_8)) {
            empty.accept(b & 0xFF);
        }
        assertEquals(false, empty.tryAccept('.'), "a reason has at least one character");
    }
}
