package org.sampling4j.grammar;

/**
 * A grammar that cannot be compiled or enforced. {@link Kind#INVALID}: malformed, an undefined rule,
 * a language with no string, a token the vocabulary lacks; {@link Kind#UNSUPPORTED}: valid but using
 * something we refuse rather than ignore; {@link Kind#BUDGET}: past a {@link GrammarLimits} budget
 * (too many automaton states, rules, parser items, nesting). The message starts with
 * {@code "invalid: "} (INVALID) or {@code "unsupported: "} (UNSUPPORTED and BUDGET), then the position
 * when known, then the reason. A budget can be exceeded lazily, while masks are computed, since
 * automata are built on demand; the matcher is then unusable for that sequence.
 */
public final class GrammarException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The grammar is wrong. */
        INVALID,
        /** The grammar is valid but uses a construct we refuse. */
        UNSUPPORTED,
        /** The grammar needs more than a budget allows. */
        BUDGET
    }

    private final Kind kind;
    private final int line;
    private final int column;
    private final String pointer;

    /** {@code message} starts with "invalid: " or "unsupported: "; {@code line}, {@code column} 1-based or 0 when unknown. */
    public GrammarException(Kind kind, int line, int column, String pointer, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.pointer = pointer;
    }

    /** Invalid, unsupported or over budget. */
    public Kind kind() {
        return kind;
    }

    /** 1-based line in the grammar text, 0 when not known. */
    public int line() {
        return line;
    }

    /** 1-based column in the grammar text, 0 when not known. */
    public int column() {
        return column;
    }

    /** JSON pointer into a schema, or null. */
    public String pointer() {
        return pointer;
    }
}
