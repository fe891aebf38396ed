package org.sampling4j.grammar.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The grammar corpus in {@code src/test/resources/org/sampling4j/grammar/} (our own grammars of the
 * kinds llama.cpp ships: JSON, a JSON array, arithmetic, a C-like language, chess, lists, Japanese;
 * the mask benchmark reads them too): each parses, survives pruning unchanged in language, and
 * accepts and rejects hand-picked strings.
 */
class GbnfCorpusTest {
    static Cfg load(String name) throws IOException {
        try (InputStream in = GbnfCorpusTest.class.getResourceAsStream("/org/sampling4j/grammar/" + name)) {
            assertNotNull(in, name);
            Cfg cfg = GbnfParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Cfg pruned = Cfgs.prune(cfg);
            assertEquals(cfg.rules().keySet(), pruned.rules().keySet(), name + ": every rule is productive");
            return pruned;
        }
    }

    static void table(String name, List<String> pass, List<String> fail) throws IOException {
        Cfg cfg = load(name);
        for (String s : pass) {
            assertTrue(CfgMatcher.matches(cfg, s), () -> name + " should accept '" + s + "'");
        }
        for (String s : fail) {
            assertFalse(CfgMatcher.matches(cfg, s), () -> name + " should reject '" + s + "'");
        }
    }

    @Test
    void json() throws IOException {
        table("json.gbnf", List.of("{}", "[1, 2]", "{\"a\": [true, null]}", "\"x\\u00e9\"", "-0.5e+3", "{\n  \"k\": 1}"),
                List.of("", "{", "[1,]", "01", "{\"a\" 1}", "\"\u0001\"", "[1,  2]"));
    }

    @Test
    void jsonArray() throws IOException {
        table("json_arr.gbnf", List.of("[\n\n]", "[\n{\"a\": 1}\n]", "[\n{}\n,\n{\"b_c\": [1, \"x\"]}\n]".replace("\n,\n", ",\n")),
                List.of("[]", "[\n{a: 1}\n]", "[\n{\"a\": 01x}\n]"));
    }

    @Test
    void arithmetic() throws IOException {
        table("arithmetic.gbnf", List.of("1", "1+2*3", "(1 + 2) * -3", "10 % 3 - 4 / 2", "--5"),
                List.of("", "1+", "(1", "1 2", "*3"));
    }

    @Test
    void cLike() throws IOException {
        table("c.gbnf", List.of("int main() {\n  return 0;\n}", "void f(int a, char b) { if (a < b) { g(a, 'x'); } else { } }",
                "float x() { float y = 1.5; while (y > 0) { y = y - 1; } return y; }"),
                List.of("", "int main() { return 0 }", "main() {}", "int f() { x = ; }"));
    }

    @Test
    void chess() throws IOException {
        table("chess.gbnf", List.of("1. e4 e5\n", "1. e4 e5\n2. Nf3 Nc6\n3. Bb5 a6\n", "1. d4 Nf6\n2. c4 e6\n12. O-O O-O-O+\n",
                "1. exd5 Qxd5#\n", "1. e8=Q Rxe8\n"),
                List.of("", "1. e4\n", "1. e9 e5\n", "2. e4 e5\n", "1. e4 e5"));
    }

    @Test
    void list() throws IOException {
        table("list.gbnf", List.of("- one\n", "- one\n- two items\n"), List.of("", "- \n", "-one\n", "- one", "- a\rb\n"));
    }

    @Test
    void japanese() throws IOException {
        table("japanese.gbnf", List.of("こんにちは。", "日本語を話します！ カタカナ、ひらがな？\n", "「東京」へ行く。"),
                List.of("", "hello。", "こんにちは", "日本語 です。"));
    }
}
