package org.sampling4j.grammar.schema;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.sampling4j.grammar.syntax.Expr;

/**
 * Non-negative integers in a range that are multiples of {@code k}, spelled in decimal.
 *
 * <p><b>Construction and budget.</b> (1) {@code k = 1}: the range itself ({@link DigitRanges}).
 * (2) {@code k = 2^x * 5^y} with {@code m = max(x, y) <= }{@link #MAX_SUFFIX_DIGITS}: a bounded range
 * holding at most {@link #MAX_LISTED} multiples lists them; otherwise {@code k} divides {@code 10^m},
 * so {@code n} is a multiple iff its last {@code m} digits are; numbers below {@code 10^m} are listed,
 * larger ones are a range of prefixes {@code P} (from {@link DigitRanges}) followed by the
 * {@code m}-digit multiples, the first and last prefix with their partial residue lists (a handful of
 * literals where a remainder automaton would have {@code k} states). (3) Any other {@code k}: the
 * remainder automaton times the range ({@link RemainderNumerals}), an {@code Expr.Automaton} of
 * {@code k + 2} states over an unbounded range, more with bounds (about {@code k} per bound digit beyond
 * the first {@code 2 log10 k}; measured: {@code k = 999} has 4,327 states over {@code 0..2147483647} and
 * 14,035 over {@code 0..2^63-1}, {@code k = 97} has 1,574 there), at most {@link #MAX_STATES}: every
 * {@code k <= 10^4} unbounded, every {@code k <= 1000} within 32-bit bounds, small {@code k} within any.
 * Past the budget, a bounded range holding at most {@link #MAX_LISTED} multiples lists them; anything
 * else is refused as UNSUPPORTED at {@code /multipleOf}, naming the number and the limit.
 */
final class MultipleOf {
    /** Most multiples a bounded range may list. */
    static final int MAX_LISTED = 2000;
    /** Most trailing digits the 2^x 5^y construction uses ({@code k <= 10^4}). */
    static final int MAX_SUFFIX_DIGITS = 4;
    /**
     * Most remainder-automaton states of one schema, all its {@code multipleOf} keywords together
     * ({@link AutomatonBudget}): {@code k + 2} for an unbounded range, so every {@code k <= 10,000}. Each
     * costs about 20 byte-automaton states in the engine (one per digit move and its split), so this many
     * fit the default engine budget of 250,000 with room for the rest of a schema.
     */
    static final int MAX_STATES = 10_002;

    private MultipleOf() {
    }

    /**
     * Multiples of {@code k} in {@code lo..hi} ({@code 0 <= lo}; {@code hi == null}: unbounded); a remainder
     * automaton spends its states from {@code budget}.
     */
    static Expr naturals(BigInteger lo, BigInteger hi, BigInteger k, AutomatonBudget budget) {
        if (k.equals(BigInteger.ONE)) {
            return DigitRanges.naturals(lo, hi);
        }
        if (hi != null && lo.compareTo(hi) > 0) {
            return Exprs.NOTHING;
        }
        BigInteger first = ceilDiv(lo, k).multiply(k);
        boolean fewListed = hi != null && hi.subtract(first).divide(k).compareTo(BigInteger.valueOf(MAX_LISTED)) < 0;
        int m = suffixDigits(k);
        if (m < 0 || m > MAX_SUFFIX_DIGITS) {
            if (k.compareTo(RemainderNumerals.MAX_K) <= 0) {
                try {
                    Expr a = RemainderNumerals.of(lo, hi, k, budget.left());
                    budget.spend(a instanceof Expr.Automaton x ? x.states() : 0);
                    return a;
                } catch (AutomatonSearch.OverBudget e) {
                    // too many states: a short list may still do
                }
            }
            if (fewListed) {
                return listed(first, hi, k, -1);
            }
            throw new SchemaException(SchemaException.Kind.UNSUPPORTED, "/multipleOf", "multipleOf " + k
                    + " over " + (hi == null ? "the integers from " + lo : "the integers " + lo + ".." + hi)
                    + " needs more than " + budget.left() + " automaton states (k + 2 unbounded, more with long bounds; "
                    + budget.limit() + ") and the range holds more than " + MAX_LISTED + " multiples to list");
        }
        if (fewListed) {
            return listed(first, hi, k, -1);
        }
        BigInteger tenM = BigInteger.TEN.pow(m);
        List<Expr> options = new ArrayList<>();
        if (lo.compareTo(tenM) < 0) {
            BigInteger top = hi == null || hi.compareTo(tenM) >= 0 ? tenM.subtract(BigInteger.ONE) : hi;
            options.add(listed(first, top, k, -1));
        }
        BigInteger from = lo.max(tenM);
        if (hi == null || from.compareTo(hi) <= 0) {
            BigInteger pLo = from.divide(tenM);
            BigInteger rLo = from.mod(tenM);
            BigInteger pHi = hi == null ? null : hi.divide(tenM);
            BigInteger rHi = hi == null ? null : hi.mod(tenM);
            BigInteger maxR = tenM.subtract(BigInteger.ONE);
            if (pHi != null && pLo.equals(pHi)) {
                options.add(Exprs.seq(Exprs.lit(pLo.toString()), listed(ceilDiv(rLo, k).multiply(k), rHi, k, m)));
            } else {
                options.add(Exprs.seq(Exprs.lit(pLo.toString()), listed(ceilDiv(rLo, k).multiply(k), maxR, k, m)));
                Expr middle = DigitRanges.naturals(pLo.add(BigInteger.ONE), pHi == null ? null : pHi.subtract(BigInteger.ONE));
                if (!Exprs.isNothing(middle)) {
                    options.add(Exprs.seq(middle, listed(BigInteger.ZERO, maxR, k, m)));
                }
                if (pHi != null) {
                    options.add(Exprs.seq(Exprs.lit(pHi.toString()), listed(BigInteger.ZERO, rHi, k, m)));
                }
            }
        }
        return Exprs.alt(options);
    }

    /** {@code m} with {@code k | 10^m} minimal, or -1 if {@code k} has a prime factor other than 2 and 5. */
    static int suffixDigits(BigInteger k) {
        int twos = k.getLowestSetBit();
        BigInteger rest = k.shiftRight(twos);
        int fives = 0;
        BigInteger five = BigInteger.valueOf(5);
        while (rest.mod(five).signum() == 0) {
            rest = rest.divide(five);
            fives++;
        }
        return rest.equals(BigInteger.ONE) ? Math.max(twos, fives) : -1;
    }

    /**
     * The multiples of {@code k} from {@code first} (itself a multiple) to {@code hi}, each spelled plainly
     * ({@code width < 0}) or zero-padded to {@code width} digits; at most {@link #MAX_LISTED} of them.
     */
    private static Expr listed(BigInteger first, BigInteger hi, BigInteger k, int width) {
        List<Expr> options = new ArrayList<>();
        for (BigInteger n = first; n.compareTo(hi) <= 0; n = n.add(k)) {
            String s = n.toString();
            options.add(Exprs.lit(width < 0 ? s : "0".repeat(width - s.length()) + s));
        }
        return Exprs.alt(options);
    }

    private static BigInteger ceilDiv(BigInteger a, BigInteger k) {
        BigInteger[] qr = a.divideAndRemainder(k);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }
}
