/**
 * <b>Extension</b> (may change in minor versions): the built-in logits processors, one small
 * class each, with its formula, parameter ranges, reference system and cost in its javadoc, and
 * a static {@code enabledBy} rule that says which parameter values add it to a planned chain.
 * Use them to assemble a chain in any order with {@code Sampler.builder(V).add(...)}.
 *
 * <p>Implements {@link org.sampling4j.chain}; imports nothing above it.
 */
package org.sampling4j.processor;
