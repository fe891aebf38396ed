package org.sampling4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text settings of SamplingParams: stop strings, include-stop, skip-special. */
class TextParamsTest {

    @Test
    void defaultsAreNoStopStringsSkipSpecialExcludeStop() {
        SamplingParams p = SamplingParams.defaults();
        assertEquals(List.of(), p.stopStrings());
        assertTrue(p.skipSpecialTokens());
        assertFalse(p.includeStopStringInOutput());
    }

    @Test
    void stopStringsAreCopiedAndTakePartInEquality() {
        List<String> mine = new ArrayList<>(List.of("\n\n", "END"));
        SamplingParams p = SamplingParams.builder().stopStrings(mine).includeStopStringInOutput(true)
                .skipSpecialTokens(false).build();
        mine.add("later");
        assertEquals(List.of("\n\n", "END"), p.stopStrings());
        assertThrows(UnsupportedOperationException.class, () -> p.stopStrings().add("x"));
        assertEquals(p, p.toBuilder().build());
        assertNotEquals(p, p.toBuilder().stopStrings("\n\n").build());
        assertNotEquals(p, p.toBuilder().includeStopStringInOutput(false).build());
        assertNotEquals(p, p.toBuilder().skipSpecialTokens(true).build());
        assertTrue(p.toString().contains("stopStrings"), p.toString());
    }

    @Test
    void anEmptyOrNullStopStringIsRefusedNamingItsIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SamplingParams.builder().stopStrings("a", "").build());
        assertEquals("stopStrings[1] = \"\" is not allowed: a stop string has at least one character", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SamplingParams.builder().stopStrings("a", null).build());
        assertTrue(e.getMessage().startsWith("stopStrings[1] = null"), e.getMessage());
    }

    @Test
    void theCodeCompletionPresetStopsAtABlankLine() {
        assertEquals(List.of("\n\n"), SamplingParams.preset(Preset.CODE_COMPLETION).stopStrings());
        assertEquals(List.of(), SamplingParams.preset(Preset.CREATIVE_FICTION).stopStrings());
    }

    @Test
    void stopStringsDoNotChangeTheChain() {
        SamplingParams p = SamplingParams.builder().temperature(0.7).topP(0.9).seed(3).build();
        assertEquals(Sampler.of(p, 100).fingerprint(), Sampler.of(p.toBuilder().stopStrings("x").build(), 100).fingerprint());
    }
}
