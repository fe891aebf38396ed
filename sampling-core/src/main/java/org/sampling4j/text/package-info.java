/**
 * <b>API</b> (stable): the text layer. Tokenizer-agnostic: the core never tokenizes on its own,
 * a runtime supplies an {@link org.sampling4j.text.Encoder} where text must become ids. Uses
 * nothing above {@code internal}.
 *
 * <ul>
 * <li>{@link org.sampling4j.text.Vocabulary}: token id to bytes, special / EOS / padding ids.</li>
 * <li>Loaders: a GGUF header ({@link org.sampling4j.text.GgufVocabularyLoader}, never reading the
 *     tensors), a HuggingFace {@code tokenizer.json} ({@link org.sampling4j.text.TokenizerJsonLoader}),
 *     a tiktoken rank file ({@link org.sampling4j.text.TiktokenLoader});
 *     {@link org.sampling4j.text.Vocabularies#load} tells them apart.</li>
 * <li>{@link org.sampling4j.text.Utf8StreamDecoder}: UTF-8 arriving in pieces; holds back only an
 *     incomplete sequence and decodes exactly as {@code new String(bytes, UTF_8)}.</li>
 * <li>{@link org.sampling4j.text.Detokenizer}: token ids to text deltas, special tokens skipped
 *     or kept.</li>
 * <li>{@link org.sampling4j.text.StopStrings} (compiled once, shared) and
 *     {@link org.sampling4j.text.StopStringMatcher} (per sequence): the earliest-ending stop string
 *     and the suffix that may still begin one.</li>
 * <li>{@link org.sampling4j.text.TextStream}: the detokenizer and the matcher together, with
 *     minimal holdback; {@link org.sampling4j.text.StopStringMatch} says where it stopped.</li>
 * </ul>
 */
package org.sampling4j.text;
