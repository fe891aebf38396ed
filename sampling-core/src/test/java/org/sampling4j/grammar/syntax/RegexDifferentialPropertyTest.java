package org.sampling4j.grammar.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;

/**
 * Our Cfg (through {@link CfgMatcher}) accepts a string iff {@code Pattern.matches} does, on random
 * patterns built from the supported constructs over a small alphabet (ASCII, a 2-byte, a 3-byte and
 * a 4-byte character, {@code \n}, {@code \r}) and random strings over the same alphabet, half of them
 * built to match. Random junk patterns: Java's rejection is our INVALID, and whatever we accept
 * agrees with Java. Nothing but {@link SyntaxException} escapes.
 */
@KernelIndependent
class RegexDifferentialPropertyTest {
    private static final long SEED = 0x5E6E_0001L;
    private static final String[] ALPHABET = {"a", "b", "c", "1", "_", " ", "é", "€", "\uD83D\uDE00", "\n", "\r", "-", "A"};
    private static final String[] CLASS_ITEMS = {"a", "b", "c", "1", "é", "€", "\uD83D\uDE00", "a-c", "0-9", "b-é", "\\n", "\\r",
        "\\d", "\\w", "\\s", "\\D", "\\W", "\\S", "\\h", "\\v", "\\H", "\\V", "\\p{L}", "\\P{L}", "\\p{Lu}", "\\p{Alpha}",
        "\\p{IsAlphabetic}", "\\p{InBasicLatin}", "\\p{So}", "\\p{Punct}", "\\p{IsPunct}", "-", "\\x{1F600}", "\\u00e9", "_", "&"};
    private static final String[] ATOMS = {"a", "b", "c", "1", "é", "€", "\uD83D\uDE00", ".", "\\d", "\\w", "\\s", "\\D", "\\W",
        "\\S", "\\n", "\\r", "\\x61", "\\u20AC", "\\x{1F600}", "\\uD83D\\uDE00", "\\0141", "\\cJ", "\\Qa.\\E", "\\-", "\\.",
        "\\p{L}", "\\P{L}", "\\h", "\\v", "]", "}"};
    private static final String[] QUANTIFIERS = {"?", "*", "+", "{2}", "{0,2}", "{1,}", "{0}", "{1,3}", "??", "*?", "+?", "{2,}?"};

