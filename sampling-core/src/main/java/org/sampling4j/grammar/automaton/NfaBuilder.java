package org.sampling4j.grammar.automaton;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.sampling4j.grammar.syntax.Expr;

/**
 * Builds one {@link ByteNfa} for several lexemes, each a regular {@link Expr} (no {@link Expr.Token};
 * a {@link Expr.Ref} names a regular rule of {@code rules}, expanded in place).
 *
 * <p><b>Construction.</b> Thompson's, built backwards: {@code build(e, next)} returns a state from
 * which matching {@code e} leads to {@code next}, so no fragment needs patching. Counted repeats
 * {@code x{m,n}} become {@code m} copies and then {@code n - m} nested optional copies;
 * {@code x{m,}} ends with a loop. <b>Budgets:</b> at most {@code maxStates} states (a repeat checks
 * its whole need after its first copy, so {@code x{1,1000000}} fails at once, naming what it needs)
 * and at most {@code maxNesting} levels of expression nesting plus rule references, so recursion
 * depth is bounded and a {@code StackOverflowError} cannot happen.
 *
 * <p><b>Intersection and difference</b> ({@code Expr.Intersection}, {@code Expr.Difference}) are not
 * Thompson constructions: each operand is determinized eagerly on its own and the trimmed product is
 * embedded as a fragment (see {@link #product}); its states count against the same budget.
 * An {@code Expr.Automaton} is embedded the same way, state by state (see {@link #automaton}).
 */
public final class NfaBuilder {
    private final Map<String, Expr> rules;
    private final int maxStates;
    private final int maxNesting;
    private int n;
    private int[] kind = new int[64];
    private int[] lo = new int[64];
    private int[] hi = new int[64];
    private int[] out1 = new int[64];
    private int[] out2 = new int[64];
    private int[] lexemeOf = new int[64];
    private int[] lexemeStart = new int[8];
    private int lexemes;

    /** {@code rules}: the bodies of the regular rules a lexeme may refer to. */
    public NfaBuilder(Map<String, Expr> rules, int maxStates, int maxNesting) {
        this.rules = rules;
        this.maxStates = maxStates;
        this.maxNesting = maxNesting;
    }

    /** Adds a lexeme and returns its id (0, 1, 2, ... in order of addition). */
    public int addLexeme(Expr e) {
        int id = lexemes;
        int accept = add(ByteNfa.ACCEPT, 0, 0, -1, -1);
        lexemeOf[accept] = id;
        int start = build(e, accept, 0);
        if (lexemes == lexemeStart.length) {
            lexemeStart = Arrays.copyOf(lexemeStart, lexemes * 2);
        }
        lexemeStart[lexemes++] = start;
        return id;
    }

    /** Number of states so far. */
    public int states() {
        return n;
    }

    /** The trimmed automaton of the lexemes added so far. */
    public ByteNfa build() {
        return new ByteNfa(n, kind, lo, hi, out1, out2, lexemeOf, Arrays.copyOf(lexemeStart, lexemes));
    }

