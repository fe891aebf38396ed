package org.sampling4j.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's fields being read: typed reads that remember which fields were consumed, so that
 * whatever is left at the end is reported as unknown instead of being dropped. A {@code null}
 * value reads as absent (JSON {@code null}).
 */
final class RequestFields {
    private final Map<String, ?> fields;
    private final Set<String> seen = new LinkedHashSet<>();
    private final Map<String, String> ignored = new LinkedHashMap<>();
    private final Map<String, String> unsupported = new LinkedHashMap<>();
    private final Map<String, RequestFields> nested = new LinkedHashMap<>();

    RequestFields(Map<String, ?> fields) {
        this.fields = fields;
    }

    /**
     * The fields of the object under {@code name} (Ollama's {@code options}), read the same way;
     * their report joins this one's as {@code name.field}. Null when absent.
     *
     * @throws IllegalArgumentException when the value is not an object
     */
    RequestFields nested(String name) {
        Object v = raw(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException(name + " = " + v + " is not an object");
        }
        @SuppressWarnings("unchecked")
        RequestFields child = new RequestFields((Map<String, ?>) v);
        nested.put(name, child);
        return child;
    }

    /** Records an unsupported field whose value was read (for conditional cases). */
    void unsupportedBecause(String name, String reason) {
        unsupported.put(name, reason);
    }

    /** The raw value, marked as read; null when absent. */
    Object raw(String name) {
        seen.add(name);
        return fields.get(name);
    }

    Double number(String name) {
        Object v = raw(name);
        return v == null ? null : MapValues.number(name, v);
    }

    Integer integer(String name) {
        Object v = raw(name);
        return v == null ? null : MapValues.integer(name, v);
    }

    Long longInteger(String name) {
        Object v = raw(name);
        return v == null ? null : MapValues.longInteger(name, v);
    }

    Boolean bool(String name) {
        Object v = raw(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        throw new IllegalArgumentException(name + " = " + v + " is not a boolean");
    }

    /** A list of token ids, or a single id where the API allows one (HF eos_token_id). */
    int[] tokenIds(String name) {
        Object v = raw(name);
        return v == null ? null : MapValues.tokenIds(name, v);
    }

    int[][] tokenSequences(String name) {
        Object v = raw(name);
        return v == null ? null : MapValues.tokenSequences(name, v);
    }

    /** A field the API defines but that is not the sampler's job; reported with the reason. */
    void ignore(String name, String reason) {
        if (raw(name) != null) {
            ignored.put(name, reason);
        }
    }

    /** A field the API defines that changes which tokens are drawn, and that Sampling4J lacks. */
    void unsupported(String name, String reason) {
        if (raw(name) != null) {
            unsupported.put(name, reason);
        }
    }

    /** Records an ignored field whose value was read (for conditional cases). */
    void ignoredBecause(String name, String reason) {
        ignored.put(name, reason);
    }

    ParamsMapping result(org.sampling4j.SamplingParams params) {
        List<String> unknown = new ArrayList<>();
        Map<String, String> ignoredInOrder = new LinkedHashMap<>();
        Map<String, String> unsupportedInOrder = new LinkedHashMap<>();
        for (String name : fields.keySet()) {
            RequestFields child = nested.get(name);
            if (child != null) {
                ParamsMapping inner = child.result(params);
                inner.ignored().forEach((k, v) -> ignoredInOrder.put(name + "." + k, v));
                inner.unsupported().forEach((k, v) -> unsupportedInOrder.put(name + "." + k, v));
                inner.unknown().forEach(k -> unknown.add(name + "." + k));
            } else if (!seen.contains(name)) {
                unknown.add(name);
            } else if (ignored.containsKey(name)) {
                ignoredInOrder.put(name, ignored.get(name));
            } else if (unsupported.containsKey(name)) {
                unsupportedInOrder.put(name, unsupported.get(name));
            }
        }
        return new ParamsMapping(params, ignoredInOrder, unsupportedInOrder, unknown);
    }
}
