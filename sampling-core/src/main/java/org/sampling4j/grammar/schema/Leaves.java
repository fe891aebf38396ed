package org.sampling4j.grammar.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sampling4j.grammar.syntax.Expr;

/**
 * The string and number languages of merged {@link Constraints}, through the leaf classes
 * ({@link JsonStrings}, {@link NumberLanguages}, {@link Formats}, {@link EcmaPatterns}). One string
 * constraint kind at a time (lengths, one pattern, or one format): their intersection is refused, since
 * the IR has no intersection. Numbers: a fractional-only type ({@code not: {type: integer}}) and a
 * non-integer {@code multipleOf} are refused; integer {@code multipleOf}s combine by their LCM.
 */
final class Leaves {
    private Leaves() {
    }

    static Expr string(Constraints c, SchemaOptions o) {
        if (c.maxLength >= 0 && c.minLength > c.maxLength) {
            return new Expr.Alt(List.of());
        }
        Map<String, String> patterns = new LinkedHashMap<>();
        for (String[] p : c.patterns) {
            patterns.putIfAbsent(p[0], p[1]);
        }
        Map<String, String> formats = new LinkedHashMap<>();
        if (o.formatAssert()) {
            for (String[] f : c.formats) {
                formats.putIfAbsent(f[0], f[1]);
            }
        }
        boolean lengths = c.minLength > 0 || c.maxLength >= 0;
        List<String> kinds = new ArrayList<>();
        if (lengths) {
            kinds.add(c.lengthPointer);
        }
        kinds.addAll(patterns.values());
        kinds.addAll(formats.values());
        if (kinds.size() > 1) {
            throw SchemaException.unsupported(kinds.get(1), "combining " + last(kinds.get(0)) + " and " + last(kinds.get(1))
                    + " on one string is not supported");
        }
        if (!patterns.isEmpty()) {
            Map.Entry<String, String> p = patterns.entrySet().iterator().next();
            return JsonStrings.quoted(EcmaPatterns.decoded(p.getKey(), p.getValue()));
        }
        if (!formats.isEmpty()) {
            Map.Entry<String, String> f = formats.entrySet().iterator().next();
            return JsonStrings.quoted(Formats.decoded(f.getKey(), f.getValue()));
        }
        return JsonStrings.anyQuoted((int) c.minLength, (int) c.maxLength);
    }

    static Expr number(Constraints c) {
        boolean integers = (c.types & Types.INTEGER) != 0;
        boolean fractions = (c.types & Types.FRACTIONAL) != 0;
        if (fractions && !integers) {
            throw SchemaException.unsupported(c.numberPointer == null ? "" : c.numberPointer,
                    "numbers that must not be integers are not supported");
        }
        BigInteger multiple = null;
        for (BigDecimal m : c.multipleOf) {
            if (m.stripTrailingZeros().scale() > 0) {
                throw SchemaException.unsupported(c.multipleOfPointer, "multipleOf " + m.toPlainString()
                        + " is supported only as an integer");
            }
            BigInteger v = m.toBigIntegerExact();
            multiple = multiple == null ? v : multiple.divide(multiple.gcd(v)).multiply(v);
        }
        try {
            if (!fractions || multiple != null) {
                // A multiple of an integer is an integer: 4.0 then counts as a multiple of 2 in every draft.
                boolean zeros = fractions || c.draft.fractionZerosAreIntegers();
                return NumberLanguages.integer(c.minimum, c.minimumExclusive, c.maximum, c.maximumExclusive, multiple, zeros);
            }
            return NumberLanguages.number(c.minimum, c.minimumExclusive, c.maximum, c.maximumExclusive);
        } catch (SchemaException e) {
            if (e.pointer().isEmpty() && c.numberPointer != null) {
                throw new SchemaException(e.kind(), c.numberPointer, e.reason());
            }
            throw e;
        }
    }

    private static String last(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }
}
