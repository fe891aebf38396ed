package org.sampling4j.internal;

/**
 * An interval of allowed parameter values that both tests a value and phrases the error, so the
 * check and its message cannot disagree: {@code topP = 1.5 is outside (0, 1]; 1 disables top-p}.
 */
public final class Range {
    private final double low;
    private final double high;
    private final boolean lowOpen;
    private final boolean highOpen;
    private final String note;

    private Range(double low, boolean lowOpen, double high, boolean highOpen, String note) {
        this.low = low;
        this.high = high;
        this.lowOpen = lowOpen;
        this.highOpen = highOpen;
        this.note = note;
    }

    /** {@code [low, high]}. */
    public static Range closed(double low, double high) {
        return new Range(low, false, high, false, "");
    }

    /** {@code (low, high]}. */
    public static Range openClosed(double low, double high) {
        return new Range(low, true, high, false, "");
    }

    /** {@code [low, high)}. */
    public static Range closedOpen(double low, double high) {
        return new Range(low, false, high, true, "");
    }

    /** {@code [low, +Inf)}, finite values only. */
    public static Range atLeast(double low) {
        return new Range(low, false, Double.POSITIVE_INFINITY, true, "");
    }

    /** {@code (low, +Inf)}, finite values only. */
    public static Range greaterThan(double low) {
        return new Range(low, true, Double.POSITIVE_INFINITY, true, "");
    }

    /** Every finite value. */
    public static Range finite() {
        return new Range(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, "");
    }

    /** The same interval with a note appended to its error message (what a special value means). */
    public Range withNote(String text) {
        return new Range(low, lowOpen, high, highOpen, text);
    }

    /** The lower end (open or closed). */
    public double low() {
        return low;
    }

    /** The upper end (open or closed). */
    public double high() {
        return high;
    }

    /** Whether {@code value} lies in the interval; NaN never does. */
    public boolean contains(double value) {
        boolean aboveLow = lowOpen ? value > low : value >= low;
        boolean belowHigh = highOpen ? value < high : value <= high;
        return aboveLow && belowHigh;
    }

    /**
     * Returns {@code value} if it is inside, else throws.
     *
     * @throws IllegalArgumentException naming the field, the value and the interval
     */
    public double check(String field, double value) {
        if (!contains(value)) {
            throw new IllegalArgumentException(field + " = " + format(value) + " is outside " + this
                    + (note.isEmpty() ? "" : "; " + note));
        }
        return value;
    }

    /** As {@link #check(String, double)} for an int parameter. */
    public int check(String field, int value) {
        check(field, (double) value);
        return value;
    }

    @Override
    public String toString() {
        return (lowOpen ? "(" : "[") + format(low) + ", " + format(high) + (highOpen ? ")" : "]");
    }

    /** A bound or value as the messages print it: {@code 1}, {@code 0.5}, {@code +Inf}, {@code NaN}. */
    public static String format(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "+Inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
