/**
 * Counter-based random numbers: the Philox4x32-10 block function and the 53-bit uniforms the
 * pickers draw from it. Every value is a pure function of (seed, step, draw, stream).
 */
package org.sampling4j.random;
