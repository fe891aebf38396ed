package org.sampling4j.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a GGUF file as {@link GgufHeaderReader} reads them: a {@link FileChannel} seen through one
 * 64 KiB little-endian buffer with positional reads, the file offset of the next byte, lengths checked against
 * the bytes left in the file before they are used, UTF-8 strings, and errors that name the file, the offset
 * and the key being read.
 */
final class GgufInput {
    static final int BUFFER = 1 << 16;

    private final FileChannel channel;
    private final String source;
    final long fileSize;
    final ByteBuffer buf = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    /** File offset of {@code buf}'s index 0. */
    private long base;
    /** The key being read, for errors. */
    String key;

    GgufInput(FileChannel channel, String source, long fileSize) {
        this.channel = channel;
        this.source = source;
        this.fileSize = fileSize;
        buf.limit(0);
    }

    /** Copies the next {@code len} bytes of the file into {@code dst} at {@code off}. */
    void readInto(byte[] dst, int off, int len) throws IOException {
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

    long stringLength(String what) throws IOException {
        long at = offset();
        long len = u64("the length of " + what);
        long left = fileSize - offset();
        if (len < 0 || len > left || len > Integer.MAX_VALUE - 8) {
            throw error(at, "expected " + what + " that fits the file, got a length of " + Long.toUnsignedString(len)
                    + " bytes with " + left + " bytes left");
        }
        return len;
    }

    String string(String what) throws IOException {
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

    long u64(String what) throws IOException {
        need(8, what);
        return buf.getLong();
    }

    long offset() {
        return base + buf.position();
    }

    /** Makes {@code n <= BUFFER} bytes available at the buffer's position, or fails at the end of the file. */
    void need(int n, String what) throws IOException {
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

    void skipBytes(long n, String what) throws IOException {
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

    VocabularyFormatException error(long offset, String message) {
        return new VocabularyFormatException(source + " at offset " + offset + (key != null ? ", key " + key : "")
                + ": " + message);
    }

    private static String hexPrefix(byte[] b, int off, int len) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(len, 16); i++) {
            s.append(i == 0 ? "" : " ").append(String.format("%02X", b[off + i] & 0xFF));
        }
        return s.append(len > 16 ? " ..." : "").toString();
    }
}
