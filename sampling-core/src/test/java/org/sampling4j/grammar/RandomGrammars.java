package org.sampling4j.grammar;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.grammar.syntax.Expr;
import org.sampling4j.text.Vocabulary;

/** Seeded random grammars and synthetic vocabularies over a small alphabet with 1- to 4-byte characters. */
final class RandomGrammars {
    /** One- to four-byte characters, brackets for recursion. */
    static final String[] ALPHA = {"a", "b", "c", "é", "€", "😀", "(", ")", " "};
    /** Classes: ASCII, Greek, ranges across the 1/2/3-byte and 3/4-byte boundaries, a complement. */
    static final int[][] CLASSES = {
        {'a', 'c'}, {0x3B1, 0x3C9}, {0x7E, 0x801}, {0xFFF0, 0x10010}, {0, 'a' - 1, 'a' + 1, 0x10FFFF}, {0x20AC, 0x20AC, 0x1F600, 0x1F600},
        {'a', 'a', 'e', 'e' }, {0xE9, 0xE9, '(', ')'}
    };

    private RandomGrammars() {
    }

    static Cfg random(Random r) {
        int n = 1 + r.nextInt(4);
        Object[] nb = new Object[2 * n];
        for (int i = 0; i < n; i++) {
            nb[2 * i] = "r" + i;
            nb[2 * i + 1] = expr(r, 0, n);
        }
        if (r.nextBoolean()) { // longer languages: the root repeats
            nb[1] = G.seq((Expr) nb[1], G.star(expr(r, 1, n)));
        }
        return G.rules(nb);
    }

    /** With token terminals: some atoms are one of the special tokens, a listed text token, or any token but a few. */
    static Cfg randomWithTokens(Random r, Vocabulary v) {
        tokenVocab = v;
        try {
            return random(r);
        } finally {
            tokenVocab = null;
        }
    }

    private static Vocabulary tokenVocab;

    static Expr expr(Random r, int depth, int rules) {
        if (tokenVocab != null && r.nextInt(6) == 0) {
            int special = tokenVocab.size() - 2;
            switch (r.nextInt(3)) {
                case 0: return G.tokens(false, special);
                case 1: return G.tokens(false, r.nextInt(tokenVocab.size() - 2), (int) 'a');
                default: return G.tokens(true, (int) 'a', special, r.nextInt(tokenVocab.size()));
            }
        }
        int pick = depth >= 3 ? r.nextInt(2) : r.nextInt(7);
        switch (pick) {
            case 0: {
                StringBuilder sb = new StringBuilder();
                for (int i = 1 + r.nextInt(3); i > 0; i--) {
                    sb.append(ALPHA[r.nextInt(ALPHA.length)]);
                }
                return G.lit(sb.toString());
            }
            case 1:
                return G.chars(CLASSES[r.nextInt(CLASSES.length)]);
            case 2:
                return G.seq(expr(r, depth + 1, rules), expr(r, depth + 1, rules));
            case 3:
                return G.alt(expr(r, depth + 1, rules), expr(r, depth + 1, rules), expr(r, depth + 1, rules));
            case 4: {
                Expr b = expr(r, depth + 1, rules);
                switch (r.nextInt(4)) {
                    case 0: return G.star(b);
                    case 1: return G.plus(b);
                    case 2: return G.opt(b);
                    default: return G.rep(b, r.nextInt(2), 1 + r.nextInt(3));
                }
            }
            case 5:
                return G.ref("r" + r.nextInt(rules));
            default:
                return G.seq(G.lit(ALPHA[r.nextInt(ALPHA.length)]), G.ref("r" + r.nextInt(rules)), expr(r, depth + 1, rules));
        }
    }

    /** Balanced brackets around letters: {@code p ::= "x" | "(" p* ")" }, with left-recursive lists. */
    static Cfg parens() {
        return G.rules("root", G.seq(G.ref("p"), G.star(G.seq(G.lit(" "), G.ref("p")))),
                "p", G.alt(G.plus(G.chars('a', 'c')), G.seq(G.lit("("), G.ref("list"), G.lit(")"))),
                "list", G.alt(G.seq(), G.seq(G.ref("list"), G.ref("p"))));
    }

    /**
     * All 256 single bytes, {@code extra} random tokens cut from strings over the alphabet at any byte
     * (so many end inside a multi-byte character), some duplicates, two special tokens (one the EOS),
     * an empty non-special token, and 7 padding ids.
     */
    static Vocabulary synthetic(Random r, int extra) {
        Vocabulary.Builder b = Vocabulary.builder();
        for (int i = 0; i < 256; i++) {
            b.add(new byte[] {(byte) i});
        }
        List<byte[]> made = new ArrayList<>();
        for (int i = 0; i < extra; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 1 + r.nextInt(5); k > 0; k--) {
                sb.append(ALPHA[r.nextInt(ALPHA.length)]);
            }
            byte[] s = sb.toString().getBytes(StandardCharsets.UTF_8);
            int from = r.nextInt(s.length);
            int to = from + 1 + r.nextInt(s.length - from);
            byte[] t = java.util.Arrays.copyOfRange(s, from, to);
            made.add(t);
            b.add(t);
        }
        for (int i = 0; i < 5; i++) {
            b.add(made.get(r.nextInt(made.size())));
        }
        b.add(new byte[0]);
        int size = 256 + extra + 6;
        b.addSpecial("<s>".getBytes(StandardCharsets.UTF_8));
        b.addSpecial("<|eos|>".getBytes(StandardCharsets.UTF_8));
        return b.eos(size + 1).logitsSize(size + 2 + 7).build();
    }
}
