package org.sampling4j.grammar.automaton;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.grammar.syntax.Expr;

/**
 * The lazy DFA fills a whole byte class per subset step and packs accept/continue flags into its
 * moves; both must be invisible. The oracle is a plain NFA set simulation written here, byte by
 * byte, with no classes and no DFA: on random lexemes (byte ranges of every width, multi-byte
 * characters, repeats, alternations) and random byte strings, the DFA's state is dead, accepts the
 * same lexemes and continues exactly when the simulated set says so, and each packed move's flags
 * agree with {@link LazyDfa#acceptOf} and {@link LazyDfa#continues} of its target; and
 * {@link LazyDfa#loopBytes} never holds a byte whose simulated step leaves the set, and holds all
 * of them once every move of the state is built.
 */
@KernelIndependent
class LazyDfaByteClassTest {
    private static final int[][] RANGES = {{'a', 'z'}, {'0', '9'}, {'a', 'a'}, {' ', ' '}, {0, 0x7F}, {0xE9, 0xE9},
        {0x80, 0x7FF}, {0x20AC, 0x20AC}, {0x1F600, 0x1F64F}, {'A', 'Z'}, {'x', 'z'}, {'_', '_'}};

    @Test
    void classesAreTheMaximalRunsOfBytesNoRangeTellsApart() {
        Random r = new Random(11);
        for (int round = 0; round < 200; round++) {
            NfaBuilder b = new NfaBuilder(Map.of(), 100_000, 200);
            for (int l = 0; l < 1 + r.nextInt(4); l++) {
                b.addLexeme(expr(r, 0));
            }
            ByteNfa nfa = b.build();
            List<int[]> ranges = new ArrayList<>();
            for (int q = 0; q < nfa.size(); q++) {
                if (nfa.kind[q] == ByteNfa.RANGE) {
                    ranges.add(new int[] {nfa.lo[q], nfa.hi[q]});
                }
            }
            for (int x = 0; x < 256; x++) {
                for (int y = x + 1; y < 256; y++) {
                    boolean same = true;
                    for (int[] g : ranges) {
                        same &= (g[0] <= x && x <= g[1]) == (g[0] <= y && y <= g[1]);
                    }
                    if (nfa.byteClass[x] == nfa.byteClass[y]) {
                        assertTrue(same, "bytes " + x + " and " + y + " share a class but a range tells them apart");
                    } else if (y == x + 1) {
                        assertFalse(same, "neighbours " + x + " and " + y + " are split though no range tells them apart");
                    }
                }
            }
            int c = nfa.byteClasses();
            assertEquals(0, nfa.classFirst[0]);
            assertEquals(256, nfa.classFirst[c]);
            for (int k = 0; k < c; k++) {
                for (int x = nfa.classFirst[k]; x < nfa.classFirst[k + 1]; x++) {
                    assertEquals(k, nfa.byteClass[x]);
                }
            }
        }
    }

    @Test
    void aClassOfLettersIsOneClass() {
        NfaBuilder b = new NfaBuilder(Map.of(), 1_000, 100);
        b.addLexeme(new Expr.Repeat(new Expr.Chars(new int[] {'a', 'z'}), 1, Expr.Repeat.UNBOUNDED));
        ByteNfa nfa = b.build();
        assertEquals(3, nfa.byteClasses()); // [0, 'a'), ['a', 'z'], ('z', 255]
    }

    @Test
    void movesAgreeWithAByteByByteNfaSimulation() {
        Random r = new Random(12);
        for (int round = 0; round < 300; round++) {
            NfaBuilder b = new NfaBuilder(Map.of(), 100_000, 200);
            int lexemes = 1 + r.nextInt(4);
            List<Expr> exprs = new ArrayList<>();
            for (int l = 0; l < lexemes; l++) {
                Expr e = expr(r, 0);
                exprs.add(e);
                b.addLexeme(e);
            }
            ByteNfa nfa = b.build();
            LazyDfa dfa = new LazyDfa(nfa, 100_000);
            for (int walk = 0; walk < 20; walk++) {
                int[] chosen = subset(r, lexemes);
                int d = dfa.startState(chosen, 0, chosen.length);
                TreeSet<Integer> set = new TreeSet<>();
                for (int l : chosen) {
                    set.addAll(closure(nfa, List.of(nfa.lexemeStart[l])));
                }
                set.removeIf(q -> nfa.kind[q] == ByteNfa.ACCEPT); // a start state never accepts
                byte[] text = sample(r, exprs);
                for (int i = 0; i < text.length && d != LazyDfa.DEAD; i++) {
                    int x = text[i] & 0xFF;
                    int prev = d;
                    int packed = dfa.move(dfa.row(d), d, x);
                    d = LazyDfa.target(packed);
                    assertEquals(d, dfa.next(prev, x));
                    set = step(nfa, set, x);
                    String where = "round " + round + " text " + Arrays.toString(text) + " byte " + i;
                    assertEquals(set.isEmpty(), d == LazyDfa.DEAD, where);
                    assertArrayEquals(accepts(nfa, set), dfa.acceptLexemes(dfa.acceptOf(d)), where);
                    boolean continues = set.stream().anyMatch(q -> nfa.kind[q] == ByteNfa.RANGE);
                    assertEquals(continues, dfa.continues(d), where);
                    assertEquals(dfa.acceptOf(d) != 0, (packed & LazyDfa.ACCEPTS) != 0, where);
                    assertEquals(dfa.continues(d), (packed & LazyDfa.CONTINUES) != 0, where);
                    if (round < 100 && i == text.length - 1 && d != LazyDfa.DEAD) {
                        boolean[] back = new boolean[256];
                        long[] early = dfa.loopBytes(d).clone(); // most of d's moves are not built yet
                        for (int y = 0; y < 256; y++) {
                            back[y] = step(nfa, set, y).equals(set);
                            assertTrue(back[y] || (early[y >>> 6] >>> (y & 63) & 1) == 0, where + " false loop byte " + y);
                            assertEquals(back[y], dfa.next(d, y) == d, where + " loop byte " + y);
                        }
                        long[] loops = dfa.loopBytes(d); // every move built now: exactly the loop bytes
                        for (int y = 0; y < 256; y++) {
                            assertEquals(back[y], (loops[y >>> 6] >>> (y & 63) & 1) == 1, where + " loop byte " + y);
                        }
                    }
                }
            }
        }
    }

