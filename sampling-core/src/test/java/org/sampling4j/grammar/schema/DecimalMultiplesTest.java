package org.sampling4j.grammar.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.grammar.syntax.Expr;

/**
 * {@link DecimalMultiples} against {@link BigDecimal} arithmetic: for random decimal {@code multipleOf}
 * values, random bounds (or none) and candidate spellings (multiples near the bounds with trailing zeros,
 * non-multiples, {@code -0}, exponents, leading zeros), the language holds a spelling iff it is a plain
 * JSON number in the bounds whose value divided by {@code m} is an integer. Refusals only where the class
 * says: a numerator with a prime factor other than 2 and 5, or more digit patterns than the budget, without a
 * small bounded range.
 */
@KernelIndependent
class DecimalMultiplesTest {
    private static final Pattern PLAIN = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?");
    private static final String[] MS = {"0.5", "0.25", "0.1", "0.01", "0.05", "0.2", "0.125", "0.3", "0.7", "1.5", "0.02",
        "0.0004", "2.5", "0.001", "0.075", "0.00001"};

    @Test
    void decimalMultiplesAreExact() {
        qt().withFixedSeed(23).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random rnd = new Random(seed);
            BigDecimal m = new BigDecimal(MS[rnd.nextInt(MS.length)]);
            int q = m.scale();
            BigInteger l = m.unscaledValue();
            BigDecimal min = rnd.nextInt(3) == 0 ? null : NumberLanguagesTest.randomBound(rnd);
            BigDecimal max = rnd.nextInt(3) == 0 ? null : NumberLanguagesTest.randomBound(rnd);
            boolean minEx = rnd.nextBoolean();
            boolean maxEx = rnd.nextBoolean();
            Expr e;
            try {
                e = DecimalMultiples.of(min, minEx, max, maxEx, l, q, "/x/multipleOf");
            } catch (SchemaException refused) {
                assertEquals("/x/multipleOf", refused.pointer());
                boolean overBudget = BigInteger.TEN.pow(q).divide(l).compareTo(BigInteger.valueOf(DecimalMultiples.MAX_PAIRS)) > 0;
                assertTrue(l.intValue() % 3 == 0 || l.intValue() % 7 == 0 || overBudget,
                        "refused only for numerators not 2^x5^y or past the digit patterns' budget: " + m);
                return;
            }
            List<String> cands = NumberLanguagesTest.candidates(rnd, min, max);
            for (BigDecimal b : new BigDecimal[] {min, max, BigDecimal.ZERO}) {
                if (b != null) { // multiples of m next to the bound, in several spellings
                    BigDecimal k = b.divide(m, 0, java.math.RoundingMode.FLOOR);
                    for (int d = -2; d <= 2; d++) {
                        BigDecimal v = k.add(BigDecimal.valueOf(d)).multiply(m);
                        cands.add(v.toPlainString());
                        cands.add(v.setScale(v.scale() + 2).toPlainString());
                        cands.add(v.stripTrailingZeros().toPlainString());
                        cands.add(v.add(m.movePointLeft(1)).toPlainString());
                    }
                }
            }
            for (int i = 0; i < 10; i++) {
                cands.add(m.multiply(BigDecimal.valueOf(rnd.nextInt(20001) - 10000)).toPlainString());
            }
            for (String s : cands) {
                boolean expected = PLAIN.matcher(s).matches() && NumberLanguagesTest.within(new BigDecimal(s), min, minEx, max, maxEx)
                        && new BigDecimal(s).divideAndRemainder(m)[1].signum() == 0;
                assertEquals(expected, in(e, s), s + " multipleOf " + m + " in " + min + (minEx ? "(ex)" : "")
                        + ".." + max + (maxEx ? "(ex)" : ""));
            }
        });
    }

    /** Membership; an intersection (bounds) is in both operands (ExprSupport matches regular trees only). */
    private static boolean in(Expr e, String s) {
        return e instanceof Expr.Intersection x ? in(x.left(), s) && in(x.right(), s) : ExprSupport.matches(e, s);
    }
}