    private int build(Expr e, int next, int depth) {
        if (depth > maxNesting) {
            throw new BudgetException("expression nesting deeper than " + maxNesting + " levels (rules and groups)");
        }
        if (e instanceof Expr.Literal lit) {
            byte[] b = lit.text().getBytes(StandardCharsets.UTF_8);
            int s = next;
            for (int i = b.length - 1; i >= 0; i--) {
                s = add(ByteNfa.RANGE, b[i] & 0xFF, b[i] & 0xFF, s, -1);
            }
            return s;
        }
        if (e instanceof Expr.Chars chars) {
            List<int[]> seqs = Utf8Ranges.sequences(chars.ranges());
            int[] starts = new int[seqs.size()];
            for (int k = 0; k < starts.length; k++) {
                int[] seq = seqs.get(k);
                int s = next;
                for (int i = seq.length - 2; i >= 0; i -= 2) {
                    s = add(ByteNfa.RANGE, seq[i], seq[i + 1], s, -1);
                }
                starts[k] = s;
            }
            return fan(starts);
        }
        if (e instanceof Expr.Seq seq) {
            int s = next;
            for (int i = seq.items().size() - 1; i >= 0; i--) {
                s = build(seq.items().get(i), s, depth + 1);
            }
            return s;
        }
        if (e instanceof Expr.Alt alt) {
            int[] starts = new int[alt.options().size()];
            for (int k = 0; k < starts.length; k++) {
                starts[k] = build(alt.options().get(k), next, depth + 1);
            }
            return fan(starts);
        }
        if (e instanceof Expr.Repeat rep) {
            return repeat(rep, next, depth);
        }
        if (e instanceof Expr.Automaton a) {
            return automaton(a, next);
        }
        if (e instanceof Expr.Intersection x) {
            return product(x.left(), x.right(), false, next, depth);
        }
        if (e instanceof Expr.Difference x) {
            return product(x.left(), x.right(), true, next, depth);
        }
        if (e instanceof Expr.Ref ref) {
            Expr body = rules.get(ref.name());
            if (body == null) {
                throw new IllegalStateException("lexeme refers to '" + ref.name() + "', which is not a regular rule");
            }
            return build(body, next, depth + 1);
        }
        throw new IllegalStateException("a lexeme cannot hold " + e);
    }

    private int repeat(Expr.Repeat rep, int next, int depth) {
        boolean unbounded = rep.max() == Expr.Repeat.UNBOUNDED;
        if (!unbounded && rep.max() == 0) {
            return next;
        }
        int before = n;
        int s;
        long remaining;
        if (unbounded) {
            int loop = add(ByteNfa.EPSILON, 0, 0, -1, next);
            int body = build(rep.body(), loop, depth + 1); // before the store: building may grow out1
            out1[loop] = body;
            s = loop;
            remaining = rep.min();
        } else if (rep.max() > rep.min()) {
            s = add(ByteNfa.EPSILON, 0, 0, build(rep.body(), next, depth + 1), next);
            remaining = rep.max() - 1L;
        } else {
            s = build(rep.body(), next, depth + 1);
            remaining = rep.min() - 1L;
        }
        long per = Math.max(1, n - before);
        long need = n + per * remaining;
        if (need > maxStates) {
            throw new BudgetException("repetition {" + rep.min() + "," + (unbounded ? "" : rep.max())
                    + "} needs about " + need + " automaton states, limit " + maxStates);
        }
        if (!unbounded) {
            for (int i = 1; i < rep.max() - rep.min(); i++) {
                s = add(ByteNfa.EPSILON, 0, 0, build(rep.body(), s, depth + 1), next);
            }
        }
        int mandatory = !unbounded && rep.max() == rep.min() ? rep.min() - 1 : rep.min();
        for (int i = 0; i < mandatory; i++) {
            s = build(rep.body(), s, depth + 1);
        }
        return s;
    }

    /**
     * {@code left ∩ right} (or {@code left \ right}) as a fragment leading to {@code next}: both operands
     * determinized on their own ({@link ByteDfa}), their trimmed product ({@link RegularProduct}) embedded
     * state by state: an epsilon entry per product state, fanning out to one RANGE state per transition
     * and, when the state accepts, to {@code next}. The budget is what this builder has left.
     */
    private int product(Expr left, Expr right, boolean difference, int next, int depth) {
        String what = difference ? "a difference of regular languages" : "an intersection of regular languages";
        int budget = Math.max(1, maxStates - n);
        ByteDfa a = dfa(left, budget, depth, what);
        ByteDfa b = dfa(right, budget, depth, what);
        RegularProduct p = RegularProduct.of(a, b, difference, budget, what);
        if (p.empty) {
            return add(ByteNfa.EPSILON, 0, 0, -1, -1);
        }
        int[] entry = new int[p.accept.length];
        for (int i = 0; i < entry.length; i++) {
            entry[i] = add(ByteNfa.EPSILON, 0, 0, -1, -1);
        }
        for (int i = 0; i < entry.length; i++) {
            int k = p.lo[i].length;
            int[] starts = new int[k + (p.accept[i] ? 1 : 0)];
            for (int j = 0; j < k; j++) {
                starts[j] = add(ByteNfa.RANGE, p.lo[i][j], p.hi[i][j], entry[p.to[i][j]], -1);
            }
            if (p.accept[i]) {
                starts[k] = next;
            }
            int f = fan(starts); // before the store: fan may grow out1
            out1[entry[i]] = f;
        }
        return entry[0];
    }

