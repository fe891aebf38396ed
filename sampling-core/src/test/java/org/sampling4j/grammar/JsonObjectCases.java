package org.sampling4j.grammar;

import static org.sampling4j.grammar.G.alt;
import static org.sampling4j.grammar.G.chars;
import static org.sampling4j.grammar.G.lit;
import static org.sampling4j.grammar.G.opt;
import static org.sampling4j.grammar.G.ref;
import static org.sampling4j.grammar.G.seq;
import static org.sampling4j.grammar.G.star;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.grammar.syntax.Expr;

/**
 * Test grammars with {@link Expr.JsonObject} built by hand, and an independent oracle: a small
 * hand-written JSON parser (strings with every escape, integers, objects; whitespace = spaces) that
 * checks the same schema by itself: decoded keys unique, required keys present, member counts.
 *
 * <p>The schema: the outer object has {@code a} (integer, required), {@code b} (string of
 * {@code [a-z]}), {@code c} (the inner object), {@code d} (integer), and additional keys spelled
 * literally {@code "[e-z][a-z]*"} with integer values; 1 to 4 members. The inner object has {@code a}
 * (integer, required) and {@code b} (integer), no other key, any count.
 */
final class JsonObjectCases {
    static final int OUTER_MIN = 1;
    static final int OUTER_MAX = 4;

    private JsonObjectCases() {
    }

    /** The grammar; {@code spaces}: whitespace {@code " "*} between tokens, else compact. */
    static Cfg grammar(boolean spaces) {
        Expr ws = spaces ? star(lit(" ")) : Expr.EMPTY;
        Expr integer = seq(opt(lit("-")), alt(lit("0"), seq(chars('1', '9'), star(chars('0', '9')))));
        Expr string = seq(lit("\""), star(chars('a', 'z')), lit("\""));
        Expr extraKey = seq(lit("\""), chars('e', 'z'), star(chars('a', 'z')), lit("\""));
        Expr.JsonObject inner = new Expr.JsonObject(List.of(
                new Expr.JsonObject.Member("a", ref("int"), true),
                new Expr.JsonObject.Member("b", ref("int"), false)), List.of(), 0, -1, ws);
        Expr.JsonObject outer = new Expr.JsonObject(List.of(
                new Expr.JsonObject.Member("a", ref("int"), true),
                new Expr.JsonObject.Member("b", ref("str"), false),
                new Expr.JsonObject.Member("c", ref("inner"), false),
                new Expr.JsonObject.Member("d", ref("int"), false)),
                List.of(new Expr.JsonObject.KeyClass(extraKey, ref("int"))), OUTER_MIN, OUTER_MAX, ws);
        return G.rules("root", outer, "inner", inner, "int", integer, "str", string);
    }

    /** Whether {@code doc} is an instance (the oracle). */
    static boolean valid(String doc) {
        try {
            Parser p = new Parser(doc);
            p.outer();
            return p.i == doc.length();
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static final class Parser {
        final String s;
        int i;

        Parser(String s) {
            this.s = s;
        }

        void outer() {
            object(true);
        }

        void object(boolean outer) {
            expect('{');
            Set<String> keys = new HashSet<>();
            spaces();
            if (peek() != '}') {
                while (true) {
                    spaces();
                    int rawFrom = i;
                    String key = string();
                    String raw = s.substring(rawFrom, i);
                    if (!keys.add(key)) {
                        throw new IllegalStateException("duplicate " + key);
                    }
                    spaces();
                    expect(':');
                    spaces();
                    if (key.equals("a") || (outer && key.equals("d")) || (!outer && key.equals("b"))) {
                        integer();
                    } else if (outer && key.equals("b")) {
                        String v = string();
                        if (!v.matches("[a-z]*") || !s.substring(i - v.length() - 2, i).equals("\"" + v + "\"")) {
                            throw new IllegalStateException("string");
                        }
                    } else if (outer && key.equals("c")) {
                        object(false);
                    } else if (outer && raw.matches("\"[e-z][a-z]*\"")) {
                        integer();
                    } else {
                        throw new IllegalStateException("key " + key);
                    }
                    spaces();
                    if (peek() == ',') {
                        i++;
                        continue;
                    }
                    break;
                }
            }
            spaces();
            expect('}');
            if (!keys.contains("a")) {
                throw new IllegalStateException("required");
            }
            if (outer && (keys.size() < OUTER_MIN || keys.size() > OUTER_MAX)) {
                throw new IllegalStateException("count");
            }
        }

        void integer() {
            int from = i;
            if (peek() == '-') {
                i++;
            }
            if (peek() == '0') {
                i++;
            } else if (peek() >= '1' && peek() <= '9') {
                while (peek() >= '0' && peek() <= '9') {
                    i++;
                }
            } else {
                throw new IllegalStateException("integer at " + from);
            }
        }

        /** A JSON string (RFC 8259: escapes, no control characters); returns its decoded value. */
        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw new IllegalStateException("control");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        String hex = s.substring(i, Math.min(s.length(), i + 4));
                        if (!hex.matches("[0-9a-fA-F]{4}")) {
                            throw new IllegalStateException("hex");
                        }
                        out.append((char) Integer.parseInt(hex, 16));
                        i += 4;
                    }
                    default -> throw new IllegalStateException("escape");
                }
            }
        }

        void spaces() {
            while (peek() == ' ') {
                i++;
            }
        }

        char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        char next() {
            if (i >= s.length()) {
                throw new IllegalStateException("end");
            }
            return s.charAt(i++);
        }

        void expect(char c) {
            if (next() != c) {
                throw new IllegalStateException("expected " + c + " at " + (i - 1));
            }
        }
    }

    /** Spellings of key {@code k} for documents: literal, and with the first character as upper- and lower-case {@code \\u} escapes. */
    static List<String> spellings(String k) {
        List<String> out = new ArrayList<>();
        out.add("\"" + k + "\"");
        String hex = String.format("%04x", (int) k.charAt(0));
        out.add("\"" + "\\" + "u" + hex + k.substring(1) + "\"");
        out.add("\"" + "\\" + "u" + hex.toUpperCase(java.util.Locale.ROOT) + k.substring(1) + "\"");
        return out;
    }
}
