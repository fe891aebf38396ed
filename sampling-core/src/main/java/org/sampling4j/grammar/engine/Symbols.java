package org.sampling4j.grammar.engine;

/**
 * The int encoding of grammar symbols in the flat production arrays: a nonterminal is its id
 * ({@code >= 0}); a terminal t is {@code ~t}, where t is a lexeme id ({@code < TOKEN_BASE}) or
 * {@code TOKEN_BASE + k} for token terminal k; {@link #END} closes every production.
 */
final class Symbols {
    static final int END = Integer.MIN_VALUE;
    static final int TOKEN_BASE = 1 << 29;

    private Symbols() {
    }

    static int lexeme(int l) {
        return ~l;
    }

    static int token(int k) {
        return ~(TOKEN_BASE + k);
    }

    static boolean isLexeme(int sym) {
        return sym < 0 && sym != END && ~sym < TOKEN_BASE;
    }

    static boolean isToken(int sym) {
        return sym < 0 && sym != END && ~sym >= TOKEN_BASE;
    }

    static int lexemeOf(int sym) {
        return ~sym;
    }

    static int tokenOf(int sym) {
        return ~sym - TOKEN_BASE;
    }
}
