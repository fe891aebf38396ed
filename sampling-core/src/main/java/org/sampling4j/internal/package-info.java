/**
 * Internal helpers shared by the API and the processors (parameter ranges and their messages).
 * Not part of the public API.
 */
package org.sampling4j.internal;
