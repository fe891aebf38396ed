package org.sampling4j.grammar.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code properties}, {@code required}, {@code additionalProperties}, {@code patternProperties},
 * {@code propertyNames}, {@code minProperties}, {@code maxProperties} into {@link Constraints}: one
 * {@link Constraints.ObjectPart} per node, so that intersecting them stays exact.
 */
final class ObjectKeywords {
    private ObjectKeywords() {
    }

    static void add(Constraints c, Node n) {
        Map<String, Object> m = n.map();
        Drafts d = c.draft;
        boolean any = false;
        Map<String, Node> props = new LinkedHashMap<>();
        if (m.containsKey("properties")) {
            props = schemas(m, "properties", n, d);
            any = true;
        }
        Map<String, Node> patterns = Map.of();
        if (m.containsKey("patternProperties")) {
            patterns = schemas(m, "patternProperties", n, d);
            any = true;
        }
        Node additional = null;
        if (m.containsKey("additionalProperties")) {
            additional = Node.ofAdditional(m.get("additionalProperties"), n.at("additionalProperties"), d);
            any = true;
        }
        Node names = null;
        if (m.containsKey("propertyNames")) {
            names = Node.of(m.get("propertyNames"), n.at("propertyNames"), d);
            any = true;
        }
        if (any) {
            c.objects.add(new Constraints.ObjectPart(props, additional, patterns, names, n.pointer()));
            c.objectPointer = c.objectPointer == null ? n.pointer() : c.objectPointer;
        }
        if (m.containsKey("required")) {
            if (!(m.get("required") instanceof List<?> l)) {
                throw SchemaException.invalid(n.at("required"), "required must be an array of strings, got " + Node.describe(m.get("required")));
            }
            for (int i = 0; i < l.size(); i++) {
                if (!(l.get(i) instanceof String s)) {
                    throw SchemaException.invalid(n.at("required") + "/" + i, "required names must be strings, got " + Node.describe(l.get(i)));
                }
                c.required.add(s);
            }
            c.objectPointer = c.objectPointer == null ? n.at("required") : c.objectPointer;
        }
        if (m.containsKey("minProperties")) {
            c.minProperties = Math.max(c.minProperties, Constraints.count(m, "minProperties", n));
            c.propertiesCountPointer = n.at("minProperties");
            c.minPropertiesPointer = n.at("minProperties");
        }
        if (m.containsKey("maxProperties")) {
            long v = Constraints.count(m, "maxProperties", n);
            c.maxProperties = c.maxProperties < 0 ? v : Math.min(c.maxProperties, v);
            c.propertiesCountPointer = n.at("maxProperties");
        }
        if (c.propertiesCountPointer != null && c.objectPointer == null) {
            c.objectPointer = c.propertiesCountPointer;
        }
    }

    static Map<String, Node> schemas(Map<String, Object> m, String key, Node n, Drafts d) {
        if (!(m.get(key) instanceof Map<?, ?> props)) {
            throw SchemaException.invalid(n.at(key), key + " must be an object of schemas, got " + Node.describe(m.get(key)));
        }
        Map<String, Node> out = new LinkedHashMap<>();
        Node holder = new Node(props, n.at(key));
        for (Map.Entry<?, ?> e : props.entrySet()) {
            String k = (String) e.getKey();
            out.put(k, Node.of(e.getValue(), holder.at(k), d));
        }
        return out;
    }
}
