package org.sampling4j.interop;

import java.util.List;

/**
 * Python's string rules where a reference system's behaviour depends on them: {@code str.isspace}
 * (for {@code str.lstrip()} and {@code str.strip()}) and {@code repr} of a list of strings, which
 * vLLM's error messages print.
 */
final class PyText {
    private PyText() {
    }

    /**
     * Whether Python's {@code str.isspace} holds for the code point: bidirectional class WS, B or S,
     * or category Zs. Java's {@code isWhitespace} leaves out the no-break spaces and
     * {@code isSpaceChar} the ASCII controls; together with U+0085 they make exactly Python's set.
     */
    static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85;
    }

    /** {@code s.lstrip()}: s without its leading Python whitespace. */
    static String lstrip(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.codePointAt(i))) {
            i += Character.charCount(s.codePointAt(i));
        }
        return s.substring(i);
    }

    /** Whether {@code s.strip()} is empty: s has no character other than Python whitespace. */
    static boolean isBlank(String s) {
        return lstrip(s).isEmpty();
    }

    /** {@code repr(list)} of strings: {@code ['a', "it's", '\n']}. */
    static String repr(List<String> strings) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < strings.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(repr(strings.get(i)));
        }
        return out.append(']').toString();
    }

    /** {@code repr(s)}: single quotes unless s has a single quote and no double quote. */
    static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(quote).toString();
    }
}
