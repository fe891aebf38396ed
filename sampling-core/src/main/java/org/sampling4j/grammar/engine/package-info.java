/**
 * <b>Internal</b>: the constrained-decoding engine. {@link org.sampling4j.grammar.engine.Normalizer}
 * turns a {@link org.sampling4j.grammar.syntax.Cfg} into flat productions over lexemes (maximal
 * regular sub-expressions, compiled by {@code grammar.automaton}) and token terminals;
 * {@link org.sampling4j.grammar.engine.Chart} is the byte-level Earley parser over lexeme threads;
 * {@link org.sampling4j.grammar.engine.TokenTrie} is the vocabulary in DFS order; the
 * {@link org.sampling4j.grammar.engine.MaskCache} holds the context-independent part of every mask per
 * lexer state, and {@link org.sampling4j.grammar.engine.MatcherState} ties them into one sequence's
 * state. The public face is {@code org.sampling4j.grammar}.
 */
package org.sampling4j.grammar.engine;
