/**
 * <b>API</b> (stable): sampling many sequences per forward pass.
 * {@link org.sampling4j.batch.BatchSampler} takes B rows of logits (a {@code float[]} or a direct
 * {@code FloatBuffer}) and samples them in parallel, each row bit-identical to single-row sampling.
 */
package org.sampling4j.batch;
