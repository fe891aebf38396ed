package org.sampling4j.internal;

/**
 * Number parsing for a {@link JsonReader}: checks the syntax of a number literal (no leading zeros, a digit
 * after '-', '.' and the exponent), remembers where it ends and whether it is an integer, and converts it.
 */
final class JsonNumbers {
    private final JsonInput input;
    private final JsonErrors errors;
    private int start;
    private int end;
    private boolean integer;

    JsonNumbers(JsonInput input, JsonErrors errors) {
        this.input = input;
        this.errors = errors;
    }

    /** Scans the number literal that starts at {@code from} and moves the cursor past it. */
    void scan(int from) throws JsonException {
        byte[] in = input.in;
        int limit = input.limit;
        int p = from;
        boolean isInteger = true;
        if (in[p] == '-') {
            p++;
        }
        if (!input.digitAt(p)) {
            throw errors.errorAt(p, "expected a digit after '-', got " + errors.describeAt(p));
        }
        if (in[p] == '0') {
            p++;
            if (input.digitAt(p)) {
                throw errors.errorAt(from, "expected a number without a leading zero, got " + errors.describeWord(from));
            }
        } else {
            while (input.digitAt(p)) {
                p++;
            }
        }
        if (p < limit && in[p] == '.') {
            isInteger = false;
            p++;
            if (!input.digitAt(p)) {
                throw errors.errorAt(p, "expected a digit after '.', got " + errors.describeAt(p));
            }
            while (input.digitAt(p)) {
                p++;
            }
        }
        if (p < limit && (in[p] == 'e' || in[p] == 'E')) {
            isInteger = false;
            p++;
            if (p < limit && (in[p] == '+' || in[p] == '-')) {
                p++;
            }
            if (!input.digitAt(p)) {
                throw errors.errorAt(p, "expected a digit in the exponent, got " + errors.describeAt(p));
            }
            while (input.digitAt(p)) {
                p++;
            }
        }
        start = from;
        end = p;
        integer = isInteger;
        input.pos = p;
    }

    /** Whether the last number scanned has neither fraction nor exponent. */
    boolean isInteger() {
        return integer;
    }

    /** The last number scanned, as written. */
    String literal() {
        return input.ascii(start, end);
    }

    /** The last number scanned, an integer; an error says it expected {@code what} in long range. */
    long longValue(String what) throws JsonException {
        byte[] in = input.in;
        int p = start;
        boolean negative = in[p] == '-';
        if (negative) {
            p++;
        }
        if (end - p <= 18) {
            long v = 0;
            for (; p < end; p++) {
                v = v * 10 + (in[p] - '0');
            }
            return negative ? -v : v;
        }
        String literal = literal();
        try {
            return Long.parseLong(literal);
        } catch (NumberFormatException e) {
            throw errors.errorAt(start, "expected " + what + " in long range, got " + literal);
        }
    }
}
