package org.sampling4j.grammar.engine;

/**
 * Decodes the bytes of one JSON string body for {@link JsonKeyTracker}: the two-character escapes,
 * {@code \\uXXXX} (a surrogate half stays a half, so an escaped pair decodes to the same UTF-16 as the
 * character written literally) and UTF-8 sequences, each decoded unit handed to
 * {@link JsonKeyTracker#append}. Four ints of state, written into and read back from the tracker's
 * mark, so rollback restores a string read halfway. Malformed input never throws: an unknown escape
 * or a stray continuation byte is skipped (the grammar, not this decoder, decides validity).
 */
final class JsonStringBytes {
    /** Ints written by {@link #mark}. */
    static final int MARK = 4;
    /** 0: none; 1: after a backslash; 2..5: reading hex digit {@code esc - 2} of {@code \\uXXXX}. */
    private int esc;
    private int uacc;
    private int utfNeed;
    private int utfAcc;

    /** At an opening quote. */
    void reset() {
        esc = 0;
        utfNeed = 0;
    }

    /** No escape and no UTF-8 sequence is half read. */
    boolean betweenCharacters() {
        return esc == 0 && utfNeed == 0;
    }

    /** Feeds one byte of the body; returns true at the closing quote (which decodes to nothing). */
    boolean feed(int b, JsonKeyTracker out) {
        if (esc == 1) {
            esc = 0;
            switch (b) {
                case '"', '\\', '/' -> out.append(b);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    esc = 2;
                    uacc = 0;
                }
                default -> {
                }
            }
            return false;
        }
        if (esc >= 2) {
            uacc = uacc * 16 + Character.digit(b, 16);
            if (++esc == 6) {
                esc = 0;
                out.append(uacc & 0xFFFF);
            }
            return false;
        }
        if (utfNeed > 0) {
            utfAcc = (utfAcc << 6) | (b & 0x3F);
            if (--utfNeed == 0) {
                if (utfAcc >= 0x10000) {
                    out.append(Character.highSurrogate(utfAcc));
                    out.append(Character.lowSurrogate(utfAcc));
                } else {
                    out.append(utfAcc);
                }
            }
            return false;
        }
        if (b == '"') {
            return true;
        }
        if (b == '\\') {
            esc = 1;
        } else if (b < 0x80) {
            out.append(b);
        } else if (b >= 0xF0) {
            utfNeed = 3;
            utfAcc = b & 0x07;
        } else if (b >= 0xE0) {
            utfNeed = 2;
            utfAcc = b & 0x0F;
        } else if (b >= 0xC0) {
            utfNeed = 1;
            utfAcc = b & 0x1F;
        }
        return false;
    }

    void mark(int[] into, int at) {
        into[at] = esc;
        into[at + 1] = uacc;
        into[at + 2] = utfNeed;
        into[at + 3] = utfAcc;
    }

    void restore(int[] from, int at) {
        esc = from[at];
        uacc = from[at + 1];
        utfNeed = from[at + 2];
        utfAcc = from[at + 3];
    }
}
