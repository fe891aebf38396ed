/**
 * <b>API</b> (stable): the text layer. A {@link org.sampling4j.text.Vocabulary} maps token ids to
 * bytes and flags; the detokenizer decodes UTF-8 incrementally across tokens; stop strings match
 * the decoded text with minimal holdback. Tokenizer-agnostic: the core never tokenizes on its own,
 * a runtime supplies an encoder where text must become ids. Uses nothing above {@code internal}.
 */
package org.sampling4j.text;
