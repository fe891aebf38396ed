package org.sampling4j;

import java.lang.management.ManagementFactory;

/**
 * What a piece of steady-state work allocates, measured so that the JIT's timing cannot fail a
 * test. Code that C2 has not compiled yet (its queue busy with earlier tests on a 2-core machine,
 * a deoptimization, a method first compiled only as an on-stack replacement) runs the Vector API's
 * Java fallbacks, which allocate a few kilobytes per row: a JVM where {@code argmaxChecked} had
 * reached C1 and an OSR compile only allocated 5 KB per greedy step for the whole of a 60-round
 * test. So rounds are measured until one allocates nothing: at least {@value #MIN_ROUNDS}, and
 * while every round so far allocated, more for up to {@value #PATIENCE_SECONDS} s. The clock only
 * extends the measurement; a round that allocates nothing ends it, and the assertion is always on
 * bytes.
 */
public final class SteadyState {
    /** Rounds always measured (unless one allocates nothing first). */
    public static final int MIN_ROUNDS = 60;
    /** How long rounds go on past {@link #MIN_ROUNDS} while every round allocated. */
    public static final int PATIENCE_SECONDS = 30;

    private SteadyState() {
    }

    /** The fewest bytes this thread allocated in one run of {@code round} (0 as soon as a run allocates nothing). */
    public static long fewestBytes(Runnable round) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!mx.isThreadAllocatedMemorySupported() || !mx.isThreadAllocatedMemoryEnabled()) {
            throw new IllegalStateException("this JVM does not count the bytes a thread allocates: nothing can be measured");
        }
        long self = Thread.currentThread().getId();
        long deadline = System.nanoTime() + PATIENCE_SECONDS * 1_000_000_000L;
        long fewest = Long.MAX_VALUE;
        for (int r = 0; fewest > 0 && (r < MIN_ROUNDS || System.nanoTime() < deadline); r++) {
            long before = mx.getThreadAllocatedBytes(self);
            round.run();
            fewest = Math.min(fewest, mx.getThreadAllocatedBytes(self) - before);
        }
        return fewest;
    }
}
