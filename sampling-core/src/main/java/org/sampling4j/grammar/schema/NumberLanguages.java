package org.sampling4j.grammar.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.sampling4j.grammar.syntax.Expr;

/**
 * JSON numbers (RFC 8259 section 6: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}) in
 * ranges, exactly. Bounds are {@link BigDecimal}s compared by value, so {@code 1.5}, {@code 1e30} and
 * {@code -0.001} are all exact. {@code -0} (and {@code -0.0}) is the value 0, so it is accepted where
 * 0 is. Leading zeros ({@code 01}) are not JSON and never produced.
 *
 * <p><b>Spelling.</b> Without bounds (and, for integers, without {@code multipleOf} and fraction
 * zeros) every RFC 8259 spelling of a number is accepted, exponents included. With a bound, or with
 * {@code type: integer}, only plain decimal spellings (no exponent) are accepted: which values
 * {@code 12e-1} or {@code 1e400} denote is not a regular property of the text. That is the one
 * documented loss of completeness.
 */
final class NumberLanguages {
    private static final Expr DIGITS = Exprs.repeat(Exprs.range('0', '9'), 1, Expr.Repeat.UNBOUNDED);
    private static final Expr ANY_FRACTION = Exprs.repeat(Exprs.seq(Exprs.lit("."), DIGITS), 0, 1);
    private static final Expr OPTIONAL_MINUS = Exprs.repeat(Exprs.lit("-"), 0, 1);
    private static final Expr ZERO_FRACTION = Exprs.repeat(
            Exprs.seq(Exprs.lit("."), Exprs.repeat(Exprs.lit("0"), 1, Expr.Repeat.UNBOUNDED)), 0, 1);

    /** Most digits a bound may spell (integer and fraction digits): the expressions grow linearly with them. */
    static final int MAX_BOUND_DIGITS = 4096;

    private NumberLanguages() {
    }

    /** Refuses a bound whose plain spelling is too long to expand (e.g. {@code 1e1000000}). */
    private static void checkDigits(BigDecimal bound, String pointer) {
        if (bound != null && Math.max(bound.precision() - bound.scale(), 0) + Math.max(bound.scale(), 0) > MAX_BOUND_DIGITS) {
            throw new SchemaException(SchemaException.Kind.UNSUPPORTED, pointer, "bound " + bound
                    + " spells more than " + MAX_BOUND_DIGITS + " digits in plain decimal");
        }
    }

    private static void checkDigits(BigDecimal min, BigDecimal max) {
        checkDigits(min, "/minimum");
        checkDigits(max, "/maximum");
    }

    /**
     * JSON integers in the bounds (null bound: none; exclusive flags), multiples of {@code multipleOf}
     * (positive, or null), in plain spelling {@code -?(0|[1-9][0-9]*)}, followed by {@code \.0+} as well
     * when {@code fractionZerosAllowed} (draft-06 and later, where {@code 1.0} is an integer).
     *
     * @throws SchemaException UNSUPPORTED at {@code /multipleOf} beyond the budget of {@link MultipleOf}, or at
     *     {@code /minimum} / {@code /maximum} for a bound of more than {@link #MAX_BOUND_DIGITS} digits (the
     *     pointers are relative to the schema; the caller prefixes its location and the exact keyword)
     */
    static Expr integer(BigDecimal min, boolean minExclusive, BigDecimal max, boolean maxExclusive,
                        BigInteger multipleOf, boolean fractionZerosAllowed) {
        return integer(min, minExclusive, max, maxExclusive, multipleOf, fractionZerosAllowed, AutomatonBudget.full());
    }

    /** As {@link #integer(BigDecimal, boolean, BigDecimal, boolean, BigInteger, boolean)}, spending automaton states from {@code budget}. */
    static Expr integer(BigDecimal min, boolean minExclusive, BigDecimal max, boolean maxExclusive,
                        BigInteger multipleOf, boolean fractionZerosAllowed, AutomatonBudget budget) {
        if (multipleOf != null && multipleOf.signum() <= 0) {
            throw new IllegalArgumentException("multipleOf: " + multipleOf + " is not positive");
        }
        checkDigits(min, max);
        BigInteger lo = min == null ? null : minExclusive ? floor(min).add(BigInteger.ONE) : ceil(min);
        BigInteger hi = max == null ? null : maxExclusive ? ceil(max).subtract(BigInteger.ONE) : floor(max);
        if (lo != null && hi != null && lo.compareTo(hi) > 0) {
            return Exprs.NOTHING;
        }
        BigInteger k = multipleOf == null ? BigInteger.ONE : multipleOf;
        // magnitudes: v >= 0 in posLo..hi, v <= 0 spelled "-" m with m in negLo..negHi
        BigInteger posLo = lo == null ? BigInteger.ZERO : lo.max(BigInteger.ZERO);
        BigInteger negLo = hi == null ? BigInteger.ZERO : hi.negate().max(BigInteger.ZERO);
        BigInteger negHi = lo == null ? null : lo.negate();
        boolean anyPositive = hi == null || hi.signum() >= 0;
        boolean anyNegative = lo == null || lo.signum() <= 0;
        Expr both;
        if (anyPositive && anyNegative && posLo.equals(negLo) && java.util.Objects.equals(hi, negHi)) {
            // a symmetric range: one language of magnitudes, shared by both signs (one automaton, not two)
            Expr magnitudes = MultipleOf.naturals(posLo, hi, k, budget);
            both = Exprs.isNothing(magnitudes) ? Exprs.NOTHING : Exprs.seq(OPTIONAL_MINUS, magnitudes);
        } else {
            Expr positive = anyPositive ? MultipleOf.naturals(posLo, hi, k, budget) : Exprs.NOTHING;
            Expr negative = anyNegative ? MultipleOf.naturals(negLo, negHi, k, budget) : Exprs.NOTHING;
            both = signed(positive, negative);
        }
        Expr suffix = fractionZerosAllowed ? ZERO_FRACTION : Expr.EMPTY;
        return Exprs.isNothing(both) ? Exprs.NOTHING : Exprs.seq(both, suffix);
    }

