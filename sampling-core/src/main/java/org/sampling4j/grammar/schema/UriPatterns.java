package org.sampling4j.grammar.schema;

/**
 * RFC 3986 {@code URI} and {@code URI-reference} (section 3 and 4.1) as {@code java.util.regex}
 * patterns, narrowed to what networknt 3.0.9 accepts (it parses with {@code java.net.URI}, which
 * follows RFC 2396 with RFC 2732 literals, and then wants ASCII only): a host is never empty, an
 * IP literal is an IPv6 address (no IPvFuture), a port has 1 to 5 digits, and a URI without
 * authority has a non-empty path ({@code java.net.URI} refuses {@code "a:"}).
 */
final class UriPatterns {
    private UriPatterns() {
    }

    private static final String PCT = "%[0-9A-Fa-f]{2}";
    private static final String UNRESERVED = "A-Za-z0-9._~\\-";
    private static final String SUB_DELIMS = "!$&'()*+,;=";
    private static final String PCHAR = "(?:[" + UNRESERVED + SUB_DELIMS + ":@]|" + PCT + ")";
    private static final String SCHEME = "[A-Za-z][A-Za-z0-9+.-]*";
    private static final String USERINFO = "(?:[" + UNRESERVED + SUB_DELIMS + ":]|" + PCT + ")*";
    private static final String REG_NAME = "(?:[" + UNRESERVED + SUB_DELIMS + "]|" + PCT + ")+";
    private static final String HOST = "(?:\\[" + FormatPatterns.IPV6 + "\\]|" + REG_NAME + ")";
    private static final String AUTHORITY = "(?:" + USERINFO + "@)?" + HOST + "(?::[0-9]{1,5})?";
    private static final String SEGMENT = PCHAR + "*";
    private static final String SEGMENT_NZ = PCHAR + "+";
    private static final String SEGMENT_NZ_NC = "(?:[" + UNRESERVED + SUB_DELIMS + "@]|" + PCT + ")+";
    private static final String PATH_ABEMPTY = "(?:/" + SEGMENT + ")*";
    private static final String PATH_ABSOLUTE = "/(?:" + SEGMENT_NZ + "(?:/" + SEGMENT + ")*)?";
    private static final String PATH_ROOTLESS = SEGMENT_NZ + "(?:/" + SEGMENT + ")*";
    private static final String PATH_NOSCHEME = SEGMENT_NZ_NC + "(?:/" + SEGMENT + ")*";
    private static final String QUERY = "(?:\\?(?:" + PCHAR + "|[/?])*)?";
    private static final String FRAGMENT = "(?:#(?:" + PCHAR + "|[/?])*)?";

    /** scheme ":" hier-part [ "?" query ] [ "#" fragment ]. */
    static final String URI = SCHEME + ":(?://" + AUTHORITY + PATH_ABEMPTY + "|" + PATH_ABSOLUTE + "|"
            + PATH_ROOTLESS + ")" + QUERY + FRAGMENT;

    /** URI / relative-ref, relative-part = "//" authority path-abempty / path-absolute / path-noscheme / path-empty. */
    static final String URI_REFERENCE = "(?:" + URI + "|(?://" + AUTHORITY + PATH_ABEMPTY + "|" + PATH_ABSOLUTE
            + "|" + PATH_NOSCHEME + ")?" + QUERY + FRAGMENT + ")";
}
