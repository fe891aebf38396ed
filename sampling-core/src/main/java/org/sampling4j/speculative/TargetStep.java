package org.sampling4j.speculative;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.TokenPicker;
import org.sampling4j.kernel.FastExp;
import org.sampling4j.kernel.KernelsProvider;
import org.sampling4j.random.Uniforms;

/**
 * The verifier's choice at one target position, run by {@code Sampler.sample(..., TokenPicker)} in
 * place of the chain's picker, so the chain, the logprobs and the state's advance are exactly those
 * of a plain step. The set it sees is the target's fully processed distribution p at this position
 * (the state holds the drafts accepted before it).
 *
 * <ul>
 *   <li>{@link #ACCEPT} (standard verification): accept the draft x iff {@code p(x) > 0} and
 *       {@code log u < log p(x) - log q(x)} (StrictMath logs), u the acceptance uniform of this
 *       position and {@code log q(x)} the float the caller gave or {@link DraftRow#logProbability};
 *       else return a draw from the residual {@code normalize(max(p - q, 0))} with the residual
 *       uniform. The draft row is read only then: when it was not loaded yet
 *       ({@link #prepareAccept} with rows), this loads it, so acceptance costs O(1) beyond the
 *       exp-sum of p that every pick pays.</li>
 *   <li>{@link #PROVISIONAL} (block verification, first pass): measure {@code p(x)} and, when
 *       asked, the residual mass {@code sum max(w p - q, 0)}; return x, which the verifier may
 *       roll back.</li>
 *   <li>{@link #CORRECTION} (block verification, after the block is decided): a draw from
 *       {@code normalize(max(w p - q, 0))} with the residual uniform.</li>
 * </ul>
 * The uniforms are at (seed, this position = {@code state.step()}, draw 0, the verifier's stream
 * and its rounds), never the picker's. Mutable, one per verification in flight.
 */
final class TargetStep implements TokenPicker {
    static final int ACCEPT = 0;
    static final int PROVISIONAL = 1;
    static final int CORRECTION = 2;

    final DraftRow draftRow = new DraftRow();
    private final Residual residual = new Residual();
    private int mode;
    private int draft;
    private double weight;
    private boolean massNeeded;
    /** ACCEPT: log q(x) of the draft, and the draft row still to load at a rejection (null: loaded). */
    private double draftLogProbability;
    private float[] lazyRows;
    private int lazyOffset;
    private int lazyVocab;
    private int lazyRow;

    // What the last pick measured.
    private boolean accepted;
    private double targetProbability;
    private double residualMass;

    /** Prepares the next pick: the mode, the draft token, the weight w and whether to measure the mass. */
    void prepare(int pickMode, int draftToken, double w, boolean measureMass) {
        mode = pickMode;
        draft = draftToken;
        weight = w;
        massNeeded = measureMass;
    }

    /**
     * Prepares an {@link #ACCEPT} pick of {@code draftToken} whose draft log-probability is
     * {@code logQ}; {@code rows} non-null: the draft row at {@code rows[offset, offset + vocab)}
     * (row number {@code row}, for messages) is loaded into {@link #draftRow} only if the draft is
     * rejected; null: {@link #draftRow} is loaded already.
     */
    void prepareAccept(int draftToken, float logQ, float[] rows, int offset, int vocab, int row) {
        prepare(ACCEPT, draftToken, 1.0, false);
        draftLogProbability = logQ;
        lazyRows = rows;
        lazyOffset = offset;
        lazyVocab = vocab;
        lazyRow = row;
    }

    boolean accepted() {
        return accepted;
    }

    /** p(x) of the last pick's draft. */
    double targetProbability() {
        return targetProbability;
    }

    /** The residual mass the last {@link #PROVISIONAL} pick measured. */
    double residualMass() {
        return residualMass;
    }

    void release() {
        lazyRows = null;
        draftRow.release();
        residual.release();
    }

    @Override
    public String name() {
        return "speculative-verification";
    }

    @Override
    public int pick(Candidates c, SequenceView state) {
        c.materialize();
        float max = c.max();
        float scale = c.inverseTemperature();
        double total = c.kernels().expSum(c.currentValues(), 0, c.size(), max, scale);
        float x = c.valueOf(draft);
        targetProbability = x == Float.NEGATIVE_INFINITY ? 0.0 : FastExp.weight(x, max, scale) / total;
        int[] block = c.scratch().philoxBlock();
        switch (mode) {
            case ACCEPT:
                double u = Uniforms.uniform(state.seed(), state.step(), 0, SpeculativeVerifier.STREAM, block);
                accepted = targetProbability > 0
                        && StrictMath.log(u) < StrictMath.log(targetProbability) - draftLogProbability;
                if (accepted) {
                    return draft;
                }
                if (lazyRows != null) {
                    draftRow.load(lazyRows, lazyOffset, lazyVocab, lazyRow, KernelsProvider.get());
                    lazyRows = null;
                }
                return residual.draw(c, total, draftRow, 1.0, residualUniform(state, block));
            case PROVISIONAL:
                residualMass = massNeeded ? residual.mass(c, total, draftRow, weight) : 0.0;
                return draft;
            default:
                return residual.draw(c, total, draftRow, weight, residualUniform(state, block));
        }
    }

    private static double residualUniform(SequenceView state, int[] block) {
        return Uniforms.uniform(state.seed(), state.step(), 0,
                Uniforms.round(SpeculativeVerifier.STREAM, SpeculativeVerifier.RESIDUAL_ROUND), block);
    }
}
