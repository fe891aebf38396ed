package org.sampling4j.interop;

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
}
