package org.sampling4j.chain;

/**
 * A top-p cut of a dense row recorded but not carried out: the smallest set of best tokens whose
 * mass, under weights {@code exp((x - max) * scale)}, reaches {@link #mass()}, and at least
 * {@link #minKeep()} tokens. The chain hands it to {@link TokenPicker#pickFromNucleus}.
 *
 * <p>Within the module it also keeps the protocol of the deferral, for the {@link Candidates} that
 * own it: a cut is pending from {@code defer} until it is carried out, and while it is pending
 * the dense row must not change (the cut was measured on it).
 */
public final class Nucleus {
    private DeferrableCut cut;
    private float scale;
    private boolean pending;

    Nucleus() {
    }

    /** Records {@code value}, measured at {@code cutScale = 1 / T}, as the pending cut. */
    void defer(DeferrableCut value, float cutScale) {
        cut = value;
        scale = cutScale;
        pending = true;
    }

    /** Whether a cut is recorded and not carried out. */
    boolean pending() {
        return pending;
    }

    /** Forgets a pending cut without carrying it out (a new row is loaded). */
    void clear() {
        pending = false;
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

    /** Carries a pending cut out on {@code c}, no longer pending first (the cut writes the set). */
    void carryOutIfPending(Candidates c) {
        if (pending) {
            pending = false;
            cut.carryOut(c, scale);
        }
    }

    /** Refuses {@code what} (a write to the dense row, a mask) while a cut is pending. */
    void checkNotPending(String what) {
        if (pending) {
            throw new IllegalStateException(what + " after a deferred top-p cut; it must not answer preservesRanking() = true");
        }
    }
}
