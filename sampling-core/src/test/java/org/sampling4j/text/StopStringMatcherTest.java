package org.sampling4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hand-written cases (text, stops, expected end, index, held back), then the matcher against the reference search. */
class StopStringMatcherTest {
    private static final long SEED = 0x5A4D_1104L;

    /** text, stops..., then "=end,index,heldBack" (end -1 when nothing matches; heldBack after no match). */
    private static final String[][] CASES = {
        {"Hi.\nUser: x", "\n\n", "User:", "=9,1,-"},
        {"xab", "abc", "bcd", "=-1,-1,2"},
        {"xabcd", "abc", "bcd", "=4,0,-"},
        {"abcd", "abcd", "bc", "=3,1,-"},          // earliest end wins over a longer string that ends later
        {"xabc", "bc", "abc", "=4,1,-"},           // same end: the one that starts first
        {"ab", "ab", "ab", "=2,0,-"},              // duplicates: the lower index
        {"aaab", "aab", "=4,0,-"},                 // overlapping prefixes: the failure link keeps "aa"
        {"aaa", "aab", "=-1,-1,2"},
        {"ababa", "abac", "=-1,-1,3"},             // after "abab" fails, the failure link keeps "aba"
        {"x\n", "\n\n", "=-1,-1,1"},
        {"\u4E2D\u6587", "\u6587", "=2,0,-"},
        {"a\uD83D\uDE00", "\uD83D\uDE00", "=3,0,-"},
        {"a\uD83D", "\uD83D\uDE00", "=-1,-1,1"},   // the high surrogate alone is a proper prefix
        {"no stop here", "\n\n", "###", "=-1,-1,0"},
    };

    @Test
    void matchesTheTable() {
        for (String[] c : CASES) {
            List<String> stops = new ArrayList<>(List.of(c).subList(1, c.length - 1));
            String[] expected = c[c.length - 1].substring(1).split(",");
            for (boolean dense : new boolean[] {true, false}) {
                StopStringMatcher m = new StopStringMatcher(StopStrings.compile(stops, dense));
                String name = Utf8Oracle.escape(c[0]) + " " + stops + (dense ? " dense" : " sparse");
                assertEquals(Integer.parseInt(expected[0]), m.accept(c[0]), name + ": end");
                assertEquals(Integer.parseInt(expected[1]), m.matchedIndex(), name + ": index");
                if (!expected[2].equals("-")) {
                    assertEquals(Integer.parseInt(expected[2]), m.heldBack(), name + ": held back");
                    assertFalse(m.isMatched());
                } else {
                    assertTrue(m.isMatched());
                }
            }
        }
    }

    @Test
    void chunkingNeverChangesWhereTheMatchEnds() {
        StopStrings stops = StopStrings.of("</answer>", "\n\n");
        String text = "the answer is 4</answer>\n\n";
        for (int cut = 0; cut <= text.length(); cut++) {
            StopStringMatcher m = new StopStringMatcher(stops);
            int first = m.accept(text.toCharArray(), 0, cut);
            int end = first >= 0 ? first : m.accept(text, cut, text.length());
            assertEquals(text.indexOf("</answer>") + 9, end, "cut at " + cut);
            assertEquals(0, m.matchedIndex());
        }
    }

    @Test
    void acceptingAgainGoesOnScanningAfterTheMatch() {
        StopStringMatcher m = new StopStringMatcher(StopStrings.of("aa"));
        String text = "aaa";
        assertEquals(2, m.accept(text, 0, 3));
        assertEquals(3, m.accept(text, 2, 3), "overlapping: the second 'aa' ends at 3");
        assertEquals(-1, m.accept("b"));
        assertThrows(IllegalStateException.class, m::matchedLength);
    }

    @Test
    void agreesWithTheReferenceSearchOnRandomTextsAndStopSets() {
        String[] units = {"a", "b", "c", "\n", "\u00E9", "\uD83D\uDE00"};
        qt().withFixedSeed(SEED).withExamples(3_000).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            List<String> stops = new ArrayList<>();
            for (int k = 1 + r.nextInt(6); k > 0; k--) {
                stops.add(random(r, units, 1 + r.nextInt(4)));
            }
            String text = random(r, units, r.nextInt(30));
            for (boolean dense : new boolean[] {true, false}) {
                StopStringMatcher m = new StopStringMatcher(StopStrings.compile(stops, dense));
                int from = 0;
                int end = -1;
                while (end < 0 && from < text.length()) {
                    int to = Math.min(text.length(), from + 1 + r.nextInt(5));
                    end = m.accept(text, from, to);
                    if (end < 0) {
                        int expectedHeld = ReferenceText.longestSuffixThatIsAProperPrefix(text.substring(0, to), stops);
                        check(m.heldBack() == expectedHeld, text + " " + stops + ": held " + m.heldBack() + " after " + to);
                    }
                    from = to;
                }
                int[] expected = ReferenceText.earliestMatch(text, stops);
                int expectedEnd = expected == null ? -1 : expected[1] + stops.get(expected[0]).length();
                check(end == expectedEnd && m.matchedIndex() == (expected == null ? -1 : expected[0]),
                        Utf8Oracle.escape(text) + " " + stops + ": end " + end + " index " + m.matchedIndex() + ", expected "
                                + expectedEnd);
            }
        });
    }

    private static String random(SplittableRandom r, String[] units, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(units[r.nextInt(units.length)]);
        }
        return s.toString();
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
