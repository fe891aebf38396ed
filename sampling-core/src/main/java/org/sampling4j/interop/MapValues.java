package org.sampling4j.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed reads from the {@code Map<String, Object>} a JSON library produces, naming the field on error. */
final class MapValues {
    private MapValues() {
    }

    static double number(String field, Object value) {
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        throw new IllegalArgumentException(field + " = " + value + " is not a number");
    }

    static int integer(String field, Object value) {
        double d = number(field, value);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " = " + value + " is not an integer in [-2147483648, 2147483647]");
        }
        return (int) d;
    }

    static long longInteger(String field, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger) {
            return ((java.math.BigInteger) value).longValue(); // seeds wrap modulo 2^64, as uint64 seeds do
        }
        double d = number(field, value);
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException(field + " = " + value + " is not an integer");
        }
        return (long) d;
    }

    /** A {"token id": number} object as token id to value. */
    static Map<Integer, Double> tokenMap(String field, Object value) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(field + " = " + value + " is not an object of token id to number");
        }
        Map<Integer, Double> out = new java.util.TreeMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            String key = String.valueOf(e.getKey());
            int id;
            try {
                id = Integer.parseInt(key.trim());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(field + " key \"" + key + "\" is not a token id", ex);
            }
            out.put(id, number(field + "[" + key + "]", e.getValue()));
        }
        return out;
    }

    /** A JSON array of integers (or, where an API allows it, one integer) as token ids. */
    static int[] tokenIds(String field, Object value) {
        if (value instanceof Number) {
            return new int[] {integer(field, value)};
        }
        if (!(value instanceof java.util.List)) {
            throw new IllegalArgumentException(field + " = " + value + " is not a list of token ids");
        }
        java.util.List<?> list = (java.util.List<?>) value;
        int[] ids = new int[list.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = integer(field + "[" + i + "]", list.get(i));
        }
        return ids;
    }

    /** A JSON array of arrays of integers as token-id sequences. */
    static int[][] tokenSequences(String field, Object value) {
        if (!(value instanceof java.util.List)) {
            throw new IllegalArgumentException(field + " = " + value + " is not a list of token-id lists");
        }
        java.util.List<?> list = (java.util.List<?>) value;
        int[][] out = new int[list.size()][];
        for (int i = 0; i < out.length; i++) {
            Object item = list.get(i);
            if (item instanceof CharSequence) {
                throw new UnsupportedSettingException(field + "[" + i + "] as text (\"" + item
                        + "\") needs the model's tokenizer: pass an Encoder, or give token-id lists", field);
            }
            if (!(item instanceof java.util.List)) {
                throw new IllegalArgumentException(field + "[" + i + "] = " + item + " is not a list of token ids");
            }
            out[i] = tokenIds(field + "[" + i + "]", item);
        }
        return out;
    }

    /**
     * A string, or a list of strings, as a list (a lone string is a list of one, as the OpenAI, vLLM
     * and HF stop fields allow). Each request mapping checks emptiness and counts in its own wording.
     */
    static List<String> strings(String field, Object value) {
        if (value instanceof CharSequence) {
            return List.of(value.toString());
        }
        return stringList(field, value);
    }

    /** A JSON array of strings. */
    static List<String> stringList(String field, Object value) {
        if (!(value instanceof List)) {
            throw new IllegalArgumentException(field + " = " + value + " is not a string or a list of strings");
        }
        List<?> list = (List<?>) value;
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (!(item instanceof CharSequence)) {
                throw new IllegalArgumentException(field + "[" + i + "] = " + item + " is not a string");
            }
            out.add(item.toString());
        }
        return out;
    }

    /** Whether value is a JSON array whose every element is a string (an empty array is not). */
    static boolean isStringList(Object value) {
        if (!(value instanceof List) || ((List<?>) value).isEmpty()) {
            return false;
        }
        for (Object item : (List<?>) value) {
            if (!(item instanceof CharSequence)) {
                return false;
            }
        }
        return true;
    }

    /** A number as the messages print it: {@code 2} for 2.0, {@code 0.5}. */
    static String show(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
