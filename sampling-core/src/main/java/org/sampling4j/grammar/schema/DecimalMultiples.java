package org.sampling4j.grammar.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.sampling4j.grammar.syntax.Expr;

/**
 * JSON numbers that are multiples of a decimal {@code m = L / 10^q} ({@code L} a positive integer,
 * {@code q >= 1}), in plain decimal spelling {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?} and in the bounds.
 *
 * <p><b>Fact.</b> {@code x = I.D} (integer part {@code I}, fraction digits {@code D}) is a multiple of
 * {@code m} iff {@code x * 10^q} is an integer divisible by {@code L}: every digit of {@code D} past the
 * {@code q}-th is 0, and with {@code F} the first {@code q} digits of {@code D} (zero-padded),
 * {@code N = I * 10^q + F ≡ 0 (mod L)}. So {@code 1.50}, {@code 1.5} and {@code 1.500} are the same
 * multiple of 0.5, and {@code 1.05} is none. Exponent spellings ({@code 15e-1}) are not accepted: which
 * value they denote is not a regular property under an unbounded exponent (the same documented loss as
 * for bounds).
 *
 * <p><b>Construction.</b> (1) {@code L = 2^x 5^y}: {@code L | 10^M} with {@code M = max(x, y)}; with
 * {@code M' = max(M, q)} and {@code r = M' - q}, {@code N mod 10^M'} depends only on {@code a = I mod 10^r}
 * and {@code F}, so the language is the union over the pairs {@code (a, F)} with {@code a * 10^q + F ≡ 0
 * (mod L)} of (integer part ending in {@code a}) (fraction spelling {@code F}); at most
 * {@link #MAX_PAIRS} pairs ({@code 10^M' / L} of them). {@code L = 1} (at most {@code q} decimals) is
 * {@code \.[0-9]{1,q}0*}. Bounds intersect it with {@link NumberLanguages#number} ({@code Expr.Intersection}).
 * (2) Any other {@code L}: one remainder automaton ({@link #remainders}, about {@code (q + 2) L} states, at most
 * {@link MultipleOf#MAX_STATES}) behind an optional {@code -}, intersected with {@link NumberLanguages#number}
 * when there are bounds (the engine builds that product under its automaton budget). (3) Past the state budget,
 * a bounded range holding at most {@link MultipleOf#MAX_LISTED} multiples lists them. Otherwise UNSUPPORTED
 * at the {@code multipleOf} pointer, naming the number and the limit.
 */
final class DecimalMultiples {
    /** Most (integer-part suffix, fraction) pairs construction (1) lists. */
    static final int MAX_PAIRS = 2000;
    private static final Expr POSITIVE = Exprs.regex("[1-9][0-9]*");

    private DecimalMultiples() {
    }

    /**
     * Multiples of {@code l / 10^q} in the bounds (null bound: none).
     *
     * @param pointer the {@code multipleOf} keyword's pointer, for refusals
     */
    static Expr of(BigDecimal min, boolean minExclusive, BigDecimal max, boolean maxExclusive, BigInteger l, int q,
                   String pointer) {
        return of(min, minExclusive, max, maxExclusive, l, q, pointer, AutomatonBudget.full());
    }

