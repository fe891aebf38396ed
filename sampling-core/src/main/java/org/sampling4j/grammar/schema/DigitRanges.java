package org.sampling4j.grammar.schema;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.sampling4j.grammar.syntax.Expr;

/**
 * Numeric ranges as regular expressions over decimal digits: {@link #naturals} spells the
 * non-negative integers {@code lo..hi} without leading zeros ({@code 0} itself is {@code "0"}),
 * any size; {@link #fraction} spells the fraction digits whose value {@code 0.s} lies between two
 * bounds. The construction is the classic one: split by number of digits, then per digit
 * position into "same prefix, smaller/greater digit, free suffix" pieces, so the size is
 * linear in the number of digits of the bounds.
 */
final class DigitRanges {
    private static final Expr DIGIT = Exprs.range('0', '9');

    private DigitRanges() {
    }

    /** Decimal spellings of {@code lo..hi} ({@code hi == null}: unbounded), {@code 0 <= lo}; nothing when {@code lo > hi}. */
    static Expr naturals(BigInteger lo, BigInteger hi) {
        if (lo.signum() < 0) {
            throw new IllegalArgumentException("lo: " + lo + " is negative");
        }
        if (hi != null && lo.compareTo(hi) > 0) {
            return Exprs.NOTHING;
        }
        List<Expr> options = new ArrayList<>();
        String a = lo.toString();
        int maxLen = hi == null ? a.length() : hi.toString().length();
        for (int len = a.length(); len <= maxLen; len++) {
            String from = len == a.length() ? a : "1" + "0".repeat(len - 1);
            String to = hi != null && len == maxLen ? hi.toString() : "9".repeat(len);
            options.add(sameLength(from, to));
        }
        if (hi == null) {
            // every number longer than lo
            options.add(Exprs.seq(Exprs.range('1', '9'), Exprs.repeat(DIGIT, a.length(), Expr.Repeat.UNBOUNDED)));
        }
        return Exprs.alt(options);
    }

    /** Digit strings of one length from {@code from} to {@code to} (equal lengths, {@code from <= to}). */
    private static Expr sameLength(String from, String to) {
        int n = from.length();
        if (n == 0) {
            return Expr.EMPTY;
        }
        char f = from.charAt(0);
        char t = to.charAt(0);
        String fr = from.substring(1);
        String tr = to.substring(1);
        if (f == t) {
            return Exprs.seq(Exprs.lit(String.valueOf(f)), sameLength(fr, tr));
        }
        List<Expr> options = new ArrayList<>();
        boolean fromFull = fr.chars().allMatch(c -> c == '0');
        boolean toFull = tr.chars().allMatch(c -> c == '9');
        char midLo = fromFull ? f : (char) (f + 1);
        char midHi = toFull ? t : (char) (t - 1);
        if (!fromFull) {
            options.add(Exprs.seq(Exprs.lit(String.valueOf(f)), sameLength(fr, "9".repeat(n - 1))));
        }
        if (midLo <= midHi) {
            options.add(Exprs.seq(Exprs.range(midLo, midHi), Exprs.repeat(DIGIT, n - 1, n - 1)));
        }
        if (!toFull) {
            options.add(Exprs.seq(Exprs.lit(String.valueOf(t)), sameLength("0".repeat(n - 1), tr)));
        }
        return Exprs.alt(options);
    }

    /**
     * Fraction digit strings {@code s} (possibly empty, meaning value 0) with {@code lo <= 0.s <= hi}, as
     * {@link Frac}: whether the empty string qualifies and the non-empty ones. {@code lo}/{@code hi} are the
     * canonical fraction digits of the bounds (no trailing zeros; {@code ""} is 0; {@code hi == null}: 1,
     * exclusive, i.e. no upper bound below the next integer); the flags say whether a bound is inclusive.
     */
    static Frac fraction(String lo, boolean loIncl, String hi, boolean hiIncl) {
        boolean emptyOk = lo.isEmpty() && loIncl && (hi == null || !hi.isEmpty() || hiIncl);
        if (hi != null && lo.equals(hi)) {
            // a single value: lo followed by zeros
            if (!(loIncl && hiIncl)) {
                return new Frac(false, Exprs.NOTHING);
            }
            Expr zeros = Exprs.repeat(Exprs.lit("0"), 0, Expr.Repeat.UNBOUNDED);
            return lo.isEmpty() ? new Frac(true, Exprs.repeat(Exprs.lit("0"), 1, Expr.Repeat.UNBOUNDED))
                    : new Frac(false, Exprs.seq(Exprs.lit(lo), zeros));
        }
        if (lo.isEmpty() && hi == null) {
            // every fraction (>= 0), or every one with a non-zero digit (> 0)
            Expr any = Exprs.repeat(DIGIT, 0, Expr.Repeat.UNBOUNDED);
            return loIncl ? new Frac(true, Exprs.repeat(DIGIT, 1, Expr.Repeat.UNBOUNDED))
                    : new Frac(false, Exprs.seq(any, Exprs.range('1', '9'), any));
        }
        int l1 = lo.isEmpty() ? 0 : lo.charAt(0) - '0';
        int h1 = hi == null ? 10 : hi.isEmpty() ? 0 : hi.charAt(0) - '0';
        String lr = lo.isEmpty() ? "" : lo.substring(1);
        List<Expr> options = new ArrayList<>();
        if (hi != null && l1 == h1) {
            Frac rest = fraction(lr, loIncl, hi.substring(1), hiIncl);
            options.add(Exprs.seq(Exprs.lit(String.valueOf((char) ('0' + l1))), rest.any()));
            return new Frac(emptyOk, Exprs.alt(options));
        }
        // first digit l1, rest >= lr; first digit strictly between; first digit h1, rest <= hr
        options.add(Exprs.seq(Exprs.lit(String.valueOf((char) ('0' + l1))), fraction(lr, loIncl, null, false).any()));
        if (l1 + 1 <= h1 - 1) {
            options.add(Exprs.seq(Exprs.range('0' + l1 + 1, '0' + h1 - 1), Exprs.repeat(DIGIT, 0, Expr.Repeat.UNBOUNDED)));
        }
        if (hi != null) {
            options.add(Exprs.seq(Exprs.lit(String.valueOf((char) ('0' + h1))), fraction("", true, hi.substring(1), hiIncl).any()));
        }
        return new Frac(emptyOk, Exprs.alt(options));
    }

    /** A fraction-digit language: whether the empty digit string is in it, and its non-empty strings. */
    record Frac(boolean empty, Expr nonEmpty) {
        /** All its strings, the empty one included where it belongs. */
        Expr any() {
            return empty ? Exprs.alt(Expr.EMPTY, nonEmpty) : nonEmpty;
        }

        /** The spelling after an integer part: nothing (value 0) where allowed, else {@code .} and digits. */
        Expr afterPoint() {
            Expr dotted = Exprs.isNothing(nonEmpty) ? Exprs.NOTHING : Exprs.seq(Exprs.lit("."), nonEmpty);
            return empty ? Exprs.alt(Expr.EMPTY, dotted) : dotted;
        }
    }
}
