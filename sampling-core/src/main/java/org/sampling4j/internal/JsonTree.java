package org.sampling4j.internal;

/**
 * How {@link JsonReader#readValue(JsonTree)} builds a tree of maps (key order kept), lists, strings,
 * numbers and booleans: which Java type a number becomes, what a repeated key means, and what stands
 * for JSON {@code null}.
 *
 * @param exactNumbers        every number as a {@link java.math.BigDecimal} of its literal (a bound of
 *                            {@code 0.1} stays 0.1); otherwise {@code Long} for integers in long range
 *                            and {@code Double} for the rest
 * @param refuseDuplicateKeys a key repeated in one object is an error at its position; otherwise the
 *                            last value wins
 * @param nullValue           what a JSON {@code null} becomes: {@code null}, or a marker for callers
 *                            that must tell "null" from "absent"
 */
public record JsonTree(boolean exactNumbers, boolean refuseDuplicateKeys, Object nullValue) {
    /** {@code Long} / {@code Double} numbers, the last of repeated keys, {@code null} for null. */
    public static final JsonTree LENIENT = new JsonTree(false, false, null);
}
