package org.sampling4j.grammar.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The choice grammar accepts exactly its strings. */
class ChoicesTest {
    @Test
    void acceptsExactlyTheChoices() {
        Cfg cfg = Choices.of(List.of("yes", "no", "", "no", "日本\uD83D\uDE00"));
        for (String s : List.of("yes", "no", "", "日本\uD83D\uDE00")) {
            assertTrue(CfgMatcher.matches(cfg, s), s);
        }
        for (String s : List.of("ye", "yesno", "n", " yes", "日本")) {
            assertFalse(CfgMatcher.matches(cfg, s), s);
        }
        assertTrue(CfgMatcher.isViablePrefix(cfg, "ye"));
        assertFalse(CfgMatcher.isViablePrefix(cfg, "yex"));
    }

    @Test
    void singleChoiceIsALiteral() {
        assertEquals(new Expr.Literal("only"), Choices.of(List.of("only")).rootRule().body());
    }

    @Test
    void rejectsNoChoicesNullAndLoneSurrogates() {
        SyntaxException e = assertThrows(SyntaxException.class, () -> Choices.of(List.of()));
        assertEquals(SyntaxException.Kind.INVALID, e.kind());
        assertTrue(e.getMessage().startsWith("invalid: line 1, column 1: no choices"), e.getMessage());
        e = assertThrows(SyntaxException.class, () -> Choices.of(Arrays.asList("a", null)));
        assertEquals(2, e.column());
        assertTrue(e.reason().contains("choice 1 is null"), e.getMessage());
        e = assertThrows(SyntaxException.class, () -> Choices.of(List.of("a", "b", "x\uD800")));
        assertEquals(3, e.column());
        assertTrue(e.reason().contains("lone surrogate"), e.getMessage());
    }
}
