package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code prefixItems}, {@code items} (one schema, or in draft-07 spelling an array of positional
 * schemas with {@code additionalItems}), {@code minItems}, {@code maxItems}, {@code uniqueItems},
 * {@code contains}/{@code minContains}/{@code maxContains} into {@link Constraints}: one
 * {@link Constraints.ArrayPart} per node.
 */
final class ArrayKeywords {
    private ArrayKeywords() {
    }

    static void add(Constraints c, Node n) {
        Map<String, Object> m = n.map();
        Drafts d = c.draft;
        List<Node> prefix = new ArrayList<>();
        Node rest = null;
        boolean any = false;
        if (m.get("items") instanceof List<?> tuple) {
            if (d == Drafts.DRAFT_2020_12 && m.containsKey("prefixItems")) {
                throw SchemaException.invalid(n.at("items"), "items must be a schema when prefixItems is present");
            }
            for (int i = 0; i < tuple.size(); i++) {
                prefix.add(Node.of(tuple.get(i), n.at("items") + "/" + i, d));
            }
            if (m.containsKey("additionalItems")) {
                rest = Node.ofAdditional(m.get("additionalItems"), n.at("additionalItems"), d);
            }
            any = true;
        } else {
            if (m.containsKey("prefixItems")) {
                if (!(m.get("prefixItems") instanceof List<?> l)) {
                    throw SchemaException.invalid(n.at("prefixItems"), "prefixItems must be an array of schemas, got "
                            + Node.describe(m.get("prefixItems")));
                }
                for (int i = 0; i < l.size(); i++) {
                    prefix.add(Node.of(l.get(i), n.at("prefixItems") + "/" + i, d));
                }
                any = true;
            }
            if (m.containsKey("items")) {
                rest = Node.of(m.get("items"), n.at("items"), d);
                any = true;
            }
        }
        if (any) {
            c.arrays.add(new Constraints.ArrayPart(prefix, rest, n.pointer()));
            c.arrayPointer = c.arrayPointer == null ? n.pointer() : c.arrayPointer;
        }
        if (m.containsKey("minItems")) {
            c.minItems = Math.max(c.minItems, Constraints.count(m, "minItems", n));
            c.arrayPointer = c.arrayPointer == null ? n.at("minItems") : c.arrayPointer;
        }
        if (m.containsKey("maxItems")) {
            long v = Constraints.count(m, "maxItems", n);
            c.maxItems = c.maxItems < 0 ? v : Math.min(c.maxItems, v);
            c.arrayPointer = c.arrayPointer == null ? n.at("maxItems") : c.arrayPointer;
        }
        if (m.containsKey("uniqueItems")) {
            if (!(m.get("uniqueItems") instanceof Boolean b)) {
                throw SchemaException.invalid(n.at("uniqueItems"), "uniqueItems must be a boolean, got " + Node.describe(m.get("uniqueItems")));
            }
            if (b) {
                c.uniqueItemsPointer = n.at("uniqueItems");
            }
        }
        if (m.containsKey("contains")) {
            // minContains / maxContains exist from 2019-09; before it, contains means "at least one".
            boolean counted = d.compareTo(Drafts.DRAFT_2019_09) >= 0;
            long min = counted && m.containsKey("minContains") ? Constraints.count(m, "minContains", n) : 1;
            long max = counted && m.containsKey("maxContains") ? Constraints.count(m, "maxContains", n) : -1;
            Node schema = Node.of(m.get("contains"), n.at("contains"), d);
            if (min > 0 || max >= 0) { // minContains 0 alone asserts nothing
                c.contains.add(new Constraints.ContainsPart(schema, min, max, n.at("contains"), n.at("maxContains")));
                c.arrayPointer = c.arrayPointer == null ? n.at("contains") : c.arrayPointer;
            }
        }
    }
}
