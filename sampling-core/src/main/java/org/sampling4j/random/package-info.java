/**
 * <b>Extension</b> (may change in minor versions): counter-based random numbers for pickers and
 * processors that draw: the Philox4x32-10 block function, the 53-bit uniforms at (seed, step,
 * draw, stream) and a portable Gaussian. Every value is a pure function of its counter, the same on
 * every JVM.
 */
package org.sampling4j.random;