    /**
     * {@code a} as a fragment leading to {@code next}, each of its states once: an epsilon entry per state
     * (allocated first, so moves can point at states not built yet), fanning out to the UTF-8 byte chains of
     * its ranges and, when the state accepts, to {@code next}. The need (about two states per move) is
     * checked before building, so a huge automaton fails at once, naming it.
     */
    private int automaton(Expr.Automaton a, int next) {
        long need = n;
        for (int s = 0; s < a.states(); s++) {
            need += 1 + 2L * a.movesOf(s).length / 3;
        }
        if (need > maxStates) {
            throw new BudgetException("an automaton of " + a.states() + " states needs about " + need
                    + " automaton states, limit " + maxStates);
        }
        int[] entry = new int[a.states()];
        for (int s = 0; s < entry.length; s++) {
            entry[s] = add(ByteNfa.EPSILON, 0, 0, -1, -1);
        }
        for (int s = 0; s < entry.length; s++) {
            int[] m = a.movesOf(s);
            java.util.ArrayList<Integer> starts = new java.util.ArrayList<>();
            for (int i = 0; i < m.length; i += 3) {
                for (int[] seq : Utf8Ranges.sequences(new int[] {m[i], m[i + 1]})) {
                    int t = entry[m[i + 2]];
                    for (int j = seq.length - 2; j >= 0; j -= 2) {
                        t = add(ByteNfa.RANGE, seq[j], seq[j + 1], t, -1);
                    }
                    starts.add(t);
                }
            }
            if (a.accepts(s)) {
                starts.add(next);
            }
            int f = fan(starts.stream().mapToInt(Integer::intValue).toArray()); // before the store: fan may grow out1
            out1[entry[s]] = f;
        }
        return entry[0];
    }

    private ByteDfa dfa(Expr operand, int budget, int depth, String what) {
        NfaBuilder sub = new NfaBuilder(Map.of(), budget, Math.max(0, maxNesting - depth - 1));
        sub.addLexeme(operand);
        return ByteDfa.of(sub.build(), budget, what);
    }

    /** One state with epsilon moves to every start (a chain of binary splits); none matches nothing. */
    private int fan(int[] starts) {
        if (starts.length == 1) {
            return starts[0];
        }
        if (starts.length == 0) {
            return add(ByteNfa.EPSILON, 0, 0, -1, -1);
        }
        int s = starts[starts.length - 1];
        for (int k = starts.length - 2; k >= 0; k--) {
            s = add(ByteNfa.EPSILON, 0, 0, starts[k], s);
        }
        return s;
    }

    private int add(int k, int l, int h, int o1, int o2) {
        if (n >= maxStates) {
            throw new BudgetException("the lexemes need more than " + maxStates + " automaton states");
        }
        if (n == kind.length) {
            int c = n * 2;
            kind = Arrays.copyOf(kind, c);
            lo = Arrays.copyOf(lo, c);
            hi = Arrays.copyOf(hi, c);
            out1 = Arrays.copyOf(out1, c);
            out2 = Arrays.copyOf(out2, c);
            lexemeOf = Arrays.copyOf(lexemeOf, c);
        }
        kind[n] = k;
        lo[n] = l;
        hi[n] = h;
        out1[n] = o1;
        out2[n] = o2;
        lexemeOf[n] = -1;
        return n++;
    }
}
