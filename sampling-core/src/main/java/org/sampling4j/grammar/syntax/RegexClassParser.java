package org.sampling4j.grammar.syntax;

/**
 * Character classes of {@code java.util.regex}: {@code [...]}, {@code [^...]}, ranges, nested
 * classes (union) and {@code &&} (intersection), with the exact evaluation order of
 * {@code Pattern.clazz} and {@code Pattern.range}, including its corners: single characters
 * below U+0100 collect in a separate set that joins the class at the next {@code &&} or at the
 * closing bracket; an empty right operand of {@code &&} intersects with the last range item;
 * {@code ^} negates the whole class, intersections included (JDK 9 and later); a {@code ]} right
 * after {@code [} or {@code [^} is a literal. Only patterns {@code Pattern.compile} accepted get
 * here, so the error paths are safety nets.
 */
final class RegexClassParser {
    private final RegexSource in;
    private final int maxDepth;

    RegexClassParser(RegexSource in, int maxDepth) {
        this.in = in;
        this.maxDepth = maxDepth;
    }

    /** Reads a class whose {@code [} is just behind the cursor; consumes the {@code ]} iff {@code consume}. */
    int[] parse(boolean consume, int depth) {
        if (depth > maxDepth) {
            throw in.unsupported(in.pos, "classes nested deeper than " + maxDepth);
        }
        int[] prev = null;
        int[] curr = null;
        int[] bits = new int[0];
        boolean hasBits = false;
        boolean negated = false;
        if (in.cur() == '^' && in.t[in.pos - 1] == '[') {
            in.pos++;
            negated = true;
        }
        while (true) {
            int ch = in.cur();
            if (ch == '[' && !in.atEnd()) {
                in.pos++;
                curr = parse(true, depth + 1);
                prev = prev == null ? curr : union(prev, curr);
                continue;
            }
            if (ch == '&' && in.t[in.pos + 1] == '&' && !in.atEnd()) {
                in.pos += 2;
                int[] right = null;
                while (in.cur() != ']' && in.cur() != '&' && !in.atEnd()) {
                    int[] r;
                    if (in.cur() == '[') {
                        in.pos++;
                        r = parse(true, depth + 1);
                    } else {
                        r = parse(false, depth + 1);
                    }
                    right = right == null ? r : union(right, r);
                }
                if (hasBits) {
                    if (prev == null) {
                        prev = curr = bits;
                    } else {
                        prev = union(prev, bits);
                    }
                    hasBits = false;
                }
                if (right != null) {
                    curr = right;
                }
                if (prev == null) {
                    if (right == null) {
                        throw in.unsupported(in.pos, "bad class syntax");
                    }
                    prev = right;
                } else {
                    if (curr == null) {
                        throw in.unsupported(in.pos, "bad intersection syntax");
                    }
                    prev = intersect(prev, curr);
                }
                continue;
            }
            if (in.atEnd()) {
                throw in.unsupported(in.pos, "unclosed character class");
            }
            if (ch == ']' && (prev != null || hasBits)) {
                if (consume) {
                    in.pos++;
                }
                int[] result = prev == null ? bits : hasBits ? union(prev, bits) : prev;
                return negated ? CharRanges.complement(result) : result;
            }
            int[] r = range();
            curr = r; // Java: curr = range(bits), null when the character went to the bits
            if (r == null) {
                hasBits = true;
                bits = union(bits, single);
            } else {
                prev = prev == null ? r : union(prev, r);
            }
        }
    }

    private int[] single;

    /**
     * One item: a property, an escape set, a range {@code a-z}, or a single character; returns
     * {@code null} for a single character below U+0100 (left in {@link #single}), which Java's
     * {@code bitsOrSingle} keeps apart.
     */
    private int[] range() {
        int ch;
        if (in.cur() == '\\') {
            int e = in.t[in.pos + 1];
            if (e == 'p' || e == 'P') {
                return RegexParser.family(in);
            }
            boolean isRange = in.t[in.pos + 2] == '-';
            ch = in.escape(true, isRange);
            if (ch == RegexSource.SET) {
                return in.set;
            }
            if (ch < 0) {
                throw in.unsupported(in.pos, "anchor inside a class");
            }
        } else {
            ch = in.cur();
            in.pos++;
        }
        if (in.cur() == '-') {
            int end = in.t[in.pos + 1];
            if (end != '[' && end != ']') {
                in.pos++;
                int m;
                if (in.cur() == '\\') {
                    m = in.escape(true, true);
                    if (m < 0) {
                        throw in.unsupported(in.pos, "illegal character range");
                    }
                } else {
                    m = in.cur();
                    in.pos++;
                }
                return CharRanges.normalize(ch, m);
            }
        }
        if (ch < 256) {
            single = CharRanges.normalize(ch, ch);
            return null;
        }
        return CharRanges.normalize(ch, ch);
    }

    static int[] union(int[] a, int[] b) {
        int[] all = new int[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return CharRanges.normalize(all);
    }

    static int[] intersect(int[] a, int[] b) {
        return CharRanges.complement(union(CharRanges.complement(a), CharRanges.complement(b)));
    }
}
