package org.sampling4j.processor;

import java.util.Arrays;
import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.chain.TokenCounter;
import org.sampling4j.internal.Canonical;

/**
 * DRY, "don't repeat yourself": penalises the tokens that would extend a repetition of earlier
 * text, more steeply the longer the repetition.
 *
 * <p><b>Formula.</b> over the last {@code lastN} tokens h (prompt and generated; 0 = all): for
 * each earlier position j, let L(j) be the length of the longest common suffix of
 * {@code h[0..j]} and h, capped at the number of tokens since the last sequence breaker. The token
 * that followed, {@code h[j+1]}, would extend a repetition of length L(j); with {@code L} its
 * largest such length, if {@code L >= allowedLength} then
 * {@code x -= multiplier * base^(L - allowedLength)} (exponent capped so the penalty stays finite).
 * L is computed for all j at once with the Z-function of the reversed window, O(window).
 * <p><b>Parameters.</b> {@link #DRY_MULTIPLIER multiplier} in [0, +Inf), 0 disables (no step is added;
 * the processor then changes nothing); {@link #DRY_BASE base} in [1, +Inf), llama.cpp default 1.75;
 * {@link #DRY_ALLOWED_LENGTH allowedLength} in [0, +Inf), default 2; {@link #DRY_PENALTY_LAST_N lastN} in
 * [0, +Inf), 0 = the whole sequence (llama.cpp's -1; its 0, "disabled", is not adding the step);
 * sequence breakers as token-id sequences: a repetition never extends back over the last place
 * where a breaker occurs.
 * <p><b>Reference.</b> llama.cpp {@code llama_sampler_init_dry} (p-e-w's DRY for
 * text-generation-webui, koboldcpp). Differs: breakers are token ids (llama.cpp tokenizes breaker
 * strings and also matches a breaker's leading tokens at the very end of the text).
 * <p><b>Cost per call.</b> O(window) time and a scratch array of the window's length, kept by the
 * workspace; O(distinct penalised tokens) writes into the row (a copy if it was borrowed).
 * <p><b>Example.</b> h = [1, 2, 3, 1, 2], allowed 2, multiplier 1, base 2: the suffix [1, 2]
 * occurred before, followed by 3: {@code x[3] -= 1 * 2^0 = 1}.
 */
public final class DryProcessor implements LogitsProcessor {
    /** The penalty of a repetition of exactly allowedLength tokens. */
    public static final Setting DRY_MULTIPLIER = Setting.atLeast("dryMultiplier", 0).byDefault(0).offAt(0)
            .note("0 disables DRY");
    /** How fast the penalty grows with the repetition's length; llama.cpp's default 1.75. */
    public static final Setting DRY_BASE = Setting.atLeast("dryBase", 1).byDefault(1.75);
    /** The longest repetition left unpenalised; llama.cpp's default 2. */
    public static final Setting DRY_ALLOWED_LENGTH = Setting.atLeast("dryAllowedLength", 0).integer().byDefault(2);
    /** The window of tokens searched for repetitions. */
    public static final Setting DRY_PENALTY_LAST_N = Setting.atLeast("dryPenaltyLastN", 0).integer().byDefault(0)
            .note("0 means the whole sequence");
    /** The largest exponent whose power of {@code base} times the multiplier stays in float range. */
    private static final double FLOAT_MAX_LOG = Math.log(Float.MAX_VALUE);

    private final double multiplier;
    private final double base;
    private final int allowedLength;
    private final int lastN;
    private final int[][] breakers;

    /** Whether a chain built from params needs this step: a positive multiplier; otherwise it would change nothing. */
    public static boolean enabledBy(double multiplier) {
        return !DRY_MULTIPLIER.isOff(multiplier);
    }

