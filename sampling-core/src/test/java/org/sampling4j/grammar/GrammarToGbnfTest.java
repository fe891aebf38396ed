package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.text.Vocabulary;

/**
 * {@link Grammar#toGbnf()} round trip: the printed GBNF, read back by {@link Grammar#gbnf}, accepts exactly
 * the same texts as the grammar it was printed from, on texts generated under either grammar and on
 * corrupted copies of them (one byte changed), for schema grammars of the corpus and a regex. A print whose
 * counted repetitions exceed llama.cpp's expansion cap (which our GBNF reader keeps) cannot be read back.
 * Schemas are compared under forced order as well; a print holding an any-order object ({@code Expr.JsonObject},
 * no GBNF spelling) is only checked to carry the printer's note that it is approximate.
 */
@KernelIndependent
class GrammarToGbnfTest {
    private static final Vocabulary V = GrammarSmokeTest.bytesVocab();

    @Test
    void printedGbnfAcceptsTheSameTexts() {
        Random r = new Random(0x6B4F_2024L);
        int compared = 0;
        int approximate = 0;
        for (SchemaCorpus c : SchemaCorpus.load()) {
            // forced order too: its objects are plain rules, so every schema gets a comparable print
            for (JsonSchemaOptions o : List.of(c.options(), c.options().withAnyOrder(false))) {
                Grammar g;
                try {
                    g = Grammar.jsonSchema(c.schema(), V, o, GrammarLimits.DEFAULT);
                } catch (GrammarException e) {
                    continue;
                }
                String gbnf = g.toGbnf();
                if (gbnf.contains("\"any order; required: ") || gbnf.contains("\"\" (\"and also: ")
                        || gbnf.contains("\"\" (\"but not: ") || gbnf.contains("\"\" (\"automaton of ")) {
                    // an any-order object, an intersection, a difference or an automaton has no GBNF spelling (GbnfPrinter
                    // documents its approximation): the print must say so; its language is not compared
                    approximate++;
                    continue;
                }
                compared += sameLanguageOnSamples(g, c.valid(), r, c.name());
            }
        }
        assertTrue(approximate > 0, "no any-order object printed with its note");
        compared += sameLanguageOnSamples(Grammar.regex("[a-c]{2,4}(x|\\u00e9)?[^\\n\"]*", V), List.of("ab", "abcx", "bbé?"), r, "regex");
        assertTrue(compared > 500, "only " + compared + " texts compared");
    }

    private static int sameLanguageOnSamples(Grammar g, List<String> texts, Random r, String what) {
        String gbnf = g.toGbnf();
        Grammar back;
        try {
            back = Grammar.gbnf(gbnf, "root", V);
        } catch (GrammarException e) {
            // llama.cpp expands x{m,n} into rules and caps them; our GBNF reader keeps that cap
            assertTrue(e.getMessage().contains("llama.cpp's limit"), what + ": " + e.getMessage() + "\n" + gbnf);
            return 0;
        }
        int n = 0;
        for (int i = 0; i < 3; i++) {
            for (Grammar from : List.of(g, back)) {
                String t = JsonSchemaCorpusTest.generate(from, r, 300);
                if (t != null) {
                    n += compare(g, back, t, what, gbnf);
                    byte[] b = t.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    if (b.length > 0) {
                        b[r.nextInt(b.length)] = (byte) " \"{}[],:0a\\-".charAt(r.nextInt(12));
                        n += compare(g, back, new String(b, java.nio.charset.StandardCharsets.UTF_8), what, gbnf);
                    }
                }
            }
        }
        for (String t : texts) {
            n += compare(g, back, t, what, gbnf);
        }
        return n;
    }

    private static int compare(Grammar g, Grammar back, String t, String what, String gbnf) {
        assertEquals(JsonSchemaCorpusTest.rejectedAtByte(g, t) < 0, JsonSchemaCorpusTest.rejectedAtByte(back, t) < 0,
                what + ": '" + t + "' judged differently by the GBNF print:\n" + gbnf);
        return 1;
    }
}
