/**
 * <b>Internal</b> (not exported from the module; may change in any release): helpers shared by
 * every layer: parameter ranges that phrase their own errors, canonical number formatting for
 * fingerprints, primitive sort keys and a long sort.
 */
package org.sampling4j.internal;
