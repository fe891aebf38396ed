package org.sampling4j;

import java.lang.management.ManagementFactory;

/**
 * What a piece of steady-state work allocates, measured so that the JIT's timing cannot fail a
 * test. Code that C2 has not compiled yet (its queue busy with earlier tests on a 2-core machine,
 * a deoptimization, a method first compiled only as an on-stack replacement) runs the Vector API's
 * Java fallbacks, which allocate a few kilobytes per row: a JVM where {@code argmaxChecked} had
 * reached C1 and an OSR compile only allocated 5 KB per greedy step for the whole of a 60-round
 * test. So rounds are measured until one allocates nothing, up to {@value #MAX_ROUNDS} of them.
 * The bound is a count of rounds, not a clock: the test's outcome depends only on bytes, and a
 * round that allocates nothing ends it at once.
 */
public final class SteadyState {
    /**
     * Most rounds measured: about 2 s of greedy steps at V = 4,096 (100 per round), well past the
     * 60 rounds (12 ms) after which the greedy kernel was seen still waiting for C2.
     */
    public static final int MAX_ROUNDS = 10_000;

    private SteadyState() {
    }

    /** The fewest bytes this thread allocated in one run of {@code round} (0 as soon as a run allocates nothing). */
    public static long fewestBytes(Runnable round) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!mx.isThreadAllocatedMemorySupported() || !mx.isThreadAllocatedMemoryEnabled()) {
            throw new IllegalStateException("this JVM does not count the bytes a thread allocates: nothing can be measured");
        }
        long self = Thread.currentThread().getId();
        long fewest = Long.MAX_VALUE;
        for (int r = 0; fewest > 0 && r < MAX_ROUNDS; r++) {
            long before = mx.getThreadAllocatedBytes(self);
            round.run();
            fewest = Math.min(fewest, mx.getThreadAllocatedBytes(self) - before);
        }
        return fewest;
    }
}