    /**
     * JSON numbers in the bounds (null: none). Without bounds every RFC 8259 number; with a bound every
     * plain decimal spelling {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?} whose value is in range, exactly.
     */
    static Expr number(BigDecimal min, boolean minExclusive, BigDecimal max, boolean maxExclusive) {
        if (min == null && max == null) {
            return Exprs.regex("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]{1,9})?");
        }
        checkDigits(min, max);
        if (min != null && max != null && (min.compareTo(max) > 0
                || min.compareTo(max) == 0 && (minExclusive || maxExclusive))) {
            return Exprs.NOTHING;
        }
        // value v >= 0 spelled v; value v <= 0 spelled "-" m with m = -v
        Expr positive;
        if (max != null && (max.signum() < 0 || max.signum() == 0 && maxExclusive)) {
            positive = Exprs.NOTHING;
        } else if (min == null || min.signum() < 0) {
            positive = magnitude(BigDecimal.ZERO, true, max, !maxExclusive);
        } else {
            positive = magnitude(min, !minExclusive, max, !maxExclusive);
        }
        Expr negative;
        if (min != null && (min.signum() > 0 || min.signum() == 0 && minExclusive)) {
            negative = Exprs.NOTHING;
        } else if (max == null || max.signum() > 0) {
            negative = magnitude(BigDecimal.ZERO, true, min == null ? null : min.negate(), !minExclusive);
        } else {
            negative = magnitude(max.negate(), !maxExclusive, min == null ? null : min.negate(), !minExclusive);
        }
        return signed(positive, negative);
    }

    private static Expr signed(Expr positive, Expr negative) {
        return Exprs.alt(positive, Exprs.isNothing(negative) ? Exprs.NOTHING : Exprs.seq(Exprs.lit("-"), negative));
    }

    /**
     * Every JSON number in plain decimal spelling {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}: the base from which
     * {@code not} removes number languages, which are plain spellings too (so {@code 3e0} cannot slip
     * through a difference that removed {@code 3}).
     */
    static Expr plain() {
        return Exprs.regex("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?");
    }

    /** Plain decimal spellings of values in {@code [lo, hi]} ({@code 0 <= lo}; {@code hi == null}: unbounded). */
    static Expr magnitude(BigDecimal lo, boolean loIncl, BigDecimal hi, boolean hiIncl) {
        if (hi != null && (lo.compareTo(hi) > 0 || lo.compareTo(hi) == 0 && !(loIncl && hiIncl))) {
            return Exprs.NOTHING;
        }
        BigInteger a = floor(lo);
        String fa = fractionDigits(lo);
        BigInteger b = hi == null ? null : floor(hi);
        if (b != null && a.equals(b)) {
            return Exprs.seq(Exprs.lit(a.toString()), DigitRanges.fraction(fa, loIncl, fractionDigits(hi), hiIncl).afterPoint());
        }
        Expr first = Exprs.seq(Exprs.lit(a.toString()), DigitRanges.fraction(fa, loIncl, null, false).afterPoint());
        Expr middle = Exprs.seq(DigitRanges.naturals(a.add(BigInteger.ONE), b == null ? null : b.subtract(BigInteger.ONE)),
                ANY_FRACTION);
        Expr last = b == null ? Exprs.NOTHING
                : Exprs.seq(Exprs.lit(b.toString()), DigitRanges.fraction("", true, fractionDigits(hi), hiIncl).afterPoint());
        return Exprs.alt(isNothingSeq(first) ? Exprs.NOTHING : first, isNothingSeq(middle) ? Exprs.NOTHING : middle,
                isNothingSeq(last) ? Exprs.NOTHING : last);
    }

    private static boolean isNothingSeq(Expr e) {
        return Exprs.isNothing(e) || e instanceof Expr.Seq s && s.items().stream().anyMatch(Exprs::isNothing);
    }

    /** The fraction digits of {@code v >= 0} without trailing zeros; {@code ""} for an integer. */
    private static String fractionDigits(BigDecimal v) {
        BigDecimal f = v.subtract(new BigDecimal(floor(v))).stripTrailingZeros();
        if (f.signum() == 0) {
            return "";
        }
        String s = f.toPlainString();
        return s.substring(s.indexOf('.') + 1);
    }

    static BigInteger floor(BigDecimal v) {
        return v.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    }

    static BigInteger ceil(BigDecimal v) {
        return v.setScale(0, RoundingMode.CEILING).toBigIntegerExact();
    }
}