    /**
     * @param multiplier [0, +Inf); @param base [1, +Inf); @param allowedLength [0, +Inf);
     * @param lastN [0, +Inf), 0 = whole sequence; @param breakers token-id sequences, each non-empty
     */
    public DryProcessor(double multiplier, double base, int allowedLength, int lastN, int[][] breakers) {
        this.multiplier = DRY_MULTIPLIER.check(multiplier);
        this.base = DRY_BASE.check(base);
        this.allowedLength = DRY_ALLOWED_LENGTH.check(allowedLength);
        this.lastN = DRY_PENALTY_LAST_N.check(lastN);
        this.breakers = new int[breakers.length][];
        for (int b = 0; b < breakers.length; b++) {
            if (breakers[b] == null || breakers[b].length == 0) {
                throw new IllegalArgumentException("drySequenceBreakers[" + b + "] is empty");
            }
            this.breakers[b] = breakers[b].clone();
        }
    }

    @Override
    public String name() {
        return "dry";
    }

    @Override
    public String parameters() {
        return Canonical.of(multiplier, base, allowedLength, lastN) + "," + Arrays.deepToString(breakers);
    }

    @Override
    public void apply(Candidates c, SequenceView state) {
        int length = state.length();
        int n = lastN == 0 ? length : Math.min(lastN, length);
        if (!enabledBy(multiplier) || n <= allowedLength || n < 2) {
            return;
        }
        int start = length - n;
        int limit = n - lastBreakerEnd(state, start, length); // tokens since the last breaker
        int[] scratch = c.scratch().historyInts(2 * n);
        zOfReversed(state, start, n, scratch);
        // Largest capped repetition per token that would extend one: scratch[n + k] for the k-th
        // distinct token of `tokens`.
        TokenCounter tokens = c.scratch().windowCounts();
        tokens.clear();
        for (int i = 1; i < n; i++) { // the earlier suffix ends at n - 1 - i, followed by token n - i
            int repeat = Math.min(scratch[i], limit);
            if (repeat >= allowedLength && repeat > 0) {
                int k = tokens.add(state.token(start + n - i));
                scratch[n + k] = tokens.countAt(k) == 1 ? repeat : Math.max(scratch[n + k], repeat);
            }
        }
        if (tokens.distinct() == 0) {
            return;
        }
        c.applyTemperature();
        double maxExponent = (FLOAT_MAX_LOG - Math.log(multiplier)) / Math.log(base);
        for (int k = 0; k < tokens.distinct(); k++) {
            int token = tokens.tokenAt(k);
            double exponent = base == 1 ? 0 : Math.min(scratch[n + k] - allowedLength, maxExponent);
            float penalty = (float) (multiplier * Math.pow(base, exponent));
            if (c.isDense()) {
                c.writableDenseValues()[token] -= penalty;
                continue;
            }
            int[] ids = c.ids();
            float[] values = c.values();
            for (int i = 0; i < c.size(); i++) {
                if (ids[i] == token) {
                    values[i] -= penalty;
                    c.markUnsorted();
                }
            }
        }
    }

    /** The window index just past the last breaker occurrence, 0 when none occurs. */
    private int lastBreakerEnd(SequenceView state, int start, int length) {
        int end = 0;
        for (int[] breaker : breakers) {
            for (int last = length - 1; last - breaker.length + 1 >= start; last--) {
                int k = breaker.length - 1;
                while (k >= 0 && state.token(last - (breaker.length - 1 - k)) == breaker[k]) {
                    k--;
                }
                if (k < 0) {
                    end = Math.max(end, last + 1 - start);
                    break;
                }
            }
        }
        return end;
    }

    /**
     * The Z-function of the window reversed: {@code z[i]} = length of the longest common prefix of
     * r and {@code r[i..]}, r[k] = window[n - 1 - k]; that is, the longest common suffix of the
     * window and its first n - i tokens.
     */
    static void zOfReversed(SequenceView state, int start, int n, int[] z) {
        z[0] = n;
        int left = 0;
        int right = 0;
        for (int i = 1; i < n; i++) {
            int k = i < right ? Math.min(right - i, z[i - left]) : 0;
            while (i + k < n && state.token(start + n - 1 - k) == state.token(start + n - 1 - i - k)) {
                k++;
            }
            z[i] = k;
            if (i + k > right) {
                left = i;
                right = i + k;
            }
        }
    }
}
