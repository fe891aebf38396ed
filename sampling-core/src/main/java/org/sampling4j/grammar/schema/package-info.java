/**
 * <b>Internal</b>: JSON Schema compiled to the grammar IR of {@code grammar.syntax}: the regular leaf
 * languages (JSON strings in every spelling, numbers in ranges, formats, ECMA-262 patterns) and the
 * compiler that assembles them. Errors are {@link org.sampling4j.grammar.schema.SchemaException} with
 * the JSON pointer of the keyword.
 */
package org.sampling4j.grammar.schema;
