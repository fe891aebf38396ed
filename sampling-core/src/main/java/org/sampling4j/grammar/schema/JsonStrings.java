package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sampling4j.grammar.syntax.CharRanges;
import org.sampling4j.grammar.syntax.Expr;

/**
 * JSON string literals (RFC 8259 section 7) whose decoded value lies in a regular language over code
 * points. Every spelling of a code point is accepted: itself (unless it is {@code "}, {@code \\} or a
 * control U+0000-U+001F, which must be escaped), its two-character escape ({@code \" \\ \/ \b \f \n \r
 * \t}), and {@code \\uXXXX} with hex digits in either case, as a surrogate pair {@code \\uD83D\\uDE00}
 * for a code point above U+FFFF. Lone-surrogate escapes are never produced: the decoded text is valid
 * Unicode, and a lone surrogate is not a code point {@link Expr.Chars} can hold.
 *
 * <p>The mapping is structural: {@code Seq}, {@code Alt} and {@code Repeat} keep their shape, each
 * {@code Chars} becomes the alternatives of its members' spellings (hex escapes grouped by
 * {@link HexEscapes}, so the size grows with the number of ranges, not of code points), each
 * {@code Literal} the sequence of its code points' spellings; an {@code Intersection} or {@code Difference}
 * stays one, of its operands' spellings.
 */
final class JsonStrings {
    /** The two-character escapes: the code point each stands for, and the letter after the backslash. */
    private static final int[][] SHORT = {{'"', '"'}, {'\\', '\\'}, {'/', '/'}, {'\b', 'b'}, {'\f', 'f'},
        {'\n', 'n'}, {'\r', 'r'}, {'\t', 't'}};
    /** Code points that may appear unescaped: all but {@code "}, {@code \\} and the controls. */
    private static final int[] PLAIN = CharRanges.complement(CharRanges.normalize(0, 0x1F, '"', '"', '\\', '\\'));
    private static final Expr QUOTE = Exprs.lit("\"");

    private JsonStrings() {
    }

    /** The JSON string literal, quotes included, whose decoded value is in {@code decoded} (regular, over code points). */
    static Expr quoted(Expr decoded) {
        return Exprs.seq(QUOTE, encoded(decoded, new LinkedHashMap<>()), QUOTE);
    }

    /**
     * Any string of {@code minLength} to {@code maxLength} code points ({@code -1}: unbounded), an escape
     * counting as the one character it stands for; stays one {@code Repeat}, however large the bounds.
     */
    static Expr anyQuoted(int minLength, int maxLength) {
        if (minLength < 0 || (maxLength != -1 && maxLength < minLength)) {
            throw new IllegalArgumentException("minLength " + minLength + ", maxLength " + maxLength
                    + ": need 0 <= minLength <= maxLength (or maxLength -1 for unbounded)");
        }
        return quoted(Exprs.repeat(Exprs.ANY_CHAR, minLength, maxLength));
    }

    /**
     * Exactly the string {@code value}, in every spelling.
     *
     * @throws IllegalArgumentException if {@code value} holds a lone surrogate (no such string is generated)
     */
    static Expr literal(String value) {
        Objects.requireNonNull(value, "value");
        return quoted(Exprs.lit(value));
    }

    /** The spellings of the decoded language; {@code memo} shares the result for repeated sets. */
    private static Expr encoded(Expr e, Map<Expr, Expr> memo) {
        if (e instanceof Expr.Chars c) {
            return memo.computeIfAbsent(c, k -> chars(c.ranges()));
        }
        if (e instanceof Expr.Literal l) {
            List<Expr> items = new ArrayList<>();
            l.text().codePoints().forEach(cp -> items.add(memo.computeIfAbsent(
                    new Expr.Chars(new int[] {cp, cp}), k -> chars(new int[] {cp, cp}))));
            return items.size() == 1 ? items.get(0) : new Expr.Seq(items);
        }
        if (e instanceof Expr.Seq s) {
            List<Expr> items = new ArrayList<>();
            for (Expr i : s.items()) {
                items.add(encoded(i, memo));
            }
            return new Expr.Seq(items);
        }
        if (e instanceof Expr.Alt a) {
            List<Expr> options = new ArrayList<>();
            for (Expr o : a.options()) {
                options.add(encoded(o, memo));
            }
            return new Expr.Alt(options);
        }
        if (e instanceof Expr.Repeat r) {
            return new Expr.Repeat(encoded(r.body(), memo), r.min(), r.max());
        }
        // The spellings of distinct decoded strings are disjoint and each spelling decodes one way only (the
        // encoding is a uniquely decodable substitution), so spell(A ∩ B) = spell(A) ∩ spell(B) and
        // spell(A \ B) = spell(A) \ spell(B): the products stay products, over the spellings.
        if (e instanceof Expr.Intersection x) {
            return new Expr.Intersection(encoded(x.left(), memo), encoded(x.right(), memo));
        }
        if (e instanceof Expr.Difference x) {
            return new Expr.Difference(encoded(x.left(), memo), encoded(x.right(), memo));
        }
        throw new IllegalArgumentException("decoded: " + e.getClass().getSimpleName()
                + " is not a regular code-point expression (only Chars, Literal, Seq, Alt, Repeat, Intersection, Difference)");
    }

    /** Every spelling of one member of {@code set}. */
    static Expr chars(int[] set) {
        List<Expr> options = new ArrayList<>();
        int[] plain = intersect(set, PLAIN);
        if (plain.length > 0) {
            options.add(new Expr.Chars(plain));
        }
        int[] letters = new int[2 * SHORT.length];
        int n = 0;
        for (int[] s : SHORT) {
            if (CharRanges.contains(set, s[0])) {
                letters[n++] = s[1];
                letters[n++] = s[1];
            }
        }
        if (n > 0) {
            options.add(Exprs.seq(Exprs.lit("\\"), new Expr.Chars(CharRanges.normalize(java.util.Arrays.copyOf(letters, n)))));
        }
        int[] bmp = intersect(set, new int[] {0, 0xFFFF});
        if (bmp.length > 0) {
            options.add(Exprs.seq(Exprs.lit("\\u"), HexEscapes.digits4(bmp)));
        }
        options.addAll(SurrogatePairs.escapes(intersect(set, new int[] {0x10000, CharRanges.MAX})));
        return Exprs.alt(options);
    }

    static int[] intersect(int[] a, int[] b) {
        return CharRanges.complement(CharRanges.normalize(concat(CharRanges.complement(a), CharRanges.complement(b))));
    }

    private static int[] concat(int[] a, int[] b) {
        int[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
