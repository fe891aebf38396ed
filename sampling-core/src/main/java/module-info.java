/**
 * Sampling4J: a pure-Java token sampling engine for JVM inference runtimes.
 *
 * <p>The module exports what an embedder uses ({@code org.sampling4j}: {@link org.sampling4j.Sampler},
 * {@link org.sampling4j.SamplingParams}, {@link org.sampling4j.SequenceState},
 * {@link org.sampling4j.Workspace}, {@link org.sampling4j.SampleResult}), the extension interface
 * ({@code org.sampling4j.chain}), the processors and pickers, batches, speculative verification, the counter-based PRNG, the text layer, the reference
 * generation loop and the request-shape mappings. The kernels and the internal helpers are not
 * exported: their names and signatures may change in any release.
 *
 * <p>The Vector API ({@code jdk.incubator.vector}) is an optional dependence: when the JVM runs
 * with {@code --add-modules jdk.incubator.vector} the Panama kernels are loaded (reflectively, by
 * {@code KernelsProvider}); without it the scalar kernels, which return the same bits, are used.
 * The same jar also works on the class path.
 */
module org.sampling4j {
    // Optional at run time: only resolved when the JVM is given --add-modules jdk.incubator.vector.
    // Nothing outside org.sampling4j.kernel.PanamaKernels (loaded reflectively after a module check)
    // touches it.
    requires static jdk.incubator.vector;

    // The API an embedder uses.
    exports org.sampling4j;
    // The extension interface: working set, LogitsProcessor, TokenPicker, the compiled chain.
    exports org.sampling4j.chain;
    exports org.sampling4j.processor;
    exports org.sampling4j.picker;
    // Counter-based draws for pickers and processors that draw (Uniforms at seed, step, draw, stream).
    exports org.sampling4j.random;
    // Vocabularies, streaming detokenization, stop strings.
    exports org.sampling4j.text;
    exports org.sampling4j.batch;
    exports org.sampling4j.generate;
    exports org.sampling4j.interop;
    // Constrained decoding: Grammar, GrammarMatcher, TokenMask (grammar.syntax, .automaton, .engine stay internal).
    exports org.sampling4j.grammar;
    // Speculative-decoding verification.
    exports org.sampling4j.speculative;

    // Not exported: org.sampling4j.kernel, org.sampling4j.internal, org.sampling4j.grammar.syntax,
    // org.sampling4j.grammar.automaton, org.sampling4j.grammar.engine.
}
