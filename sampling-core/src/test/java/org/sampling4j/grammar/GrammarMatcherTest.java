package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.text.Vocabulary;

/** Hand-made cases of the matcher's contract: token terminals, specials, EOS, padding, errors, rollback, forced bytes. */
class GrammarMatcherTest {
    // ids: 0 "a", 1 "b", 2 "ab", 3 "é" first byte, 4 "é" second byte, 5 "é", 6 "<think>" special,
    // 7 "</s>" special EOS, 8 "" (empty, not special), 9 "a" again (duplicate bytes), 10 "(", 11 ")"; 3 padding ids.
    static final Vocabulary V = Vocabulary.builder()
            .add(b("a")).add(b("b")).add(b("ab")).add(new byte[] {(byte) 0xC3}).add(new byte[] {(byte) 0xA9}).add(b("é"))
            .addSpecial(b("<think>")).addSpecial(b("</s>")).add(new byte[0]).add(b("a")).add(b("(")).add(b(")"))
            .eos(7).logitsSize(15).build();

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static int[] mask(GrammarMatcher m) {
        int[] mask = new int[TokenMask.words(V.logitsSize())];
        m.fillMask(mask);
        for (int id = -1; id <= V.logitsSize(); id++) {
            assertEquals(id >= 0 && id < V.logitsSize() && TokenMask.isAllowed(mask, id), m.isAllowed(id),
                    "isAllowed(" + id + ") agrees with the mask");
        }
        return mask;
    }

    static Grammar compile(Cfg cfg) {
        return Grammar.compile(cfg, V, GrammarLimits.DEFAULT);
    }

    @Test
    void literalAllowsItsPrefixesDuplicatesIncludedAndEosOnlyWhenComplete() {
        GrammarMatcher m = compile(G.rules("root", G.lit("ab"))).newMatcher();
        assertArrayEquals(new int[] {0, 2, 9}, TokenMask.ids(mask(m)));
        assertFalse(m.canStop());
        m.accept(9);
        assertArrayEquals(new int[] {1}, TokenMask.ids(mask(m)));
        m.accept(1);
        assertTrue(m.canStop());
        assertTrue(m.isComplete());
        assertArrayEquals(new int[] {7}, TokenMask.ids(mask(m)));
        m.accept(7);
        assertTrue(m.isComplete());
        assertEquals(3, m.acceptedTokens());
    }

    @Test
    void aTokenEndingInsideACharacterIsAllowedIffTheBytePrefixIsViable() {
        GrammarMatcher m = compile(G.rules("root", G.plus(G.chars(0xE9, 0xE9)))).newMatcher();
        assertArrayEquals(new int[] {3, 5}, TokenMask.ids(mask(m)));
        m.accept(3);
        assertFalse(m.canStop());
        assertArrayEquals(new int[] {4}, TokenMask.ids(mask(m)), "only the continuation byte");
        m.accept(4);
        assertTrue(m.canStop());
        assertFalse(m.isComplete());
        assertArrayEquals(new int[] {3, 5, 7}, TokenMask.ids(mask(m)));
    }

    @Test
    void specialTokensOnlyWhereATokenTerminalNamesThem() {
        Grammar g = compile(G.rules("root", G.seq(G.named("<think>"), G.lit("a"), G.tokens(false, 6))));
        GrammarMatcher m = g.newMatcher();
        assertArrayEquals(new int[] {6}, TokenMask.ids(mask(m)));
        assertFalse(m.isAllowed(0));
        m.accept(6);
        assertArrayEquals(new int[] {0, 9}, TokenMask.ids(mask(m)));
        m.accept(0);
        assertArrayEquals(new int[] {6}, TokenMask.ids(mask(m)));
        m.accept(6);
        assertTrue(m.isComplete());
        GrammarMatcher plain = compile(G.rules("root", G.lit("<think>"))).newMatcher();
        assertFalse(plain.isAllowed(6), "a special token is never text");
    }

