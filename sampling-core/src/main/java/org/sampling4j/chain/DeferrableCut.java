package org.sampling4j.chain;

/**
 * A truncation by probability mass (top-p) whose cut a picker can sample without carrying it out.
 * When the {@link Chain} is built it decides, once, whether this step's cut is left to the picker:
 * only when every later step {@link LogitsProcessor#preservesRanking() preserves the ranking} and
 * the picker {@link TokenPicker#samplesPendingNucleus() samples a pending nucleus}. Then, on a
 * dense row, the chain records a {@link Nucleus} instead of calling {@link #apply}; anything that
 * needs the set itself ({@link Candidates#materialize()}) has {@link #carryOut} run.
 */
public interface DeferrableCut extends LogitsProcessor {

    /** The probability mass the nucleus must reach, in (0, 1). */
    double mass();

    /** The least number of tokens the cut keeps. */
    int minKeep();

    /** Carries out the cut with weights {@code exp((x - max) * scale)}. */
    void carryOut(Candidates candidates, float scale);
}
