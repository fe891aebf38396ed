package org.sampling4j.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link Candidates#applyMask}: dense (borrowed or owned) and sparse, never the caller's row. */
class CandidatesMaskTest {
    private static final float NO = Float.NEGATIVE_INFINITY;

    @Test
    void aBorrowedRowIsCopiedUnderTheMaskAndTheCallersRowIsUntouched() {
        for (String kernels : new String[] {"scalar", "auto"}) {
            Candidates c = Candidates.create(40, kernels);
            float[] row = new float[40];
            for (int i = 0; i < 40; i++) {
                row[i] = i;
            }
            float[] before = row.clone();
            assertEquals(-1, c.load(row, 0, false, null));
            int[] mask = {0b1011, 1 << 1}; // tokens 0, 1, 3 and 33
            c.applyMask(mask);
            assertArrayEquals(before, row, kernels + ": the caller's row");
            assertEquals(33f, c.max(), kernels);
            float[] v = c.denseValues();
            for (int i = 0; i < 40; i++) {
                boolean kept = i == 0 || i == 1 || i == 3 || i == 33;
                assertEquals(kept ? i : NO, v[i], kernels + " token " + i);
            }
        }
    }

    @Test
    void aSparseSetLosesItsRemovedSurvivorsAndItsSortedFlag() {
        Candidates c = Candidates.create(8, "scalar");
        float[] row = {5, 4, 3, 2, 1, 0, -1, -2};
        c.load(row, 0, false, null);
        int[] ids = c.ids();
        float[] values = c.values();
        for (int i = 0; i < 3; i++) {
            ids[i] = i;
            values[i] = row[i];
        }
        c.setSparse(3, true);
        c.applyMask(new int[] {0b101});
        assertEquals(5f, c.values()[0]);
        assertEquals(NO, c.values()[1]);
        assertEquals(3f, c.values()[2]);
        assertFalse(c.isSorted());
    }

    @Test
    void aShortMaskIsRefusedWithTheWordsItNeeds() {
        Candidates c = Candidates.create(40, "scalar");
        c.load(new float[40], 0, false, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.applyMask(new int[1]));
        assertEquals("mask.length = 1 but 40 tokens need 2 words", e.getMessage());
    }
}
