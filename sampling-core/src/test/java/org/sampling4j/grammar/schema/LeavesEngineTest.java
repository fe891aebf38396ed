package org.sampling4j.grammar.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.grammar.engine.CompiledGrammar;
import org.sampling4j.grammar.engine.EngineLimits;
import org.sampling4j.grammar.engine.MatcherState;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.grammar.syntax.Expr;
import org.sampling4j.grammar.syntax.RegexParser;
import org.sampling4j.text.Vocabulary;

/**
 * The leaf languages run through the real engine (a byte-level vocabulary, the default budgets): each
 * compiles within budget, and byte by byte the engine accepts a string to completion iff the
 * {@code java.util.regex} equivalent matches it, on sampled members and on members with one byte changed.
 */
class LeavesEngineTest {
    private static final String EDITS = "a0-.:\"\\9Zz/@";
    private static final EngineLimits LIMITS = new EngineLimits(250_000, 20_000, 1_000, 1_000_000, 8_000_000, 128L << 20);

    static Vocabulary bytes() {
        Vocabulary.Builder b = Vocabulary.builder();
        for (int i = 0; i < 256; i++) {
            b.add(new byte[] {(byte) i});
        }
        b.addSpecial("<eos>".getBytes(StandardCharsets.UTF_8));
        return b.eos(256).build();
    }

    @Test
    void leavesCompileAndAgreeWithTheirRegexEquivalents() {
        Map<String, Expr> leaves = new LinkedHashMap<>();
        for (String f : new String[] {"date-time", "email", "ipv6", "uri"}) {
            leaves.put("quoted " + f, JsonStrings.quoted(Formats.decoded(f, "/format")));
        }
        leaves.put("quoted \\p{L}+", JsonStrings.quoted(Exprs.repeat(RegexParser.parse("\\p{L}").rootRule().body(), 1, -1)));
        leaves.put("anyQuoted(2,40)", JsonStrings.anyQuoted(2, 40));
        leaves.put("literal", JsonStrings.literal("k\u00e9y\"\uD83D\uDE00"));
        leaves.put("integer 16 | [-10^6, 10^9]", NumberLanguages.integer(new BigDecimal(-1_000_000), false,
                new BigDecimal(1_000_000_000), false, BigInteger.valueOf(16), true));
        leaves.put("number (-2.5, 1e3]", NumberLanguages.number(new BigDecimal("-2.5"), true, new BigDecimal("1e3"), false));
        leaves.put("pattern", JsonStrings.quoted(EcmaPatterns.decoded("^[a-z]+(-\\d{2})?$", "/pattern")));
        Vocabulary v = bytes();
        Random rnd = new Random(41);
        for (Map.Entry<String, Expr> leaf : leaves.entrySet()) {
            CompiledGrammar g = CompiledGrammar.compile(Cfg.single(leaf.getValue()), v, LIMITS);
            for (int i = 0; i < 60; i++) {
                String s = ExprSupport.sample(leaf.getValue(), rnd, 3);
                assertNotNull(s, leaf.getKey());
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                if (i % 2 == 1) {
                    b[rnd.nextInt(b.length)] = (byte) EDITS.charAt(rnd.nextInt(EDITS.length()));
                }
                String text = new String(b, StandardCharsets.UTF_8);
                boolean expected = ExprSupport.matches(leaf.getValue(), text) && java.util.Arrays.equals(b, text.getBytes(StandardCharsets.UTF_8));
                assertEquals(expected, accepts(g, b), leaf.getKey() + ": " + text);
            }
        }
    }

    private static boolean accepts(CompiledGrammar g, byte[] b) {
        MatcherState m = g.newState();
        for (byte x : b) {
            if (!m.tryAccept(x & 0xFF)) {
                return false;
            }
        }
        return m.canStop();
    }
}
