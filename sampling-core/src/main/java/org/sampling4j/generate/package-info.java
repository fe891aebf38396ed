/**
 * <b>API</b> (stable): the reference generation loop. {@link org.sampling4j.generate.Generator}
 * drives a model callback, a sampler and a sequence until a stop condition holds or the caller
 * cancels.
 */
package org.sampling4j.generate;
