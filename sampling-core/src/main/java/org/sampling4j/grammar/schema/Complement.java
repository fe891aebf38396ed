package org.sampling4j.grammar.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code not S} of an OBJECT or ARRAY schema S, by De Morgan: S is a conjunction of per-keyword assertions about
 * objects and arrays, so an instance is valid under {@code not S} iff it is an object or array that violates
 * one of them, or (when S says {@code type: object} / {@code array}) it is not one. The complement is a union ({@code anyOf}
 * group) of schemas the compiler already handles exactly:
 * <ul>
 * <li>{@code type: "object"}: {@code {not: {type: object}}} (every non-object);</li>
 * <li>{@code required: [k, ...]}: per key an object without {@code k} ({@code properties: {k: {not: {}}}});</li>
 * <li>{@code properties: {k: P}}: an object that has {@code k} with a value valid under {@code not P}
 *     (recursively exact or refused at P);</li>
 * <li>{@code minProperties m}: an object of at most {@code m - 1} members; {@code maxProperties M}: of at
 *     least {@code M + 1};</li>
 * <li>{@code additionalProperties: false} (no {@code properties} / {@code patternProperties} beside it) and
 *     {@code propertyNames: false}: an object of at least one member; other values UNSUPPORTED, as is
 *     {@code patternProperties} with a non-trivial schema (both say "some member is invalid");</li>
 * <li>the array keywords: {@link ArrayComplement}.</li>
 * </ul>
 * The branches may overlap (an anyOf, not a oneOf), which costs nothing for a union. S with any other
 * keyword, or without any object or array keyword, is left to {@link LeafNegation} (which refuses what it cannot
 * negate). The group's synthetic branches live at {@code <not>/(complement)/<i>}.
 */
final class Complement {
    private static final Set<String> OBJECT_KEYS = Set.of("properties", "required", "minProperties", "maxProperties",
            "additionalProperties", "patternProperties", "propertyNames");
    private static final Set<String> ARRAY_KEYS = Set.of("prefixItems", "items", "additionalItems", "minItems", "maxItems",
            "contains", "minContains", "maxContains", "uniqueItems");
    private static final Set<String> INERT = Set.of("title", "description", "$comment", "examples", "default",
            "deprecated", "readOnly", "writeOnly");
    static final String BRANCH = "/(complement)/";

    private Complement() {
    }

    /** Whether {@code schema} is an object or array schema this class complements. */
    static boolean handles(Object schema) {
        if (!(schema instanceof Map<?, ?> m)
                || m.keySet().stream().noneMatch(k -> OBJECT_KEYS.contains(k) || ARRAY_KEYS.contains(k))) {
            return false;
        }
        for (Object k : m.keySet()) {
            if (!OBJECT_KEYS.contains(k) && !ARRAY_KEYS.contains(k) && !INERT.contains(k)
                    && !(k.equals("type") && ("object".equals(m.get(k)) || "array".equals(m.get(k))))) {
                return false;
            }
        }
        return true;
    }

