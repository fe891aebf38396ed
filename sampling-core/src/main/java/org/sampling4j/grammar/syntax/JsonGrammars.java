package org.sampling4j.grammar.syntax;

/**
 * The built-in JSON grammars, RFC 8259 exactly, written in GBNF and read by {@link GbnfParser}.
 *
 * <p>{@code json}: {@code ws value ws}, any JSON text. {@code json_object}: {@code ws object ws},
 * a text whose value is an object (OpenAI's and llama.cpp's JSON mode). Whitespace is unbounded
 * ({@code [ \t\n\r]*}, as the RFC); strings hold any code point but {@code "}, {@code \} and
 * U+0000-U+001F, and the escapes {@code \" \\ \/ \b \f \n \r \t \\uXXXX} (any four hex digits, as the
 * RFC's grammar allows, lone surrogate escapes included); numbers are
 * {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}; objects may repeat a key (the RFC allows
 * it). {@code string}, {@code number} and {@code ws} are rules of their own, not recursive, so the
 * engine can treat them as lexemes.
 */
public final class JsonGrammars {
    /** The GBNF text of both grammars; root {@code root} is {@code json}, root {@code json-object} the object form. */
    static final String GBNF = String.join("\n",
            "root        ::= ws value ws",
            "json-object ::= ws object ws",
            "value  ::= object | array | string | number | \"true\" | \"false\" | \"null\"",
            "object ::= \"{\" ws ( member ( ws \",\" ws member )* ws )? \"}\"",
            "member ::= string ws \":\" ws value",
            "array  ::= \"[\" ws ( value ( ws \",\" ws value )* ws )? \"]\"",
            "string ::= \"\\\"\" ( [^\"\\\\\\x00-\\x1F] | \"\\\\\" ( [\"\\\\/bfnrt] | \"u\" [0-9a-fA-F]{4} ) )* \"\\\"\"",
            "number ::= \"-\"? ( \"0\" | [1-9] [0-9]* ) ( \".\" [0-9]+ )? ( [eE] [+-]? [0-9]+ )?",
            "ws     ::= [ \\t\\n\\r]*",
            "");

    private JsonGrammars() {
    }

    /** Any JSON text (RFC 8259): {@code ws value ws}. */
    public static Cfg json() {
        return GbnfParser.parse(GBNF, "root");
    }

    /** A JSON text whose value is an object: {@code ws object ws}. */
    public static Cfg jsonObject() {
        return GbnfParser.parse(GBNF, "json-object");
    }
}
