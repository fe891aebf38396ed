package org.sampling4j.grammar.syntax;

/**
 * A grammar text that cannot be compiled: {@link Kind#INVALID} (malformed, an undefined rule, a
 * language with no string) or {@link Kind#UNSUPPORTED} (valid, but using a construct we refuse rather
 * than ignore, such as a backreference). {@code line} and {@code column} are 1-based positions in the
 * source (a regex is one line); the message says what was found and what was expected. The public
 * API turns it into its own exception with the same kind, position and message.
 */
public final class SyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whether the grammar is wrong or merely refused. */
    public enum Kind {
        /** Malformed or meaningless: the caller's grammar is wrong. */
        INVALID,
        /** Valid in its language, but not something we enforce exactly. */
        UNSUPPORTED
    }

    private final Kind kind;
    private final int line;
    private final int column;
    private final String reason;

    /** {@code reason} says what was found and what was expected, without the position. */
    public SyntaxException(Kind kind, int line, int column, String reason) {
        super((kind == Kind.INVALID ? "invalid: " : "unsupported: ") + "line " + line + ", column " + column + ": " + reason);
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** Invalid or unsupported. */
    public Kind kind() {
        return kind;
    }

    /** 1-based line of the source. */
    public int line() {
        return line;
    }

    /** 1-based column of the source, in characters (Unicode code points). */
    public int column() {
        return column;
    }

    /** What was found and what was expected. */
    public String reason() {
        return reason;
    }
}
