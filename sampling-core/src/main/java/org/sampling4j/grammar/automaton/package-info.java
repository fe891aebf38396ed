/**
 * <b>Internal</b>: code points to UTF-8 byte automata. {@link org.sampling4j.grammar.automaton.Utf8Ranges}
 * splits a code-point range into byte-range sequences, {@link org.sampling4j.grammar.automaton.NfaBuilder}
 * builds one trimmed Thompson NFA over bytes for a set of lexemes (regular sub-expressions of the
 * grammar IR), and {@link org.sampling4j.grammar.automaton.LazyDfa} determinizes it lazily, one
 * transition at a time, shared by every thread that uses the compiled grammar. The regular products
 * {@code Expr.Intersection} / {@code Expr.Difference} are built eagerly: {@link org.sampling4j.grammar.automaton.ByteDfa}
 * determinizes each operand and {@link org.sampling4j.grammar.automaton.RegularProduct} takes their
 * trimmed product, embedded into the NFA by the builder; an {@code Expr.Automaton} (already deterministic,
 * over code points) is embedded the same way, each of its states once. Every construction is
 * bounded by a budget that fails with {@link org.sampling4j.grammar.automaton.BudgetException}, never
 * with an {@code OutOfMemoryError} or a {@code StackOverflowError}. Uses only {@code grammar.syntax}.
 */
package org.sampling4j.grammar.automaton;
