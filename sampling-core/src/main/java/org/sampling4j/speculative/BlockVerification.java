package org.sampling4j.speculative;

import org.sampling4j.Sampler;
import org.sampling4j.SequenceState;
import org.sampling4j.StopReason;
import org.sampling4j.Workspace;
import org.sampling4j.kernel.KernelsProvider;
import org.sampling4j.random.Uniforms;

/**
 * Block verification (Sun, Mendlovic, Leviathan, Aharoni, Beirami, Ro, Suresh, "Block Verification
 * Accelerates Speculative Decoding", arXiv 2403.10444, algorithm 2), with draft distributions.
 *
 * <p><b>Formula.</b> P_i, Q_i the target's and the draft's distributions at draft position i (row
 * i, after drafts 0..i-1), x_i the drafts, i in [0, K). Weights {@code w_0 = 1},
 * {@code w_{i+1} = min(w_i P_i(x_i) / Q_i(x_i), 1)}. For {@code 1 <= i < K}:
 * {@code S_i = sum_y max(w_i P_i(y) - Q_i(y), 0)} and {@code h_i = S_i / (S_i + 1 - w_i)} (1 when
 * both are 0); {@code h_K = w_K}. With {@code eta_i} uniform, the number of drafts kept is
 * {@code tau = max{i in [1, K] : eta_i < h_i}} (0 if none); then the target draws the bonus token
 * from P_K when {@code tau = K}, else a correction from {@code normalize(max(w_tau P_tau - Q_tau, 0))}.
 * The correction may equal x_tau. Checked exact by enumeration for K = 3 on random Markov chains
 * before being written down, and by {@code SpeculativeLawStatisticalTest}.
 * <p><b>Procedure.</b> Rows 0..K-1 run in order, each with drafts 0..i-1 provisionally accepted
 * into the state (so every state-carried processor sees the block's prefix), measuring
 * {@code P_i(x_i)} and {@code S_i}. Once some {@code w_i = 0} every later h is 0 and the rest of the
 * block is skipped. Then the state is rolled back to tau drafts and row tau runs once more for the
 * correction (or row K for the bonus), so the state advances by the emitted tokens only. A stop
 * condition met by a kept draft ends the emitted tokens there.
 * <p><b>Uniforms.</b> {@code eta_i} for the draft at absolute position t of a block starting at s:
 * (seed, t, draw t - s, round {@value SpeculativeVerifier#BLOCK_ROUND} of the verifier's stream);
 * the correction's at (seed, position, 0, round {@value SpeculativeVerifier#RESIDUAL_ROUND}).
 */
final class BlockVerification {
    private BlockVerification() {
    }

    static void verify(Sampler sampler, SequenceState state, Workspace ws, int[] drafts, float[] target,
            int targetOffset, float[] draft, int draftOffset, Verification out) {
        int v = sampler.vocabSize();
        int k = drafts.length;
        long start = state.step();
        TargetStep step = out.step;
        double[] w = out.weights;
        double[] h = out.h;
        boolean[] stops = out.stops;
        w[0] = 1.0;
        int processed = 0;
        try {
            for (int i = 0; i < k; i++) {
                step.draftRow.load(draft, draftOffset + i * v, v, i, KernelsProvider.get());
                step.prepare(TargetStep.PROVISIONAL, drafts[i], w[i], i >= 1);
                sampler.sample(target, targetOffset + i * v, state, ws, out.resultHolder(i), step);
                processed++;
                stops[i] = sampler.stopConditions().check(state) != StopReason.NONE;
                if (i >= 1) {
                    double s = step.residualMass();
                    double denominator = s + 1.0 - w[i];
                    h[i] = denominator > 0 ? s / denominator : 1.0;
                }
                double p = step.targetProbability();
                double q = step.draftRow.probability(drafts[i]);
                w[i + 1] = p == 0 ? 0.0 : q == 0 ? 1.0 : Math.min(w[i] * p / q, 1.0);
                if (w[i + 1] == 0) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            state.rollback(processed);
            throw e;
        }
        int tau = 0;
        int[] block = out.philox;
        for (int i = 1; i <= processed; i++) {
            double hi = i == k ? w[k] : i < processed ? h[i] : 0.0;
            if (hi > 0 && Uniforms.uniform(state.seed(), start + i - 1, i - 1,
                    Uniforms.round(SpeculativeVerifier.STREAM, SpeculativeVerifier.BLOCK_ROUND), block) < hi) {
                tau = i;
            }
        }
        for (int i = 0; i < tau; i++) {
            if (stops[i]) {
                state.rollback(processed - (i + 1));
                for (int j = 0; j <= i; j++) {
                    out.emit(drafts[j]);
                }
                out.finish(i + 1, sampler.stopConditions().check(state));
                return;
            }
        }
        state.rollback(processed - tau);
        for (int j = 0; j < tau; j++) {
            out.emit(drafts[j]);
        }
        int token;
        if (tau == k) {
            token = sampler.sample(target, targetOffset + k * v, state, ws, out.resultHolder(k));
        } else {
            step.draftRow.load(draft, draftOffset + tau * v, v, tau, KernelsProvider.get());
            step.prepare(TargetStep.CORRECTION, drafts[tau], w[tau], false);
            token = sampler.sample(target, targetOffset + tau * v, state, ws, out.resultHolder(tau), step);
        }
        out.emit(token);
        out.finish(tau, sampler.stopConditions().check(state));
    }
}
