package org.sampling4j.grammar.syntax;

import java.util.Arrays;

/** GBNF character classes {@code [...]} and {@code [^...]}, as llama.cpp's {@code parse_sequence} reads them. */
final class GbnfClasses {
    private GbnfClasses() {
    }

    /**
     * Reads a class after its {@code [}, through its {@code ]}. Returns {@code null} for {@code []} and
     * {@code [^]}, which emit no element in llama.cpp and so match the empty string. {@code a-b}
     * is a range unless the {@code -} is last; an inverted range {@code z-a} matches nothing, as
     * llama.cpp's {@code lo <= c && c <= hi} test does. Values valid text cannot hold (surrogates,
     * above U+10FFFF) are dropped, which is exact on valid text, negated or not.
     */
    static Expr charClass(GbnfScanner in) {
        int open = in.pos - 1;
        boolean negated = false;
        if (in.cur() == '^') {
            in.pos++;
            negated = true;
        }
        int[] pairs = new int[8];
        int n = 0;
        boolean any = false;
        while (in.cur() != ']') {
            if (in.atEnd()) {
                throw in.invalid(open, "class '[' has no closing ']'");
            }
            long lo = in.character();
            long hi = lo;
            any = true;
            if (in.cur() == '-' && in.at(in.pos + 1) != ']') {
                if (in.at(in.pos + 1) == GbnfScanner.END) {
                    throw in.invalid(open, "class '[' has no closing ']'");
                }
                in.pos++;
                hi = in.character();
            }
            if (lo <= hi && lo <= CharRanges.MAX) {
                if (n + 2 > pairs.length) {
                    pairs = Arrays.copyOf(pairs, pairs.length * 2);
                }
                pairs[n++] = (int) lo;
                pairs[n++] = (int) Math.min(hi, CharRanges.MAX);
            }
        }
        in.pos++;
        if (!any) {
            return null;
        }
        int[] ranges = CharRanges.normalize(Arrays.copyOf(pairs, n));
        return new Expr.Chars(negated ? CharRanges.complement(ranges) : ranges);
    }
}
