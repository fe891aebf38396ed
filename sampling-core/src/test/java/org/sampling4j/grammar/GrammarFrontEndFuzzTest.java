package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.grammar.syntax.GbnfParser;
import org.sampling4j.grammar.syntax.JsonGrammars;
import org.sampling4j.text.Vocabulary;

/**
 * A seeded fuzz test across every front end (regex, choice, GBNF, JSON): random grammars from a
 * generator that also samples strings of them, random texts (samples, mutated samples, random
 * strings), and for each text three answers that must agree: the ORACLE ({@code java.util.regex}
 * {@code Pattern.matches} for regex and choice; the independent code-point Earley
 * {@link ReferenceRecognizer} over the front end's Cfg for GBNF and JSON), the matcher fed the text
 * BYTE by byte (the synthetic vocabulary's ids 0..255 are the single bytes), and the matcher fed
 * the text's greedy longest-match TOKENS. At random reachable states (prefixes of accepted texts)
 * the mask is checked for soundness: it equals {t : tryAccept(t)} over the whole vocabulary.
 */
@KernelIndependent
class GrammarFrontEndFuzzTest {
    private static final long SEED = 0x46_555A_5AL;
    private static final int TEXTS = 30;
    private static final String[] ATOMS = {"a", "b", "c", "é", "€", " "};

    @Test
    void regexFrontEndAgreesWithJavaUtilRegex() {
        Random r = new Random(SEED);
        int inLanguage = 0;
        for (int i = 0; i < 40; i++) {
            Node n = regex(r, 3);
            String pattern = n.regex;
            Pattern p = Pattern.compile(pattern);
            Vocabulary v = RandomGrammars.synthetic(r, 80);
            Grammar g = Grammar.regex(pattern, v);
            inLanguage += check(g, v, r, n, s -> p.matcher(s).matches(), "regex /" + pattern + "/");
        }
        assertMixed(inLanguage, 40, "regex");
    }

