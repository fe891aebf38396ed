package org.sampling4j.grammar.schema;

import java.util.Arrays;
import org.sampling4j.grammar.syntax.CharRanges;
import org.sampling4j.grammar.syntax.Expr;

/**
 * ECMA-262 {@code u}-mode escapes (22.2.1 AtomEscape, CharacterEscape, CharacterClassEscape) and
 * character classes (ClassRanges: ranges of single characters, class escapes as members, no set
 * operations) for {@link EcmaParser}, as code-point sets.
 *
 * <p><b>Safe against Java-regex validators.</b> Validators such as networknt hand the pattern to
 * {@code java.util.regex}, where {@code \s} is ASCII only, {@code \v} is all vertical whitespace and
 * {@code .} also excludes U+0085. The language of a pattern without lookaround grows with each of its
 * atomic sets, so each set here is the INTERSECTION of the two readings ({@code \s}: the ASCII six;
 * {@code .}: without U+0085), and inside a negated class the UNION (whose complement is then the
 * intersection): every string generated matches under both. An unescaped {@code [} or {@code &&} inside
 * a class, which Java reads as nesting / intersection, is UNSUPPORTED.
 */
final class EcmaClasses {
    /** {@code .}: every code point but LineTerminator (LF, CR, LS, PS). */
    static final int[] DOT = CharRanges.complement(CharRanges.normalize('\n', '\n', '\r', '\r', 0x2028, 0x2029));
    /** {@code .} under both readings: Java's also excludes U+0085 NEL. */
    static final int[] DOT_SAFE = CharRanges.complement(CharRanges.normalize('\n', '\n', '\r', '\r', 0x85, 0x85,
            0x2028, 0x2029));
    /** Java's {@code \s} (ASCII): TAB LF VT FF CR SP, a subset of ECMA's. */
    static final int[] JAVA_SPACE = CharRanges.normalize(0x09, 0x0D, 0x20, 0x20);
    /** {@code \s}: WhiteSpace (TAB VT FF SP NBSP ZWNBSP and Zs) and LineTerminator. */
    static final int[] SPACE = CharRanges.normalize(0x09, 0x0D, 0x20, 0x20, 0xA0, 0xA0, 0x1680, 0x1680,
            0x2000, 0x200A, 0x2028, 0x2029, 0x202F, 0x202F, 0x205F, 0x205F, 0x3000, 0x3000, 0xFEFF, 0xFEFF);
    static final int[] DIGIT = {'0', '9'};
    static final int[] WORD = {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'};
    /** SyntaxCharacter and '/', the identity escapes u mode allows (plus '-' inside a class). */
    private static final String IDENTITY = "^$\\.*+?()[]{}|/";
    private static final int SET = -1;

    private final EcmaParser p;
    private int[] set;
    /** Inside a negated class: sets take the union of the two readings, else their intersection. */
    private boolean wide;
    /** The last escape read was {@code \v}. */
    private boolean lastWasV;
    /** Java's {@code \v}: LF VT FF CR NEL LS PS. */
    static final int[] JAVA_VERTICAL = CharRanges.normalize(0x0A, 0x0D, 0x85, 0x85, 0x2028, 0x2029);

    EcmaClasses(EcmaParser p) {
        this.p = p;
    }

    /** An escape outside a class, the backslash at the cursor. */
    Expr atomEscape() {
        int at = p.pos;
        int c = p.pos + 1 < p.t.length ? p.t[p.pos + 1] : -1;
        if (c >= '1' && c <= '9' || c == 'k') {
            throw p.unsupported(at, "backreference: not a regular language");
        }
        wide = false;
        int v = escape(false);
        if (v == SET) {
            return new Expr.Chars(set);
        }
        return Exprs.lit(new String(Character.toChars(v)));
    }

    /** A class {@code [...]}, the bracket at the cursor. */
    int[] parseClass() {
        int at = p.pos;
        p.pos++;
        boolean negated = false;
        if (p.cur() == '^') {
            negated = true;
            p.pos++;
        }
        wide = negated;
        int[] acc = new int[0];
        while (p.cur() != ']') {
            if (p.cur() < 0) {
                throw p.invalid(at, "unclosed character class");
            }
            if (p.cur() == '[' || p.cur() == '&' && p.pos + 1 < p.t.length && p.t[p.pos + 1] == '&') {
                throw p.unsupported(p.pos, "unescaped " + (p.cur() == '[' ? "[" : "&&") + " inside a class: a literal in "
                        + "ECMA-262, nesting / intersection in java.util.regex (which validators use); escape it");
            }
            int itemAt = p.pos;
            lastWasV = false;
            int lo = classAtom();
            boolean range = p.cur() == '-' && p.pos + 1 < p.t.length && p.t[p.pos + 1] != ']';
            int[] loSet = set;
            if (lastWasV && wide && !range) {
                lo = SET;
                loSet = JAVA_VERTICAL;
            }
            if (range) {
                p.pos++;
                int hi = classAtom();
                if (lo == SET || hi == SET) {
                    throw p.invalid(itemAt, "class escape as a range end point");
                }
                if (hi < lo) {
                    throw p.invalid(itemAt, "range out of order in character class");
                }
                acc = union(acc, CharRanges.normalize(lo, hi));
            } else {
                acc = union(acc, lo == SET ? loSet : CharRanges.normalize(lo, lo));
            }
        }
        p.pos++;
        return negated ? CharRanges.complement(acc) : acc;
    }

    private int classAtom() {
        int c = p.cur();
        if (c == '\\') {
            int e = p.pos + 1 < p.t.length ? p.t[p.pos + 1] : -1;
            if (e == 'b') {
                p.pos += 2;
                return 0x08;
            }
            if (e == '-') {
                p.pos += 2;
                return '-';
            }
            return escape(true);
        }
        p.pos++;
        return c;
    }

    /** Reads the escape at the cursor: a code point, or {@link #SET} with the set in {@link #set}. */
    private int escape(boolean inClass) {
        int at = p.pos;
        p.pos++;
        int c = p.cur();
        if (c < 0) {
            throw p.invalid(at, "\\ at end of pattern");
        }
        p.pos++;
        switch (c) {
            case 'd': return set(DIGIT, false);
            case 'D': return set(DIGIT, true);
            case 'w': return set(WORD, false);
            case 'W': return set(WORD, true);
            case 's': return set(wide ? SPACE : JAVA_SPACE, false);
            case 'S': return set(wide ? JAVA_SPACE : SPACE, true);
            case 'p': case 'P': return set(EcmaProperties.property(p, at), c == 'P');
            case 't': return '\t';
            case 'n': return '\n';
            case 'v':
                // ECMA: U+000B; Java: all vertical whitespace (but U+000B as a range end point)
                lastWasV = true;
                return 0x0B;
            case 'f': return '\f';
            case 'r': return '\r';
            case '0':
                if (p.cur() >= '0' && p.cur() <= '9') {
                    throw p.invalid(at, "octal escape (not allowed in u mode)");
                }
                return 0;
            case 'c': {
                int l = p.cur();
                if (!(l >= 'a' && l <= 'z' || l >= 'A' && l <= 'Z')) {
                    throw p.invalid(at, "\\c must be followed by an ASCII letter");
                }
                p.pos++;
                return l % 32;
            }
            case 'x': return hex(at, 2);
            case 'u': return unicode(at);
            default:
                if (IDENTITY.indexOf(c) >= 0) {
                    return c;
                }
                throw p.invalid(at, "escape \\" + new String(Character.toChars(c)) + " is not allowed in u mode"
                        + (inClass ? " inside a class" : ""));
        }
    }

    private int set(int[] ranges, boolean negate) {
        set = negate ? CharRanges.complement(ranges) : ranges;
        return SET;
    }

    private int hex(int at, int digits) {
        int v = 0;
        for (int i = 0; i < digits; i++) {
            int d = Character.digit(p.cur(), 16);
            if (p.cur() < 0 || p.cur() > 0x7F || d < 0) {
                throw p.invalid(at, "malformed hex escape");
            }
            v = v * 16 + d;
            p.pos++;
        }
        return v;
    }

    /** {@code \\uHHHH}, a surrogate pair of two such escapes, or {@code \\u{H...}}; a lone surrogate matches nothing. */
    private int unicode(int at) {
        if (p.cur() == '{') {
            p.pos++;
            long v = 0;
            int n = 0;
            while (p.cur() != '}') {
                int d = p.cur() < 0x80 ? Character.digit(p.cur(), 16) : -1;
                if (d < 0 || (v = v * 16 + d) > CharRanges.MAX) {
                    throw p.invalid(at, "malformed or too large \\u{...} escape");
                }
                p.pos++;
                n++;
            }
            p.pos++;
            if (n == 0) {
                throw p.invalid(at, "empty \\u{} escape");
            }
            return checkNotSurrogate(at, (int) v);
        }
        int v = hex(at, 4);
        if (Character.isHighSurrogate((char) v) && p.cur() == '\\' && p.pos + 1 < p.t.length && p.t[p.pos + 1] == 'u') {
            int save = p.pos;
            p.pos += 2;
            int low = hex(at, 4);
            if (Character.isLowSurrogate((char) low)) {
                return Character.toCodePoint((char) v, (char) low);
            }
            p.pos = save;
        }
        return checkNotSurrogate(at, v);
    }

    private int checkNotSurrogate(int at, int v) {
        if (v >= 0xD800 && v <= 0xDFFF) {
            // a lone surrogate is not a code point of any valid decoded string
            throw p.unsupported(at, "lone surrogate escape U+" + Integer.toHexString(v).toUpperCase());
        }
        return v;
    }

    static int[] union(int[] a, int[] b) {
        int[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return CharRanges.normalize(all);
    }
}
