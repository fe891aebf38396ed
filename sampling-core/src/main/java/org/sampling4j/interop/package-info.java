/**
 * Mappings from other systems' vocabularies (HuggingFace step names, OpenAI / vLLM request fields)
 * to Sampling4J's processors and params. Takes plain {@code Map}s, so core stays free of JSON libraries.
 */
package org.sampling4j.interop;
