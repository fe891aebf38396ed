package org.sampling4j.grammar.syntax;

import java.util.Arrays;

/**
 * The character-level part of {@link GbnfParser}: the text as code points, the cursor, and the
 * lexical rules of llama.cpp's {@code src/llama-grammar.cpp} ({@code parse_space}, {@code parse_name},
 * {@code parse_int}, {@code parse_char}), with 1-based line and column (in code points) for errors.
 *
 * <p>As in llama.cpp, whose parser reads a NUL-terminated C string, the text ends at its first
 * U+0000. Line breaks are {@code \n}, {@code \r\n} and a lone {@code \r}.
 */
final class GbnfScanner {
    /** What {@link #cur()} returns at the end of the text. */
    static final int END = -1;

    private final int[] cps;
    private final int[] lineStarts;
    int pos;

    GbnfScanner(String text) {
        int[] all = text.codePoints().toArray();
        int n = 0;
        while (n < all.length && all[n] != 0) {
            n++;
        }
        this.cps = Arrays.copyOf(all, n);
        int[] starts = new int[16];
        int lines = 1;
        for (int i = 0; i < n; i++) {
            boolean lineEnd = cps[i] == '\n' || (cps[i] == '\r' && (i + 1 >= n || cps[i + 1] != '\n'));
            if (lineEnd) {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                }
                starts[lines++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, lines);
    }

    int cur() {
        return at(pos);
    }

    int at(int i) {
        return i < cps.length ? cps[i] : END;
    }

    /** The code points {@code [from, to)} as a string. */
    String text(int from, int to) {
        return new String(cps, from, to - from);
    }

    boolean atEnd() {
        return pos >= cps.length;
    }

    /** 1-based line of code point index {@code i}. */
    int line(int i) {
        int k = Arrays.binarySearch(lineStarts, i);
        return (k >= 0 ? k : -k - 2) + 1;
    }

    /** 1-based column, in code points, of code point index {@code i}. */
    int column(int i) {
        return i - lineStarts[line(i) - 1] + 1;
    }

    SyntaxException invalid(int at, String reason) {
        return new SyntaxException(SyntaxException.Kind.INVALID, line(at), column(at), reason);
    }

    SyntaxException unsupported(int at, String reason) {
        return new SyntaxException(SyntaxException.Kind.UNSUPPORTED, line(at), column(at), reason);
    }

    /** "expecting X, found Y" at the cursor. */
    SyntaxException expecting(String what) {
        return invalid(pos, "expecting " + what + ", found " + describe(cur()));
    }

    static String describe(int c) {
        if (c == END) {
            return "end of input";
        }
        if (c == '\n') {
            return "a newline";
        }
        if (c == '\r') {
            return "a carriage return";
        }
        if (c < 0x20 || c == 0x7F) {
            return String.format("U+%04X", c);
        }
        return "'" + new String(Character.toChars(c)) + "'";
    }

    /** llama.cpp's {@code is_word_char}: rule names are {@code [a-zA-Z0-9-]+} (no underscore, whatever its README says). */
    static boolean isWordChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Skips blanks, tabs and {@code #} comments, and line breaks when {@code newlineOk} ({@code parse_space}). */
    void skipSpace(boolean newlineOk) {
        while (true) {
            int c = cur();
            if (c == ' ' || c == '\t' || (newlineOk && (c == '\r' || c == '\n'))) {
                pos++;
            } else if (c == '#') {
                while (!atEnd() && cur() != '\r' && cur() != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    /** A rule name at the cursor, or an error naming what was found. */
    String name() {
        int start = pos;
        while (isWordChar(cur())) {
            pos++;
        }
        if (pos == start) {
            throw expecting("a rule name ([a-zA-Z0-9-]+)");
        }
        return new String(cps, start, pos - start);
    }

    /**
     * A decimal integer at the cursor; {@code limit} is the largest value llama.cpp parses there
     * ({@code std::stoull} / {@code std::stoul}: 2^64 - 1), larger ones are an error as in llama.cpp.
     * Returns {@code Long.MAX_VALUE} for values that do not fit a long but are within the limit.
     */
    long integer() {
        int start = pos;
        java.math.BigInteger value = java.math.BigInteger.ZERO;
        while (isDigit(cur())) {
            pos++;
        }
        if (pos == start) {
            throw expecting("an integer");
        }
        value = new java.math.BigInteger(new String(cps, start, pos - start));
        if (value.bitLength() > 64) {
            throw invalid(start, "integer " + value + " is out of range (at most 2^64 - 1)");
        }
        return value.bitLength() > 63 ? Long.MAX_VALUE : value.longValue();
    }

    /**
     * One character of a literal or class ({@code parse_char}): a code point or an escape, exactly
     * llama.cpp's set: {@code \xXX \\uXXXX \UXXXXXXXX \t \r \n \\ \" \[ \] \-}. The value may lie
     * outside Unicode ({@code \UFFFFFFFF}); callers decide what such a value matches.
     */
    long character() {
        int start = pos;
        int c = cur();
        if (c == END) {
            throw expecting("a character");
        }
        if (c != '\\') {
            pos++;
            return c;
        }
        int e = at(pos + 1);
        pos += 2;
        switch (e) {
            case 'x':
                return hex(start, 2);
            case 'u':
                return hex(start, 4);
            case 'U':
                return hex(start, 8);
            case 't':
                return '\t';
            case 'r':
                return '\r';
            case 'n':
                return '\n';
            case '\\':
            case '"':
            case '[':
            case ']':
            case '-':
                return e;
            default:
                throw invalid(start, "unknown escape \\" + (e == END ? "" : new String(Character.toChars(e)))
                        + "; GBNF knows \\x \\u \\U \\t \\r \\n \\\\ \\\" \\[ \\] \\-");
        }
    }

    private long hex(int start, int digits) {
        long value = 0;
        for (int i = 0; i < digits; i++) {
            int d = Character.digit(cur(), 16);
            if (d < 0 || cur() > 'f') {
                throw invalid(start, "expecting " + digits + " hex digits after \\" + new String(Character.toChars(at(start + 1)))
                        + ", found " + describe(cur()));
            }
            value = value * 16 + d;
            pos++;
        }
        return value;
    }
}
