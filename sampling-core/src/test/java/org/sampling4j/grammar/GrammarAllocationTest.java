package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.sampling4j.text.RealVocabularies;

/**
 * Zero allocation per mask in a steady state: once a document's masks are cached and the matcher's
 * arrays have grown, computing them again (rolled back, the same tokens) allocates nothing, measured
 * by the JVM's per-thread allocation counter around each {@code fillMask}. (A new matcher grows its
 * arrays geometrically during its first masks.)
 */
class GrammarAllocationTest {
    @Test
    void steadyStateMasksAllocateNothing() {
        String doc = "{\"name\": \"Ada\", \"born\": 1815, \"tags\": [\"math\", true, null], \"x\": {\"y\": -1.5e3}}";
        assertSteadyStateAllocatesNothing(Grammar.compile(G.json(), GrammarRealVocabularyTest.o200k(), GrammarLimits.DEFAULT), doc);
    }

    /** The same with guarded terminals: any-order objects replay token prefixes through the key tracker. */
    @Test
    void steadyStateMasksOfAnyOrderObjectsAllocateNothing() {
        String doc = "{\"e\": 3, \"c\": {\"b\": 2, \"a\": 1}, \"\\u0061\": -7, \"b\": \"xyz\"}";
        assertTrue(JsonObjectCases.valid(doc));
        assertSteadyStateAllocatesNothing(Grammar.compile(JsonObjectCases.grammar(true), GrammarRealVocabularyTest.o200k(),
                GrammarLimits.DEFAULT), doc);
    }

    /** The same with a key class that can run out: held tokens are judged against the object's keys per mask. */
    @Test
    void steadyStateMasksOfFiniteKeyClassesAllocateNothing() {
        String schema = "{\"type\": \"object\", \"propertyNames\": {\"enum\": [\"a\", \"ab\", \"b\", \"\u00e9\"]}}";
        String doc = "{\"a\": 1, \"\\u0062\": [2], \"ab\": {\"x\": 3}, \"\u00e9\": 4}";
        assertSteadyStateAllocatesNothing(Grammar.jsonSchema(schema, GrammarRealVocabularyTest.o200k()), doc);
    }

    private static void assertSteadyStateAllocatesNothing(Grammar g, String doc) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
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
