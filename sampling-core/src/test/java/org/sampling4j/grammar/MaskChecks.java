package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import org.sampling4j.text.Vocabulary;

/**
 * The checks every random walk makes: the fast mask equals the engine's uncached per-token answer
 * ({@code isAllowed}, a full simulation without trie or cache) and the independent
 * {@link ReferenceRecognizer} on the tokens {@code oracleTokens} selects; EOS exactly when complete;
 * no special, empty or padding id; then a random allowed token is accepted, with rollback, re-accept
 * and fork checked against the masks seen before.
 */
final class MaskChecks {
    private MaskChecks() {
    }

    /** Walks {@code steps} tokens ({@code ref} null: no reference checks, for token terminals); returns the number of steps made (a walk ends early when only EOS is allowed). */
    static int walk(Grammar g, ReferenceRecognizer ref, Random r, int steps, int oracleSample, String what) {
        Vocabulary v = g.vocabulary();
        GrammarMatcher m = g.newMatcher();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        List<int[]> masks = new ArrayList<>();
        List<Integer> accepted = new ArrayList<>();
        int step = 0;
        for (; step < steps; step++) {
            String where = what + " step " + step + " text '" + text + "'";
            int[] mask = new int[g.maskWords()];
            m.fillMask(mask);
            int[] naive = new int[g.maskWords()];
            for (int id = 0; id < v.logitsSize(); id++) {
                if (m.isAllowed(id)) {
                    TokenMask.allow(naive, id);
                }
            }
            assertMasksEqual(naive, mask, v, where + " (uncached isAllowed vs fillMask)");
            masks.add(mask);
            byte[] sofar = text.toByteArray();
            if (ref == null) { // token terminals: no independent reference, only the uncached engine
                walkOn(m, mask, r, accepted, v);
                continue;
            }
            boolean complete = ref.complete(sofar);
            assertEquals(complete, m.canStop(), where + ": canStop");
            for (int e : v.eosIds()) {
                assertEquals(complete, TokenMask.isAllowed(mask, e), where + ": EOS bit");
            }
            ref.commit(sofar);
            int[] sample = sample(v, r, mask, oracleSample);
            for (int id : sample) {
                if (v.isEos(id)) {
                    continue; // checked above
                }
                boolean expect = isText(v, id) && ref.viable(concat(sofar, v.bytes(id)));
                assertEquals(expect, TokenMask.isAllowed(mask, id), where + ": token " + id
                        + (v.isToken(id) ? " '" + v.text(id) + "'" : " (padding)") + " vs reference");
            }
            boolean anyByte = false;
            for (int b = 0; b < 256 && !anyByte; b++) {
                anyByte = ref.viable(concat(sofar, new byte[] {(byte) b}));
            }
            assertEquals(complete && !anyByte, m.isComplete(), where + ": isComplete");
            assertArrayEquals(forced(ref, sofar, 12), Arrays.copyOf(m.forcedBytes(), Math.min(12, m.forcedBytes().length)),
                    where + ": forcedBytes");
            int[] allowed = TokenMask.ids(mask);
            int[] textual = Arrays.stream(allowed).filter(id -> !v.isEos(id)).toArray();
            if (textual.length == 0) {
                break;
            }
            int t = textual[r.nextInt(textual.length)];
            if (r.nextInt(8) == 0) {
                GrammarMatcher f = m.fork();
                assertTrue(m.tryAccept(t));
                int[] again = new int[g.maskWords()];
                f.fillMask(again);
                assertArrayEquals(mask, again, where + ": fork changed by the original's accept");
                m.rollback(1);
            }
            int notAllowed = firstNot(v, mask, id -> true);
            if (notAllowed >= 0) {
                int before = m.acceptedTokens();
                assertEquals(false, m.tryAccept(notAllowed), where + ": tryAccept of a disallowed token");
                assertEquals(before, m.acceptedTokens());
            }
            assertTrue(m.tryAccept(t), where + ": tryAccept of allowed " + t);
            accepted.add(t);
            text.write(v.bytes(t), 0, v.length(t));
            if (r.nextInt(6) == 0 && accepted.size() >= 2) {
                int k = 1 + r.nextInt(Math.min(3, accepted.size()));
                m.rollback(k);
                int[] back = new int[g.maskWords()];
                m.fillMask(back);
                assertArrayEquals(masks.get(masks.size() - k), back, where + ": mask after rollback(" + k + ")");
                for (int i = accepted.size() - k; i < accepted.size(); i++) {
                    m.accept(accepted.get(i));
                }
            }
        }
        return step;
    }

    private static void walkOn(GrammarMatcher m, int[] mask, Random r, List<Integer> accepted, Vocabulary v) {
        int[] allowed = TokenMask.ids(mask);
        if (allowed.length == 0) {
            return;
        }
        int t = allowed[r.nextInt(allowed.length)];
        if (!v.isEos(t) || r.nextInt(4) == 0) {
            m.accept(t);
            accepted.add(t);
        }
    }

    static boolean isText(Vocabulary v, int id) {
        return v.isToken(id) && !v.isSpecial(id) && !v.isEos(id) && v.length(id) > 0;
    }

    private static int firstNot(Vocabulary v, int[] mask, IntPredicate p) {
        for (int id = 0; id < v.logitsSize(); id++) {
            if (!TokenMask.isAllowed(mask, id) && p.test(id)) {
                return id;
            }
        }
        return -1;
    }

    /** All ids when {@code n <= 0}; else up to n allowed ids and n random ids, and every non-text id. */
    private static int[] sample(Vocabulary v, Random r, int[] mask, int n) {
        if (n <= 0) {
            return java.util.stream.IntStream.range(0, v.logitsSize()).toArray();
        }
        java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
        int[] allowed = TokenMask.ids(mask);
        for (int i = 0; i < n && allowed.length > 0; i++) {
            s.add(allowed[r.nextInt(allowed.length)]);
        }
        for (int i = 0; i < n; i++) {
            s.add(r.nextInt(v.logitsSize()));
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The forced bytes by the reference: while not complete and exactly one byte is viable. */
    static byte[] forced(ReferenceRecognizer ref, byte[] sofar, int limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] cur = sofar;
        while (out.size() < limit && !ref.complete(cur)) {
            int only = -1;
            for (int b = 0; b < 256; b++) {
                if (ref.viable(concat(cur, new byte[] {(byte) b}))) {
                    only = only == -1 ? b : -2;
                    if (only == -2) {
                        break;
                    }
                }
            }
            if (only < 0) {
                break;
            }
            out.write(only);
            cur = concat(cur, new byte[] {(byte) only});
        }
        return out.toByteArray();
    }

    static void assertMasksEqual(int[] expected, int[] actual, Vocabulary v, String where) {
        for (int id = 0; id < v.logitsSize(); id++) {
            boolean e = TokenMask.isAllowed(expected, id);
            boolean a = TokenMask.isAllowed(actual, id);
            if (e != a) {
                throw new AssertionError(where + ": token " + id + (v.isToken(id) ? " '" + v.text(id) + "'" : " (padding)")
                        + " expected " + e + " but the mask says " + a);
            }
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
