/**
 * <b>Extension</b> (may change in minor versions): the built-in token pickers: greedy argmax,
 * inverse-CDF sampling (with rejection sampling of a pending top-p nucleus) and mirostat 1.0 and
 * 2.0. Each draws its uniforms from {@link org.sampling4j.random.Uniforms} at (seed, step, draw,
 * stream), so a token is a pure function of the logits, the chain, the seed and the history.
 *
 * <p>Implements {@link org.sampling4j.chain}; imports nothing above it.
 */
package org.sampling4j.picker;
