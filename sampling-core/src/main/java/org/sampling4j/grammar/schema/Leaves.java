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
 * ({@link JsonStrings}, {@link NumberLanguages}, {@link Formats}, {@link EcmaPatterns}). Lengths, patterns
 * and formats together are the intersection of their decoded languages ({@code Expr.Intersection}, which
 * the engine compiles as a product automaton under its budget). Numbers: a fractional-only type ({@code not: {type: integer}})
 * is refused; {@code multipleOf}s combine into one {@code L / 10^q} (the LCM of the scaled values): an
 * integer one through {@link NumberLanguages#integer}, a decimal one through {@link DecimalMultiples}.
 */
final class Leaves {
    private Leaves() {
    }

    static Expr string(Constraints c, SchemaOptions o) {
        Expr decoded = decoded(c, o);
        return Exprs.isNothing(decoded) ? Exprs.NOTHING : JsonStrings.quoted(decoded);
    }

    /**
     * The decoded strings (code points) the string keywords allow: the intersection of the length
     * language {@code any{minLength,maxLength}}, every distinct {@code pattern} and every asserted
     * {@code format}, minus every language {@code not} excluded ({@link Constraints#notStrings}); one kind
     * alone stays as it is (no product node).
     */
    static Expr decoded(Constraints c, SchemaOptions o) {
        if (c.maxLength >= 0 && c.minLength > c.maxLength) {
            return Exprs.NOTHING;
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
        List<Expr> parts = new ArrayList<>();
        if (c.minLength > 0 || c.maxLength >= 0) {
            parts.add(Exprs.repeat(Exprs.ANY_CHAR, (int) c.minLength, (int) c.maxLength));
        }
        for (Map.Entry<String, String> p : patterns.entrySet()) {
            parts.add(EcmaPatterns.decoded(p.getKey(), p.getValue()));
        }
        for (Map.Entry<String, String> f : formats.entrySet()) {
            parts.add(Formats.decoded(f.getKey(), f.getValue()));
        }
        Expr out = parts.isEmpty() ? Exprs.repeat(Exprs.ANY_CHAR, 0, Expr.Repeat.UNBOUNDED) : parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            out = new Expr.Intersection(out, parts.get(i));
        }
        if (!c.notStrings.isEmpty()) {
            out = new Expr.Difference(out, c.notStrings.size() == 1 ? c.notStrings.get(0) : new Expr.Alt(c.notStrings));
        }
        return out;
    }

    /**
     * The number language of {@code c}: its bounds and multiples ({@link #bounded}), minus the languages of
     * the constraints a {@code not} excluded ({@link Constraints#notNumbers}); with exclusions only plain
     * spellings are kept. Every multipleOf automaton of it, the subtracted ones included (the engine builds a
     * difference's both sides), counts against the schema's {@code budget}, so a refusal names the keyword
     * that ran over it: the outer {@code multipleOf} or the negated one.
     */
    static Expr number(Constraints c, AutomatonBudget budget) {
        Expr out = bounded(c, budget);
        if (c.notNumbers.isEmpty() || Exprs.isNothing(out)) {
            return out;
        }
        if (out.equals(NumberLanguages.number(null, false, null, false))) {
            out = NumberLanguages.plain();
        }
        List<Expr> removed = new ArrayList<>();
        for (Constraints n : c.notNumbers) {
            removed.add(number(n, budget));
        }
        return new Expr.Difference(out, removed.size() == 1 ? removed.get(0) : new Expr.Alt(removed));
    }

    /**
     * As {@link #number(Constraints, AutomatonBudget)} for a language that is only matched against by
     * {@link Membership} (an enum's numbers, a value a {@code not} may exclude) and never becomes part of
     * the grammar: it gets a multipleOf budget of its own, since the engine never builds it.
     */
    static Expr membership(Constraints c) {
        return number(c, AutomatonBudget.full());
    }

    private static Expr bounded(Constraints c, AutomatonBudget budget) {
        boolean integers = (c.types & Types.INTEGER) != 0;
        boolean fractions = (c.types & Types.FRACTIONAL) != 0;
        if (fractions && !integers) {
            throw SchemaException.unsupported(c.numberPointer != null ? c.numberPointer : c.typePointer != null ? c.typePointer : "",
                    "numbers that must not be integers are not supported");
        }
        // Every multipleOf m_i = P_i / 10^q_i; with q the largest scale, x is a multiple of all iff x * 10^q is
        // an integer divisible by L = lcm(m_i * 10^q): one decimal multipleOf L / 10^q.
        int q = 0;
        for (BigDecimal m : c.multipleOf) {
            q = Math.max(q, Math.max(0, m.stripTrailingZeros().scale()));
        }
        BigInteger multiple = null;
        for (BigDecimal m : c.multipleOf) {
            BigInteger v = m.movePointRight(q).toBigIntegerExact();
            multiple = multiple == null ? v : multiple.divide(multiple.gcd(v)).multiply(v);
        }
        if (q > 0 && !fractions) {
            // an integer x: x * 10^q ≡ 0 (mod L) iff x ≡ 0 (mod L / gcd(L, 10^q))
            multiple = multiple.divide(multiple.gcd(BigInteger.TEN.pow(q)));
        }
        try {
            if (q > 0 && fractions) {
                return DecimalMultiples.of(c.minimum, c.minimumExclusive, c.maximum, c.maximumExclusive, multiple, q,
                        c.multipleOfPointer, budget);
            }
            if (!fractions || multiple != null) {
                // A multiple of an integer is an integer: 4.0 then counts as a multiple of 2 in every draft.
                boolean zeros = fractions || c.draft.fractionZerosAreIntegers();
                return NumberLanguages.integer(c.minimum, c.minimumExclusive, c.maximum, c.maximumExclusive, multiple, zeros, budget);
            }
            return NumberLanguages.number(c.minimum, c.minimumExclusive, c.maximum, c.maximumExclusive);
        } catch (SchemaException e) {
            if (e.pointer().equals("/multipleOf") && c.multipleOfPointer != null) { // the leaf's relative pointer
                throw new SchemaException(e.kind(), c.multipleOfPointer, e.reason());
            }
            if (e.pointer().isEmpty() && c.numberPointer != null) {
                throw new SchemaException(e.kind(), c.numberPointer, e.reason());
            }
            throw e;
        }
    }

}
