package org.sampling4j.speculative;

/**
 * How a {@link SpeculativeVerifier} decides how many of the drafts distributions q it keeps. Both are
 * exact: the emitted tokens have the target's autoregressive law. One-hot drafts (no q) and greedy
 * targets are verified the same way in both modes, because for them the standard rule already
 * keeps every draft it possibly can (see {@link SpeculativeVerifier}).
 */
public enum VerificationMode {
    /**
     * Token by token (Leviathan et al. 2023; Chen et al. 2023): accept draft i iff
     * {@code u_i < p_i(x_i) / q_i(x_i)}, at the first rejection draw from
     * {@code normalize(max(p_i - q_i, 0))}.
     */
    STANDARD,
    /**
     * Block verification (Sun et al. 2024, arXiv 2403.10444, algorithm 2): decides the accepted
     * prefix from the whole block, so a draft rejected on its own can still be kept when the
     * drafts after it make up for it. Same law; an expected accepted length at least that of
     * {@link #STANDARD} (theorem 2 of the paper); the K target rows are all processed.
     */
    BLOCK
}
