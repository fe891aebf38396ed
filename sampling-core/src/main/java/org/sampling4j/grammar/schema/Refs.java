package org.sampling4j.grammar.schema;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Local {@code $ref} resolution: {@code #} (the root), JSON pointers {@code #/$defs/x},
 * {@code #/definitions/x}, {@code #/properties/a~1b} (RFC 6901 escapes {@code ~0 ~1}, after
 * %-decoding as RFC 3986 fragments require), plain-name anchors {@code #name} ({@code $anchor}, and the
 * draft-07 {@code $id: "#name"} form), and references that start with the root's own {@code $id}.
 * Anything else points outside the document: UNSUPPORTED (no schema is ever fetched). A pointer to
 * nowhere is INVALID.
 */
final class Refs {
    private final Object root;
    private final Drafts draft;
    private final String rootId;
    private final Map<String, String> anchors = new HashMap<>();

    Refs(Object root, Drafts draft) {
        this.root = root;
        this.draft = draft;
        Object id = root instanceof Map<?, ?> m ? m.get(draft.compareTo(Drafts.DRAFT_04) == 0 ? "id" : "$id") : null;
        this.rootId = id instanceof String s ? s.replaceFirst("#$", "") : null;
        collectAnchors();
    }

    /** The schema that {@code ref} (the value of the {@code $ref} at {@code pointer}) names. */
    Node resolve(String ref, String pointer) {
        String r = ref;
        if (rootId != null && !rootId.isEmpty() && r.startsWith(rootId)) {
            r = r.substring(rootId.length());
        }
        if (r.isEmpty()) {
            r = "#";
        }
        if (!r.startsWith("#")) {
            throw SchemaException.unsupported(pointer, "$ref " + JsonQuote.of(ref)
                    + " points outside this schema: only local references (#, #/json/pointer, #anchor) are resolved");
        }
        String fragment = URLDecoder.decode(r.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        if (fragment.isEmpty()) {
            return Node.of(root, "", draft);
        }
        if (!fragment.startsWith("/")) {
            String target = anchors.get(fragment);
            if (target == null) {
                throw SchemaException.invalid(pointer, "$ref " + JsonQuote.of(ref) + ": no $anchor named " + JsonQuote.of(fragment));
            }
            return Node.of(at(target), target, draft);
        }
        Object cur = root;
        StringBuilder where = new StringBuilder();
        for (String raw : fragment.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            where.append('/').append(raw);
            if (cur instanceof Map<?, ?> m && m.containsKey(token)) {
                cur = m.get(token);
            } else if (cur instanceof List<?> l && token.matches("0|[1-9][0-9]{0,8}") && Integer.parseInt(token) < l.size()) {
                cur = l.get(Integer.parseInt(token));
            } else {
                throw SchemaException.invalid(pointer, "$ref " + JsonQuote.of(ref) + " points to nowhere (no " + where + ")");
            }
        }
        return Node.of(cur, where.toString(), draft);
    }

    private Object at(String pointer) {
        Object cur = root;
        if (pointer.isEmpty()) {
            return cur;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            cur = cur instanceof Map<?, ?> m ? m.get(token) : ((List<?>) cur).get(Integer.parseInt(token));
        }
        return cur;
    }

    /** Every {@code $anchor} (and draft-07 {@code $id: "#name"}) in the tree, walked without recursion. */
    private void collectAnchors() {
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, ""});
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            String p = (String) top[1];
            if (top[0] instanceof Map<?, ?> m) {
                if (m.get("$anchor") instanceof String a) {
                    anchors.putIfAbsent(a, p);
                }
                if (m.get("$id") instanceof String id && id.startsWith("#") && id.length() > 1) {
                    anchors.putIfAbsent(id.substring(1), p);
                }
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    String k = (String) e.getKey();
                    stack.push(new Object[] {e.getValue(), p + "/" + k.replace("~", "~0").replace("/", "~1")});
                }
            } else if (top[0] instanceof List<?> l) {
                for (int i = 0; i < l.size(); i++) {
                    stack.push(new Object[] {l.get(i), p + "/" + i});
                }
            }
        }
    }
}
