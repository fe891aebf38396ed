package org.sampling4j.grammar.schema;

/**
 * The formats of {@link Formats} as {@code java.util.regex} patterns (whole-string), each built from
 * the ABNF of its RFC; comments say where the pattern is deliberately narrower than the RFC because
 * the test oracle (networknt json-schema-validator 3.0.9) rejects part of it.
 */
final class FormatPatterns {
    private FormatPatterns() {
    }

    // RFC 3339 section 5.6 (and Appendix C for leap years).
    private static final String LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)";
    private static final String FULL_DATE = "(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
            + "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|" + LEAP_YEAR + "-02-29)";
    /**
     * partial-time with time-offset. Seconds 00-59 only: a leap second (60) is valid only at 23:59 UTC
     * (and for date-time, networknt also wants a real leap-second day), so it is left out: never an
     * invalid output, at the price of not accepting leap seconds. {@code T} and {@code Z} in either case
     * (RFC 3339 section 5.6 note: ABNF strings are case-insensitive).
     */
    private static final String FULL_TIME = "(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?"
            + "(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9]))";

    static final String DATE = FULL_DATE;
    static final String TIME = FULL_TIME;
    static final String DATE_TIME = FULL_DATE + "[Tt]" + FULL_TIME;

    /** JSON Schema 2020-12 Validation, Appendix A (the RFC 3339 Appendix A duration ABNF). */
    static final String DURATION;

    static {
        String second = "[0-9]+S";
        String minute = "[0-9]+M(?:" + second + ")?";
        String hour = "[0-9]+H(?:" + minute + ")?";
        String time = "T(?:" + hour + "|" + minute + "|" + second + ")";
        String day = "[0-9]+D";
        String month = "[0-9]+M(?:" + day + ")?";
        String year = "[0-9]+Y(?:" + month + ")?";
        String date = "(?:" + day + "|" + month + "|" + year + ")(?:" + time + ")?";
        DURATION = "P(?:" + date + "|" + time + "|[0-9]+W)";
    }

    /** RFC 2673 dotted-decimal, no leading zeros (RFC 3986 dec-octet). */
    static final String IPV4;

    static {
        String octet = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
        IPV4 = octet + "(?:\\." + octet + "){3}";
    }

    /** RFC 4291 section 2.2 as RFC 3986's IPv6address ABNF spells it (no zone id). */
    static final String IPV6;

    static {
        String h = "[0-9A-Fa-f]{1,4}";
        String ls32 = "(?:" + h + ":" + h + "|" + IPV4 + ")";
        StringBuilder b = new StringBuilder("(?:(?:" + h + ":){6}" + ls32 + "|::(?:" + h + ":){5}" + ls32);
        // [ *k( h16 ":" ) h16 ] "::" tail, k = 0..6
        String[] tails = {"(?:" + h + ":){4}" + ls32, "(?:" + h + ":){3}" + ls32, "(?:" + h + ":){2}" + ls32,
            h + ":" + ls32, ls32, h, ""};
        for (int k = 0; k <= 6; k++) {
            String head = k == 0 ? h : "(?:" + h + ":){0," + k + "}" + h;
            b.append("|(?:").append(head).append(")?::").append(tails[k]);
        }
        IPV6 = b.append(")").toString();
    }

    /** RFC 4122 section 3: 8-4-4-4-12 hex digits, either case. */
    static final String UUID = "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}";

    /**
     * RFC 5321 Mailbox narrowed to what networknt's (commons-validator) email check accepts: a dot-atom
     * local part (RFC 5322 atext) of at most 64 characters, here either up to 32 atext characters with
     * single dots between them or 33 to 64 without dots (a subset: the exact 64-character bound on dotted
     * strings is not worth its size); a domain that is a single label (networknt allows local names) or
     * up to three labels and a well-known top-level domain (networknt checks the TLD against the IANA list;
     * any letter case), or an IPv4 address literal. Quoted local parts and IPv6 literals are left out.
     */
    static final String EMAIL;

    static {
        String atext = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
        String local = "(?:" + atext + "(?:\\.?" + atext + "){0,31}|" + atext + "{33,64})";
        String label = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
        StringBuilder tlds = new StringBuilder();
        for (String tld : new String[] {"com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "dev",
            "app", "ai", "co", "uk", "de", "fr", "jp", "us", "ca", "eu", "ch", "nl", "se"}) {
            tlds.append(tlds.length() == 0 ? "" : "|");
            for (char c : tld.toCharArray()) {
                tlds.append('[').append(c).append(Character.toUpperCase(c)).append(']');
            }
        }
        String domain = "(?:" + label + "|(?:" + label + "\\.){1,3}(?:" + tlds + ")|\\[" + IPV4 + "\\])";
        EMAIL = local + "@" + domain;
    }
}
