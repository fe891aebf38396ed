package org.sampling4j.grammar.schema;

import java.util.Map;

/** Reads {@code minLength}, {@code maxLength}, {@code pattern}, {@code format} into {@link Constraints}. */
final class StringKeywords {
    private StringKeywords() {
    }

    static void add(Constraints c, Node n) {
        Map<String, Object> m = n.map();
        if (m.containsKey("minLength")) {
            c.minLength = Math.max(c.minLength, Constraints.count(m, "minLength", n));
            c.lengthPointer = c.lengthPointer == null ? n.at("minLength") : c.lengthPointer;
        }
        if (m.containsKey("maxLength")) {
            long v = Constraints.count(m, "maxLength", n);
            c.maxLength = c.maxLength < 0 ? v : Math.min(c.maxLength, v);
            c.lengthPointer = c.lengthPointer == null ? n.at("maxLength") : c.lengthPointer;
        }
        if (m.containsKey("pattern")) {
            if (!(m.get("pattern") instanceof String p)) {
                throw SchemaException.invalid(n.at("pattern"), "pattern must be a string, got " + Node.describe(m.get("pattern")));
            }
            c.patterns.add(new String[] {p, n.at("pattern")});
        }
        if (m.containsKey("format")) {
            if (!(m.get("format") instanceof String f)) {
                throw SchemaException.invalid(n.at("format"), "format must be a string, got " + Node.describe(m.get("format")));
            }
            c.formats.add(new String[] {f, n.at("format")});
        }
    }
}
