package org.sampling4j.chain;

import org.sampling4j.internal.Range;

/**
 * One numeric setting of a processor or picker, declared once, beside the class that reads it:
 * its {@code SamplingParams} field name, its range with the note that says what special values
 * mean, its default, and the values that turn its step off. {@code SamplingParams} validates and
 * defaults from the declaration, the processor's constructor checks with it and its
 * {@code enabledBy} rule reads its off value, so a value one accepts the other accepts, and a value
 * one refuses both refuse with the same message: {@code topP = 1.5 is outside (0, 1]; 1 disables
 * top-p}.
 *
 * <pre>{@code
 * public static final Setting TOP_P = Setting.openClosed("topP", 0, 1).byDefault(1).offAt(1)
 *         .note("1 disables top-p");
 * }</pre>
 *
 * <p>Immutable: each wither returns a new setting. A setting without an off value configures a
 * step that another setting turns on (top-p's {@code minKeep}). {@code docs/parameters.md} lists
 * every setting of the built-in processors.
 */
public final class Setting {
    /** Which values turn the step off. */
    private enum Off { NONE, AT, AT_MOST, BELOW, ABOVE }

    private final String name;
    private final Range range;
    private final String rangeText;
    private final boolean integer;
    private final boolean asFloat;
    private final double defaultValue;
    private final Off off;
    private final double offValue;
    private final String note;

    private Setting(String name, Range range, String rangeText, boolean integer, boolean asFloat, double defaultValue,
            Off off, double offValue, String note) {
        this.name = name;
        this.range = range.withNote(note);
        this.rangeText = rangeText;
        this.integer = integer;
        this.asFloat = asFloat;
        this.defaultValue = defaultValue;
        this.off = off;
        this.offValue = offValue;
        this.note = note;
        if (!Double.isNaN(defaultValue) && !accepts(defaultValue)) {
            throw new IllegalArgumentException(name + ": the default " + Range.format(defaultValue) + " is outside " + this.range);
        }
    }

    private static Setting of(String name, Range range) {
        return new Setting(name, range, range.toString(), false, false, Double.NaN, Off.NONE, Double.NaN, "");
    }

    /** A real setting in {@code [low, high]}. */
    public static Setting closed(String name, double low, double high) {
        return of(name, Range.closed(low, high));
    }

    /** A real setting in {@code (low, high]}. */
    public static Setting openClosed(String name, double low, double high) {
        return of(name, Range.openClosed(low, high));
    }

    /** A real setting in {@code [low, high)}. */
    public static Setting closedOpen(String name, double low, double high) {
        return of(name, Range.closedOpen(low, high));
    }

    /** A real setting in {@code [low, +Inf)}: finite values only. */
    public static Setting atLeast(String name, double low) {
        return of(name, Range.atLeast(low));
    }

    /** A real setting in {@code (low, +Inf)}: finite values only. */
    public static Setting greaterThan(String name, double low) {
        return of(name, Range.greaterThan(low));
    }

    /** A real setting that may be any finite value. */
    public static Setting finite(String name) {
        return of(name, Range.finite());
    }

    /** An int setting that may be any int. */
    public static Setting anyInt(String name) {
        return new Setting(name, Range.closed(Integer.MIN_VALUE, Integer.MAX_VALUE), "any int", true, false, Double.NaN,
                Off.NONE, Double.NaN, "");
    }

    /** The same range, for int values (set through an {@code int} builder method). */
    public Setting integer() {
        return new Setting(name, range, rangeText, true, asFloat, defaultValue, off, offValue, note);
    }

    /**
     * The same range for a value its reader keeps as a float: a value other than 0 that rounds to
     * float 0 is refused too.
     */
    public Setting asFloat() {
        return new Setting(name, range, rangeText + " (no positive value that underflows float)", integer, true, defaultValue, off,
                offValue, note);
    }

    /** The value {@code SamplingParams.builder()} starts from; must be in the range. */
    public Setting byDefault(double value) {
        return new Setting(name, range, rangeText, integer, asFloat, value, off, offValue, note);
    }

    /** {@code value} turns the step off: {@code enabledBy} is false exactly there. */
    public Setting offAt(double value) {
        return new Setting(name, range, rangeText, integer, asFloat, defaultValue, Off.AT, value, note);
    }

