package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.sampling4j.text.RealVocabularies;
import org.sampling4j.text.Vocabulary;

/**
 * Zero allocation per mask in a steady state: once a document's masks are cached and the matcher's
 * arrays have grown, computing them again (rolled back, the same tokens) allocates nothing, measured
 * by the JVM's per-thread allocation counter around each {@code fillMask}. (A new matcher grows its
 * arrays geometrically during its first masks.)
 */
class GrammarAllocationTest {
    @Test
    void steadyStateMasksAllocateNothing() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        Vocabulary v = GrammarRealVocabularyTest.o200k();
        Grammar g = Grammar.compile(G.json(), v, GrammarLimits.DEFAULT);
        String doc = "{\"name\": \"Ada\", \"born\": 1815, \"tags\": [\"math\", true, null], \"x\": {\"y\": -1.5e3}}";
        int[] ids = RealVocabularies.o200kEncoding().encodeOrdinary(doc).toArray();
        int[] mask = new int[g.maskWords()];
        long allocated = 0;
        long calibration = bean.getThreadAllocatedBytes(self);
        calibration = bean.getThreadAllocatedBytes(self) - calibration;
        GrammarMatcher m = g.newMatcher();
        for (int rep = 0; rep < 5; rep++) {
            for (int id : ids) {
                long before = bean.getThreadAllocatedBytes(self);
                m.fillMask(mask);
                long after = bean.getThreadAllocatedBytes(self);
                if (rep >= 3) {
                    allocated += after - before - calibration;
                }
                m.accept(id);
            }
            m.rollback(ids.length); // the same matcher again: its arrays have grown, the cache is warm
        }
        assertEquals(0, allocated, "bytes allocated by " + 2 * ids.length + " steady-state masks");
    }
}
