package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.List;
import org.sampling4j.grammar.syntax.CharRanges;
import org.sampling4j.grammar.syntax.Expr;

/**
 * PLACEHOLDER until the leaves helper's version lands (same signatures): JSON string literals over code
 * points. {@link #anyQuoted} and {@link #literal} accept every RFC 8259 spelling (literal characters,
 * the two-character escapes, {@code \\uXXXX} in either case, surrogate pairs); {@link #quoted} accepts
 * literal characters and the two-character escapes only (a subset of the spellings: sound, not complete).
 */
final class JsonStrings {
    private static final Expr HEX = chars('0', '9', 'A', 'F', 'a', 'f');
    /** A character written as itself: anything but '"', '\\' and U+0000-U+001F. */
    private static final int[] PLAIN = CharRanges.normalize(0x20, 0x21, 0x23, 0x5B, 0x5D, CharRanges.MAX);

    private JsonStrings() {
    }

    /** The JSON string literal, quotes included, whose decoded value is in {@code decoded}. */
    static Expr quoted(Expr decoded) {
        return new Expr.Seq(List.of(new Expr.Literal("\""), spelled(decoded), new Expr.Literal("\"")));
    }

    private static Expr spelled(Expr e) {
        if (e instanceof Expr.Chars c) {
            List<Expr> options = new ArrayList<>();
            int[] plain = intersect(c.ranges(), PLAIN);
            if (plain.length > 0) {
                options.add(new Expr.Chars(plain));
            }
            for (char x : new char[] {'"', '\\', '/', '\b', '\f', '\n', '\r', '\t'}) {
                if (CharRanges.contains(c.ranges(), x)) {
                    options.add(new Expr.Literal(escape(x)));
                }
            }
            return options.size() == 1 ? options.get(0) : new Expr.Alt(options);
        }
        if (e instanceof Expr.Literal l) {
            List<Expr> items = new ArrayList<>();
            l.text().codePoints().forEach(cp -> items.add(spelled(new Expr.Chars(new int[] {cp, cp}))));
            return new Expr.Seq(items);
        }
        if (e instanceof Expr.Seq s) {
            return new Expr.Seq(s.items().stream().map(JsonStrings::spelled).toList());
        }
        if (e instanceof Expr.Alt a) {
            return new Expr.Alt(a.options().stream().map(JsonStrings::spelled).toList());
        }
        if (e instanceof Expr.Repeat r) {
            return new Expr.Repeat(spelled(r.body()), r.min(), r.max());
        }
        throw new IllegalArgumentException("not a regular code-point language: " + e);
    }

    private static String escape(char x) {
        switch (x) {
            case '\b': return "\\b";
            case '\f': return "\\f";
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            default: return "\\" + x;
        }
    }

    /** Any string of {@code minLength} to {@code maxLength} (-1 = unbounded) code points, every spelling. */
    static Expr anyQuoted(int minLength, int maxLength) {
        Expr nonSurrogate = new Expr.Alt(List.of(
                new Expr.Seq(List.of(chars('0', '9', 'A', 'C', 'a', 'c'), HEX, HEX, HEX)),
                new Expr.Seq(List.of(chars('D', 'D', 'd', 'd'), chars('0', '7'), HEX, HEX)),
                new Expr.Seq(List.of(chars('E', 'F', 'e', 'f'), HEX, HEX, HEX))));
        Expr pair = new Expr.Seq(List.of(chars('D', 'D', 'd', 'd'), chars('8', '9', 'A', 'B', 'a', 'b'), HEX, HEX,
                new Expr.Literal("\\u"), chars('D', 'D', 'd', 'd'), chars('C', 'F', 'c', 'f'), HEX, HEX));
        Expr shortEscape = chars('"', '"', '\\', '\\', '/', '/', 'b', 'b', 'f', 'f', 'n', 'n', 'r', 'r', 't', 't');
        Expr unicode = new Expr.Seq(List.of(new Expr.Literal("u"), new Expr.Alt(List.of(nonSurrogate, pair))));
        Expr escape = new Expr.Seq(List.of(new Expr.Literal("\\"), new Expr.Alt(List.of(shortEscape, unicode))));
        Expr one = new Expr.Alt(List.of(new Expr.Chars(PLAIN), escape));
        return new Expr.Seq(List.of(new Expr.Literal("\""), new Expr.Repeat(one, minLength, maxLength), new Expr.Literal("\"")));
    }

    /** Exactly the string {@code value}, every spelling. */
    static Expr literal(String value) {
        List<Expr> items = new ArrayList<>();
        items.add(new Expr.Literal("\""));
        value.codePoints().forEach(cp -> items.add(spellings(cp)));
        items.add(new Expr.Literal("\""));
        return new Expr.Seq(items);
    }

    private static Expr spellings(int cp) {
        List<Expr> options = new ArrayList<>();
        if (CharRanges.contains(PLAIN, cp)) {
            options.add(new Expr.Literal(new String(Character.toChars(cp))));
        }
        if ("\"\\/\b\f\n\r\t".indexOf(cp) >= 0) {
            options.add(new Expr.Literal(escape((char) cp)));
        }
        if (cp < 0x10000) {
            options.add(hexEscape(cp));
        } else {
            char[] pair = Character.toChars(cp);
            options.add(new Expr.Seq(List.of(hexEscape(pair[0]), hexEscape(pair[1]))));
        }
        return options.size() == 1 ? options.get(0) : new Expr.Alt(options);
    }

    /** {@code \\u} and the four hex digits of {@code unit}, each digit in either case. */
    private static Expr hexEscape(int unit) {
        List<Expr> items = new ArrayList<>();
        items.add(new Expr.Literal("\\u"));
        for (int shift = 12; shift >= 0; shift -= 4) {
            int d = (unit >> shift) & 0xF;
            char up = Character.toUpperCase(Character.forDigit(d, 16));
            char lo = Character.forDigit(d, 16);
            items.add(up == lo ? new Expr.Literal(String.valueOf(up)) : chars(up, up, lo, lo));
        }
        return new Expr.Seq(items);
    }

    private static Expr chars(int... pairs) {
        return new Expr.Chars(CharRanges.normalize(pairs));
    }

    private static int[] intersect(int[] a, int[] b) {
        // a ∩ b = complement(complement(a) ∪ complement(b))
        int[] ca = CharRanges.complement(a);
        int[] cb = CharRanges.complement(b);
        int[] both = new int[ca.length + cb.length];
        System.arraycopy(ca, 0, both, 0, ca.length);
        System.arraycopy(cb, 0, both, ca.length, cb.length);
        return CharRanges.complement(CharRanges.normalize(both));
    }
}