    /** The anyOf group of {@code n}'s {@code not}, or null when {@code n} has no {@code not} this class handles. */
    static Expansion.Group group(Node n, Drafts draft) {
        Map<String, Object> m = n.map();
        if (!handles(m.get("not"))) {
            return null;
        }
        String at = notPointer(n);
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) m.get("not");
        List<Map<String, Object>> branches = new ArrayList<>();
        if ("object".equals(s.get("type")) || "array".equals(s.get("type"))) {
            branches.add(Map.of("not", Map.of("type", s.get("type"))));
        }
        if (s.containsKey("required")) {
            if (!(s.get("required") instanceof List<?> keys)) {
                throw SchemaException.invalid(at + "/required", "required must be an array of strings, got "
                        + Node.describe(s.get("required")));
            }
            for (Object k : keys) {
                if (!(k instanceof String key)) {
                    throw SchemaException.invalid(at + "/required", "required must hold strings, got " + Node.describe(k));
                }
                branches.add(object(Map.of("properties", Map.of(key, Map.of("not", Map.of())))));
            }
        }
        if (s.containsKey("properties")) {
            if (!(s.get("properties") instanceof Map<?, ?> props)) {
                throw SchemaException.invalid(at + "/properties", "properties must be an object, got "
                        + Node.describe(s.get("properties")));
            }
            for (Map.Entry<?, ?> e : props.entrySet()) {
                String key = (String) e.getKey();
                Node sub = Node.of(e.getValue(), at + "/properties/" + key.replace("~", "~0").replace("/", "~1"), draft);
                if (Boolean.TRUE.equals(sub.value()) || sub.value() instanceof Map<?, ?> sm && sm.isEmpty()) {
                    continue; // a value valid under true violates nothing
                }
                branches.add(object(Map.of("required", List.of(key), "properties", Map.of(key, Map.of("not", e.getValue())))));
            }
        }
        long min = s.containsKey("minProperties") ? Constraints.count(s, "minProperties", new Node(s, at)) : 0;
        if (min > 0) {
            branches.add(object(Map.of("maxProperties", BigDecimal.valueOf(min - 1))));
        }
        if (s.containsKey("maxProperties")) {
            long max = Constraints.count(s, "maxProperties", new Node(s, at));
            branches.add(object(Map.of("minProperties", BigDecimal.valueOf(max + 1))));
        }
        if (s.containsKey("additionalProperties") || s.containsKey("propertyNames")) {
            someKey(s, at, branches);
        }
        if (s.containsKey("patternProperties") && !(s.get("patternProperties") instanceof Map<?, ?> pp
                && pp.values().stream().allMatch(v -> Boolean.TRUE.equals(v) || v instanceof Map<?, ?> vm && vm.isEmpty()))) {
            throw SchemaException.unsupported(at + "/patternProperties", "not of patternProperties is not supported (a key"
                    + " matching a pattern whose value is invalid)");
        }
        List<String> suffixes = new ArrayList<>();
        while (suffixes.size() < branches.size()) {
            suffixes.add("");
        }
        ArrayComplement.add(s, at, draft, branches, suffixes);
        if (branches.isEmpty()) {
            branches.add(Map.of("not", Map.of())); // S accepts everything: not S accepts nothing
            suffixes.add("");
        }
        List<List<Node>> out = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            out.add(List.of(new Node(branches.get(i), at + BRANCH + i + suffixes.get(i))));
        }
        return new Expansion.Group(at + BRANCH, out, false);
    }

    /**
     * {@code additionalProperties} / {@code propertyNames} of S: violated by an object with a key outside
     * the named and pattern keys whose value is invalid, or with a key {@code propertyNames} rejects. Exact
     * only when no key is named and every key is such a key ({@code false} with no {@code properties} and no
     * {@code patternProperties}): then the violation is "at least one member"; a {@code true} schema asserts
     * nothing; anything else is UNSUPPORTED at the keyword.
     */
    private static void someKey(Map<String, Object> s, String at, List<Map<String, Object>> branches) {
        boolean named = s.get("properties") instanceof Map<?, ?> p && !p.isEmpty()
                || s.get("patternProperties") instanceof Map<?, ?> pp && !pp.isEmpty();
        for (String k : new String[] {"additionalProperties", "propertyNames"}) {
            if (!s.containsKey(k)) {
                continue;
            }
            Object v = s.get(k);
            if (Boolean.TRUE.equals(v) || v instanceof Map<?, ?> vm && vm.isEmpty()) {
                continue;
            }
            if (Boolean.FALSE.equals(v) && (k.equals("propertyNames") || !named)) {
                branches.add(object(Map.of("minProperties", BigDecimal.ONE)));
                continue;
            }
            throw SchemaException.unsupported(at + "/" + k, "not of " + k + " is supported only as false (with no"
                    + " properties or patternProperties for additionalProperties): 'some key is invalid' is not expressible");
        }
    }

    /**
     * The document pointer of {@code n}'s {@code not} schema: the {@code if} itself for the negated if of
     * {@link Conditionals}, {@code <not>/properties/<k>} for the {@code {not: P}} a property branch of
     * this class made (at {@code <not>/(complement)/<i>/properties/<k>}), else {@code n}'s {@code /not}.
     */
    static String notPointer(Node n) {
        String p = n.pointer();
        if (p.endsWith(Conditionals.NEGATED)) {
            return p.substring(0, p.length() - Conditionals.NEGATED.length());
        }
        java.util.regex.Matcher m = SYNTHETIC.matcher(p);
        if (m.matches()) {
            return m.group(1) + m.group(2);
        }
        m = SYNTHETIC_ARRAY.matcher(p);
        return m.matches() ? m.group(1) + m.group(2) : n.at("not");
    }

    private static final java.util.regex.Pattern SYNTHETIC = java.util.regex.Pattern.compile(
            "(.*)/\\(complement\\)/[0-9]+(/properties/[^/]+)");
    /** An array branch's nested not ({@link ArrayComplement}): the branch pointer names the document keyword. */
    private static final java.util.regex.Pattern SYNTHETIC_ARRAY = java.util.regex.Pattern.compile(
            "(.*)/\\(complement\\)/[0-9]+/\\(of\\)(/contains|/items|/additionalItems|/(?:prefixItems|items)/[0-9]+)"
                    + "/(?:items|contains|prefixItems/[0-9]+)");

    private static Map<String, Object> object(Map<String, Object> keywords) {
        Map<String, Object> m = new LinkedHashMap<>(keywords);
        m.put("type", "object");
        return m;
    }
}
