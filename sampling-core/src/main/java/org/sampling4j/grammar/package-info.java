/**
 * <b>API</b>: constrained decoding. A {@link org.sampling4j.grammar.Grammar} is compiled once per
 * (grammar, vocabulary) and shared by every thread; a {@link org.sampling4j.grammar.GrammarMatcher}
 * per sequence writes the allowed next tokens as a bit mask ({@link org.sampling4j.grammar.TokenMask}
 * layout: bit {@code j % 32} of word {@code j / 32}, 1 = allowed), accepts tokens, rolls back and
 * forks. Token t is allowed iff the bytes so far plus the bytes of t can still be extended to a
 * complete string of the language; an end-of-sequence id iff the bytes so far are complete.
 * Failures are {@link org.sampling4j.grammar.GrammarException}s whose messages start with
 * {@code "invalid: "} or {@code "unsupported: "}; budgets are {@link org.sampling4j.grammar.GrammarLimits}.
 */
package org.sampling4j.grammar;