    @Test
    void choiceFrontEndAgreesWithJavaUtilRegex() {
        Random r = new Random(SEED + 1);
        int inLanguage = 0;
        for (int i = 0; i < 30; i++) {
            List<String> choices = new ArrayList<>();
            for (int k = 1 + r.nextInt(5); k > 0; k--) {
                choices.add(word(r, 1 + r.nextInt(4)));
            }
            StringBuilder alt = new StringBuilder();
            for (String c : choices) {
                alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(c));
            }
            Pattern p = Pattern.compile(alt.toString());
            Vocabulary v = RandomGrammars.synthetic(r, 80);
            Grammar g = Grammar.choice(choices, v);
            Node n = new Node(null, rr -> choices.get(rr.nextInt(choices.size())));
            inLanguage += check(g, v, r, n, s -> p.matcher(s).matches(), "choice " + choices);
        }
        assertMixed(inLanguage, 30, "choice");
    }

    @Test
    void gbnfFrontEndAgreesWithTheReferenceRecognizer() {
        Random r = new Random(SEED + 2);
        int inLanguage = 0;
        for (int i = 0; i < 30; i++) {
            // a recursive rule (balanced nesting) around a random regular body, a repeat of a second rule
            Node body = regex(r, 2);
            String text = "root ::= item (\",\" item)*\n"
                    + "item ::= \"(\" item \")\" | leaf\n"
                    + "leaf ::= " + gbnfOf(body.regex) + "\n";
            ReferenceRecognizer ref = new ReferenceRecognizer(GbnfParser.parse(text, "root"));
            Vocabulary v = RandomGrammars.synthetic(r, 80);
            Grammar g = Grammar.gbnf(text, "root", v);
            Node n = new Node(null, rr -> {
                StringBuilder sb = new StringBuilder();
                for (int k = rr.nextInt(3); k >= 0; k--) {
                    int depth = rr.nextInt(3);
                    sb.append(sb.length() == 0 ? "" : ",").append("(".repeat(depth)).append(body.sample.apply(rr))
                            .append(")".repeat(depth));
                }
                return sb.toString();
            });
            inLanguage += check(g, v, r, n, s -> ref.complete(s.getBytes(StandardCharsets.UTF_8)), "gbnf\n" + text);
        }
        assertMixed(inLanguage, 30, "gbnf");
    }

    @Test
    void jsonFrontEndAgreesWithTheReferenceRecognizer() {
        Random r = new Random(SEED + 3);
        ReferenceRecognizer ref = new ReferenceRecognizer(JsonGrammars.json());
        Vocabulary v = RandomGrammars.synthetic(r, 120);
        Grammar g = Grammar.json(v);
        Node n = new Node(null, GrammarFrontEndFuzzTest::json);
        int inLanguage = 0;
        for (int i = 0; i < 8; i++) {
            inLanguage += check(g, v, r, n, s -> ref.complete(s.getBytes(StandardCharsets.UTF_8)), "json");
        }
        assertMixed(inLanguage, 8, "json");
    }

    /** Checks {@code TEXTS} texts of {@code n} on {@code g}; returns how many were in the language. */
    private static int check(Grammar g, Vocabulary v, Random r, Node n, Predicate<String> oracle, String what) {
        int positives = 0;
        for (int t = 0; t < TEXTS; t++) {
            String s;
            switch (r.nextInt(3)) {
                case 0 -> s = n.sample.apply(r);
                case 1 -> s = mutate(n.sample.apply(r), r);
                default -> s = word(r, r.nextInt(5));
            }
            boolean expect = oracle.test(s);
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            String where = what + " text '" + s + "'";
            GrammarMatcher bytewise = g.newMatcher();
            int[] ids = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                ids[i] = bytes[i] & 0xFF;
            }
            assertEquals(expect, accepts(bytewise, ids), where + ": byte by byte");
            int[] tokens = greedy(v, bytes);
            GrammarMatcher tokenwise = g.newMatcher();
            assertEquals(expect, accepts(tokenwise, tokens), where + ": tokens " + Arrays.toString(tokens));
            if (expect) {
                positives++;
                GrammarMatcher m = g.newMatcher();
                int k = r.nextInt(tokens.length + 1);
                for (int i = 0; i < k; i++) {
                    m.accept(tokens[i]);
                }
                assertMaskSound(g, v, m, where + " after " + k + " tokens");
            }
        }
        return positives;
    }

    /** Both answers occur often enough that agreement is not vacuous. */
    private static void assertMixed(int positives, int grammars, String what) {
        int texts = grammars * TEXTS;
        assertTrue(positives >= texts / 5 && positives <= texts - texts / 5,
                what + ": " + positives + " of " + texts + " texts in the language");
    }

    private static boolean accepts(GrammarMatcher m, int[] ids) {
        for (int id : ids) {
            if (!m.tryAccept(id)) {
                return false;
            }
        }
        return m.canStop();
    }

    /** The mask equals the set of tokens that {@code tryAccept} takes (each undone by rollback). */
    private static void assertMaskSound(Grammar g, Vocabulary v, GrammarMatcher m, String where) {
        int[] mask = new int[g.maskWords()];
        m.fillMask(mask);
        int[] direct = new int[g.maskWords()];
        for (int id = 0; id < v.logitsSize(); id++) {
            if (m.tryAccept(id)) {
                m.rollback(1);
                TokenMask.allow(direct, id);
            }
        }
        MaskChecks.assertMasksEqual(direct, mask, v, where + ": mask vs tryAccept");
    }

    /** Greedy longest-match tokenization over the text tokens (the single bytes guarantee progress). */
    private static int[] greedy(Vocabulary v, byte[] bytes) {
        List<Integer> out = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int best = bytes[at] & 0xFF;
            int bestLen = 1;
            for (int id = 256; id < v.size(); id++) {
                int len = v.length(id);
                if (len > bestLen && at + len <= bytes.length && MaskChecks.isText(v, id)
                        && Arrays.equals(v.bytes(id), 0, len, bytes, at, at + len)) {
                    best = id;
                    bestLen = len;
                }
            }
            out.add(best);
            at += bestLen;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String mutate(String s, Random r) {
        StringBuilder sb = new StringBuilder(s);
        int at = sb.length() == 0 ? 0 : r.nextInt(sb.length() + 1);
        switch (r.nextInt(3)) {
            case 0 -> sb.insert(at, ATOMS[r.nextInt(ATOMS.length)]);
            case 1 -> {
                if (sb.length() > 0) {
                    sb.deleteCharAt(Math.min(at, sb.length() - 1));
                }
            }
            default -> sb.append(ATOMS[r.nextInt(ATOMS.length)]);
        }
        return sb.toString();
    }

    private static String word(Random r, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(ATOMS[r.nextInt(ATOMS.length)]);
        }
        return sb.toString();
    }

    /** A random regex and a sampler of strings in its language. */
    private record Node(String regex, java.util.function.Function<Random, String> sample) {
    }

    private static Node regex(Random r, int depth) {
        int kind = depth == 0 ? r.nextInt(3) : r.nextInt(7);
        switch (kind) {
            case 0: {
                String a = ATOMS[r.nextInt(ATOMS.length)];
                return new Node(a, rr -> a); // no atom is a regex metacharacter
            }
            case 1:
                return new Node("[a-c]", rr -> String.valueOf((char) ('a' + rr.nextInt(3))));
            case 2:
                return new Node("[^a ]", rr -> rr.nextBoolean() ? "b" : "€");
            case 3: {
                Node x = regex(r, depth - 1);
                Node y = regex(r, depth - 1);
                return new Node("(" + x.regex + "|" + y.regex + ")", rr -> rr.nextBoolean() ? x.sample.apply(rr) : y.sample.apply(rr));
            }
            case 4: {
                Node x = regex(r, depth - 1);
                Node y = regex(r, depth - 1);
                return new Node("(" + x.regex + ")(" + y.regex + ")", rr -> x.sample.apply(rr) + y.sample.apply(rr));
            }
            case 5: {
                Node x = regex(r, depth - 1);
                String[] q = {"*", "+", "?"};
                int qi = r.nextInt(3);
                int min = qi == 1 ? 1 : 0;
                int max = qi == 2 ? 1 : 3;
                return new Node("(" + x.regex + ")" + q[qi], rr -> repeat(x, rr, min, max));
            }
            default: {
                Node x = regex(r, depth - 1);
                int min = r.nextInt(3);
                int max = min + r.nextInt(3);
                return new Node("(" + x.regex + "){" + min + "," + max + "}", rr -> repeat(x, rr, min, max));
            }
        }
    }

    private static String repeat(Node x, Random r, int min, int max) {
        StringBuilder sb = new StringBuilder();
        for (int k = min + r.nextInt(max - min + 1); k > 0; k--) {
            sb.append(x.sample.apply(r));
        }
        return sb.toString();
    }

    /** The generated regex subset in GBNF syntax: each literal code point quoted, groups, classes, quantifiers kept. */
    private static String gbnfOf(String regex) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < regex.length(); ) {
            int cp = regex.codePointAt(i);
            if (regex.startsWith("[a-c]", i) || regex.startsWith("[^a ]", i)) {
                sb.append(regex, i, i + 5);
                i += 5;
                continue;
            }
            if ("()|*+?".indexOf(cp) >= 0) {
                sb.append((char) cp);
            } else if (cp == '{') {
                int close = regex.indexOf('}', i);
                sb.append(regex, i, close + 1);
                i = close + 1;
                continue;
            } else {
                sb.append('"').appendCodePoint(cp).append('"');
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** A random JSON document over the fuzz alphabet (strings, numbers, literals, arrays, objects). */
    private static String json(Random r) {
        return value(r, 3);
    }

    private static String value(Random r, int depth) {
        switch (depth == 0 ? r.nextInt(4) : r.nextInt(6)) {
            case 0:
                return "\"" + word(r, r.nextInt(3)).replace(" ", "") + "\"";
            case 1:
                return (r.nextBoolean() ? "-" : "") + r.nextInt(100) + (r.nextBoolean() ? ".5e-3" : "");
            case 2:
                return new String[] {"true", "false", "null"}[r.nextInt(3)];
            case 3:
                return "[]";
            case 4: {
                StringBuilder sb = new StringBuilder("[");
                for (int k = 1 + r.nextInt(3); k > 0; k--) {
                    sb.append(sb.length() > 1 ? ", " : "").append(value(r, depth - 1));
                }
                return sb.append(']').toString();
            }
            default: {
                StringBuilder sb = new StringBuilder("{");
                for (int k = r.nextInt(3); k > 0; k--) {
                    sb.append(sb.length() > 1 ? "," : "").append("\"").append(word(r, 1 + r.nextInt(2))).append("\": ")
                            .append(value(r, depth - 1));
                }
                return sb.append('}').toString();
            }
        }
    }
}
