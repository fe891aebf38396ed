package org.sampling4j.grammar.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.grammar.syntax.Expr;

/**
 * Formats against independent oracles: every sampled member is valid for networknt 3.0.9 (format
 * assertion on) and, for dates and times, parses with {@code java.time}; hand-picked edge cases on both
 * sides; for date, date-time, ipv4 and uuid, random candidates the oracles accept are in the language.
 */
@KernelIndependent
class FormatsTest {
    private static final List<String> ALL = List.of("date-time", "date", "time", "duration", "email", "ipv4", "ipv6",
            "uuid", "uri", "uri-reference");

    @ParameterizedTest
    @ValueSource(strings = {"date-time", "date", "time", "duration", "email", "ipv4", "ipv6", "uuid", "uri", "uri-reference"})
    void everySampledMemberIsValidForNetworknt(String format) {
        Expr e = Formats.decoded(format, "/format");
        Random rnd = new Random(format.hashCode());
        for (int i = 0; i < 1500; i++) {
            String s = ExprSupport.sample(e, rnd, 3);
            assertNotNull(s);
            assertTrue(Networknt.validString("format", "\"" + format + "\"", s), format + ": networknt rejects " + s);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"date-time", "email", "ipv6", "uri-reference"})
    void sampledJsonSpellingsAreValidInstances(String format) {
        // the whole JSON text, escapes and all, as the engine would emit it
        Expr quoted = JsonStrings.quoted(Formats.decoded(format, "/format"));
        Random rnd = new Random(format.hashCode() + 1);
        for (int i = 0; i < 300; i++) {
            String text = ExprSupport.sample(quoted, rnd, 3);
            assertTrue(Networknt.valid("{\"type\":\"string\",\"format\":\"" + format + "\"}", text), format + ": " + text);
        }
    }

    @Test
    void sampledDatesAndTimesParseWithJavaTime() {
        Random rnd = new Random(7);
        DateTimeFormatter strictDate = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
        for (int i = 0; i < 3000; i++) {
            String d = ExprSupport.sample(Formats.decoded("date", "/f"), rnd, 2);
            LocalDate.parse(d, strictDate);
            String dt = ExprSupport.sample(Formats.decoded("date-time", "/f"), rnd, 2);
            // java.time limits offsets to +-18:00, RFC 3339 does not: check the local part with Z
            String upper = dt.toUpperCase();
            OffsetDateTime.parse(upper.substring(0, upper.length() - (upper.endsWith("Z") ? 1 : 6)) + "Z");
        }
    }

    @Test
    void edgeCases() {
        assertIn("date", "2024-02-29", "2000-02-29", "1900-02-28", "0000-02-29", "2023-12-31", "2023-04-30");
        assertOut("date", "2023-02-29", "1900-02-29", "2023-04-31", "2023-13-01", "2023-00-10", "2023-1-01", "20230101");
        assertIn("date-time", "2023-06-01T12:30:00Z", "2023-06-01t12:30:00.123+05:30", "2023-06-01T23:59:59-23:59");
        assertOut("date-time", "2023-06-01 12:30:00Z", "2023-06-01T24:00:00Z", "2023-06-01T12:30:00", "2023-06-01T12:30Z",
                "2016-12-31T23:59:60Z");
        assertIn("time", "00:00:00Z", "23:59:59.5+01:00", "12:00:00z");
        assertOut("time", "12:00:00", "12:00:00+1:00", "25:00:00Z");
        assertIn("duration", "P1Y", "P1M2D", "PT1H", "PT1M5S", "P3W", "P1Y2M3DT4H5M6S", "P1DT1S".replace("1S", "1M1S"));
        assertOut("duration", "P", "PT", "P1W2D", "P1H", "PT1D", "1Y", "P1.5Y");
        assertIn("ipv4", "0.0.0.0", "255.255.255.255", "192.168.1.10");
        assertOut("ipv4", "256.1.1.1", "01.2.3.4", "1.2.3", "1.2.3.4.5");
        assertIn("ipv6", "::", "::1", "1::", "2001:db8::8a2e:370:7334", "::ffff:192.0.2.128", "1:2:3:4:5:6:7:8",
                "1:2:3:4:5:6:1.2.3.4", "fe80::1:2");
        assertOut("ipv6", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "fe80::1%eth0", ":1", "1:2:3:4:5:6:7");
        assertIn("uuid", "123e4567-e89b-12d3-a456-426614174000", "AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE");
        assertOut("uuid", "123e4567e89b12d3a456426614174000", "123e4567-e89b-12d3-a456-42661417400g");
        assertIn("email", "joe@example.com", "a.b+c@x", "first.last@sub.example.org", "x@[127.0.0.1]");
        assertOut("email", "a..b@example.com", ".a@example.com", "a@", "@example.com", "a b@example.com");
        assertIn("uri", "http://example.com/a?b=c#d", "urn:isbn:0451450523", "mailto:joe@example.com",
                "http://[::1]:8080/", "file:///etc/hosts".replace("///", "//h/"));
        assertOut("uri", "/relative", "example.com", "http://a b", "1http://x");
        assertIn("uri-reference", "/relative", "a/b?c", "#frag", "", "http://example.com");
        assertOut("uri-reference", "a b", "http://a b", "%zz");
    }

