package org.sampling4j.grammar.schema;

import java.util.Objects;

/**
 * Thrown by the schema compiler: kind {@link Kind#INVALID} (malformed schema) or {@link Kind#UNSUPPORTED}
 * (a keyword or combination that cannot be enforced exactly), the JSON pointer of the keyword (e.g.
 * {@code "/properties/address/if"}), and the reason.
 */
final class SchemaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the schema was refused. */
    enum Kind {
        /** The schema is malformed. */
        INVALID,
        /** The schema is valid but asks for something that cannot be enforced exactly. */
        UNSUPPORTED
    }

    private final Kind kind;
    private final String pointer;

    SchemaException(Kind kind, String pointer, String reason) {
        super(Objects.requireNonNull(kind, "kind") + " at '" + pointer + "': " + reason);
        this.kind = kind;
        this.pointer = Objects.requireNonNull(pointer, "pointer");
    }

    Kind kind() {
        return kind;
    }

    String pointer() {
        return pointer;
    }
}
