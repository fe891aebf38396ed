/**
 * <b>API</b> (stable): the text layer. A {@link org.sampling4j.text.Vocabulary} maps token ids to
 * bytes and flags; the detokenizer decodes UTF-8 incrementally across tokens; stop strings match
 * the decoded text with minimal holdback. Tokenizer-agnostic: the core never tokenizes on its own,
 * a runtime supplies an encoder where text must become ids. Loaders read a vocabulary from a GGUF
 * header ({@link org.sampling4j.text.GgufVocabularyLoader}), a HuggingFace {@code tokenizer.json}
 * ({@link org.sampling4j.text.TokenizerJsonLoader}) or a tiktoken rank file
 * ({@link org.sampling4j.text.TiktokenLoader}); {@link org.sampling4j.text.Vocabularies#load} tells
 * them apart. Uses nothing above {@code internal}.
 */
package org.sampling4j.text;
