/**
 * <b>API</b> (stable): mappings from other systems' vocabularies to Sampling4J's params and
 * processors, each with that API's own defaults, ranges and error wording, and an account of every
 * field it did not map ({@link org.sampling4j.interop.ParamsMapping}): OpenAI, vLLM, HuggingFace
 * {@code generate}, the llama.cpp server, Anthropic Messages, Ollama and MLX-LM request shapes, the
 * conformance CLI's flat vocabulary ({@link org.sampling4j.interop.OpenAiParams}) and HuggingFace
 * step names ({@link org.sampling4j.interop.HfSteps}). Where a reference system tokenizes text (vLLM
 * bad words, llama.cpp DRY breakers and string logit bias) its exact rule is here
 * ({@link org.sampling4j.interop.VllmBadWords}, {@link org.sampling4j.interop.LlamaCppBreakers}),
 * run with the runtime's {@link org.sampling4j.text.Encoder}. Takes plain {@code Map}s, so core
 * stays free of JSON libraries.
 */
package org.sampling4j.interop;