    /** Every value {@code <= value} turns the step off. */
    public Setting offAtMost(double value) {
        return new Setting(name, range, rangeText, integer, asFloat, defaultValue, Off.AT_MOST, value, note);
    }

    /** Every value {@code < value} turns the step off (llama.cpp's "negative disables"). */
    public Setting offBelow(double value) {
        return new Setting(name, range, rangeText, integer, asFloat, defaultValue, Off.BELOW, value, note);
    }

    /** Every value {@code > value} turns the step off. */
    public Setting offAbove(double value) {
        return new Setting(name, range, rangeText, integer, asFloat, defaultValue, Off.ABOVE, value, note);
    }

    /** What special values mean, appended to the error message: {@code "1 disables top-p"}. */
    public Setting note(String text) {
        return new Setting(name, range, rangeText, integer, asFloat, defaultValue, off, offValue, text);
    }

    /** The {@code SamplingParams} field (and builder method) that holds this setting. */
    public String name() {
        return name;
    }

    /** Whether the setting holds an int. */
    public boolean isInteger() {
        return integer;
    }

    /** The default, as a double. */
    public double defaultValue() {
        return defaultValue;
    }

    /** The default of an int setting. */
    public int defaultInt() {
        return (int) defaultValue;
    }

    /** Whether some value turns the step off. */
    public boolean hasOffValue() {
        return off != Off.NONE;
    }

    /** The value that turns the step off, or the bound of the values that do; NaN when none does. */
    public double offValue() {
        return offValue;
    }

    /** Whether {@code value} turns the step off (never for a setting without an off value). */
    public boolean isOff(double value) {
        switch (off) {
            case AT:
                return value == offValue;
            case AT_MOST:
                return value <= offValue;
            case BELOW:
                return value < offValue;
            case ABOVE:
                return value > offValue;
            default:
                return false;
        }
    }

    /** The lower end of the range, open or closed as {@link #range()} prints it ({@code -Inf} for none). */
    public double lowerBound() {
        return range.low();
    }

    /** The upper end of the range, open or closed as {@link #range()} prints it ({@code +Inf} for none). */
    public double upperBound() {
        return range.high();
    }

    /** Whether {@code value} is allowed; NaN never is. */
    public boolean accepts(double value) {
        return range.contains(value) && !underflowsFloat(value);
    }

    /**
     * Returns {@code value} if it is allowed.
     *
     * @throws IllegalArgumentException naming the field, the value, the range and the note
     */
    public double check(double value) {
        return checkAs(name, value);
    }

    /** As {@link #check(double)} for an int setting. */
    public int check(int value) {
        return checkAs(name, value);
    }

    /**
     * As {@link #check(double)}, naming {@code field} instead: for a request mapping whose key
     * spells the same setting in its API's vocabulary ({@code typical_p}).
     */
    public double checkAs(String field, double value) {
        range.check(field, value);
        if (underflowsFloat(value)) {
            throw new IllegalArgumentException(field + " = " + Range.format(value) + " underflows float"
                    + (note.isEmpty() ? "" : "; " + note));
        }
        return value;
    }

    /** As {@link #checkAs(String, double)} for an int setting. */
    public int checkAs(String field, int value) {
        checkAs(field, (double) value);
        return value;
    }

    private boolean underflowsFloat(double value) {
        return asFloat && value != 0 && (float) value == 0f;
    }

    /** The allowed values: {@code (0, 1]}, {@code [0, +Inf)}, {@code any int}. */
    public String range() {
        return rangeText;
    }

    /** What special values mean ({@code "1 disables top-p"}), empty when nothing needs saying. */
    public String note() {
        return note;
    }

    /** The values that turn the step off ({@code "1"}, {@code "<= 0"}, {@code "> 0.5"}), empty when none does. */
    public String disabledBy() {
        switch (off) {
            case AT:
                return Range.format(offValue);
            case AT_MOST:
                return "<= " + Range.format(offValue);
            case BELOW:
                return "< " + Range.format(offValue);
            case ABOVE:
                return "> " + Range.format(offValue);
            default:
                return "";
        }
    }

    /** {@code topP in (0, 1], default 1; 1 disables top-p}. */
    @Override
    public String toString() {
        return name + " in " + rangeText + ", default " + Range.format(defaultValue) + (note.isEmpty() ? "" : "; " + note);
    }
}
