package org.sampling4j.grammar.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.grammar.syntax.Expr;

/**
 * {@link RemainderNumerals}: its language against {@link BigInteger} arithmetic on every numeral up to
 * 5 digits (and leading-zero spellings) for small {@code k} and bounds, and its size: {@code k + 2} states
 * unbounded from 0, growing with the bound digits (k = 999: within the budget over 32-bit bounds, past it over
 * 64-bit ones), refused past the budget.
 */
@KernelIndependent
class RemainderNumeralsTest {
    @Test
    void everyShortNumeralIsJudgedByArithmetic() throws Exception {
        Random r = new Random(0x52E3);
        for (int t = 0; t < 40; t++) {
            BigInteger k = BigInteger.valueOf(1 + r.nextInt(30));
            BigInteger lo = BigInteger.valueOf(r.nextInt(4) == 0 ? 0 : r.nextInt(3000));
            BigInteger hi = r.nextInt(4) == 0 ? null : lo.add(BigInteger.valueOf(r.nextInt(90000)));
            Expr.Automaton a = (Expr.Automaton) RemainderNumerals.of(lo, hi, k, 100_000);
            for (int n = 0; n < 100_000; n += 1 + r.nextInt(3)) {
                BigInteger v = BigInteger.valueOf(n);
                boolean expected = v.mod(k).signum() == 0 && v.compareTo(lo) >= 0 && (hi == null || v.compareTo(hi) <= 0);
                assertEquals(expected, run(a, Integer.toString(n)), n + " k=" + k + " in " + lo + ".." + hi);
                if (n > 0 && n % 7 == 0) {
                    assertFalse(run(a, "0" + n), "leading zero: 0" + n);
                }
            }
        }
    }

    @Test
    void statesGrowWithKAndTheBoundDigits() throws Exception {
        assertEquals(9, states(BigInteger.ZERO, null, 7));
        assertEquals(1002, states(BigInteger.ZERO, null, 1000)); // 2^3 5^3 goes by its last digits in MultipleOf; the machine works too
        int oneSided = states(BigInteger.valueOf(1000), null, 999);
        int upper = states(BigInteger.ZERO, BigInteger.valueOf(1_000_000), 999);
        int twoSided = states(BigInteger.valueOf(123), BigInteger.valueOf(4_567_890), 999);
        int int32 = states(BigInteger.ZERO, BigInteger.valueOf(Integer.MAX_VALUE), 999);
        int int64 = states(BigInteger.ZERO, BigInteger.valueOf(Long.MAX_VALUE), 999);
        System.out.printf("remainder automaton states: k=7 unbounded 9; k=999 from 1000: %d; 0..10^6: %d; 123..4567890: %d;"
                + " 0..2^31-1: %d; 0..2^63-1: %d; k=97 0..2^63-1: %d%n", oneSided, upper, twoSided, int32, int64,
                states(BigInteger.ZERO, BigInteger.valueOf(Long.MAX_VALUE), 97));
        // few remainders are reachable in few digits, and few can still reach 0 with few digits left
        assertTrue(oneSided <= 2 * 999 + 1 && upper <= 2 * 999 && twoSided <= 2 * 999, oneSided + " " + upper + " " + twoSided);
        assertTrue(int32 <= MultipleOf.MAX_STATES && int64 > MultipleOf.MAX_STATES, int32 + " " + int64);
        assertEquals(10_001, states(BigInteger.ZERO, null, 9999)); // within the budget: every k <= 10,000 unbounded
        assertThrows(AutomatonSearch.OverBudget.class,
                () -> RemainderNumerals.of(BigInteger.ZERO, null, BigInteger.valueOf(10_007), MultipleOf.MAX_STATES));
    }

    private static int states(BigInteger lo, BigInteger hi, int k) throws Exception {
        return ((Expr.Automaton) RemainderNumerals.of(lo, hi, BigInteger.valueOf(k), 1_000_000)).states();
    }

    private static boolean run(Expr.Automaton a, String s) {
        int q = 0;
        for (int i = 0; i < s.length() && q >= 0; i++) {
            q = a.step(q, s.charAt(i));
        }
        return q >= 0 && a.accepts(q);
    }
}
