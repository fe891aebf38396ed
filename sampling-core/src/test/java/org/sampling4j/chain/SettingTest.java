package org.sampling4j.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SettingTest {
    private static final Setting TOP_P = Setting.openClosed("topP", 0, 1).byDefault(1).offAt(1).note("1 disables top-p");

    @Test
    void checksAndNamesFieldValueRangeAndNote() {
        assertEquals(0.5, TOP_P.check(0.5));
        assertEquals("topP = 1.5 is outside (0, 1]; 1 disables top-p",
                assertThrows(IllegalArgumentException.class, () -> TOP_P.check(1.5)).getMessage());
        assertEquals("top_p = 0 is outside (0, 1]; 1 disables top-p",
                assertThrows(IllegalArgumentException.class, () -> TOP_P.checkAs("top_p", 0)).getMessage(),
                "a request mapping names its own key");
        assertFalse(TOP_P.accepts(Double.NaN));
        assertEquals("topP in (0, 1], default 1; 1 disables top-p", TOP_P.toString());
    }

    @Test
    void offValuesAreOneValueOrAHalfLine() {
        assertTrue(TOP_P.isOff(1));
        assertFalse(TOP_P.isOff(Math.nextDown(1.0)));
        assertFalse(TOP_P.isOff(Double.NaN), "NaN is not off: enabledBy is true and the constructor refuses it");
        assertEquals("1", TOP_P.disabledBy());
        Setting k = Setting.anyInt("topK").byDefault(0).offAtMost(0);
        assertTrue(k.isOff(0) && k.isOff(-1) && !k.isOff(1));
        assertEquals("<= 0", k.disabledBy());
        assertEquals("any int", k.range());
        Setting threshold = Setting.closed("xtcThreshold", 0, 1).byDefault(0.1).offAbove(0.5);
        assertTrue(!threshold.isOff(0.5) && threshold.isOff(Math.nextUp(0.5)));
        assertEquals("> 0.5", threshold.disabledBy());
        Setting base = Setting.atLeast("dryBase", 1).byDefault(1.75);
        assertFalse(base.hasOffValue() || base.isOff(1));
        assertEquals("", base.disabledBy());
    }

    @Test
    void aFloatSettingRefusesPositiveValuesThatUnderflow() {
        Setting t = Setting.atLeast("temperature", 0).asFloat().byDefault(1).note("0 means greedy");
        assertTrue(t.accepts(0) && t.accepts(Float.MIN_VALUE) && !t.accepts(1e-50));
        assertEquals("temperature = 1.0E-50 underflows float; 0 means greedy",
                assertThrows(IllegalArgumentException.class, () -> t.check(1e-50)).getMessage());
    }

    @Test
    void aDefaultOutsideTheRangeFailsTheDeclaration() {
        assertEquals("minKeep: the default 0 is outside [1, +Inf)",
                assertThrows(IllegalArgumentException.class, () -> Setting.atLeast("minKeep", 1).integer().byDefault(0))
                        .getMessage());
    }
}