    @Test
    void randomSupportedPatternsAgreeWithJava() {
        qt().withFixedSeed(SEED).withExamples(1500).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            StringBuilder witness = new StringBuilder();
            String pattern = (r.nextInt(8) == 0 ? "^" : "") + alternation(r, 3, witness) + (r.nextInt(8) == 0 ? "$" : "");
            if (!javaAccepts(pattern)) {
                return; // the generator can write an inverted range such as [é-a]; GENERATED_VALID below counts these
            }
            List<String> probes = probes(r, witness.toString());
            Cfg cfg;
            try {
                cfg = RegexParser.parse(pattern);
            } catch (SyntaxException e) {
                // JDK 17 compiles [x&&&] (an empty right operand after a lone character) to a predicate that
                // throws when matched; JDK 25 rejects it. We refuse it; nothing else may be refused here.
                assertEquals(SyntaxException.Kind.UNSUPPORTED, e.kind(), pattern);
                assertTrue(e.reason().contains("bad intersection syntax"), () -> pattern + ": " + e.getMessage());
                return;
            }
            List<Boolean> java = new ArrayList<>();
            for (String s : probes) {
                java.add(Pattern.matches(pattern, s));
            }
            for (int i = 0; i < probes.size(); i++) {
                String s = probes.get(i);
                assertEquals(java.get(i), CfgMatcher.matches(cfg, s),
                        () -> "pattern /" + pattern + "/ on '" + s + "' (seed " + seed + ")");
            }
        });
    }

    @Test
    void randomJunkIsInvalidExactlyWhenJavaRejectsIt() {
        String pieces = "()[]{}|*+?^$.\\-&,0123abé:=!<>pPdwQEx";
        qt().withFixedSeed(SEED + 1).withExamples(4000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            StringBuilder p = new StringBuilder();
            int n = 1 + r.nextInt(10);
            for (int i = 0; i < n; i++) {
                p.appendCodePoint(pieces.codePointAt(pieces.offsetByCodePoints(0, r.nextInt(pieces.codePointCount(0, pieces.length())))));
            }
            String pattern = p.toString();
            boolean javaRejects = false;
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                javaRejects = true;
            }
            Cfg cfg;
            try {
                cfg = RegexParser.parse(pattern);
            } catch (SyntaxException e) {
                assertEquals(javaRejects ? SyntaxException.Kind.INVALID : SyntaxException.Kind.UNSUPPORTED, e.kind(),
                        () -> "/" + pattern + "/: " + e.getMessage());
                return;
            }
            assertEquals(false, javaRejects, () -> "/" + pattern + "/ is rejected by Java but accepted by us");
            for (String s : probes(r, "")) {
                boolean java;
                try {
                    java = Pattern.matches(pattern, s);
                } catch (NullPointerException e) {
                    throw new AssertionError("/" + pattern + "/ fails in Java when matched, but we accepted it", e);
                }
                assertEquals(java, CfgMatcher.matches(cfg, s), () -> "/" + pattern + "/ on '" + s + "'");
            }
        });
    }

    private static boolean javaAccepts(String pattern) {
        try {
            Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    @Test
    void theGeneratorProducesMostlyValidPatternsWithMatchesAndNonMatches() {
        Random r = new Random(SEED);
        int matches = 0;
        int total = 0;
        int valid = 0;
        for (int i = 0; i < 300; i++) {
            StringBuilder witness = new StringBuilder();
            String pattern = alternation(r, 3, witness);
            if (!javaAccepts(pattern)) {
                continue;
            }
            valid++;
            for (String s : probes(r, witness.toString())) {
                matches += Pattern.matches(pattern, s) ? 1 : 0;
                total++;
            }
        }
        // the property above is only worth something if most patterns are valid and both outcomes are common
        assertEquals(true, valid > 270, valid + " of 300 patterns valid");
        assertNotEquals(0, matches);
        assertNotEquals(total, matches);
        assertEquals(true, matches > total / 10 && matches < total * 9 / 10, matches + " of " + total);
    }

    private static List<String> probes(Random r, String witness) {
        List<String> out = new ArrayList<>();
        out.add(witness);
        out.add("");
        for (int k = 0; k < 3; k++) {
            out.add(mutate(r, witness));
        }
        for (int k = 0; k < 4; k++) {
            StringBuilder s = new StringBuilder();
            int n = r.nextInt(6);
            for (int i = 0; i < n; i++) {
                s.append(ALPHABET[r.nextInt(ALPHABET.length)]);
            }
            out.add(s.toString());
        }
        return out;
    }

    private static String mutate(Random r, String s) {
        int[] cps = s.codePoints().toArray();
        List<String> parts = new ArrayList<>();
        for (int cp : cps) {
            parts.add(new String(Character.toChars(cp)));
        }
        int at = parts.isEmpty() ? 0 : r.nextInt(parts.size() + 1);
        switch (r.nextInt(3)) {
            case 0 -> parts.add(Math.min(at, parts.size()), ALPHABET[r.nextInt(ALPHABET.length)]);
            case 1 -> {
                if (!parts.isEmpty()) {
                    parts.remove(Math.min(at, parts.size() - 1));
                }
            }
            default -> {
                if (!parts.isEmpty()) {
                    parts.set(Math.min(at, parts.size() - 1), ALPHABET[r.nextInt(ALPHABET.length)]);
                }
            }
        }
        return String.join("", parts);
    }

    private static String alternation(Random r, int depth, StringBuilder witness) {
        int n = r.nextInt(5) == 0 ? 2 + r.nextInt(2) : 1;
        int chosen = r.nextInt(n);
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < n; i++) {
            StringBuilder w = new StringBuilder();
            p.append(i > 0 ? "|" : "").append(sequence(r, depth, w));
            if (i == chosen) {
                witness.append(w);
            }
        }
        return p.toString();
    }

    private static String sequence(Random r, int depth, StringBuilder witness) {
        StringBuilder p = new StringBuilder();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            StringBuilder w = new StringBuilder();
            String atom = atom(r, depth, w);
            if (r.nextInt(3) == 0) {
                String q = QUANTIFIERS[r.nextInt(QUANTIFIERS.length)];
                p.append(atom).append(q);
                String base = q.length() > 1 && q.endsWith("?") ? q.substring(0, q.length() - 1) : q;
                int times = switch (base) {
                    case "?", "{0,2}" -> r.nextInt(2);
                    case "*" -> r.nextInt(3);
                    case "+", "{1,}", "{1,3}" -> 1 + r.nextInt(2);
                    case "{2}", "{2,}" -> 2;
                    default -> 0;
                };
                witness.append(String.valueOf(w).repeat(times));
            } else {
                p.append(atom);
                witness.append(w);
            }
        }
        return p.toString();
    }

    private static String atom(Random r, int depth, StringBuilder witness) {
        int kind = r.nextInt(depth > 0 ? 10 : 7);
        if (kind < 4) {
            String a = ATOMS[r.nextInt(ATOMS.length)];
            boolean literal = a.codePointCount(0, a.length()) == 1 && !a.equals(".");
            witness.append(literal ? a : ALPHABET[r.nextInt(ALPHABET.length)]);
            return a;
        }
        if (kind < 7) {
            witness.append(ALPHABET[r.nextInt(ALPHABET.length)]);
            return charClass(r, 2);
        }
        String inner = alternation(r, depth - 1, witness);
        return switch (r.nextInt(3)) {
            case 0 -> "(" + inner + ")";
            case 1 -> "(?:" + inner + ")";
            default -> "(?<g" + Long.toHexString(r.nextLong()) + ">" + inner + ")";
        };
    }

    private static String charClass(Random r, int depth) {
        StringBuilder c = new StringBuilder("[");
        if (r.nextInt(3) == 0) {
            c.append('^');
        }
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (depth > 0 && r.nextInt(6) == 0) {
                c.append(charClass(r, depth - 1));
            } else {
                c.append(CLASS_ITEMS[r.nextInt(CLASS_ITEMS.length)]);
            }
        }
        if (depth > 0 && r.nextInt(4) == 0) {
            c.append("&&").append(r.nextBoolean() ? charClass(r, depth - 1) : CLASS_ITEMS[r.nextInt(CLASS_ITEMS.length)]);
        }
        return c.append(']').toString();
    }
}
