package org.sampling4j.chain;

/**
 * A top-p cut of a dense row recorded but not carried out: the smallest set of best tokens whose
 * mass, under weights {@code exp((x - max) * scale)}, reaches {@link #mass()}, and at least
 * {@link #minKeep()} tokens. The chain hands it to {@link TokenPicker#pickFromNucleus}.
 */
public final class Nucleus {
    private DeferrableCut cut;
    private float scale;

    Nucleus() {
    }

    void set(DeferrableCut value, float cutScale) {
        cut = value;
        scale = cutScale;
    }

    /** The mass the nucleus reaches. */
    public double mass() {
        return cut.mass();
    }

    /** The least number of tokens in the nucleus. */
    public int minKeep() {
        return cut.minKeep();
    }

    /** {@code 1 / T} at the cut: the temperature at which its mass is measured. */
    public float scale() {
        return scale;
    }

    void carryOut(Candidates c) {
        cut.carryOut(c, scale);
    }
}