    private static void assertIn(String format, String... values) {
        for (String v : values) {
            assertTrue(ExprSupport.matches(Formats.decoded(format, "/f"), v), format + " should accept " + v);
            assertTrue(Networknt.validString("format", "\"" + format + "\"", v), "networknt rejects " + format + " " + v);
        }
    }

    private static void assertOut(String format, String... values) {
        for (String v : values) {
            assertFalse(ExprSupport.matches(Formats.decoded(format, "/f"), v), format + " should reject " + v);
        }
    }

    @Test
    void randomDatesAcceptedByJavaTimeAreInTheLanguage() {
        Random rnd = new Random(11);
        Expr date = Formats.decoded("date", "/f");
        int valid = 0;
        for (int i = 0; i < 20000; i++) {
            String s = String.format("%04d-%02d-%02d", rnd.nextInt(10000), rnd.nextInt(14), rnd.nextInt(33));
            boolean java;
            try {
                LocalDate.parse(s, DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT));
                java = true;
                valid++;
            } catch (java.time.DateTimeException e) {
                java = false;
            }
            assertEquals(java, ExprSupport.matches(date, s), s);
        }
        assertTrue(valid > 10000, "the candidates hit both sides: " + valid);
    }

    @Test
    void randomIpv4AndUuidCandidatesAgreeWithNetworknt() {
        Random rnd = new Random(12);
        Expr ipv4 = Formats.decoded("ipv4", "/f");
        Expr uuid = Formats.decoded("uuid", "/f");
        String hex = "0123456789abcdefABCDEFg-";
        for (int i = 0; i < 3000; i++) {
            String ip = rnd.nextInt(300) + "." + (rnd.nextBoolean() ? "0" : "") + rnd.nextInt(300) + "." + rnd.nextInt(260)
                    + "." + rnd.nextInt(256);
            assertEquals(Networknt.validString("format", "\"ipv4\"", ip), ExprSupport.matches(ipv4, ip), ip);
            StringBuilder u = new StringBuilder();
            for (int j = 0; j < 36; j++) {
                u.append(j == 8 || j == 13 || j == 18 || j == 23 ? (rnd.nextInt(40) == 0 ? 'a' : '-')
                        : hex.charAt(rnd.nextInt(rnd.nextInt(50) == 0 ? hex.length() : 22)));
            }
            assertEquals(Networknt.validString("format", "\"uuid\"", u.toString()), ExprSupport.matches(uuid, u.toString()), u.toString());
        }
    }

    @Test
    void otherFormatsAreUnsupportedWithThePointer() {
        SchemaException e = assertThrows(SchemaException.class, () -> Formats.decoded("hostname", "/properties/h/format"));
        assertEquals(SchemaException.Kind.UNSUPPORTED, e.kind());
        assertEquals("/properties/h/format", e.pointer());
        assertTrue(e.getMessage().contains("hostname"));
        for (String f : ALL) {
            assertNotNull(Formats.pattern(f));
        }
    }
}
