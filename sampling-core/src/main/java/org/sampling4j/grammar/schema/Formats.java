package org.sampling4j.grammar.schema;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sampling4j.grammar.syntax.Expr;

/**
 * The decoded-string languages of the JSON Schema {@code format}s enforced as assertions: date-time,
 * date, time (RFC 3339 section 5.6, with real month lengths and February 29 in leap years only; no leap
 * seconds), duration (JSON Schema Validation Appendix A), email (RFC 5321 dot-atom mailbox, narrowed to
 * networknt's check), ipv4 (no leading zeros), ipv6 (RFC 4291 text forms, {@code ::} and embedded IPv4,
 * no zone id), uuid (RFC 4122), uri and uri-reference (RFC 3986, narrowed to {@code java.net.URI}).
 * Each language is a subset of what the RFC allows and of what networknt 3.0.9 accepts, so a generated
 * string is valid under both; {@link FormatPatterns} and {@link UriPatterns} say where it is narrower.
 */
final class Formats {
    private static final Map<String, String> PATTERNS = Map.of(
            "date-time", FormatPatterns.DATE_TIME, "date", FormatPatterns.DATE, "time", FormatPatterns.TIME,
            "duration", FormatPatterns.DURATION, "email", FormatPatterns.EMAIL, "ipv4", FormatPatterns.IPV4,
            "ipv6", FormatPatterns.IPV6, "uuid", FormatPatterns.UUID, "uri", UriPatterns.URI,
            "uri-reference", UriPatterns.URI_REFERENCE);
    private static final Map<String, Expr> CACHE = new ConcurrentHashMap<>();

    private Formats() {
    }

    /**
     * The decoded-string language of {@code format}.
     *
     * @throws SchemaException UNSUPPORTED at {@code pointer} for any other format name
     */
    static Expr decoded(String format, String pointer) {
        String pattern = PATTERNS.get(format);
        if (pattern == null) {
            throw new SchemaException(SchemaException.Kind.UNSUPPORTED, pointer, "format '" + format
                    + "' is not enforced; supported: " + new java.util.TreeSet<>(PATTERNS.keySet())
                    + " (or treat format as an annotation)");
        }
        return CACHE.computeIfAbsent(format, f -> Exprs.regex(pattern));
    }

    /** The {@code java.util.regex} form of {@code format}'s language (for tests and debugging), or null. */
    static String pattern(String format) {
        return PATTERNS.get(format);
    }
}
