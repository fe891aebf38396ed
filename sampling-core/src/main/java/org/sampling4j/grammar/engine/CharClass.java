package org.sampling4j.grammar.engine;

import org.sampling4j.grammar.automaton.LazyDfa;

/**
 * A set of JSON string content characters that a counted string body reads alike ({@link CharChain}):
 * some printable ASCII characters (never {@code "}, {@code \\} or a control character, which JSON
 * escapes), and either every character outside ASCII or none. {@link #PLAIN} is all of them, what a
 * body with only {@code maxLength} / {@code minLength} reads; a {@code pattern} or {@code format}
 * under a length (an email's local part, {@code ^[a-z0-9_]{3,16}$}) reads a narrower class, and the
 * characters outside it are exits of the class's {@link CharPaths}, walked.
 */
final class CharClass {
    /** Fewest ASCII members of a class found by {@link #at} that is not {@link #wide}: below it the walk is cheap anyway. */
    static final int MIN_ASCII = 24;
    /** Every character JSON string content holds unescaped. */
    static final CharClass PLAIN = new CharClass(plainBits(0), plainBits(64), true);

    /** ASCII members: bit {@code c} of {@code lo} for {@code c < 64}, bit {@code c - 64} of {@code hi}. */
    final long lo;
    final long hi;
    /** Whether every character from U+0080 up is a member. */
    final boolean wide;

    CharClass(long lo, long hi, boolean wide) {
        this.lo = lo & plainBits(0);
        this.hi = hi & plainBits(64);
        this.wide = wide;
    }

    private static long plainBits(int from) {
        long bits = 0;
        for (int c = from; c < from + 64; c++) {
            if (c >= 0x20 && c != '"' && c != '\\') {
                bits |= 1L << (c - from);
            }
        }
        return bits;
    }

    /** Whether ASCII character {@code c < 128} is a member. */
    boolean hasAscii(int c) {
        return ((c < 64 ? lo >>> c : hi >>> (c - 64)) & 1) != 0;
    }

    /** The smallest ASCII member (a class from {@link #at} has one). */
    int firstAscii() {
        return lo != 0 ? Long.numberOfTrailingZeros(lo) : 64 + Long.numberOfTrailingZeros(hi);
    }

    /** Number of ASCII members. */
    int asciiCount() {
        return Long.bitCount(lo) + Long.bitCount(hi);
    }

    /**
     * The UTF-8 state of a path of members after byte {@code b} from state {@code u}, or -1 when
     * the path stops being one: {@link CharPaths#next} for the characters of this class.
     */
    int next(int u, int b) {
        if (u == 0 && b < 0x80) {
            return hasAscii(b) ? 0 : -1;
        }
        return u == 0 && !wide ? -1 : CharPaths.next(u, b);
    }

    /**
     * The class a chain from {@code d} may read: the ASCII content characters that lead to the
     * state most of them lead to (not DEAD), and every character outside ASCII (the caller,
     * {@link CharChain.Successors#classAt}, narrows it when those do not lead there too, and drops
     * a narrowed class of fewer than {@link #MIN_ASCII}); null when no character leads to a live
     * state or that state accepts. {@code target} receives each ASCII character's target
     * ({@link #majority}), so the caller can look at the state the class leads to.
     */
    static CharClass at(LazyDfa dfa, int d, int[] target) {
        int best = majority(dfa, d, target);
        if (best == LazyDfa.DEAD || dfa.acceptOf(best) != 0) {
            return null;
        }
        long lo = 0;
        long hi = 0;
        for (int c = 0x20; c < 0x80; c++) {
            if (target[c] == best) {
                if (c < 64) {
                    lo |= 1L << c;
                } else {
                    hi |= 1L << (c - 64);
                }
            }
        }
        return new CharClass(lo, hi, true);
    }

    /**
     * The state most printable ASCII content characters (not {@code "} or {@code \\}) lead to from
     * {@code d}, DEAD when none leads anywhere live; {@code target[c]} receives each character's
     * target (DEAD for the two left out). A string body's plain characters, with the few that
     * start an escape, a named key's spelling or a pattern's other branch apart.
     */
    static int majority(LazyDfa dfa, int d, int[] target) {
        int[] row = dfa.row(d);
        // the distinct live targets and how many characters lead to each
        int[] seen = new int[96];
        int[] count = new int[96];
        int distinct = 0;
        int best = LazyDfa.DEAD;
        int bestCount = 0;
        for (int c = 0x20; c < 0x80; c++) {
            int t = c == '"' || c == '\\' ? LazyDfa.DEAD : LazyDfa.target(dfa.move(row, d, c));
            target[c] = t;
            if (t == LazyDfa.DEAD) {
                continue;
            }
            int x = 0;
            while (x < distinct && seen[x] != t) {
                x++;
            }
            if (x == distinct) {
                seen[distinct++] = t;
            }
            if (++count[x] > bestCount) {
                best = t;
                bestCount = count[x];
            }
        }
        return best;
    }

    /** This class without the characters outside ASCII. */
    CharClass narrow() {
        return wide ? new CharClass(lo, hi, false) : this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharClass c && c.lo == lo && c.hi == hi && c.wide == wide;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(lo * 31 + hi) * 2 + (wide ? 1 : 0);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("[");
        for (int c = 0x20; c < 0x80; c++) {
            if (hasAscii(c)) {
                s.append((char) c);
            }
        }
        return s.append(wide ? "+wide]" : "]").toString();
    }
}
