package org.sampling4j.text;

import java.io.IOException;
import java.util.Arrays;

/**
 * The typed value reading of {@link GgufHeaderReader}: a metadata value type code, a scalar of each type, an
 * array (typed primitive arrays, strings into one {@link GgufStringArray} blob, nested arrays at most
 * 8 deep), and the skipping of a value nobody kept, each count checked against the file.
 */
final class GgufValueReader {
    private static final int MAX_NESTING = 8;

    private final GgufInput in;

    GgufValueReader(GgufInput in) {
        this.in = in;
    }

    GgufMetadata.Type type(String what) throws IOException {
        long at = in.offset();
        in.need(4, "the " + what);
        long code = in.buf.getInt() & 0xFFFFFFFFL;
        GgufMetadata.Type t = GgufMetadata.Type.of(code);
        if (t == null) {
            throw in.error(at, "expected " + what + " 0..12, got " + code);
        }
        return t;
    }

    Object scalar(GgufMetadata.Type type) throws IOException {
        long at = in.offset();
        if (type == GgufMetadata.Type.STRING) {
            return in.string("a string value");
        }
        in.need(type.minBytes(), "a " + type + " value");
        switch (type) {
            case UINT8:
                return in.buf.get() & 0xFF;
            case INT8:
                return (int) in.buf.get();
            case UINT16:
                return in.buf.getShort() & 0xFFFF;
            case INT16:
                return (int) in.buf.getShort();
            case UINT32:
                return in.buf.getInt() & 0xFFFFFFFFL;
            case INT32:
                return in.buf.getInt();
            case FLOAT32:
                return in.buf.getFloat();
            case BOOL:
                return bool(at);
            case UINT64:
            case INT64:
                return in.buf.getLong();
            case FLOAT64:
                return in.buf.getDouble();
            default:
                throw new IllegalStateException(type.toString());
        }
    }

    private boolean bool(long at) throws VocabularyFormatException {
        int b = in.buf.get() & 0xFF;
        if (b > 1) {
            throw in.error(at, "expected a bool 0 or 1, got " + b);
        }
        return b == 1;
    }

    Object array(GgufMetadata.Type type, int depth) throws IOException {
        long countAt = in.offset();
        int n = count(type, countAt);
        switch (type) {
            case UINT8:
            case INT8:
            case UINT16:
            case INT16:
            case INT32: {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    in.need(type.minBytes(), "an array element");
                    out[i] = type == GgufMetadata.Type.UINT8 ? in.buf.get() & 0xFF : type == GgufMetadata.Type.INT8
                            ? in.buf.get() : type == GgufMetadata.Type.UINT16 ? in.buf.getShort() & 0xFFFF
                            : type == GgufMetadata.Type.INT16 ? in.buf.getShort() : in.buf.getInt();
                }
                return out;
            }
            case UINT32:
            case UINT64:
            case INT64: {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    in.need(type.minBytes(), "an array element");
                    out[i] = type == GgufMetadata.Type.UINT32 ? in.buf.getInt() & 0xFFFFFFFFL : in.buf.getLong();
                }
                return out;
            }
            case FLOAT32: {
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    in.need(4, "an array element");
                    out[i] = in.buf.getFloat();
                }
                return out;
            }
            case FLOAT64: {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    in.need(8, "an array element");
                    out[i] = in.buf.getDouble();
                }
                return out;
            }
            case BOOL: {
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    long at = in.offset();
                    in.need(1, "an array element");
                    out[i] = bool(at);
                }
                return out;
            }
            case STRING:
                return stringArray(n);
            case ARRAY: {
                if (depth >= MAX_NESTING) {
                    throw in.error(countAt, "expected arrays nested at most " + MAX_NESTING + " deep, got deeper");
                }
                Object[] out = new Object[n];
                for (int i = 0; i < n; i++) {
                    out[i] = array(type("array element type"), depth + 1);
                }
                return out;
            }
            default:
                throw new IllegalStateException(type.toString());
        }
    }

    /** Reads an array's count and checks that its elements can fit in the rest of the file. */
    private int count(GgufMetadata.Type type, long at) throws IOException {
        long n = in.u64("the array count");
        long left = in.fileSize - in.offset();
        if (n < 0 || n > Integer.MAX_VALUE - 8 || n * type.minBytes() > left) {
            throw in.error(at, "expected an array count that fits the file, got " + Long.toUnsignedString(n)
                    + " elements of " + type + " (at least " + Long.toUnsignedString(n * type.minBytes())
                    + " bytes) with " + left + " bytes left");
        }
        return (int) n;
    }

    void skip(GgufMetadata.Type type, int depth) throws IOException {
        if (type.fixedSize()) {
            in.skipBytes(type.minBytes(), "a " + type + " value");
        } else if (type == GgufMetadata.Type.STRING) {
            in.skipBytes(in.stringLength("a string value"), "a string value");
        } else {
            GgufMetadata.Type element = type("array element type");
            if (element == GgufMetadata.Type.ARRAY && depth >= MAX_NESTING) {
                throw in.error(in.offset(), "expected arrays nested at most " + MAX_NESTING + " deep, got deeper");
            }
            long at = in.offset();
            int n = count(element, at);
            if (element.fixedSize()) {
                in.skipBytes((long) n * element.minBytes(), "the array's elements");
            } else {
                for (int i = 0; i < n; i++) {
                    skip(element, depth + 1);
                }
            }
        }
    }

    /** Reads {@code n} strings into one blob: no String per element. */
    private GgufStringArray stringArray(int n) throws IOException {
        long elementsOffset = in.offset();
        int[] ends = new int[n];
        byte[] blob = new byte[(int) Math.min(Math.max(16, (long) n * 8), Integer.MAX_VALUE - 8)];
        int size = 0;
        for (int i = 0; i < n; i++) {
            long len = in.stringLength("a string element");
            if (size + len > Integer.MAX_VALUE - 8) {
                throw in.error(in.offset(), "expected an array of strings of less than 2 GiB, got more");
            }
            if (size + len > blob.length) {
                blob = Arrays.copyOf(blob, (int) Math.min(Integer.MAX_VALUE - 8,
                        Math.max(size + len, 2L * blob.length)));
            }
            in.readInto(blob, size, (int) len);
            size += (int) len;
            ends[i] = size;
        }
        return new GgufStringArray(Arrays.copyOf(blob, size), ends, elementsOffset);
    }
}
