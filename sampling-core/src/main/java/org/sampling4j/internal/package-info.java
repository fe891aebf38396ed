/**
 * <b>Internal</b> (not exported from the module; may change in any release): helpers shared by
 * every layer: parameter ranges that phrase their own errors, canonical number formatting for
 * fingerprints, primitive sort keys and a long sort, and a strict pull reader of JSON (RFC 8259) for the
 * vocabulary loaders, since the core depends on no library.
 */
package org.sampling4j.internal;
