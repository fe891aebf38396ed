package org.sampling4j.grammar.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keywords of a conjunction of schema nodes, merged: what {@code allOf}, a {@code $ref} with siblings
 * and a chosen {@code anyOf} branch all come to. Merging is exact or refused: types intersect, enum/const
 * value lists intersect (JSON equality), numeric and length bounds take the tighter side, {@code required}
 * unites; {@code properties}/{@code items} are kept per node ({@link ObjectPart}, {@link ArrayPart}) so the
 * object and array rules can intersect them position by position (a key missing from one node's
 * {@code properties} meets that node's {@code additionalProperties}). The applicators ({@code $ref},
 * {@code allOf}, {@code anyOf}, {@code oneOf}) were already expanded by {@link Expansion}; this class sees
 * the other keywords.
 */
final class Constraints {
    /** Keywords that assert something and are not implemented: refused, never ignored. */
    static final Set<String> REFUSED = Set.of("dependentRequired", "dependentSchemas", "dependencies",
            "unevaluatedProperties", "unevaluatedItems", "$dynamicRef", "$recursiveRef");

    /** One node's object keywords. {@code additional} null = unset. */
    record ObjectPart(Map<String, Node> properties, Node additional, Map<String, Node> patterns, Node propertyNames,
                      String pointer) {
    }

    /** One node's array keywords: positional schemas, then {@code rest} (null = unset, i.e. any). */
    record ArrayPart(List<Node> prefix, Node rest, String pointer) {
    }

    /**
     * One node's {@code contains}: at least {@code min} items satisfy {@code schema} ({@code minContains},
     * 1 when unset), at most {@code max} ({@code maxContains}; -1 = unset).
     */
    record ContainsPart(Node schema, long min, long max, String pointer, String maxPointer) {
    }

    final Drafts draft;
    int types = Types.ALL;
    /** The keyword that last narrowed {@link #types} ({@code type}, or a {@code not}), for refusals about types. */
    String typePointer;
    /** Allowed values (const / enum, intersected), or null for no such restriction. */
    List<Object> values;
    String valuesPointer;
    long minLength;
    long maxLength = -1;
    final List<String[]> patterns = new ArrayList<>(); // {pattern, pointer}
    final List<String[]> formats = new ArrayList<>();
    String lengthPointer;
    /** Decoded string languages excluded by {@code not} (see {@link Negations}); empty = none. */
    final List<org.sampling4j.grammar.syntax.Expr> notStrings = new ArrayList<>();
    /**
     * The number constraints whose languages {@code not} excludes (plain decimal spellings, see
     * {@link LeafNegation}); empty = none. Kept as constraints, not languages, so that
     * {@link Leaves#number(Constraints, AutomatonBudget)} builds them under the schema's multipleOf budget.
     * When not empty the number language is restricted to plain spellings before the difference.
     */
    final List<Constraints> notNumbers = new ArrayList<>();
    BigDecimal minimum;
    boolean minimumExclusive;
    BigDecimal maximum;
    boolean maximumExclusive;
    final List<BigDecimal> multipleOf = new ArrayList<>();
    String numberPointer;
    String multipleOfPointer;
    final List<ObjectPart> objects = new ArrayList<>();
    final Set<String> required = new java.util.LinkedHashSet<>();
    long minProperties;
    long maxProperties = -1;
    String objectPointer;
    String propertiesCountPointer;
    String minPropertiesPointer;
    final List<ArrayPart> arrays = new ArrayList<>();
    final List<ContainsPart> contains = new ArrayList<>();
    long minItems;
    long maxItems = -1;
    String arrayPointer;
    String uniqueItemsPointer;

    /** The compile options (format assertion decides what a {@code not} of a format excludes). */
    final SchemaOptions options;
    /** Boolean values excluded by {@code not} of an enum/const. */
    final Set<Boolean> notBooleans = new java.util.HashSet<>();

    Constraints(Drafts draft, SchemaOptions options) {
        this.draft = draft;
        this.options = options;
    }

    /** Adds the keywords of {@code n}; refuses what cannot be enforced exactly. */
    void add(Node n) {
        if (n.value() instanceof Boolean b) {
            if (!b) {
                types = 0;
            }
            return;
        }
        Map<String, Object> m = n.map();
        if (draft.refOverridesSiblings() && m.containsKey("$ref")) {
            return; // draft-07 and earlier: the siblings of $ref are ignored (Expansion followed the $ref)
        }
        for (String k : m.keySet()) {
            if (REFUSED.contains(k) && !Dependencies.handles(k, draft)) {
                throw SchemaException.unsupported(n.at(k), k + " is not supported");
            }
        }
        if (m.containsKey("type")) {
            types &= Types.of(m.get("type"), n.at("type"));
            typePointer = n.at("type");
        }
        if (m.containsKey("const")) {
            restrictValues(List.of(m.get("const")), n.at("const"));
        }
        if (m.containsKey("enum")) {
            if (!(m.get("enum") instanceof List<?> l)) {
                throw SchemaException.invalid(n.at("enum"), "enum must be an array, got " + Node.describe(m.get("enum")));
            }
            restrictValues(new ArrayList<>(l), n.at("enum"));
        }
        StringKeywords.add(this, n);
        NumberKeywords.add(this, n);
        ObjectKeywords.add(this, n);
        ArrayKeywords.add(this, n);
        Negations.add(this, n);
    }

    private void restrictValues(List<Object> list, String pointer) {
        if (values == null) {
            values = list;
            valuesPointer = pointer;
            return;
        }
        List<Object> kept = new ArrayList<>();
        for (Object v : values) {
            for (Object w : list) {
                if (SchemaJson.jsonEquals(v, w)) {
                    kept.add(v);
                    break;
                }
            }
        }
        values = kept;
    }

    /** A non-negative integer keyword value ({@code minLength}, {@code maxItems}, ...), capped at int range. */
    static long count(Map<String, Object> m, String key, Node n) {
        Object v = m.get(key);
        if (!(v instanceof BigDecimal d) || d.signum() < 0 || d.stripTrailingZeros().scale() > 0) {
            throw SchemaException.invalid(n.at(key), key + " must be a non-negative integer, got " + Node.describe(v));
        }
        return d.min(BigDecimal.valueOf(Integer.MAX_VALUE)).longValue();
    }

    /** The object keyword parts' properties united, in first-seen order (for forced-order output). */
    Map<String, List<Node>> propertyConjunctions() {
        Map<String, List<Node>> out = new LinkedHashMap<>();
        for (ObjectPart p : objects) {
            for (String k : p.properties().keySet()) {
                out.computeIfAbsent(k, x -> new ArrayList<>());
            }
        }
        for (String k : required) {
            out.computeIfAbsent(k, x -> new ArrayList<>());
        }
        return out;
    }
}
