package org.sampling4j.grammar.schema;

/**
 * Thrown by the schema compiler: kind {@link Kind#INVALID} (a malformed schema: a {@code minimum} that is a
 * string, a {@code $ref} to nowhere) or {@link Kind#UNSUPPORTED} (a keyword or combination that cannot be
 * enforced exactly), the JSON pointer of the keyword ({@code "/properties/address/if"}; {@code ""} is the
 * root) and the reason.
 */
public final class SchemaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Malformed or refused. */
    public enum Kind {
        /** The schema is malformed. */
        INVALID,
        /** The schema is valid but uses something that cannot be enforced exactly. */
        UNSUPPORTED
    }

    private final Kind kind;
    private final String pointer;

    /** {@code pointer} is the JSON pointer of the offending keyword, {@code reason} what is wrong and what is allowed. */
    public SchemaException(Kind kind, String pointer, String reason) {
        super(reason);
        this.kind = kind;
        this.pointer = pointer;
    }

    /** Malformed or refused. */
    public Kind kind() {
        return kind;
    }

    /** JSON pointer of the keyword ({@code ""} is the whole schema). */
    public String pointer() {
        return pointer;
    }

    /** The reason alone. */
    public String reason() {
        return getMessage();
    }

    static SchemaException invalid(String pointer, String reason) {
        return new SchemaException(Kind.INVALID, pointer, reason);
    }

    static SchemaException unsupported(String pointer, String reason) {
        return new SchemaException(Kind.UNSUPPORTED, pointer, reason);
    }
}