    /** As {@link #of(BigDecimal, boolean, BigDecimal, boolean, BigInteger, int, String)}, spending automaton states from {@code budget}. */
    static Expr of(BigDecimal min, boolean minExclusive, BigDecimal max, boolean maxExclusive, BigInteger l, int q,
                   String pointer, AutomatonBudget budget) {
        BigInteger tenQ = BigInteger.TEN.pow(q);
        int m = MultipleOf.suffixDigits(l);
        if (l.equals(BigInteger.ONE) || m >= 0 && Math.max(m, q) <= MultipleOf.MAX_SUFFIX_DIGITS
                && BigInteger.TEN.pow(Math.max(m, q)).divide(l).compareTo(BigInteger.valueOf(MAX_PAIRS)) <= 0) {
            Expr magnitude = unbounded(l, q, Math.max(m, q) - q);
            Expr all = Exprs.alt(magnitude, Exprs.seq(Exprs.lit("-"), magnitude));
            if (min == null && max == null) {
                return all;
            }
            Expr range = NumberLanguages.number(min, minExclusive, max, maxExclusive);
            return Exprs.isNothing(range) ? Exprs.NOTHING : new Expr.Intersection(all, range);
        }
        Expr magnitudes = null;
        if (l.compareTo(RemainderNumerals.MAX_K) <= 0) {
            try {
                magnitudes = remainders(l.longValueExact(), q, budget.left());
                budget.spend(magnitudes instanceof Expr.Automaton a ? a.states() : 0);
            } catch (AutomatonSearch.OverBudget e) {
                // too many states: a short list may still do
            }
        }
        if (magnitudes != null) {
            Expr all = Exprs.isNothing(magnitudes) ? Exprs.NOTHING : Exprs.seq(Exprs.repeat(Exprs.lit("-"), 0, 1), magnitudes);
            if (min == null && max == null) {
                return all;
            }
            Expr range = NumberLanguages.number(min, minExclusive, max, maxExclusive);
            return Exprs.isNothing(range) ? Exprs.NOTHING : new Expr.Intersection(all, range);
        }
        if (min != null && max != null) {
            // scaled integer range of N = x * 10^q, then the multiples of l in it
            BigInteger lo = scaled(min, tenQ, minExclusive, true);
            BigInteger hi = scaled(max, tenQ, maxExclusive, false);
            if (lo.compareTo(hi) > 0) {
                return Exprs.NOTHING;
            }
            BigInteger first = ceilDiv(lo, l);
            BigInteger last = hi.divide(l).subtract(hi.signum() < 0 && hi.mod(l).signum() != 0 ? BigInteger.ONE : BigInteger.ZERO);
            if (last.subtract(first).compareTo(BigInteger.valueOf(MultipleOf.MAX_LISTED)) < 0) {
                List<Expr> options = new ArrayList<>();
                for (BigInteger k = first; k.compareTo(last) <= 0; k = k.add(BigInteger.ONE)) {
                    BigInteger n = k.multiply(l);
                    BigInteger abs = n.abs();
                    Expr spelled = Exprs.seq(Exprs.lit(abs.divide(tenQ).toString()), fraction(abs.mod(tenQ), q));
                    options.add(n.signum() < 0 ? Exprs.seq(Exprs.lit("-"), spelled)
                            : n.signum() == 0 ? Exprs.alt(spelled, Exprs.seq(Exprs.lit("-"), spelled)) : spelled);
                }
                return Exprs.alt(options);
            }
        }
        throw SchemaException.unsupported(pointer, "multipleOf " + new BigDecimal(l, q).stripTrailingZeros().toPlainString()
                + " (" + l + " / 10^" + q + ") needs more than " + budget.left() + " automaton states (about (q + 2) * "
                + l + "; " + budget.limit() + ")" + (min != null && max != null ? " and the range holds more than "
                + MultipleOf.MAX_LISTED + " multiples to list" : "") + "; numerators 2^x*5^y go by at most " + MAX_PAIRS
                + " digit patterns instead");
    }

    /** A state of the remainder machine: the phase ({@link #START}, ...) and {@code N mod L} so far. */
    private record Remainder(int phase, long r) {
    }

    private static final int START = 0;
    private static final int ZERO = 1;
    private static final int INTEGER = 2;
    /** Phases from here on: after the point, {@code phase - AFTER_POINT} fraction digits read. */
    private static final int AFTER_POINT = 3;
    private static final int[] DIGITS_AND_POINT = {'.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'};

    /**
     * Non-negative multiples of {@code l / 10^q}, unbounded, as one automaton over {@code (phase, N mod l)}:
     * integer digits and the first {@code q} fraction digits move {@code r -> (10 r + d) mod l}; a numeral may
     * end after {@code j} fraction digits ({@code j = 0}: no point) when {@code r * 10^(q - j) ≡ 0}; after
     * {@code q} fraction digits only zeros may follow, and only from {@code r = 0}. About {@code (q + 2) l}
     * states, at most {@link MultipleOf#MAX_STATES}.
     */
    private static Expr remainders(long l, int q, int maxStates) throws AutomatonSearch.OverBudget {
        long[] scale = new long[q + 1]; // scale[j] = 10^(q - j) mod l
        scale[q] = 1 % l;
        for (int j = q - 1; j >= 0; j--) {
            scale[j] = scale[j + 1] * 10 % l;
        }
        AutomatonSearch.Machine<Remainder> machine = new AutomatonSearch.Machine<>() {
            @Override
            public Remainder step(Remainder s, int cp) {
                int d = cp - '0';
                if (cp == '.') {
                    return s.phase == ZERO || s.phase == INTEGER ? new Remainder(AFTER_POINT, s.r) : null;
                }
                if (s.phase == START) {
                    return new Remainder(d == 0 ? ZERO : INTEGER, d % l);
                }
                if (s.phase == ZERO) {
                    return null; // no leading zeros
                }
                if (s.phase == INTEGER || s.phase - AFTER_POINT < q) {
                    return new Remainder(s.phase == INTEGER ? INTEGER : s.phase + 1, (10 * s.r + d) % l);
                }
                return d == 0 && s.r == 0 ? s : null; // past the q-th fraction digit: zeros only
            }

            @Override
            public boolean accepts(Remainder s) {
                if (s.phase == START || s.phase == AFTER_POINT) {
                    return false; // nothing read, or a point without digits
                }
                int j = s.phase < AFTER_POINT ? 0 : s.phase - AFTER_POINT;
                return BigInteger.valueOf(s.r).multiply(BigInteger.valueOf(scale[j])).mod(BigInteger.valueOf(l)).signum() == 0;
            }
        };
        Expr.Automaton a = AutomatonSearch.search(new Remainder(START, 0), DIGITS_AND_POINT, machine, maxStates);
        return a == null ? Exprs.NOTHING : a;
    }

