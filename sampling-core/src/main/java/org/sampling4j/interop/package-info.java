/**
 * <b>API</b> (stable): mappings from other systems' vocabularies (HuggingFace step names, OpenAI,
 * vLLM and HF {@code generate} request fields) to Sampling4J's params and processors, each with
 * that API's own ranges and error wording. Takes plain {@code Map}s, so core stays free of JSON
 * libraries.
 */
package org.sampling4j.interop;
