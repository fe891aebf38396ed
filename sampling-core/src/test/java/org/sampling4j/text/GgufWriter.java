package org.sampling4j.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small GGUF headers for tests: the magic, version, counts and typed key-values, little-endian. */
final class GgufWriter {
    static final int UINT8 = 0;
    static final int INT8 = 1;
    static final int UINT16 = 2;
    static final int INT16 = 3;
    static final int UINT32 = 4;
    static final int INT32 = 5;
    static final int FLOAT32 = 6;
    static final int BOOL = 7;
    static final int STRING = 8;
    static final int ARRAY = 9;
    static final int UINT64 = 10;
    static final int INT64 = 11;
    static final int FLOAT64 = 12;

    private final ByteArrayOutputStream kv = new ByteArrayOutputStream();
    private long count;
    private int version = 3;
    private long tensors;
    private Long countOverride;

    GgufWriter version(int v) {
        version = v;
        return this;
    }

    GgufWriter tensors(long n) {
        tensors = n;
        return this;
    }

    /** Announce {@code n} key-values whatever was written (for truncated files). */
    GgufWriter announce(long n) {
        countOverride = n;
        return this;
    }

    GgufWriter scalar(String key, int type, Number value) {
        key(key);
        u32(type);
        value(type, value);
        count++;
        return this;
    }

    GgufWriter bool(String key, boolean value) {
        key(key);
        u32(BOOL);
        kv.write(value ? 1 : 0);
        count++;
        return this;
    }

    GgufWriter string(String key, String value) {
        key(key);
        u32(STRING);
        str(value);
        count++;
        return this;
    }

    GgufWriter strings(String key, String... values) {
        key(key);
        u32(ARRAY);
        u32(STRING);
        u64(values.length);
        for (String v : values) {
            str(v);
        }
        count++;
        return this;
    }

    GgufWriter numbers(String key, int type, Number... values) {
        key(key);
        u32(ARRAY);
        u32(type);
        u64(values.length);
        for (Number v : values) {
            value(type, v);
        }
        count++;
        return this;
    }

    GgufWriter ints(String key, int... values) {
        Number[] boxed = new Number[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return numbers(key, INT32, boxed);
    }

    /** A key, a type code and whatever payload bytes follow, unchecked. */
    GgufWriter raw(String key, int type, byte... payload) {
        key(key);
        u32(type);
        kv.writeBytes(payload);
        count++;
        return this;
    }

    /** Raw bytes appended to the key-value section. */
    GgufWriter bytes(byte... payload) {
        kv.writeBytes(payload);
        return this;
    }

    byte[] toBytes() {
        ByteBuffer head = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        head.put(new byte[] {'G', 'G', 'U', 'F'}).putInt(version).putLong(tensors)
                .putLong(countOverride != null ? countOverride : count);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.array());
        out.writeBytes(kv.toByteArray());
        return out.toByteArray();
    }

    Path write(Path file) throws IOException {
        return Files.write(file, toBytes());
    }

    static byte[] le(int type, Number value) {
        GgufWriter w = new GgufWriter();
        w.value(type, value);
        return w.kv.toByteArray();
    }

    static byte[] u64le(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    private void key(String key) {
        str(key);
    }

    private void str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u64(b.length);
        kv.writeBytes(b);
    }

    private void value(int type, Number v) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case UINT8:
            case INT8:
                b.put(v.byteValue());
                break;
            case UINT16:
            case INT16:
                b.putShort(v.shortValue());
                break;
            case UINT32:
            case INT32:
                b.putInt(v.intValue());
                break;
            case FLOAT32:
                b.putFloat(v.floatValue());
                break;
            case UINT64:
            case INT64:
                b.putLong(v.longValue());
                break;
            case FLOAT64:
                b.putDouble(v.doubleValue());
                break;
            default:
                throw new IllegalArgumentException("type " + type);
        }
        kv.write(b.array(), 0, b.position());
    }

    private void u32(int v) {
        value(UINT32, v);
    }

    private void u64(long v) {
        value(UINT64, v);
    }
}
