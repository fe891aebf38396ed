package org.sampling4j.grammar.syntax;

import java.util.Arrays;

/**
 * The lexical layer of {@link RegexParser}: the pattern as code points after Java's
 * {@code \Q...\E} removal (the same rewrite {@code Pattern.RemoveQEQuoting} does: quoted
 * metacharacters get a backslash, a quoted digit at the start becomes {@code \x3d}), a cursor,
 * the original position of every code point for error columns, and the escapes of
 * {@code java.util.regex.Pattern.escape} with default flags.
 */
final class RegexSource {
    /** {@link #escape} results that are not a code point. */
    static final int SET = -1;
    static final int BEGIN = -2;
    static final int END_ANCHOR = -3;

    final int[] t;
    final int len;
    private final int[] origin;
    int pos;
    /** The set of the last escape that returned {@link #SET}. */
    int[] set;

    RegexSource(String pattern) {
        int[] cps = pattern.codePoints().toArray();
        int[] out = new int[3 * cps.length + 2];
        int[] from = new int[out.length];
        int j = 0;
        int i = 0;
        while (i < cps.length) {
            if (cps[i] == '\\' && i + 1 < cps.length && cps[i + 1] == 'Q') {
                break;
            }
            boolean esc = cps[i] == '\\' && i + 1 < cps.length;
            from[j] = i;
            out[j++] = cps[i++];
            if (esc) {
                from[j] = i;
                out[j++] = cps[i++];
            }
        }
        if (i < cps.length) {
            i += 2;
            boolean inQuote = true;
            boolean beginQuote = true;
            while (i < cps.length) {
                int src = i;
                int c = cps[i++];
                if (c > 0x7F || Character.isLetter(c) && c < 0x80) {
                    from[j] = src;
                    out[j++] = c;
                } else if (c >= '0' && c <= '9') {
                    if (beginQuote) {
                        for (int k : new int[] {'\\', 'x', '3'}) {
                            from[j] = src;
                            out[j++] = k;
                        }
                    }
                    from[j] = src;
                    out[j++] = c;
                } else if (c != '\\') {
                    if (inQuote) {
                        from[j] = src;
                        out[j++] = '\\';
                    }
                    from[j] = src;
                    out[j++] = c;
                } else if (inQuote) {
                    if (i < cps.length && cps[i] == 'E') {
                        i++;
                        inQuote = false;
                    } else {
                        from[j] = src;
                        out[j++] = '\\';
                        from[j] = src;
                        out[j++] = '\\';
                    }
                } else if (i < cps.length && cps[i] == 'Q') {
                    i++;
                    inQuote = true;
                    beginQuote = true;
                    continue;
                } else {
                    from[j] = src;
                    out[j++] = c;
                    if (i < cps.length) {
                        from[j] = i;
                        out[j++] = cps[i++];
                    }
                }
                beginQuote = false;
            }
        }
        this.len = j;
        this.t = Arrays.copyOf(out, j + 2);
        this.origin = Arrays.copyOf(from, j + 1);
        this.origin[j] = cps.length;
    }

    int cur() {
        return t[pos];
    }

    boolean atEnd() {
        return pos >= len;
    }

    /** 1-based column (code points of the original pattern) of position {@code p}. */
    int column(int p) {
        return origin[Math.min(p, len)] + 1;
    }

    SyntaxException unsupported(int p, String reason) {
        return new SyntaxException(SyntaxException.Kind.UNSUPPORTED, 1, column(p), reason);
    }

    /**
     * Reads the escape whose backslash is at {@code pos}; returns its code point, or {@link #SET}
     * (the set in {@link #set}), {@link #BEGIN} ({@code \A \G}) or {@link #END_ANCHOR} ({@code \Z \z}).
     * {@code isRange}: {@code \v} is U+000B as a range end point, as in Java.
     */
    int escape(boolean inClass, boolean isRange) {
        int at = pos;
        int c = t[pos + 1];
        pos += 2;
        switch (c) {
            case '0': return octal();
            case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
            case 'k':
                throw unsupported(at, "backreference \\" + (char) c + ": not a regular language");
            case 'A': case 'G': return BEGIN;
            case 'Z': case 'z': return END_ANCHOR;
            case 'b': case 'B':
                throw unsupported(at, "word boundary \\" + (char) c);
            case 'R':
                throw unsupported(at, "linebreak matcher \\R (atomic, not expressible exactly)");
            case 'X':
                throw unsupported(at, "grapheme cluster \\X");
            case 'd': return set(RegexProperties.ASCII_DIGIT, false);
            case 'D': return set(RegexProperties.ASCII_DIGIT, true);
            case 'w': return set(RegexProperties.ASCII_WORD, false);
            case 'W': return set(RegexProperties.ASCII_WORD, true);
            case 's': return set(RegexProperties.ASCII_SPACE, false);
            case 'S': return set(RegexProperties.ASCII_SPACE, true);
            case 'h': return set(RegexProperties.HORIZONTAL, false);
            case 'H': return set(RegexProperties.HORIZONTAL, true);
            case 'v': return isRange ? 0x0B : set(RegexProperties.VERTICAL, false);
            case 'V': return set(RegexProperties.VERTICAL, true);
            case 'a': return 0x07;
            case 'e': return 0x1B;
            case 'f': return 0x0C;
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'c': return t[pos++] ^ 64;
            case 'x': return hex();
            case 'u': return unicode();
            case 'N': return named(at);
            default:
                if (c < 0x80 && Character.isLetter(c)) {
                    throw unsupported(at, "escape \\" + (char) c);
                }
                return c;
        }
    }

    private int set(int[] ranges, boolean negate) {
        set = negate ? CharRanges.complement(ranges) : ranges;
        return SET;
    }

    private int octal() {
        int n = t[pos] - '0';
        pos++;
        int m = t[pos] - '0';
        if (m < 0 || m > 7) {
            return n;
        }
        pos++;
        int o = t[pos] - '0';
        if (o >= 0 && o <= 7 && n <= 3) {
            pos++;
            return n * 64 + m * 8 + o;
        }
        return n * 8 + m;
    }

    private int hex() {
        if (t[pos] == '{') {
            pos++;
            int v = 0;
            while (t[pos] != '}') {
                v = v * 16 + Character.digit(t[pos++], 16);
            }
            pos++;
            return v;
        }
        int v = Character.digit(t[pos], 16) * 16 + Character.digit(t[pos + 1], 16);
        pos += 2;
        return v;
    }

    private int hex4() {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = v * 16 + Character.digit(t[pos++], 16);
        }
        return v;
    }

    private int unicode() {
        int n = hex4();
        if (Character.isHighSurrogate((char) n)) {
            int save = pos;
            if (t[pos] == '\\' && t[pos + 1] == 'u') {
                pos += 2;
                int low = hex4();
                if (Character.isLowSurrogate((char) low)) {
                    return Character.toCodePoint((char) n, (char) low);
                }
            }
            pos = save;
        }
        return n;
    }

    private int named(int at) {
        int start = pos + 1;
        int end = start;
        while (t[end] != '}') {
            end++;
        }
        pos = end + 1;
        try {
            return Character.codePointOf(new String(t, start, end - start));
        } catch (IllegalArgumentException e) {
            throw unsupported(at, "unknown character name");
        }
    }
}
