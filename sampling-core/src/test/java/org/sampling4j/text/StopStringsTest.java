package org.sampling4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StopStringsTest {
    private static final long SEED = 0x5A4D_1103L;

    @Test
    void rejectsAnEmptyStopStringNamingItsIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StopStrings.of("\n\n", ""));
        assertEquals("stop[1] is empty: a stop string needs at least one character", e.getMessage());
    }

    @Test
    void rejectsNullsNamingTheIndex() {
        assertEquals("stop[0] is null", assertThrows(IllegalArgumentException.class,
                () -> StopStrings.of(Arrays.asList((String) null))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> StopStrings.of((String[]) null));
        assertThrows(IllegalArgumentException.class, () -> StopStrings.of((List<String>) null));
    }

    @Test
    void rejectsUnpairedSurrogatesWhichDecodedTextNeverContains() {
        assertEquals("stop[0] has an unpaired surrogate at char 1: decoded text never contains one, so it could never match",
                assertThrows(IllegalArgumentException.class, () -> StopStrings.of("a\uD83D")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> StopStrings.of("\uDE00a"));
        assertThrows(IllegalArgumentException.class, () -> StopStrings.of("\uD83D\uD83D\uDE00"));
        assertEquals(1, StopStrings.of("\uD83D\uDE00").size(), "a pair is fine");
    }

    @Test
    void noStopStringsIsTheSharedEmptySet() {
        assertSame(StopStrings.NONE, StopStrings.of());
        assertSame(StopStrings.NONE, StopStrings.of(new ArrayList<>()));
        assertTrue(StopStrings.NONE.isEmpty());
        assertEquals(0, StopStrings.NONE.maxLength());
    }

    @Test
    void keepsOrderDuplicatesAndTheLongestLength() {
        StopStrings s = StopStrings.of("ab", "\n\n", "ab", "</answer>");
        assertEquals(List.of("ab", "\n\n", "ab", "</answer>"), s.asList());
        assertEquals(9, s.maxLength());
        assertEquals("StopStrings[\"ab\", \"\\n\\n\", \"ab\", \"</answer>\"]", s.toString());
        assertEquals(StopStrings.of("ab", "\n\n", "ab", "</answer>"), s);
        assertFalse(s.equals(StopStrings.of("ab")));
    }

    @Test
    void aFewStopStringsGetTheDenseTable() {
        StopAutomaton a = StopStrings.of("\n\n", "User:", "###", "</s>").automaton();
        assertTrue(a.isDense());
        assertEquals(1 + 2 + 5 + 3 + 4, a.stateCount(), "no shared prefixes: one state per char plus the root");
    }

    @Test
    void aStopSetWhoseDenseTableWouldPassTheLimitUsesTrieEdgesAndFailureLinks() {
        // 2000 strings of 4 CJK chars from a pool of 3000: about 8000 states x 3000 classes > 2^20.
        SplittableRandom r = new SplittableRandom(SEED);
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < 4; k++) {
                s.append((char) (0x4E00 + r.nextInt(3000)));
            }
            stops.add(s.toString());
        }
        StopStrings big = StopStrings.of(stops);
        assertFalse(big.automaton().isDense());
        String text = "x" + stops.get(1234).substring(1) + "y" + stops.get(777) + stops.get(5);
        StopStringMatcher m = new StopStringMatcher(big);
        int end = m.accept(text);
        int[] expected = ReferenceText.earliestMatch(text, stops);
        assertEquals(expected[1] + stops.get(expected[0]).length(), end);
        assertEquals(expected[0], m.matchedIndex());
    }

    @Test
    void charClassesSeparateAsciiAndOtherCharsOfTheSameLowBits() {
        // 'A' is 0x41 and U+0141 shares its low byte: only the char itself may match.
        StopStringMatcher m = new StopStringMatcher(StopStrings.of("\u0141", "A"));
        assertEquals(-1, m.accept("\u0241\u4141\u0041".substring(0, 2)));
        assertEquals(1, m.accept("A"));
        assertEquals(1, m.matchedIndex());
        m.reset();
        assertEquals(2, m.accept("x\u0141"));
        assertEquals(0, m.matchedIndex());
    }
}
