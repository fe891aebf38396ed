package org.sampling4j.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.api.Encoding;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sampling4j.grammar.Grammar;
import org.sampling4j.grammar.GrammarMatcher;
import org.sampling4j.text.Vocabulary;

/**
 * Every grammar of {@link MaskCorpus} compiles on o200k_base and accepts each of its texts token by
 * token, ending complete: a benchmark whose replay left the language would otherwise fail only when
 * someone runs it, or time masks of a dead state. No kernel is involved, so {@code .ci/run}'s shape
 * rows leave it out (the tag of sampling-core's {@code KernelIndependent}).
 */
@Tag("kernel-independent")
class MaskCorpusTest {
    @Test
    void everyEntryAcceptsItsTextsOnO200k() {
        Encoding encoding = BenchmarkTexts.o200kEncoding();
        Vocabulary vocabulary = BenchmarkTexts.o200kVocabulary();
        for (MaskCorpus entry : MaskCorpus.values()) {
            Grammar grammar = entry.compile(vocabulary);
            for (String text : entry.texts) {
                GrammarMatcher m = grammar.newMatcher();
                for (int id : BenchmarkTexts.tokens(encoding, text)) {
                    m.accept(id); // throws, naming the token, when the text leaves the language
                }
                assertTrue(m.canStop(), entry + ": the text is not complete: " + text);
            }
        }
    }
}
