package org.sampling4j.grammar.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.grammar.syntax.Expr;

/**
 * {@link NumberLanguages} against {@link BigDecimal} comparisons: for random bounds (decimal, negative,
 * huge, exclusive), random multipleOf and random candidate spellings (near the bounds, with trailing
 * zeros, -0, leading zeros, exponents), the language holds a spelling iff it is a plain JSON number
 * (integer) whose value satisfies every constraint.
 */
@KernelIndependent
class NumberLanguagesTest {
    private static final Pattern PLAIN = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?");
    private static final Pattern PLAIN_INTEGER = Pattern.compile("-?(?:0|[1-9][0-9]*)");
    private static final Pattern INTEGER_ZEROS = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.0+)?");

    @Test
    void numberRangesAreExact() {
        qt().withFixedSeed(21).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random rnd = new Random(seed);
            BigDecimal min = rnd.nextInt(4) == 0 ? null : randomBound(rnd);
            BigDecimal max = rnd.nextInt(4) == 0 ? null : randomBound(rnd);
            if (min == null && max == null) {
                max = randomBound(rnd);
            }
            boolean minEx = rnd.nextBoolean();
            boolean maxEx = rnd.nextBoolean();
            Expr e = NumberLanguages.number(min, minEx, max, maxEx);
            for (String s : candidates(rnd, min, max)) {
                boolean expected = PLAIN.matcher(s).matches() && within(new BigDecimal(s), min, minEx, max, maxEx);
                assertEquals(expected, ExprSupport.matches(e, s), s + " in " + min + (minEx ? "(ex)" : "") + ".." + max + (maxEx ? "(ex)" : ""));
            }
        });
    }

    @Test
    void integerRangesAndMultiplesAreExact() {
        int[] ks = {1, 2, 3, 4, 5, 7, 8, 10, 12, 16, 21, 25, 97, 100, 1000};
        qt().withFixedSeed(22).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random rnd = new Random(seed);
            BigDecimal min = rnd.nextInt(4) == 0 ? null : randomBound(rnd);
            BigDecimal max = rnd.nextInt(4) == 0 ? null : randomBound(rnd);
            boolean minEx = rnd.nextBoolean();
            boolean maxEx = rnd.nextBoolean();
            BigInteger k = BigInteger.valueOf(ks[rnd.nextInt(ks.length)]);
            boolean zeros = rnd.nextBoolean();
            Expr e;
            try {
                e = NumberLanguages.integer(min, minEx, max, maxEx, k, zeros);
            } catch (SchemaException refused) {
                throw new AssertionError("k = " + k + " over " + min + ".." + max + " is within the budget: " + refused);
            }
            for (String s : candidates(rnd, min, max)) {
                boolean syntax = (zeros ? INTEGER_ZEROS : PLAIN_INTEGER).matcher(s).matches();
                boolean expected = syntax && within(new BigDecimal(s), min, minEx, max, maxEx)
                        && new BigDecimal(s).toBigIntegerExact().mod(k).signum() == 0;
                assertEquals(expected, ExprSupport.matches(e, s), s + " in " + min + ".." + max + " k=" + k);
            }
        });
    }

    @Test
    void hugeAndFractionalBounds() {
        Expr e = NumberLanguages.integer(new BigDecimal("1.5"), false, null, false, null, false);
        assertFalse(ExprSupport.matches(e, "1"));
        assertTrue(ExprSupport.matches(e, "2"));
        assertTrue(ExprSupport.matches(e, "123456789012345678901234567890"));
        Expr big = NumberLanguages.integer(new BigDecimal("1e30"), false, new BigDecimal("1e30").add(BigDecimal.TEN), true,
                null, false);
        assertTrue(ExprSupport.matches(big, "1" + "0".repeat(30)));
        assertTrue(ExprSupport.matches(big, "1" + "0".repeat(29) + "9"));
        assertFalse(ExprSupport.matches(big, "1" + "0".repeat(28) + "10"));
        assertFalse(ExprSupport.matches(big, "9".repeat(30)));
        Expr neg = NumberLanguages.number(new BigDecimal("-2.5"), true, new BigDecimal("-0.001"), false);
        assertTrue(ExprSupport.matches(neg, "-0.001"));
        assertTrue(ExprSupport.matches(neg, "-2.4999"));
        assertFalse(ExprSupport.matches(neg, "-2.5"));
        assertFalse(ExprSupport.matches(neg, "-0"));
        assertFalse(ExprSupport.matches(neg, "-0.0009"));
        Expr nonNeg = NumberLanguages.number(BigDecimal.ZERO, false, null, false);
        assertTrue(ExprSupport.matches(nonNeg, "-0"));
        assertTrue(ExprSupport.matches(nonNeg, "-0.000"));
        assertFalse(ExprSupport.matches(nonNeg, "-0.001"));
        assertFalse(ExprSupport.matches(nonNeg, "01"));
        assertTrue(Exprs.isNothing(NumberLanguages.integer(new BigDecimal("1.2"), false, new BigDecimal("1.8"), false, null, true)));
    }

    @Test
    void unboundedNumbersAreEveryRfc8259Number() throws Exception {
        ObjectMapper jackson = new ObjectMapper();
        Expr e = NumberLanguages.number(null, false, null, false);
        Random rnd = new Random(23);
        String alphabet = "-+0123456789.eE";
        for (int i = 0; i < 20000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = 1 + rnd.nextInt(7); n > 0; n--) {
                b.append(alphabet.charAt(rnd.nextInt(rnd.nextBoolean() ? 11 : alphabet.length())));
            }
            String s = b.toString();
            boolean json;
            try {
                json = jackson.readTree(s).isNumber() && jackson.readTree("[" + s + "]").get(0).isNumber();
            } catch (Exception ex) {
                json = false;
            }
            assertEquals(json, ExprSupport.matches(e, s), s);
        }
    }

    @Test
    void integerSpellingsAgreeWithNetworknt() {
        for (String s : new String[] {"1.0", "-0", "-0.0", "2.00", "3"}) {
            assertTrue(Networknt.valid("{\"type\":\"integer\",\"minimum\":-1,\"maximum\":3}", s), s);
            assertTrue(ExprSupport.matches(NumberLanguages.integer(BigDecimal.ONE.negate(), false, new BigDecimal(3), false,
                    null, true), s), s);
        }
        assertFalse(ExprSupport.matches(NumberLanguages.integer(null, false, null, false, null, false), "1.0"));
    }

    @Test
    void multipleOfBeyondTheBudgetIsRefusedAtItsPointer() {
        SchemaException e = assertThrows(SchemaException.class,
                () -> NumberLanguages.integer(null, false, null, false, BigInteger.valueOf(10_007), false));
        assertEquals(SchemaException.Kind.UNSUPPORTED, e.kind());
        assertEquals("/multipleOf", e.pointer());
        assertTrue(e.getMessage().contains("10007") && e.getMessage().contains("10002 automaton states"), e.getMessage());
        Expr sevens = NumberLanguages.integer(null, false, null, false, BigInteger.valueOf(7), false);
        assertTrue(ExprSupport.matches(sevens, "-21"));
        assertTrue(ExprSupport.matches(sevens, "700000000000000000000000000000000000007"));
        assertFalse(ExprSupport.matches(sevens, "700000000000000000000000000000000000008"));
        Expr listed = NumberLanguages.integer(BigDecimal.ZERO, false, new BigDecimal(1000), false, BigInteger.valueOf(7), false);
        assertTrue(ExprSupport.matches(listed, "994"));
        assertFalse(ExprSupport.matches(listed, "995"));
        Expr byDigits = NumberLanguages.integer(null, false, null, false, BigInteger.valueOf(16), false);
        assertTrue(ExprSupport.matches(byDigits, "-123456789012345678901234567890123456789012345678992"));
        assertFalse(ExprSupport.matches(byDigits, "123456789012345678901234567890123456789012345678994"));
        assertTrue(ExprSupport.size(byDigits) < 20000, "size " + ExprSupport.size(byDigits));
        SchemaException huge = assertThrows(SchemaException.class,
                () -> NumberLanguages.number(new BigDecimal("1e100000"), false, null, false));
        assertEquals("/minimum", huge.pointer());
    }

    @Test
    void sampledMembersAreValidInstancesForNetworknt() {
        Random rnd = new Random(24);
        for (int t = 0; t < 60; t++) {
            BigDecimal min = randomBound(rnd);
            BigDecimal max = min.add(BigDecimal.valueOf(rnd.nextInt(5000), rnd.nextInt(3)));
            boolean minEx = rnd.nextBoolean();
            boolean maxEx = rnd.nextBoolean();
            boolean integer = t % 2 == 0;
            int k = integer ? new int[] {1, 2, 5, 16, 7}[rnd.nextInt(5)] : 1;
            String schema = "{\"type\":\"" + (integer ? "integer" : "number") + "\",\""
                    + (minEx ? "exclusiveMinimum" : "minimum") + "\":" + min.toPlainString() + ",\""
                    + (maxEx ? "exclusiveMaximum" : "maximum") + "\":" + max.toPlainString()
                    + (k > 1 ? ",\"multipleOf\":" + k : "") + "}";
            Expr e = integer ? NumberLanguages.integer(min, minEx, max, maxEx, BigInteger.valueOf(k), true)
                    : NumberLanguages.number(min, minEx, max, maxEx);
            for (int i = 0; i < 40; i++) {
                String s = ExprSupport.sample(e, rnd, 3);
                if (s == null) {
                    break; // an empty range
                }
                assertTrue(Networknt.valid(schema, s), schema + " rejects " + s);
            }
        }
    }

    static BigDecimal randomBound(Random rnd) {
        switch (rnd.nextInt(4)) {
            case 0: return BigDecimal.valueOf(rnd.nextInt(2001) - 1000);
            case 1: return BigDecimal.valueOf(rnd.nextInt(20001) - 10000, rnd.nextInt(4));
            case 2: return new BigDecimal(BigInteger.valueOf(rnd.nextInt(200) - 100), -rnd.nextInt(8));
            default: return BigDecimal.valueOf(rnd.nextInt(21) - 10);
        }
    }

    /** Spellings near the bounds and elsewhere, valid and not. */
    static List<String> candidates(Random rnd, BigDecimal min, BigDecimal max) {
        List<String> out = new ArrayList<>();
        for (BigDecimal b : new BigDecimal[] {min, max, BigDecimal.ZERO}) {
            if (b == null) {
                continue;
            }
            for (int d = -3; d <= 3; d++) {
                BigDecimal v = b.add(BigDecimal.valueOf(d, rnd.nextInt(4)));
                out.add(v.toPlainString());
                out.add(v.setScale(Math.max(0, v.scale()) + 1 + rnd.nextInt(2)).toPlainString());
                out.add(v.stripTrailingZeros().toPlainString());
                out.add(v.setScale(0, java.math.RoundingMode.FLOOR).toPlainString());
            }
        }
        for (int i = 0; i < 15; i++) {
            BigDecimal v = new BigDecimal(BigInteger.valueOf(rnd.nextLong() % 100000), rnd.nextInt(6) - 2);
            out.add(v.toPlainString());
        }
        out.addAll(List.of("-0", "-0.0", "0.0", "00", "01", "-01", "1.", ".5", "1e2", "1E+2", "-", "", "1.0e1", "+1"));
        return out;
    }

    static boolean within(BigDecimal v, BigDecimal min, boolean minEx, BigDecimal max, boolean maxEx) {
        boolean lo = min == null || (minEx ? v.compareTo(min) > 0 : v.compareTo(min) >= 0);
        boolean hi = max == null || (maxEx ? v.compareTo(max) < 0 : v.compareTo(max) <= 0);
        return lo && hi;
    }
}