    /** Non-negative multiples, unbounded: integer parts by their last {@code r} digits {@code a}, then the fractions. */
    private static Expr unbounded(BigInteger l, int q, int r) {
        if (l.equals(BigInteger.ONE)) {
            return Exprs.seq(Exprs.regex("0|[1-9][0-9]*"), Exprs.regex("(?:\\.[0-9]{1," + q + "}0*)?"));
        }
        BigInteger tenQ = BigInteger.TEN.pow(q);
        BigInteger tenR = BigInteger.TEN.pow(r);
        List<Expr> options = new ArrayList<>();
        for (BigInteger a = BigInteger.ZERO; a.compareTo(tenR) < 0; a = a.add(BigInteger.ONE)) {
            List<Expr> fractions = new ArrayList<>();
            BigInteger base = a.multiply(tenQ);
            // F ≡ -a * 10^q (mod l), 0 <= F < 10^q
            for (BigInteger f = base.negate().mod(l); f.compareTo(tenQ) < 0; f = f.add(l)) {
                fractions.add(fraction(f, q));
            }
            if (fractions.isEmpty()) {
                continue;
            }
            String tail = r == 0 ? "" : "0".repeat(r - a.toString().length()) + a;
            Expr integer = r == 0 ? Exprs.alt(Exprs.lit("0"), POSITIVE)
                    : Exprs.alt(Exprs.lit(a.toString()), Exprs.seq(POSITIVE, Exprs.lit(tail)));
            options.add(Exprs.seq(integer, Exprs.alt(fractions)));
        }
        return Exprs.alt(options);
    }

    /**
     * The spellings of the fraction whose first {@code q} digits are {@code f} (zero-padded) and the rest 0:
     * none or {@code .0...} for 0, else {@code .} the digits without trailing zeros, then any zeros.
     */
    static Expr fraction(BigInteger f, int q) {
        String digits = "0".repeat(q - f.toString().length()) + f;
        String w = digits.replaceAll("0+$", "");
        Expr zeros = Exprs.repeat(Exprs.lit("0"), 0, Expr.Repeat.UNBOUNDED);
        if (w.isEmpty()) {
            return Exprs.repeat(Exprs.seq(Exprs.lit("."), Exprs.repeat(Exprs.lit("0"), 1, Expr.Repeat.UNBOUNDED)), 0, 1);
        }
        return Exprs.seq(Exprs.lit("." + w), zeros);
    }

    /** {@code v * 10^q} rounded inward: up for a lower bound, down for an upper one; an exclusive integer bound moves by 1. */
    private static BigInteger scaled(BigDecimal v, BigInteger tenQ, boolean exclusive, boolean lower) {
        BigDecimal s = v.multiply(new BigDecimal(tenQ));
        BigInteger r = s.setScale(0, lower ? RoundingMode.CEILING : RoundingMode.FLOOR).toBigIntegerExact();
        if (exclusive && s.compareTo(new BigDecimal(r)) == 0) {
            r = lower ? r.add(BigInteger.ONE) : r.subtract(BigInteger.ONE);
        }
        return r;
    }

    private static BigInteger ceilDiv(BigInteger a, BigInteger k) {
        BigInteger[] qr = a.divideAndRemainder(k);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }
}
