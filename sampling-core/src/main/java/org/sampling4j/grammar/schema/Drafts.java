package org.sampling4j.grammar.schema;

import java.util.Map;

/**
 * The JSON Schema draft a schema declares with {@code $schema}, and what differs between drafts for the
 * compiler. Without {@code $schema}: 2020-12, with the draft-07 spellings {@code definitions} and array
 * {@code items} (+ {@code additionalItems}) still accepted. An unknown {@code $schema} URI is UNSUPPORTED
 * (its meaning cannot be known).
 */
enum Drafts {
    /** draft-04: boolean {@code exclusiveMinimum}/{@code exclusiveMaximum}; {@code 1.0} is not an integer. */
    DRAFT_04,
    /** draft-06. */
    DRAFT_06,
    /** draft-07. */
    DRAFT_07,
    /** 2019-09: {@code $ref} no longer overrides its siblings. */
    DRAFT_2019_09,
    /** 2020-12: {@code prefixItems}; {@code items} is one schema. */
    DRAFT_2020_12;

    /** The draft of {@code root} (a schema tree from {@link SchemaJson}). */
    static Drafts of(Object root) {
        if (!(root instanceof Map<?, ?> m) || !m.containsKey("$schema")) {
            return DRAFT_2020_12;
        }
        Object uri = m.get("$schema");
        if (!(uri instanceof String s)) {
            throw SchemaException.invalid("/$schema", "$schema must be a string URI, got " + uri);
        }
        String u = s.replaceFirst("^https?://", "").replaceFirst("#$", "").replaceFirst("/$", "");
        switch (u) {
            case "json-schema.org/draft-04/schema":
                return DRAFT_04;
            case "json-schema.org/draft-06/schema":
                return DRAFT_06;
            case "json-schema.org/draft-07/schema":
                return DRAFT_07;
            case "json-schema.org/draft/2019-09/schema":
                return DRAFT_2019_09;
            case "json-schema.org/draft/2020-12/schema":
                return DRAFT_2020_12;
            default:
                throw SchemaException.unsupported("/$schema", "unknown $schema " + JsonQuote.of(s)
                        + ": allowed are draft-04, -06, -07, 2019-09 and 2020-12 of json-schema.org");
        }
    }

    /** Whether {@code $ref} makes its sibling keywords ignored (draft-07 and earlier). */
    boolean refOverridesSiblings() {
        return compareTo(DRAFT_07) <= 0;
    }

    /** Whether a number with a zero fraction ({@code 1.0}) is an integer (draft-06 and later). */
    boolean fractionZerosAreIntegers() {
        return this != DRAFT_04;
    }

    /** Whether {@code exclusiveMinimum}/{@code exclusiveMaximum} are booleans modifying minimum/maximum. */
    boolean booleanExclusives() {
        return this == DRAFT_04;
    }

    /** Whether boolean schemas ({@code true}/{@code false}) exist (draft-06 and later). */
    boolean booleanSchemas() {
        return this != DRAFT_04;
    }
}
