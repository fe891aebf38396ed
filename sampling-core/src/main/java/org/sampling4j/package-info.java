/**
 * Sampling4J's public API: {@link org.sampling4j.SamplingParams} describe a request,
 * {@link org.sampling4j.Sampler} is the compiled chain, {@link org.sampling4j.SequenceState} the
 * per-sequence history and seed, {@link org.sampling4j.Workspace} the per-thread scratch, and
 * {@link org.sampling4j.SampleResult} what a step reports.
 */
package org.sampling4j;