    @Test
    void negatedTokenTerminalIsAnyOneTokenExceptThose() {
        GrammarMatcher m = compile(G.rules("root", G.seq(G.tokens(true, 0, 6), G.lit(")")))).newMatcher();
        // every id but 0 and 6, EOS and the empty token included (whole tokens), never padding
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 7, 8, 9, 10, 11}, TokenMask.ids(mask(m)));
        GrammarMatcher twoBytes = m.fork();
        twoBytes.accept(2); // "ab" as one whole token, though no text reading allows it
        assertArrayEquals(new int[] {11}, TokenMask.ids(mask(twoBytes)));
        m.accept(8);
        assertArrayEquals(new int[] {11}, TokenMask.ids(mask(m)));
    }

    @Test
    void textTokensAndTokenTerminalsUnionAtTheSameTokenBoundary() {
        // root ::= ( "a" | <[0]> ) "b": token 0 matches both as text and as a token
        GrammarMatcher m = compile(G.rules("root", G.seq(G.alt(G.lit("a"), G.tokens(false, 0)), G.lit("b")))).newMatcher();
        assertArrayEquals(new int[] {0, 2, 9}, TokenMask.ids(mask(m)));
        m.accept(0);
        assertArrayEquals(new int[] {1}, TokenMask.ids(mask(m)));
    }

    @Test
    void paddingEmptyAndOutOfRangeIdsAreNeverAllowed() {
        GrammarMatcher m = compile(G.rules("root", G.star(G.chars(0, 0x10FFFF)))).newMatcher();
        int[] mask = mask(m);
        for (int id : new int[] {6, 8, 12, 13, 14}) {
            assertFalse(TokenMask.isAllowed(mask, id), "id " + id);
            assertFalse(m.isAllowed(id));
            assertFalse(m.tryAccept(id));
        }
        assertFalse(m.isAllowed(-1));
        assertFalse(m.isAllowed(15));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.accept(12));
        assertEquals("token 12 is not allowed at position 0 by the grammar", e.getMessage());
    }

    @Test
    void acceptOfADisallowedTokenNamesTokenTextAndPosition() {
        GrammarMatcher m = compile(G.rules("root", G.lit("ab"))).newMatcher();
        m.accept(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.accept(0));
        assertEquals("token 0 (\"a\") is not allowed at position 1 by the grammar", e.getMessage());
        assertEquals(1, m.acceptedTokens());
    }

    @Test
    void rollbackRestoresMasksAndRejectsBadCounts() {
        GrammarMatcher m = compile(RandomGrammars.parens()).newMatcher();
        int[] m0 = mask(m);
        m.accept(10);
        int[] m1 = mask(m);
        m.accept(10);
        m.accept(0);
        m.rollback(2);
        assertArrayEquals(m1, mask(m));
        m.rollback(1);
        assertArrayEquals(m0, mask(m));
        assertThrows(IllegalArgumentException.class, () -> m.rollback(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.rollback(-1));
        assertEquals("tokens = -1 is outside [0, 0], the tokens accepted so far", e.getMessage());
    }

    @Test
    void forkIsIndependent() {
        GrammarMatcher m = compile(RandomGrammars.parens()).newMatcher();
        m.accept(10);
        GrammarMatcher f = m.fork();
        m.accept(11);
        assertTrue(m.canStop());
        assertFalse(f.canStop());
        f.accept(0);
        assertEquals(2, f.acceptedTokens());
        assertEquals(2, m.acceptedTokens());
    }

    @Test
    void forcedBytesFollowTheOnlyContinuation() {
        Grammar g = compile(G.rules("root", G.seq(G.lit("{\"name\": \""), G.plus(G.chars('a', 'z')), G.lit("\"}"))));
        GrammarMatcher m = g.newMatcher();
        assertArrayEquals(b("{\"name\": \""), m.forcedBytes());
        GrammarMatcher c = compile(G.rules("root", G.alt(G.lit("ab"), G.lit("a")))).newMatcher();
        c.accept(0);
        assertArrayEquals(new byte[0], c.forcedBytes(), "may stop here");
        GrammarMatcher t = compile(G.rules("root", G.seq(G.lit("a"), G.named("<think>")))).newMatcher();
        t.accept(0);
        assertArrayEquals(new byte[0], t.forcedBytes(), "a token terminal may come");
    }

    @Test
    void leftRecursionAndAmbiguityWork() {
        // e ::= e "a" | e e | "a" | "b": left-recursive and ambiguous
        Cfg cfg = G.rules("e", G.alt(G.seq(G.ref("e"), G.lit("a")), G.seq(G.ref("e"), G.ref("e")), G.lit("a"), G.lit("b")));
        GrammarMatcher m = compile(cfg).newMatcher();
        for (int i = 0; i < 30; i++) {
            m.accept(i % 3 == 0 ? 1 : 2);
            assertTrue(m.canStop());
        }
    }

    @Test
    void threadsPilingUpInOneLexerStateKeepTheCacheBounded() {
        // list ::= item | list item; item ::= [a-z]+ : after n letters n threads sit in the same DFA state
        Grammar g = compile(G.rules("list", G.alt(G.ref("item"), G.seq(G.ref("list"), G.ref("item"))),
                "item", G.plus(G.chars('a', 'z'))));
        GrammarMatcher m = g.newMatcher();
        long after20 = 0;
        for (int i = 0; i < 200; i++) {
            int[] mask = mask(m); // also checks isAllowed against it
            assertArrayEquals(i == 0 ? new int[] {0, 1, 2, 9} : new int[] {0, 1, 2, 7, 9}, TokenMask.ids(mask));
            m.accept(i % 3 == 0 ? 2 : 1);
            after20 = i == 20 ? g.cacheBytes() : after20;
        }
        assertEquals(after20, g.cacheBytes(), "no new cache entries once the lexer state repeats");
    }

    @Test
    void errorsAreInvalidWithPositions() {
        GrammarException none = assertThrows(GrammarException.class,
                () -> compile(G.rules("root", G.seq(G.lit("a"), G.ref("loop")), "loop", G.seq(G.lit("b"), G.ref("loop")))));
        assertEquals(GrammarException.Kind.INVALID, none.kind());
        assertEquals("invalid: line 1, column 1: the grammar accepts no string (rule 'root' cannot produce a finite string)", none.getMessage());
        GrammarException undefined = assertThrows(GrammarException.class,
                () -> compile(G.rules("root", new org.sampling4j.grammar.syntax.Expr.Ref("nope", 3, 9))));
        assertEquals("invalid: line 3, column 9: undefined rule 'nope'", undefined.getMessage());
        GrammarException unknown = assertThrows(GrammarException.class, () -> compile(G.rules("root", G.named("<tool>"))));
        assertEquals("invalid: line 1, column 1: no token of the vocabulary is '<tool>'", unknown.getMessage());
        GrammarException id = assertThrows(GrammarException.class, () -> compile(G.rules("root", G.tokens(false, 12))));
        assertEquals("invalid: line 1, column 1: token id 12 is outside [0, 12) of the vocabulary", id.getMessage());
        GrammarException empty = assertThrows(GrammarException.class, () -> Grammar.choice(List.of(), V));
        assertTrue(empty.getMessage().startsWith("invalid: line 1, column 1: no choices"), empty.getMessage());
    }

    @Test
    void choiceIsExactlyTheStrings() {
        Grammar g = Grammar.choice(List.of("ab", "a", "(é)"), V);
        GrammarMatcher m = g.newMatcher();
        assertArrayEquals(new int[] {0, 2, 9, 10}, TokenMask.ids(mask(m)));
        m.accept(10);
        m.accept(3);
        m.accept(4);
        m.accept(11);
        assertTrue(m.isComplete());
    }

    @Test
    void maskShorterThanTheVocabularyIsRejectedAndWordsPastItUntouched() {
        GrammarMatcher m = compile(G.rules("root", G.lit("a"))).newMatcher();
        assertThrows(IllegalArgumentException.class, () -> m.fillMask(new int[0]));
        int[] longer = {0, -1};
        m.fillMask(longer);
        assertEquals(-1, longer[1]);
    }
}
