package org.sampling4j.text;

/** UTF-8 validity of byte ranges, strict as RFC 3629 (no overlong forms, no surrogates, nothing past U+10FFFF). */
final class Utf8 {
    private Utf8() {
    }

    /** The index of the first byte in {@code [from, to)} that starts an invalid sequence, or -1 if all is valid. */
    static int invalidAt(byte[] b, int from, int to) {
        int p = from;
        while (p < to) {
            int b0 = b[p];
            if (b0 >= 0) {
                p++;
                continue;
            }
            b0 &= 0xFF;
            int n;
            int min = 0x80;
            int max = 0xBF;
            if (b0 >= 0xC2 && b0 <= 0xDF) {
                n = 1;
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                n = 2;
                min = b0 == 0xE0 ? 0xA0 : 0x80;
                max = b0 == 0xED ? 0x9F : 0xBF;
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                n = 3;
                min = b0 == 0xF0 ? 0x90 : 0x80;
                max = b0 == 0xF4 ? 0x8F : 0xBF;
            } else {
                return p;
            }
            for (int i = 1; i <= n; i++) {
                int c = p + i < to ? b[p + i] & 0xFF : -1;
                if (c < (i == 1 ? min : 0x80) || c > (i == 1 ? max : 0xBF)) {
                    return p;
                }
            }
            p += n + 1;
        }
        return -1;
    }
}
