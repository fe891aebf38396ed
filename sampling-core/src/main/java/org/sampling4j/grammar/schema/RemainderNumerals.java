package org.sampling4j.grammar.schema;

import java.math.BigInteger;
import org.sampling4j.grammar.syntax.Expr;

/**
 * The decimal numerals {@code 0|[1-9][0-9]*} of the multiples of {@code k} in {@code lo..hi}, as one
 * {@link Expr.Automaton}: exact for every {@code k} and every range, at a cost in states.
 *
 * <p><b>Why an automaton.</b> Reading a numeral left to right, its remainder moves
 * {@code r -> (10 r + d) mod k}; the numerals divisible by {@code k} are those that end at
 * {@code r = 0}. That is a {@code k}-state machine, but as an expression tree it has to be unrolled
 * (there is no small regular expression for "divisible by 7"), so it is handed to the engine with
 * its states shared.
 *
 * <p><b>Bounds.</b> A state also says how the digits read so far stand against the bounds, by length
 * first and then digit by digit: still equal to the bound's first digits ("tight"), or already decided,
 * in which case all that matters is how many more digits the numeral needs (to reach {@code lo}) or may
 * take (to stay under {@code hi}). So {@code 4} read against {@code hi = 500} is "at most 2 more digits"
 * and {@code 6} is "at most 1 more": a state is {@code (r, lo-part, hi-part)}, each with up to 10 digit
 * moves. Unbounded above with {@code lo = 0} it is {@code k + 2} states; with bounds the product could be
 * {@code k} per bound digit, but after {@code j} digits at most {@code 10^j} remainders are reachable and
 * with {@code j} digits left at most {@code 10^j} can still reach 0, so (measured, trimmed) {@code k = 999}
 * over {@code 0..10^6} has 1,112 states, over {@code 0..2147483647} 4,327 and over {@code 0..2^63-1} 14,035.
 */
final class RemainderNumerals {
    /** A state: the start, after a lone {@code 0}, or a numeral with remainder {@code r} and its bound parts. */
    private record State(int kind, long r, int lo, int hi) {
    }

    private static final int START = 0;
    private static final int ZERO = 1;
    private static final int NUMBER = 2;
    /** The hi part of a state without an upper bound. */
    private static final int UNBOUNDED = Integer.MIN_VALUE;
    private static final int[] DIGITS = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'};
    /** Largest {@code k} the machine computes with: {@code 10 r + 9} must fit in a long. */
    static final BigInteger MAX_K = BigInteger.valueOf(Long.MAX_VALUE / 16);

    private final long k;
    private final String lo;
    private final String hi;

    /*
     * Parts of a state. lo part: p >= 0 = still equal to lo's first p digits; -1 - need otherwise (need = how
     * many more digits the numeral must have; -1 = none, lo is met). hi part: p >= 0 = still equal to hi's first
     * p digits; -1 - more otherwise (more = how many more digits it may have); UNBOUNDED without an upper bound.
     */

    private RemainderNumerals(long k, BigInteger lo, BigInteger hi) {
        this.k = k;
        this.lo = lo.signum() == 0 ? "" : lo.toString();
        this.hi = hi == null ? null : hi.toString();
    }

    /**
     * The multiples of {@code k} in {@code lo..hi} ({@code 0 <= lo <= hi}; {@code hi == null}: unbounded), or
     * {@link Exprs#NOTHING} if there is none.
     *
     * @throws AutomatonSearch.OverBudget if the machine reaches more than {@code budget} states
     */
    static Expr of(BigInteger lo, BigInteger hi, BigInteger k, int budget) throws AutomatonSearch.OverBudget {
        if (k.signum() <= 0 || k.compareTo(MAX_K) > 0 || lo.signum() < 0 || hi != null && hi.compareTo(lo) < 0) {
            throw new IllegalArgumentException("remainder numerals: need 0 < k <= " + MAX_K + " and 0 <= lo <= hi, got k "
                    + k + ", " + lo + ".." + hi);
        }
        RemainderNumerals m = new RemainderNumerals(k.longValueExact(), lo, hi);
        Expr.Automaton a = AutomatonSearch.search(new State(START, 0, 0, 0), DIGITS, new AutomatonSearch.Machine<>() {
            @Override
            public State step(State s, int cp) {
                return m.step(s, cp - '0');
            }

            @Override
            public boolean accepts(State s) {
                return m.accepts(s);
            }
        }, budget);
        return a == null ? Exprs.NOTHING : a;
    }

    private State step(State s, int d) {
        if (s.kind == ZERO) {
            return null; // no leading zeros
        }
        if (s.kind == START) {
            if (d == 0) {
                return lo.isEmpty() ? new State(ZERO, 0, 0, 0) : null;
            }
            return number(0, lo.isEmpty() ? -1 : 0, hi == null ? UNBOUNDED : 0, d);
        }
        return number(s.r, s.lo, s.hi, d);
    }

    /** The state after digit {@code d} from remainder {@code r} and the bound parts {@code l}, {@code h}. */
    private State number(long r, int l, int h, int d) {
        int nl;
        if (l >= 0) {
            int c = d - (lo.charAt(l) - '0');
            int rest = lo.length() - l - 1; // digits of lo after this one
            // equal: still tight (lo met once all its digits are matched); greater: as many digits as lo
            // suffice; smaller: the numeral must be longer than lo
            nl = c == 0 ? (rest == 0 ? -1 : l + 1) : -1 - (c > 0 ? rest : rest + 1);
        } else {
            nl = Math.min(-1, l + 1);
        }
        int nh;
        if (h == UNBOUNDED) {
            nh = UNBOUNDED;
        } else if (h >= 0) {
            int c = d - (hi.charAt(h) - '0');
            int rest = hi.length() - h - 1;
            if (c == 0) {
                nh = rest == 0 ? -1 : h + 1;
            } else {
                int more = c < 0 ? rest : rest - 1; // greater: the numeral must be shorter than hi
                if (more < 0) {
                    return null;
                }
                nh = -1 - more;
            }
        } else {
            if (h == -1) {
                return null; // no more digits allowed
            }
            nh = h + 1;
        }
        if (nl < -1 && nh != UNBOUNDED && nh < 0 && -1 - nl > -1 - nh) {
            return null; // needs more digits than it may take
        }
        return new State(NUMBER, (10 * r + d) % k, nl, nh);
    }

    private boolean accepts(State s) {
        return s.kind == ZERO || s.kind == NUMBER && s.r == 0 && s.lo == -1;
    }
}
