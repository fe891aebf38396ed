/**
 * <b>Extension interface</b> (may change in minor versions): what a processor or picker author
 * implements and sees. {@link org.sampling4j.chain.LogitsProcessor} and
 * {@link org.sampling4j.chain.TokenPicker} are the steps;
 * {@link org.sampling4j.chain.Candidates} is the working set they narrow, with its
 * {@link org.sampling4j.chain.Scratch} memory; {@link org.sampling4j.chain.SequenceView} is a
 * read-only view of the sequence; {@link org.sampling4j.chain.Chain} is the compiled chain that
 * runs them and decides, once, which cut the picker samples without carrying it out
 * ({@link org.sampling4j.chain.DeferrableCut}, {@link org.sampling4j.chain.Nucleus}).
 *
 * <p>Imports only {@code kernel}, {@code random} and {@code internal}; never a processor, a picker
 * or the API above it.
 */
package org.sampling4j.chain;
