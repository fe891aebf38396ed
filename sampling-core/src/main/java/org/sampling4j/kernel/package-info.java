/**
 * Internal: the passes over a logits row ({@link org.sampling4j.kernel.Kernels}), their scalar
 * twin, the provider that chooses a twin once, the canonical reduction order and the deterministic
 * exponential. Not part of the public API: names and signatures may change in any release.
 */
package org.sampling4j.kernel;
