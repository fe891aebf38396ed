/**
 * <b>API</b> (stable): what an embedder uses. {@link org.sampling4j.SamplingParams} describe a
 * request, {@link org.sampling4j.Sampler} is the compiled chain, {@link org.sampling4j.SequenceState}
 * the per-sequence history and seed, {@link org.sampling4j.Workspace} the per-thread scratch,
 * {@link org.sampling4j.SampleResult} what a step reports; {@link org.sampling4j.Preset},
 * {@link org.sampling4j.ChainOrder}, {@link org.sampling4j.LogprobsMode},
 * {@link org.sampling4j.StopConditions} and {@link org.sampling4j.StopReason} name the choices.
 *
 * <p>Layers, every import pointing down: {@code batch}, {@code generate}, {@code interop} (and
 * {@code speculative}) build on this package; it plans chains from {@code processor} and
 * {@code picker} (the built-in steps), which implement {@code chain} (the extension interface);
 * at the bottom {@code kernel}, {@code random} and {@code internal}.
 */
package org.sampling4j;
