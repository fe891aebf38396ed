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
    /** The continuation bytes still due (low 4 bits) and the sequence's length (bits 4 on); 0 between characters. */
    private int utfNeed;
    private static final int NEED = 0xF;
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

    /**
     * The code points the character being read may still become, as range pairs written to
     * {@code out} (room for 6 ints); returns the number of pairs, or -1 when no character is half
     * read. {@code high}: a high surrogate decoded just before (an escaped pair read halfway), or -1.
     * Only well-formed characters are counted (no overlong form, no lone surrogate): the key classes
     * hold no others. After a backslash: any character; after {@code \\u} and {@code d} hex digits:
     * the units they begin, a high surrogate standing for its 1024 supplementary code points.
     */
    int pendingRanges(int high, int[] out) {
        int n = 0;
        if (high >= 0) {
            int base = 0x10000 + ((high - 0xD800) << 10);
            if (utfNeed != 0 || esc == 0 || esc == 1) {
                if (utfNeed != 0) {
                    return 0; // a raw character cannot complete an escaped surrogate pair
                }
                out[0] = base;
                out[1] = base + 0x3FF;
                return 1;
            }
            int lo = Math.max(unitLo(), 0xDC00);
            int hi = Math.min(unitHi(), 0xDFFF);
            if (lo > hi) {
                return 0;
            }
            out[0] = base + lo - 0xDC00;
            out[1] = base + hi - 0xDC00;
            return 1;
        }
        if (utfNeed != 0) {
            int need = utfNeed & NEED;
            int len = utfNeed >>> 4;
            int lo = utfAcc << (6 * need);
            int hi = lo + (1 << (6 * need)) - 1;
            lo = Math.max(lo, len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000);
            hi = Math.min(hi, len == 2 ? 0x7FF : len == 3 ? 0xFFFF : 0x10FFFF);
            return withoutSurrogates(lo, hi, out, 0);
        }
        if (esc == 1) {
            return withoutSurrogates(0, 0x10FFFF, out, 0);
        }
        if (esc >= 2) {
            n = withoutSurrogates(unitLo(), unitHi(), out, 0);
            int lo = Math.max(unitLo(), 0xD800);
            int hi = Math.min(unitHi(), 0xDBFF);
            if (lo <= hi) {
                out[2 * n] = 0x10000 + ((lo - 0xD800) << 10);
                out[2 * n + 1] = 0x10000 + ((hi - 0xD800) << 10) + 0x3FF;
                n++;
            }
            return n;
        }
        return -1;
    }

    /** The least UTF-16 unit a {@code \\u} escape read halfway (or not begun: after the backslash) may become. */
    private int unitLo() {
        return esc < 2 ? 0 : uacc << (4 * (6 - esc));
    }

    /** The greatest such unit. */
    private int unitHi() {
        return esc < 2 ? 0xFFFF : unitLo() + (1 << (4 * (6 - esc))) - 1;
    }

    /** Writes {@code [lo, hi]} minus the surrogates as up to two pairs at pair {@code at}; returns the pairs now written. */
    private static int withoutSurrogates(int lo, int hi, int[] out, int at) {
        int n = at;
        if (lo <= Math.min(hi, 0xD7FF)) {
            out[2 * n] = lo;
            out[2 * n + 1] = Math.min(hi, 0xD7FF);
            n++;
        }
        if (Math.max(lo, 0xE000) <= hi) {
            out[2 * n] = Math.max(lo, 0xE000);
            out[2 * n + 1] = hi;
            n++;
        }
        return n;
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
            utfNeed--;
            if ((utfNeed & NEED) == 0) {
                utfNeed = 0;
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
            utfNeed = 4 << 4 | 3;
            utfAcc = b & 0x07;
        } else if (b >= 0xE0) {
            utfNeed = 3 << 4 | 2;
            utfAcc = b & 0x0F;
        } else if (b >= 0xC0) {
            utfNeed = 2 << 4 | 1;
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
