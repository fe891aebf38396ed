package org.sampling4j.grammar.schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sampling4j.grammar.syntax.Expr;

/**
 * {@code not} of a LEAF schema: one whose keywords are only {@code type}, {@code enum}/{@code const} of
 * scalars, the string keywords ({@code pattern}, {@code format}, {@code minLength},
 * {@code maxLength}), the numeric bounds and {@code multipleOf}, plus annotations. A value is valid under
 * {@code not N} iff it is not valid under {@code N}; per JSON type {@code T}:
 * <ul>
 * <li>{@code N} accepts every {@code T} value (T allowed by its type, no enum, no keyword for T): not
 *     N removes T;</li>
 * <li>{@code N} accepts no {@code T} value (T outside its type): nothing changes for T;</li>
 * <li>strings restricted by string keywords to {@code L}: not N excludes {@code L} (a difference of
 *     regular languages, {@link Constraints#notStrings}); by an enum: excludes those strings;</li>
 * <li>numbers with {@code minimum m}: not N keeps the numbers {@code < m} (a bound: the complement of a
 *     one-sided range is one-sided), and so on for the other three bounds;</li>
 * <li>numbers restricted otherwise (a two-sided range, {@code type: integer}, {@code multipleOf}, or these
 *     together): not N removes N's number language from the numbers ({@link Constraints#notNumbers}, built under
 *     the schema's multipleOf budget, a
 *     difference of regular languages in plain decimal spelling, so exponent spellings are then not
 *     produced or accepted, the loss {@link NumberLanguages} documents for bounds);</li>
 * <li>enum members {@code true}/{@code false}/{@code null} are excluded one by one, numbers as the
 *     language of their value's plain spellings ({@code 3}, {@code 3.0}, ...).</li>
 * </ul>
 * Everything else (enums of objects or arrays, object and
 * array keywords, applicators) is UNSUPPORTED at the {@code not}, naming the keyword.
 */
final class LeafNegation {
    private static final Set<String> STRING_KEYS = Set.of("pattern", "format", "minLength", "maxLength");
    private static final Set<String> NUMBER_KEYS = Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
            "multipleOf");
    private static final int NUMBERS = Types.INTEGER | Types.FRACTIONAL;
    private static final Set<String> OTHER_KEYS = Set.of("type", "enum", "const", "title", "description", "$comment",
            "examples", "default", "deprecated", "readOnly", "writeOnly", "$id", "$anchor", "$schema");
    /** Every keyword a leaf schema may hold. */
    static final Set<String> ALLOWED = union();

    private LeafNegation() {
    }

    private static Set<String> union() {
        Set<String> all = new java.util.HashSet<>(STRING_KEYS);
        all.addAll(NUMBER_KEYS);
        all.addAll(OTHER_KEYS);
        return Set.copyOf(all);
    }

    /** Narrows {@code c} by {@code not} schema {@code not} (a non-empty object schema). */
    static void apply(Constraints c, Node not) {
        Map<String, Object> m = not.map();
        for (String k : m.keySet()) {
            if (!ALLOWED.contains(k)) {
                throw SchemaException.unsupported(not.at(k), "not is supported only for leaf schemas (type, enum/const of"
                        + " scalars, pattern, format, minLength, maxLength, numeric bounds, multipleOf); not with " + k + " is not");
            }
        }
        Constraints n = new Constraints(c.draft, c.options);
        n.add(not);
        boolean strings = m.keySet().stream().anyMatch(STRING_KEYS::contains)
                && !(m.keySet().equals(Set.of("format")) && !c.options.formatAssert());
        if (n.values != null) {
            excludeValues(c, n, not);
            return;
        }
        int all = n.types; // the types N accepts in full
        if (strings) {
            all &= ~Types.STRING;
            if ((n.types & Types.STRING) != 0) {
                c.notStrings.add(Leaves.decoded(n, c.options));
            }
        }
        int numbers = n.types & NUMBERS;
        boolean numberKeys = m.keySet().stream().anyMatch(NUMBER_KEYS::contains);
        if (numbers != 0 && (numberKeys || numbers != NUMBERS)) {
            all &= ~NUMBERS; // N accepts some numbers, not all: not N keeps the others
            if (numbers == NUMBERS && n.multipleOf.isEmpty() && (n.minimum == null) != (n.maximum == null)) {
                // one bound: the complement is the opposite bound, no difference needed
                String at = not.at(m.keySet().stream().filter(NUMBER_KEYS::contains).findFirst().orElse("minimum"));
                if (n.minimum != null) {
                    NumberKeywords.upper(c, n.minimum, !n.minimumExclusive, at);
                } else {
                    NumberKeywords.lower(c, n.maximum, !n.maximumExclusive, at);
                }
            } else {
                c.notNumbers.add(n); // ranges, integers, multiples: removed as a language, built under the schema's budget
            }
        }
        if (all != 0) {
            c.typePointer = not.pointer();
        }
        c.types &= ~all;
    }

    /** {@code not {enum: [...]}}: the listed scalars that satisfy N's other keywords are excluded one by one. */
    private static void excludeValues(Constraints c, Constraints n, Node not) {
        Expr strings = Leaves.decoded(n, c.options);
        for (Object v : n.values) {
            if ((Types.ofValue(v) & n.types) == 0) {
                continue; // N rejects it anyway
            }
            if (v instanceof String s) {
                if (Membership.matches(strings, s)) {
                    c.notStrings.add(Exprs.lit(s));
                }
            } else if (v instanceof Boolean b) {
                c.notBooleans.add(b);
            } else if (v == SchemaJson.NULL) {
                c.types &= ~Types.NULL;
            } else if (v instanceof BigDecimal d) {
                excludeNumber(c, n, d);
            } else {
                throw SchemaException.unsupported(n.valuesPointer, "not of an enum/const holding " + Node.describe(v)
                        + " is not supported (only strings, numbers, booleans and null)");
            }
        }
        if (c.notBooleans.containsAll(List.of(Boolean.TRUE, Boolean.FALSE))) {
            c.types &= ~Types.BOOLEAN;
        }
    }

    /** Excludes the number {@code d} (every plain spelling of its value) when N's number keywords accept it. */
    private static void excludeNumber(Constraints c, Constraints n, BigDecimal d) {
        if (n.minimum != null || n.maximum != null || !n.multipleOf.isEmpty()) {
            if (!Membership.matches(Leaves.membership(n), d.toPlainString())) {
                return; // N rejects it anyway
            }
        }
        try {
            NumberLanguages.number(d, false, d, false); // refuses a value too long to spell, at the enum
        } catch (SchemaException e) {
            throw SchemaException.unsupported(n.valuesPointer, e.reason());
        }
        Constraints one = new Constraints(c.draft, c.options); // the value d: every plain spelling of it
        one.minimum = d;
        one.maximum = d;
        one.numberPointer = n.valuesPointer;
        c.notNumbers.add(one);
    }

    /** Whether {@code v} (an outer enum member) survives the exclusions of {@code c}. */
    static boolean kept(Constraints c, Object v) {
        if (v instanceof Boolean b) {
            return !c.notBooleans.contains(b);
        }
        if (v instanceof BigDecimal d) {
            for (Constraints n : c.notNumbers) {
                if (Membership.matches(Leaves.membership(n), d.toPlainString())) {
                    return false;
                }
            }
        }
        if (v instanceof String s) {
            for (Expr e : c.notStrings) {
                if (Membership.matches(e, s)) {
                    return false;
                }
            }
        }
        return true;
    }
}
