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

    /**
     * {@code str(x)} of a JSON scalar as Python prints it in an f-string: ints as digits, floats as
     * {@code repr(float)} ({@code 1.5}, {@code 2.0}, {@code 1e-05}, {@code inf}), booleans
     * {@code True} / {@code False}, None for null, strings as they are.
     */
    static String str(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? "True" : "False";
        }
        if (v instanceof Double || v instanceof Float) {
            return floatRepr(((Number) v).doubleValue());
        }
        return String.valueOf(v);
    }

    /** Python's {@code repr(float)}: the shortest digits, fixed notation for exponents -4 to 15. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        java.math.BigDecimal bd = new java.math.BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exponent = digits.length() - bd.scale() - 1; // d = 0.digits x 10^(exponent + 1)
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (exponent >= -4 && exponent < 16) {
            if (exponent < 0) {
                out.append("0.").append("0".repeat(-exponent - 1)).append(digits);
            } else if (digits.length() <= exponent + 1) {
                out.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
            } else {
                out.append(digits, 0, exponent + 1).append('.').append(digits.substring(exponent + 1));
            }
        } else {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits.substring(1));
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            String e = Integer.toString(Math.abs(exponent));
            out.append(e.length() < 2 ? "0" + e : e);
        }
        return out.toString();
    }
}
