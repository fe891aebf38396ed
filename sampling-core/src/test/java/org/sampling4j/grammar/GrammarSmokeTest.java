package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sampling4j.text.Vocabulary;

class GrammarSmokeTest {
    static Vocabulary bytesVocab() {
        Vocabulary.Builder b = Vocabulary.builder();
        for (int i = 0; i < 256; i++) {
            b.add(new byte[] {(byte) i});
        }
        for (String s : List.of("ab", "abc", "{\"", "\":", "\",", "true", "nul", "l}", " ")) {
            b.add(s.getBytes(StandardCharsets.UTF_8));
        }
        b.addSpecial("<eos>".getBytes(StandardCharsets.UTF_8));
        return b.eos(265).build();
    }

    @Test
    void jsonBasics() {
        Vocabulary v = bytesVocab();
        Grammar g = Grammar.compile(G.json(), v, GrammarLimits.DEFAULT);
        GrammarMatcher m = g.newMatcher();
        int[] mask = new int[g.maskWords()];
        String text = "{\"a\": [1, true, null]}";
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            m.fillMask(mask);
            int t = b & 0xFF;
            assertTrue(TokenMask.isAllowed(mask, t), "byte " + (char) t);
            for (int id = 0; id < v.size(); id++) {
                assertEquals(m.isAllowed(id), TokenMask.isAllowed(mask, id), "token " + id + " after " + m.acceptedTokens());
            }
            assertFalse(m.canStop());
            m.accept(t);
        }
        assertTrue(m.canStop());
        m.fillMask(mask);
        assertTrue(TokenMask.isAllowed(mask, 265));
        System.out.println(g);
    }
}