    private static int[] subset(Random r, int n) {
        List<Integer> out = new ArrayList<>();
        for (int l = 0; l < n; l++) {
            if (r.nextBoolean() || (l == n - 1 && out.isEmpty())) {
                out.add(l);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Mostly a prefix of some lexeme's string, sometimes with a random byte in it. */
    private static byte[] sample(Random r, List<Expr> exprs) {
        StringBuilder sb = new StringBuilder();
        write(exprs.get(r.nextInt(exprs.size())), r, sb, 0);
        byte[] b = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (b.length > 0 && r.nextInt(3) == 0) {
            b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        }
        return b;
    }

    private static void write(Expr e, Random r, StringBuilder sb, int depth) {
        if (e instanceof Expr.Literal lit) {
            sb.append(lit.text());
        } else if (e instanceof Expr.Chars c) {
            int k = 2 * r.nextInt(c.ranges().length / 2);
            sb.appendCodePoint(c.ranges()[k] + r.nextInt(c.ranges()[k + 1] - c.ranges()[k] + 1));
        } else if (e instanceof Expr.Seq s) {
            for (Expr item : s.items()) {
                write(item, r, sb, depth + 1);
            }
        } else if (e instanceof Expr.Alt a) {
            write(a.options().get(r.nextInt(a.options().size())), r, sb, depth + 1);
        } else if (e instanceof Expr.Repeat rep) {
            int max = rep.max() == Expr.Repeat.UNBOUNDED ? rep.min() + 3 : rep.max();
            int n = rep.min() + r.nextInt(max - rep.min() + 1);
            for (int i = 0; i < n; i++) {
                write(rep.body(), r, sb, depth + 1);
            }
        }
    }

    private static Expr expr(Random r, int depth) {
        int pick = depth > 3 ? r.nextInt(2) : r.nextInt(5);
        switch (pick) {
            case 0: {
                int[] g = RANGES[r.nextInt(RANGES.length)];
                return new Expr.Chars(new int[] {g[0], g[1]});
            }
            case 1:
                return new Expr.Literal(new String[] {"a", "ab", "é", "€x", "0", "zz"}[r.nextInt(6)]);
            case 2:
                return new Expr.Seq(List.of(expr(r, depth + 1), expr(r, depth + 1)));
            case 3:
                return new Expr.Alt(List.of(expr(r, depth + 1), expr(r, depth + 1)));
            default: {
                int min = r.nextInt(2);
                return new Expr.Repeat(expr(r, depth + 1), min, r.nextBoolean() ? Expr.Repeat.UNBOUNDED : min + r.nextInt(3));
            }
        }
    }

    /** The live RANGE and ACCEPT states reachable from {@code seeds} through epsilon moves. */
    private static TreeSet<Integer> closure(ByteNfa nfa, List<Integer> seeds) {
        TreeSet<Integer> out = new TreeSet<>();
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(seeds);
        java.util.HashSet<Integer> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            int q = todo.pop();
            if (q < 0 || !nfa.live[q] || !seen.add(q)) {
                continue;
            }
            if (nfa.kind[q] == ByteNfa.EPSILON) {
                todo.push(nfa.out1[q]);
                todo.push(nfa.out2[q]);
            } else {
                out.add(q);
            }
        }
        return out;
    }

    private static TreeSet<Integer> step(ByteNfa nfa, TreeSet<Integer> set, int x) {
        List<Integer> seeds = new ArrayList<>();
        for (int q : set) {
            if (nfa.kind[q] == ByteNfa.RANGE && nfa.lo[q] <= x && x <= nfa.hi[q]) {
                seeds.add(nfa.out1[q]);
            }
        }
        return closure(nfa, seeds);
    }

    private static int[] accepts(ByteNfa nfa, TreeSet<Integer> set) {
        return set.stream().filter(q -> nfa.kind[q] == ByteNfa.ACCEPT).mapToInt(q -> nfa.lexemeOf[q]).distinct().sorted()
                .toArray();
    }
}
