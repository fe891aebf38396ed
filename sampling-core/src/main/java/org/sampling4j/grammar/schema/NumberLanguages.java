package org.sampling4j.grammar.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.sampling4j.grammar.syntax.CharRanges;
import org.sampling4j.grammar.syntax.Expr;

/**
 * PLACEHOLDER until the leaves helper's version lands (same signatures): JSON number languages. Exact
 * where it answers: integers without bounds, integers in a range of at most {@value #MAX_ENUMERATED}
 * values (enumerated), integers {@code >= 0} or {@code >= 1}, numbers without bounds, numbers {@code >= 0},
 * and one number value ({@code min == max}). Everything else: UNSUPPORTED. Exponents have at most
 * {@value #MAX_EXPONENT_DIGITS} digits.
 */
final class NumberLanguages {
    static final int MAX_ENUMERATED = 2000;
    /**
     * Exponent digits of an unbounded number: RFC 8259 sets no limit but lets implementations set one
     * (section 6); past 9 digits {@code java.math.BigDecimal} (Jackson, networknt) cannot hold the value
     * and validators call the instance invalid, so 9 is the limit here.
     */
    static final int MAX_EXPONENT_DIGITS = 9;
    private static final Expr DIGIT = new Expr.Chars(new int[] {'0', '9'});
    private static final Expr DIGITS = new Expr.Repeat(DIGIT, 0, Expr.Repeat.UNBOUNDED);
    private static final Expr NATURAL = new Expr.Alt(List.of(new Expr.Literal("0"),
            new Expr.Seq(List.of(new Expr.Chars(new int[] {'1', '9'}), DIGITS))));
    private static final Expr FRACTION_ZEROS = new Expr.Repeat(new Expr.Seq(List.of(new Expr.Literal("."),
            new Expr.Repeat(new Expr.Literal("0"), 1, Expr.Repeat.UNBOUNDED))), 0, 1);
    private static final Expr FRACTION = new Expr.Repeat(new Expr.Seq(List.of(new Expr.Literal("."),
            new Expr.Repeat(DIGIT, 1, Expr.Repeat.UNBOUNDED))), 0, 1);
    private static final Expr EXPONENT = new Expr.Repeat(new Expr.Seq(List.of(new Expr.Chars(CharRanges.normalize('E', 'E', 'e', 'e')),
            new Expr.Repeat(new Expr.Chars(CharRanges.normalize('+', '+', '-', '-')), 0, 1),
            new Expr.Repeat(DIGIT, 1, MAX_EXPONENT_DIGITS))), 0, 1);
    private static final Expr MINUS = new Expr.Repeat(new Expr.Literal("-"), 0, 1);

    private NumberLanguages() {
    }

    static Expr integer(BigDecimal min, boolean minExclusive, BigDecimal max, boolean maxExclusive,
                        BigInteger multipleOf, boolean fractionZerosAllowed) {
        Expr zeros = fractionZerosAllowed ? FRACTION_ZEROS : Expr.EMPTY;
        BigInteger lo = min == null ? null : minExclusive ? min.setScale(0, RoundingMode.FLOOR).toBigInteger().add(BigInteger.ONE)
                : min.setScale(0, RoundingMode.CEILING).toBigInteger();
        BigInteger hi = max == null ? null : maxExclusive ? max.setScale(0, RoundingMode.CEILING).toBigInteger().subtract(BigInteger.ONE)
                : max.setScale(0, RoundingMode.FLOOR).toBigInteger();
        BigInteger m = multipleOf == null ? BigInteger.ONE : multipleOf;
        if (lo != null && hi != null && hi.subtract(lo).divide(m).compareTo(BigInteger.valueOf(MAX_ENUMERATED)) <= 0) {
            List<Expr> options = new ArrayList<>();
            BigInteger first = lo.mod(m).signum() == 0 ? lo : lo.add(m.subtract(lo.mod(m)));
            for (BigInteger v = first; v.compareTo(hi) <= 0; v = v.add(m)) {
                options.add(new Expr.Literal(v.toString()));
                if (v.signum() == 0) {
                    options.add(new Expr.Literal("-0"));
                }
            }
            return new Expr.Seq(List.of(new Expr.Alt(options), zeros));
        }
        if (hi == null && m.equals(BigInteger.ONE)) {
            if (lo == null) {
                return new Expr.Seq(List.of(MINUS, NATURAL, zeros));
            }
            if (lo.signum() == 0) {
                return new Expr.Seq(List.of(new Expr.Alt(List.of(NATURAL, new Expr.Literal("-0"))), zeros));
            }
            if (lo.equals(BigInteger.ONE)) {
                return new Expr.Seq(List.of(new Expr.Chars(new int[] {'1', '9'}), DIGITS, zeros));
            }
        }
        throw SchemaException.unsupported("", "integer range [" + min + ", " + max + "] multipleOf " + multipleOf
                + " (pending the leaves' number languages)");
    }

    static Expr number(BigDecimal min, boolean minExclusive, BigDecimal max, boolean maxExclusive) {
        if (min == null && max == null) {
            return new Expr.Seq(List.of(MINUS, NATURAL, FRACTION, EXPONENT));
        }
        if (min != null && max != null && min.compareTo(max) == 0 && !minExclusive && !maxExclusive) {
            if (min.stripTrailingZeros().scale() <= 0) {
                return integer(min, false, max, false, null, true);
            }
            String plain = min.stripTrailingZeros().toPlainString();
            return new Expr.Seq(List.of(new Expr.Literal(plain), new Expr.Repeat(new Expr.Literal("0"), 0, Expr.Repeat.UNBOUNDED)));
        }
        if (max == null && min.signum() == 0 && !minExclusive) {
            Expr negativeZero = new Expr.Seq(List.of(new Expr.Literal("-0"), FRACTION_ZEROS));
            return new Expr.Alt(List.of(new Expr.Seq(List.of(NATURAL, FRACTION, EXPONENT)), negativeZero));
        }
        throw SchemaException.unsupported("", "number range (pending the leaves' number languages)");
    }
}
