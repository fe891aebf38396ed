package org.sampling4j.grammar.engine;

import java.util.ArrayList;
import java.util.List;
import org.sampling4j.grammar.syntax.Expr;

/**
 * The quoted JSON string whose decoded value is a given key, in every spelling RFC 8259 section 7
 * allows: each character literally (except {@code "}, {@code \\} and U+0000-U+001F), as its
 * two-character escape where it has one ({@code \" \\ \/ \b \f \n \r \t}), or as {@code \\uXXXX} with
 * hex digits in either case; a character above U+FFFF as its surrogate pair {@code \\uD83D\\uDE00}.
 * (What the schema compiler's {@code JsonStrings.literal} gives; written here so the engine does not
 * depend on the compiler.)
 */
final class JsonKeySpelling {
    private JsonKeySpelling() {
    }

    /** Every spelling of {@code key}, quotes included. */
    static Expr quoted(String key) {
        List<Expr> items = new ArrayList<>();
        items.add(new Expr.Literal("\""));
        key.codePoints().forEach(cp -> items.add(character(cp)));
        items.add(new Expr.Literal("\""));
        return new Expr.Seq(items);
    }

    private static Expr character(int cp) {
        List<Expr> ways = new ArrayList<>();
        if (cp >= 0x20 && cp != '"' && cp != '\\') {
            ways.add(new Expr.Literal(new String(Character.toChars(cp))));
        }
        String two = switch (cp) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '/' -> "\\/";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> null;
        };
        if (two != null) {
            ways.add(new Expr.Literal(two));
        }
        if (cp < 0x10000) {
            ways.add(unit(cp));
        } else {
            ways.add(new Expr.Seq(List.of(unit(Character.highSurrogate(cp)), unit(Character.lowSurrogate(cp)))));
        }
        return new Expr.Alt(ways);
    }

    /** {@code \\u} and the four hex digits of UTF-16 unit {@code u}, letters in either case. */
    private static Expr unit(int u) {
        List<Expr> items = new ArrayList<>();
        items.add(new Expr.Literal("\\u"));
        for (int shift = 12; shift >= 0; shift -= 4) {
            int h = (u >>> shift) & 0xF;
            if (h < 10) {
                items.add(new Expr.Literal(String.valueOf((char) ('0' + h))));
            } else {
                int upper = 'A' + h - 10;
                int lower = 'a' + h - 10;
                items.add(new Expr.Chars(new int[] {upper, upper, lower, lower}));
            }
        }
        return new Expr.Seq(items);
    }
}
