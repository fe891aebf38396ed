package org.sampling4j.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.function.Predicate;

/**
 * Reads a GGUF header and key-value section through a {@link FileChannel} and one 64 KiB buffer, with
 * positional reads, stopping at the end of the key-values: the tensor infos and data are never read.
 * Every length and count is checked against the bytes left in the file before it is used.
 */
final class GgufHeaderReader {
    private static final int MAGIC = 0x46554747;
    private static final int BUFFER = 1 << 16;
    private static final int MAX_NESTING = 8;

    private final FileChannel channel;
    private final String source;
    private final long fileSize;
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    /** File offset of {@code buf}'s index 0. */
    private long base;
    /** The key being read, for errors. */
    private String key;

    private GgufHeaderReader(FileChannel channel, String source, long fileSize) {
        this.channel = channel;
        this.source = source;
        this.fileSize = fileSize;
        buf.limit(0);
    }

    static GgufMetadata read(Path file, Predicate<String> keep) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new GgufHeaderReader(ch, file.toString(), ch.size()).read(keep);
        }
    }

    private GgufMetadata read(Predicate<String> keep) throws IOException {
        need(4, "the magic GGUF");
        int magic = buf.getInt();
        if (magic != MAGIC) {
            throw error(0, "expected the magic \"GGUF\" (47 47 55 46), got " + hex(magic));
        }
        need(4, "the version");
        int version = buf.getInt();
        if (version != 2 && version != 3) {
            int swapped = Integer.reverseBytes(version);
            throw error(4, "expected GGUF version 2 or 3, got " + Integer.toUnsignedString(version)
                    + (version == 1 ? " (version 1 has 32-bit lengths; convert the file with a newer llama.cpp)"
                    : swapped == 2 || swapped == 3 ? " (a big-endian file of version " + swapped + "; only "
                    + "little-endian files are read)" : ""));
        }
        long tensorCount = u64("the tensor count");
        long kvCount = u64("the metadata key-value count");
        LinkedHashMap<String, GgufMetadata.Entry> entries = new LinkedHashMap<>();
        HashSet<String> seen = new HashSet<>();
        for (long i = 0; i < kvCount; i++) {
            key = null;
            long keyOffset = offset();
            String k = string("key " + i + " of " + kvCount);
            if (!seen.add(k)) {
                throw error(keyOffset, "expected each key once, got " + k + " again");
            }
            key = k;
            long valueOffset = offset();
            GgufMetadata.Type type = type("metadata value type");
            if (keep.test(k)) {
                GgufMetadata.Type elementType = null;
                Object value;
                if (type == GgufMetadata.Type.ARRAY) {
                    elementType = type("array element type");
                    value = array(elementType, 1);
                } else {
                    value = scalar(type);
                }
                entries.put(k, new GgufMetadata.Entry(type, elementType, value, valueOffset));
            } else {
                skip(type, 0);
            }
        }
        return new GgufMetadata(source, version, tensorCount, offset(), entries);
    }

    // ---- values

    private GgufMetadata.Type type(String what) throws IOException {
        long at = offset();
        need(4, "the " + what);
        long code = buf.getInt() & 0xFFFFFFFFL;
        GgufMetadata.Type t = GgufMetadata.Type.of(code);
        if (t == null) {
            throw error(at, "expected " + what + " 0..12, got " + code);
        }
        return t;
    }

    private Object scalar(GgufMetadata.Type type) throws IOException {
        long at = offset();
        if (type == GgufMetadata.Type.STRING) {
            return string("a string value");
        }
        need(type.minBytes(), "a " + type + " value");
        switch (type) {
            case UINT8:
                return buf.get() & 0xFF;
            case INT8:
                return (int) buf.get();
            case UINT16:
                return buf.getShort() & 0xFFFF;
            case INT16:
                return (int) buf.getShort();
            case UINT32:
                return buf.getInt() & 0xFFFFFFFFL;
            case INT32:
                return buf.getInt();
            case FLOAT32:
                return buf.getFloat();
            case BOOL:
                return bool(at);
            case UINT64:
            case INT64:
                return buf.getLong();
            case FLOAT64:
                return buf.getDouble();
            default:
                throw new IllegalStateException(type.toString());
        }
    }

    private boolean bool(long at) throws VocabularyFormatException {
        int b = buf.get() & 0xFF;
        if (b > 1) {
            throw error(at, "expected a bool 0 or 1, got " + b);
        }
        return b == 1;
    }

    private Object array(GgufMetadata.Type type, int depth) throws IOException {
        long countAt = offset();
        int n = count(type, countAt);
        switch (type) {
            case UINT8:
            case INT8:
            case UINT16:
            case INT16:
            case INT32: {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    need(type.minBytes(), "an array element");
                    out[i] = type == GgufMetadata.Type.UINT8 ? buf.get() & 0xFF : type == GgufMetadata.Type.INT8
                            ? buf.get() : type == GgufMetadata.Type.UINT16 ? buf.getShort() & 0xFFFF
                            : type == GgufMetadata.Type.INT16 ? buf.getShort() : buf.getInt();
                }
                return out;
            }
            case UINT32:
            case UINT64:
            case INT64: {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    need(type.minBytes(), "an array element");
                    out[i] = type == GgufMetadata.Type.UINT32 ? buf.getInt() & 0xFFFFFFFFL : buf.getLong();
                }
                return out;
            }
            case FLOAT32: {
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    need(4, "an array element");
                    out[i] = buf.getFloat();
                }
                return out;
            }
            case FLOAT64: {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    need(8, "an array element");
                    out[i] = buf.getDouble();
                }
                return out;
            }
            case BOOL: {
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    long at = offset();
                    need(1, "an array element");
                    out[i] = bool(at);
                }
                return out;
            }
            case STRING:
                return stringArray(n);
            case ARRAY: {
                if (depth >= MAX_NESTING) {
                    throw error(countAt, "expected arrays nested at most " + MAX_NESTING + " deep, got deeper");
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
        long n = u64("the array count");
        long left = fileSize - offset();
        if (n < 0 || n > Integer.MAX_VALUE - 8 || n * type.minBytes() > left) {
            throw error(at, "expected an array count that fits the file, got " + Long.toUnsignedString(n) + " elements of "
                    + type + " (at least " + Long.toUnsignedString(n * type.minBytes()) + " bytes) with " + left
                    + " bytes left");
        }
        return (int) n;
    }

    private void skip(GgufMetadata.Type type, int depth) throws IOException {
        if (type.fixedSize()) {
            skipBytes(type.minBytes(), "a " + type + " value");
        } else if (type == GgufMetadata.Type.STRING) {
            skipBytes(stringLength("a string value"), "a string value");
        } else {
            GgufMetadata.Type element = type("array element type");
            if (element == GgufMetadata.Type.ARRAY && depth >= MAX_NESTING) {
                throw error(offset(), "expected arrays nested at most " + MAX_NESTING + " deep, got deeper");
            }
            long at = offset();
            int n = count(element, at);
            if (element.fixedSize()) {
                skipBytes((long) n * element.minBytes(), "the array's elements");
            } else {
                for (int i = 0; i < n; i++) {
                    skip(element, depth + 1);
                }
            }
        }
    }

    // ---- strings

    /** Reads {@code n} strings into one blob: no String per element. */
    private GgufStringArray stringArray(int n) throws IOException {
        long elementsOffset = offset();
        int[] ends = new int[n];
        byte[] blob = new byte[(int) Math.min(Math.max(16, (long) n * 8), Integer.MAX_VALUE - 8)];
        int size = 0;
        for (int i = 0; i < n; i++) {
            long len = stringLength("a string element");
            if (size + len > Integer.MAX_VALUE - 8) {
                throw error(offset(), "expected an array of strings of less than 2 GiB, got more");
            }
            if (size + len > blob.length) {
                blob = Arrays.copyOf(blob, (int) Math.min(Integer.MAX_VALUE - 8,
                        Math.max(size + len, 2L * blob.length)));
            }
            readInto(blob, size, (int) len);
            size += (int) len;
            ends[i] = size;
        }
        return new GgufStringArray(Arrays.copyOf(blob, size), ends, elementsOffset);
    }

    /** Copies the next {@code len} bytes of the file into {@code dst} at {@code off}. */
    private void readInto(byte[] dst, int off, int len) throws IOException {
        while (len > 0) {
            if (!buf.hasRemaining()) {
                need(Math.min(len, BUFFER), "a string's bytes");
            }
            int k = Math.min(len, buf.remaining());
            buf.get(dst, off, k);
            off += k;
            len -= k;
        }
    }

    private long stringLength(String what) throws IOException {
        long at = offset();
        long len = u64("the length of " + what);
        long left = fileSize - offset();
        if (len < 0 || len > left || len > Integer.MAX_VALUE - 8) {
            throw error(at, "expected " + what + " that fits the file, got a length of " + Long.toUnsignedString(len)
                    + " bytes with " + left + " bytes left");
        }
        return len;
    }

    private String string(String what) throws IOException {
        int len = (int) stringLength(what);
        long at = offset();
        byte[] bytes;
        int off;
        if (len <= BUFFER) {
            need(len, what);
            bytes = buf.array();
            off = buf.arrayOffset() + buf.position();
            buf.position(buf.position() + len);
        } else {
            bytes = new byte[len];
            off = 0;
            int have = Math.min(buf.remaining(), len);
            buf.get(bytes, 0, have);
            ByteBuffer rest = ByteBuffer.wrap(bytes, have, len - have);
            long pos = offset();
            while (rest.hasRemaining()) {
                int r = channel.read(rest, pos);
                if (r < 0) {
                    throw error(pos, "expected " + (len - have) + " more bytes of " + what + ", got the end of the file");
                }
                pos += r;
            }
            base = pos;
            buf.clear().limit(0);
        }
        String s = new String(bytes, off, len, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, off, len));
            } catch (CharacterCodingException e) {
                throw error(at, "expected UTF-8 text in " + what + ", got invalid bytes " + hexPrefix(bytes, off, len));
            }
        }
        return s;
    }

    // ---- bytes

    private long u64(String what) throws IOException {
        need(8, what);
        return buf.getLong();
    }

    private long offset() {
        return base + buf.position();
    }

    /** Makes {@code n <= BUFFER} bytes available at the buffer's position, or fails at the end of the file. */
    private void need(int n, String what) throws IOException {
        if (buf.remaining() >= n) {
            return;
        }
        base += buf.position();
        buf.compact();
        long readAt = base + buf.position();
        while (buf.position() < n) {
            int r = channel.read(buf, readAt);
            if (r < 0) {
                break;
            }
            readAt += r;
        }
        buf.flip();
        if (buf.remaining() < n) {
            throw error(offset(), "expected " + what + " (" + n + " bytes), got the end of the file after "
                    + buf.remaining() + " bytes");
        }
    }

    private void skipBytes(long n, String what) throws IOException {
        if (n <= buf.remaining()) {
            buf.position(buf.position() + (int) n);
            return;
        }
        long target = offset() + n;
        if (target > fileSize) {
            throw error(offset(), "expected " + what + " (" + n + " bytes), got the end of the file after "
                    + (fileSize - offset()) + " bytes");
        }
        base = target;
        buf.clear().limit(0);
    }

    private VocabularyFormatException error(long offset, String message) {
        return new VocabularyFormatException(source + " at offset " + offset + (key != null ? ", key " + key : "")
                + ": " + message);
    }

    private static String hex(int littleEndian) {
        return String.format("%02X %02X %02X %02X", littleEndian & 0xFF, littleEndian >> 8 & 0xFF,
                littleEndian >> 16 & 0xFF, littleEndian >>> 24);
    }

    private static String hexPrefix(byte[] b, int off, int len) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(len, 16); i++) {
            s.append(i == 0 ? "" : " ").append(String.format("%02X", b[off + i] & 0xFF));
        }
        return s.append(len > 16 ? " ..." : "").toString();
    }
}
