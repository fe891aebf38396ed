/**
 * <b>Internal</b>: the JSON Schema compiler. {@link org.sampling4j.grammar.schema.SchemaCompiler} turns a
 * JSON Schema text (drafts 04, 06, 07, 2019-09, 2020-12) into the grammar IR
 * ({@link org.sampling4j.grammar.syntax.Cfg}): one rule per schema node (so recursive schemas are rule
 * references), regular "leaf" languages for strings and numbers, and an exact refusal
 * ({@link org.sampling4j.grammar.schema.SchemaException}, kind and JSON pointer) for every keyword or
 * combination it cannot enforce exactly. Never a keyword silently dropped.
 */
package org.sampling4j.grammar.schema;
