/**
 * The logits processors and token pickers, one small class each, with its formula, parameter
 * ranges, reference system and cost in its javadoc.
 */
package org.sampling4j.processor;
