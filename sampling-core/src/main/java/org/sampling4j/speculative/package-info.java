/**
 * <b>API</b>: speculative-decoding verification. A drafter (a small model, n-gram lookup, EAGLE or
 * MTP heads) proposes K tokens, the target model scores K + 1 positions in one pass, and
 * {@link org.sampling4j.speculative.SpeculativeVerifier} decides which drafts to keep and draws the
 * token that follows them, so that the emitted tokens have exactly the law of plain sampling with
 * the target's {@link org.sampling4j.Sampler}. {@link org.sampling4j.speculative.BatchVerifier}
 * verifies many sequences' drafts at once.
 */
package org.sampling4j.speculative;
