package org.sampling4j.text;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.function.Predicate;

/**
 * Reads a GGUF header and key-value section through a {@link FileChannel} and one 64 KiB buffer, with
 * positional reads, stopping at the end of the key-values: the tensor infos and data are never read.
 * Every length and count is checked against the bytes left in the file before it is used. This class walks
 * the header (magic, version, counts, keys); {@link GgufValueReader} reads the typed values and
 * {@link GgufInput} the bytes.
 */
final class GgufHeaderReader {
    private static final int MAGIC = 0x46554747;

    private final GgufInput in;
    private final GgufValueReader values;
    private final String source;

    private GgufHeaderReader(FileChannel channel, String source, long fileSize) {
        this.in = new GgufInput(channel, source, fileSize);
        this.values = new GgufValueReader(in);
        this.source = source;
    }

    static GgufMetadata read(Path file, Predicate<String> keep) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new GgufHeaderReader(ch, file.toString(), ch.size()).read(keep);
        }
    }

    private GgufMetadata read(Predicate<String> keep) throws IOException {
        in.need(4, "the magic GGUF");
        int magic = in.buf.getInt();
        if (magic != MAGIC) {
            throw in.error(0, "expected the magic \"GGUF\" (47 47 55 46), got " + hex(magic));
        }
        in.need(4, "the version");
        int version = in.buf.getInt();
        if (version != 2 && version != 3) {
            int swapped = Integer.reverseBytes(version);
            throw in.error(4, "expected GGUF version 2 or 3, got " + Integer.toUnsignedString(version)
                    + (version == 1 ? " (version 1 has 32-bit lengths; convert the file with a newer llama.cpp)"
                    : swapped == 2 || swapped == 3 ? " (a big-endian file of version " + swapped + "; only "
                    + "little-endian files are read)" : ""));
        }
        long tensorCount = in.u64("the tensor count");
        long kvCount = in.u64("the metadata key-value count");
        LinkedHashMap<String, GgufMetadata.Entry> entries = new LinkedHashMap<>();
        HashSet<String> seen = new HashSet<>();
        for (long i = 0; i < kvCount; i++) {
            in.key = null;
            long keyOffset = in.offset();
            String k = in.string("key " + i + " of " + kvCount);
            if (!seen.add(k)) {
                throw in.error(keyOffset, "expected each key once, got " + k + " again");
            }
            in.key = k;
            long valueOffset = in.offset();
            GgufMetadata.Type type = values.type("metadata value type");
            if (keep.test(k)) {
                GgufMetadata.Type elementType = null;
                Object value;
                if (type == GgufMetadata.Type.ARRAY) {
                    elementType = values.type("array element type");
                    value = values.array(elementType, 1);
                } else {
                    value = values.scalar(type);
                }
                entries.put(k, new GgufMetadata.Entry(type, elementType, value, valueOffset));
            } else {
                values.skip(type, 0);
            }
        }
        return new GgufMetadata(source, version, tensorCount, in.offset(), entries);
    }

    private static String hex(int littleEndian) {
        return String.format("%02X %02X %02X %02X", littleEndian & 0xFF, littleEndian >> 8 & 0xFF,
                littleEndian >> 16 & 0xFF, littleEndian >>> 24);
    }
}
