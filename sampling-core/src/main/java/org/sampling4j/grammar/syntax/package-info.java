/**
 * <b>Internal</b>: the grammar IR and the front ends that produce it. {@link org.sampling4j.grammar.syntax.Cfg}
 * (named rules of {@link org.sampling4j.grammar.syntax.Expr} trees over code points) is the one form
 * every grammar takes before the engine compiles it: GBNF, regexes, lists of choices, the JSON
 * built-ins and JSON Schema all end here, and none of them knows about bytes, tokens or automata.
 * Errors are {@link org.sampling4j.grammar.syntax.SyntaxException} with a line and column. Uses
 * nothing of Sampling4J.
 */
package org.sampling4j.grammar.syntax;
