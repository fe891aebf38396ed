package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.text.Vocabulary;

/**
 * {@code multipleOf} compiled through the whole engine against {@link BigInteger} / {@link BigDecimal}
 * arithmetic: random {@code k} (small, up to 1,000 and up to the 10,000-state budget), random bounds (none,
 * one-sided, two-sided, negative, exclusive, fractional), and numerals in every spelling the compiler takes for
 * integers in 2020-12 ({@code 21}, {@code -0}, {@code 21.0}, {@code 21.000}) and some it must not
 * ({@code 021}, {@code 2.1e1}, {@code 21.5}, {@code +21}): the grammar accepts a text (byte by byte) exactly
 * when it is a plain spelling of an integer in range divisible by {@code k}; and every text generated under
 * the mask is one. Exponent spellings are valid instances for networknt but refused by design (the
 * documented loss of {@code NumberLanguages}); the test checks they are refused, so the loss stays exactly
 * that. The same for decimal {@code m = L / 10^q} (L not 2^x 5^y), with and without bounds. Refusals must be
 * UNSUPPORTED at the {@code multipleOf} pointer and name the state budget.
 */
@KernelIndependent
class MultipleOfDifferentialTest {
    private static final Vocabulary BYTES = GrammarSmokeTest.bytesVocab();
    private static final Pattern INTEGER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.0+)?");
    private static final Pattern DECIMAL = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?");

    @Test
    void integerMultiplesAreExactThroughTheEngine() {
        int[] compiled = new int[4]; // compiled, over budget, texts judged, generated texts checked
        qt().withFixedSeed(0x4D07L).withExamples(70).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            BigInteger k = BigInteger.valueOf(switch (r.nextInt(6)) {
                case 0, 1, 2 -> 1 + r.nextInt(40);
                case 3, 4 -> 1 + r.nextInt(1000);
                default -> 1 + r.nextInt(10_000);
            });
            BigDecimal min = r.nextInt(3) == 0 ? null : bound(r);
            BigDecimal max = r.nextInt(3) == 0 ? null : bound(r);
            boolean minEx = r.nextInt(3) == 0;
            boolean maxEx = r.nextInt(3) == 0;
            String schema = "{\"type\": \"integer\", \"multipleOf\": " + k
                    + (min == null ? "" : ", \"" + (minEx ? "exclusiveMinimum" : "minimum") + "\": " + min.toPlainString())
                    + (max == null ? "" : ", \"" + (maxEx ? "exclusiveMaximum" : "maximum") + "\": " + max.toPlainString()) + "}";
            Grammar g;
            try {
                g = Grammar.jsonSchema(schema, BYTES);
            } catch (GrammarException e) {
                if (e.getMessage().contains("accepts no string")) {
                    assertEquals(GrammarException.Kind.INVALID, e.kind(), schema);
                    BigInteger lo = min == null ? null : minEx ? floor(min).add(BigInteger.ONE) : ceil(min);
                    BigInteger hi = max == null ? null : maxEx ? ceil(max).subtract(BigInteger.ONE) : floor(max);
                    assertTrue(lo != null && hi != null && lo.add(k.subtract(lo.mod(k)).mod(k)).compareTo(hi) > 0,
                            schema + " refused as empty, yet it has a multiple in range");
                    return;
                }
                assertEquals(GrammarException.Kind.UNSUPPORTED, e.kind(), schema + ": " + e.getMessage());
                assertEquals("/multipleOf", e.pointer(), schema + ": " + e.getMessage());
                assertTrue(e.getMessage().contains("10002 automaton states"), e.getMessage());
                assertTrue(k.intValue() > 1000, schema + " refused with k <= 1000 (bounds of at most 10 digits): " + e.getMessage());
                compiled[1]++;
                return;
            }
            compiled[0]++;
            for (String s : integerCandidates(r, k, min, max)) {
                boolean expected = INTEGER.matcher(s).matches() && within(new BigDecimal(s), min, minEx, max, maxEx)
                        && new BigDecimal(s).toBigInteger().mod(k).signum() == 0;
                assertEquals(expected, JsonSchemaCorpusTest.rejectedAtByte(g, s) < 0, schema + " on " + s);
                compiled[2]++;
            }
            for (int i = 0; i < 4; i++) {
                String t = JsonSchemaCorpusTest.generate(g, r, 60);
                if (t != null) {
                    compiled[3]++;
                    String v = t.strip();
                    assertTrue(INTEGER.matcher(v).matches(), schema + " generated " + t);
                    BigDecimal d = new BigDecimal(v);
                    assertTrue(within(d, min, minEx, max, maxEx) && d.toBigInteger().mod(k).signum() == 0,
                            schema + " generated " + t);
                }
            }
        });
        System.out.printf("multipleOf integers: %d schemas compiled, %d over budget, %d texts judged, %d generated texts checked%n",
                compiled[0], compiled[1], compiled[2], compiled[3]);
        assertTrue(compiled[0] >= 55, "only " + compiled[0] + " of 70 schemas compiled (" + compiled[1] + " over budget)");
        assertTrue(compiled[3] >= 2 * compiled[0], "only " + compiled[3] + " generated texts completed");
    }

    @Test
    void decimalMultiplesAreExactThroughTheEngine() {
        int[] counts = new int[3]; // compiled, texts judged, generated texts checked
        qt().withFixedSeed(0x4D08L).withExamples(30).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int q = 1 + r.nextInt(3);
            BigInteger l;
            do {
                l = BigInteger.valueOf(1 + r.nextInt(r.nextBoolean() ? 30 : 1500));
            } while (twosAndFives(l));
            BigDecimal m = new BigDecimal(l, q);
            BigDecimal min = r.nextInt(3) == 0 ? bound(r) : null;
            BigDecimal max = r.nextInt(3) == 0 ? bound(r) : null;
            boolean minEx = r.nextBoolean();
            boolean maxEx = r.nextBoolean();
            String schema = "{\"type\": \"number\", \"multipleOf\": " + m.toPlainString()
                    + (min == null ? "" : ", \"" + (minEx ? "exclusiveMinimum" : "minimum") + "\": " + min.toPlainString())
                    + (max == null ? "" : ", \"" + (maxEx ? "exclusiveMaximum" : "maximum") + "\": " + max.toPlainString()) + "}";
            Grammar g;
            try {
                g = Grammar.jsonSchema(schema, BYTES);
            } catch (GrammarException e) {
                if (e.getMessage().contains("accepts no string")) {
                    assertTrue(min != null && max != null && min.compareTo(max) >= 0 || max != null && min != null
                            && max.subtract(min).compareTo(m) < 0, schema + " refused as empty: " + e.getMessage());
                    return;
                }
                assertEquals("/multipleOf", e.pointer(), schema + ": " + e.getMessage());
                assertTrue((q + 2L) * l.longValue() > 10_000 / 2, schema + " refused below the budget: " + e.getMessage());
                return;
            }
            List<String> cands = new ArrayList<>();
            List<BigDecimal> near = new ArrayList<>();
            for (BigDecimal b : new BigDecimal[] {min, max}) {
                if (b != null) {
                    BigDecimal base = b.divide(m, 0, java.math.RoundingMode.FLOOR).multiply(m);
                    for (int d = -2; d <= 2; d++) {
                        near.add(base.add(m.multiply(BigDecimal.valueOf(d))));
                    }
                }
            }
            for (int i = 0; i < 25 + near.size(); i++) {
                BigDecimal v = i < near.size() ? near.get(i) : m.multiply(BigDecimal.valueOf(r.nextInt(2_000_001) - 1_000_000));
                cands.add(v.toPlainString());
                cands.add(v.setScale(v.scale() + 1 + r.nextInt(3)).toPlainString());
                cands.add(v.stripTrailingZeros().toPlainString());
                cands.add(v.add(BigDecimal.ONE.movePointLeft(q + r.nextInt(2))).toPlainString());
                cands.add(v.multiply(BigDecimal.TEN).toPlainString() + "e-1");
            }
            cands.addAll(List.of("0", "-0", "0.0", "-0.000", "00", "0.", ".0", "1", "-1.5"));
            for (String s : cands) {
                boolean expected = DECIMAL.matcher(s).matches() && new BigDecimal(s).remainder(m).signum() == 0
                        && within(new BigDecimal(s), min, minEx, max, maxEx);
                assertEquals(expected, JsonSchemaCorpusTest.rejectedAtByte(g, s) < 0, schema + " on " + s);
                counts[1]++;
            }
            counts[0]++;
            for (int i = 0; i < 4; i++) {
                String t = JsonSchemaCorpusTest.generate(g, r, 60);
                if (t != null) {
                    counts[2]++;
                    String v = t.strip();
                    assertTrue(DECIMAL.matcher(v).matches() && new BigDecimal(v).remainder(m).signum() == 0
                                    && within(new BigDecimal(v), min, minEx, max, maxEx),
                            schema + " generated " + t);
                }
            }
        });
        System.out.printf("multipleOf decimals: %d schemas compiled, %d texts judged, %d generated texts checked%n",
                counts[0], counts[1], counts[2]);
        assertTrue(counts[0] >= 20 && counts[2] >= 2 * counts[0], counts[0] + " compiled, " + counts[2] + " generated");
    }

    private static boolean twosAndFives(BigInteger l) {
        long v = l.longValue();
        while (v % 2 == 0) {
            v /= 2;
        }
        while (v % 5 == 0) {
            v /= 5;
        }
        return v == 1;
    }

    private static BigDecimal bound(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> BigDecimal.valueOf(r.nextInt(2001) - 1000);
            case 1 -> BigDecimal.valueOf(r.nextInt(2_000_001) - 1_000_000, r.nextInt(3));
            case 2 -> BigDecimal.valueOf(r.nextLong() % 1_000_000_000L);
            case 3 -> BigDecimal.ZERO;
            default -> BigDecimal.valueOf(r.nextInt(41) - 20);
        };
    }

    /** Multiples of {@code k} next to the bounds and 0, random multiples and non-multiples, in many spellings. */
    private static List<String> integerCandidates(Random r, BigInteger k, BigDecimal min, BigDecimal max) {
        List<BigInteger> values = new ArrayList<>();
        for (BigDecimal b : new BigDecimal[] {min, max, BigDecimal.ZERO}) {
            if (b != null) {
                BigInteger base = floor(b).divide(k).multiply(k);
                for (int d = -2; d <= 2; d++) {
                    values.add(base.add(k.multiply(BigInteger.valueOf(d))));
                    values.add(base.add(k.multiply(BigInteger.valueOf(d))).add(BigInteger.ONE));
                }
            }
        }
        for (int i = 0; i < 10; i++) {
            BigInteger v = k.multiply(BigInteger.valueOf(r.nextInt(2_000_001) - 1_000_000));
            values.add(v);
            values.add(v.add(BigInteger.valueOf(1 + r.nextInt(5))));
            values.add(new BigInteger(70, r).multiply(k));
        }
        List<String> out = new ArrayList<>();
        for (BigInteger v : values) {
            String s = v.toString();
            out.add(s);
            out.add(s + ".0");
            out.add(s + ".000");
            out.add(s + ".5");
            out.add(v.signum() < 0 ? "-0" + s.substring(1) : "0" + s);
            if (v.signum() >= 0) {
                out.add("+" + s);
                out.add("-" + s); // -0 for 0, else a negative
            }
            if (v.abs().compareTo(BigInteger.TEN) >= 0) {
                out.add(new BigDecimal(v).movePointLeft(1).toPlainString() + "e1");
            }
        }
        out.addAll(List.of("-", "", "-0", "-0.0", "0", "1e0", "."));
        return out;
    }

    private static boolean within(BigDecimal v, BigDecimal min, boolean minEx, BigDecimal max, boolean maxEx) {
        return (min == null || (minEx ? v.compareTo(min) > 0 : v.compareTo(min) >= 0))
                && (max == null || (maxEx ? v.compareTo(max) < 0 : v.compareTo(max) <= 0));
    }

    private static BigInteger floor(BigDecimal v) {
        return v.setScale(0, java.math.RoundingMode.FLOOR).toBigIntegerExact();
    }

    private static BigInteger ceil(BigDecimal v) {
        return v.setScale(0, java.math.RoundingMode.CEILING).toBigIntegerExact();
    }
}
