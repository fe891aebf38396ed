/**
 * <b>Internal</b> (not exported from the module; may change in any release): the passes over a
 * logits row ({@link org.sampling4j.kernel.Kernels}), their scalar and Vector API twins, the
 * provider that chooses a twin once per JVM, the canonical reduction order and the deterministic
 * exponential that make both twins return the same bits.
 */
package org.sampling4j.kernel;
