package org.sampling4j.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sampling4j.internal.JsonReader.Token;

/**
 * Whole values for a {@link JsonReader}: skipping one (checking its syntax, building no strings, without
 * recursion) and reading one as a tree of maps, lists, strings, numbers and booleans (recursive, its depth
 * bounded by the reader's nesting limit).
 */
final class JsonValues {
    private JsonValues() {
    }

    /** Consumes the next value of {@code r}, whose scanner is {@code s}, building nothing. */
    static void skip(JsonReader r, JsonScanner s) throws JsonException {
        Token first = r.peek();
        if (first == Token.END_ARRAY || first == Token.END_OBJECT || first == Token.END_DOCUMENT
                || first == Token.NAME) {
            throw s.unexpected("a value");
        }
        int open = 0;
        do {
            switch (r.peek()) {
                case BEGIN_ARRAY:
                    r.beginArray();
                    open++;
                    break;
                case BEGIN_OBJECT:
                    r.beginObject();
                    open++;
                    break;
                case END_ARRAY:
                    r.endArray();
                    open--;
                    break;
                case END_OBJECT:
                    r.endObject();
                    open--;
                    break;
                case NAME:
                    r.nextName();
                    break;
                case STRING:
                    s.strings.read(false);
                    s.peeked = null;
                    break;
                default:
                    s.peeked = null;
                    break;
            }
        } while (open > 0);
    }

    /** Consumes the next value of {@code r}, whose scanner is {@code s}, as a tree of the given {@code shape}. */
    static Object read(JsonReader r, JsonScanner s, JsonTree shape) throws JsonException {
        switch (r.peek()) {
            case BEGIN_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                r.beginObject();
                while (r.hasNext()) {
                    String key = r.nextName();
                    if (shape.refuseDuplicateKeys() && map.containsKey(key)) {
                        throw r.error("duplicate key " + JsonReader.quote(key));
                    }
                    map.put(key, read(r, s, shape));
                }
                r.endObject();
                return map;
            }
            case BEGIN_ARRAY: {
                List<Object> list = new ArrayList<>();
                r.beginArray();
                while (r.hasNext()) {
                    list.add(read(r, s, shape));
                }
                r.endArray();
                return list;
            }
            case STRING:
                return r.nextString();
            case NUMBER:
                if (shape.exactNumbers()) {
                    return new BigDecimal(r.nextNumberLiteral());
                }
                if (s.numbers.isInteger()) {
                    try {
                        long v = Long.parseLong(s.numbers.literal());
                        s.peeked = null;
                        return v;
                    } catch (NumberFormatException e) {
                        return r.nextDouble();
                    }
                }
                return r.nextDouble();
            case BOOLEAN:
                return r.nextBoolean();
            case NULL:
                r.nextNull();
                return shape.nullValue();
            default:
                throw s.unexpected("a value");
        }
    }
}
