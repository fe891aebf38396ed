package org.sampling4j.grammar.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The array half of {@link Complement}: the arrays that violate one of the array keywords of S, by De
 * Morgan, each as a schema the compiler handles exactly (an array is valid under {@code not S} iff it
 * breaks at least one of them):
 * <ul>
 * <li>{@code minItems m}: at most {@code m - 1} items; {@code maxItems M}: at least {@code M + 1};</li>
 * <li>{@code prefixItems[i] = P} (or draft-07 {@code items[i]}): at least {@code i + 1} items, item
 *     {@code i} valid under {@code not P};</li>
 * <li>{@code items I} with no positional schemas: some item valid under {@code not I}
 *     ({@code contains: {not: I}});</li>
 * <li>{@code contains C} ("at least one"): every item valid under {@code not C} ({@code items: {not: C}}).</li>
 * </ul>
 * UNSUPPORTED at the keyword: {@code items} after positional schemas and {@code additionalItems} (some item
 * past position k is invalid: no keyword says "some item past k"), {@code minContains} above 1 and
 * {@code maxContains} (the count of C items below a bound needs the items that are not C, a complement of a
 * context-free language), {@code uniqueItems: true} (an array with two equal items). A nested {@code not}
 * reports at the document's keyword ({@link Complement#notPointer}): the branch's pointer carries it,
 * {@code <not>/(complement)/<i>/(of)<keyword>}.
 */
final class ArrayComplement {
    static final String OF = "/(of)";

    private ArrayComplement() {
    }

    /** Adds to {@code branches} (their pointers to {@code pointers}) the violations of {@code s}'s array keywords. */
    static void add(Map<String, Object> s, String at, Drafts draft, List<Map<String, Object>> branches, List<String> pointers) {
        Node node = new Node(s, at);
        if (s.containsKey("minItems")) {
            long min = Constraints.count(s, "minItems", node);
            if (min > 0) {
                branch(branches, pointers, null, Map.of("maxItems", BigDecimal.valueOf(min - 1)));
            }
        }
        if (s.containsKey("maxItems")) {
            long max = Constraints.count(s, "maxItems", node);
            branch(branches, pointers, null, Map.of("minItems", BigDecimal.valueOf(max + 1)));
        }
        String positional = s.get("items") instanceof List ? "items" : s.containsKey("prefixItems") ? "prefixItems" : null;
        int k = 0;
        if (positional != null) {
            if (!(s.get(positional) instanceof List<?> l)) {
                throw SchemaException.invalid(at + "/" + positional, positional + " must be an array of schemas, got "
                        + Node.describe(s.get(positional)));
            }
            k = l.size();
            for (int i = 0; i < k; i++) {
                Object p = l.get(i);
                Node.of(p, at + "/" + positional + "/" + i, draft);
                if (trivial(p)) {
                    continue;
                }
                List<Object> prefix = new ArrayList<>();
                for (int j = 0; j < i; j++) {
                    prefix.add(Map.of()); // {} rather than true: draft-04 has no boolean schemas
                }
                prefix.add(Map.of("not", p));
                branch(branches, pointers, "/" + positional + "/" + i, Map.of("minItems", BigDecimal.valueOf(i + 1L),
                        "prefixItems", prefix));
            }
        }
        String rest = "items".equals(positional) ? "additionalItems" : "items";
        if (s.containsKey(rest) && !trivial(s.get(rest))) {
            if (k > 0) {
                throw SchemaException.unsupported(at + "/" + rest, "not of " + rest + " after " + k + " positional schemas is"
                        + " not supported (it would need 'some item past position " + k + " is invalid')");
            }
            branch(branches, pointers, "/" + rest, Map.of("contains", Map.of("not", s.get(rest))));
        }
        if (s.containsKey("contains")) {
            boolean counted = draft.compareTo(Drafts.DRAFT_2019_09) >= 0;
            if (counted && s.containsKey("maxContains")) {
                throw SchemaException.unsupported(at + "/maxContains", "not of maxContains is not supported (the items that"
                        + " do not satisfy contains would be needed)");
            }
            long min = counted && s.containsKey("minContains") ? Constraints.count(s, "minContains", node) : 1;
            if (min > 1) {
                throw SchemaException.unsupported(at + "/minContains", "not of minContains above 1 is not supported (fewer"
                        + " than " + min + " matching items would need maxContains)");
            }
            if (min == 1) {
                branch(branches, pointers, "/contains", Map.of("items", Map.of("not", s.get("contains"))));
            }
        }
        if (Boolean.TRUE.equals(s.get("uniqueItems"))) {
            throw SchemaException.unsupported(at + "/uniqueItems", "not of uniqueItems is not supported (an array with two"
                    + " equal items)");
        }
    }

    private static boolean trivial(Object schema) {
        return Boolean.TRUE.equals(schema) || schema instanceof Map<?, ?> m && m.isEmpty();
    }

    /** One array branch: {@code keywords} with {@code type: array}; {@code of}: the keyword a nested not stands for. */
    private static void branch(List<Map<String, Object>> branches, List<String> pointers, String of, Map<String, Object> keywords) {
        Map<String, Object> m = new LinkedHashMap<>(keywords);
        m.put("type", "array");
        branches.add(m);
        pointers.add(of == null ? "" : OF + of);
    }
}
