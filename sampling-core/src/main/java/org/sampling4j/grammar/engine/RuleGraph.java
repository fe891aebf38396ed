package org.sampling4j.grammar.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.grammar.syntax.Expr;
import org.sampling4j.grammar.syntax.SyntaxException;

/**
 * Which rules of a {@link Cfg} are REGULAR: no {@link Expr.Token} or {@link Expr.Automaton} inside (an
 * automaton's rule stays one shared lexeme instead of being copied into every caller's), no large counted repeat
 * of a rule reference ({@link #countedOverRules}), not on a reference cycle, and referring only to
 * regular rules. Regular rules are inlined into lexemes; the others become
 * nonterminals. Every walk here is iterative (explicit stacks), so a deep or long grammar cannot
 * overflow the call stack; Tarjan's strongly connected components find the cycles.
 */
final class RuleGraph {
    final List<Cfg.Rule> rules;
    final Map<String, Integer> index = new HashMap<>();
    final boolean[] regular;
    private final int[][] refs;
    private final boolean[] hasToken;

    RuleGraph(Cfg cfg) {
        rules = new ArrayList<>(cfg.rules().values());
        for (int i = 0; i < rules.size(); i++) {
            index.put(rules.get(i).name(), i);
        }
        int n = rules.size();
        refs = new int[n][];
        hasToken = new boolean[n];
        for (int i = 0; i < n; i++) {
            scan(i);
        }
        regular = new boolean[n];
        tarjan();
    }

    /** Collects the rule references and whether a token terminal occurs, checking that every reference resolves. */
    private void scan(int r) {
        ArrayDeque<Expr> stack = new ArrayDeque<>();
        stack.push(rules.get(r).body());
        int[] out = new int[4];
        int m = 0;
        while (!stack.isEmpty()) {
            Expr e = stack.pop();
            if (e instanceof Expr.Ref ref) {
                Integer to = index.get(ref.name());
                if (to == null) {
                    throw new SyntaxException(SyntaxException.Kind.INVALID, ref.line(), ref.column(),
                            "undefined rule '" + ref.name() + "'");
                }
                if (m == out.length) {
                    out = Arrays.copyOf(out, 2 * m);
                }
                out[m++] = to;
            } else if (e instanceof Expr.Token) {
                hasToken[r] = true;
            } else if (e instanceof Expr.Automaton) {
                // not inlined into the callers' lexemes: inlined, it would be embedded once per use (an array's
                // first and later items are two lexemes), and an automaton can have 10,000 states; as a
                // nonterminal its rule is one lexeme, shared by every reference
                hasToken[r] = true;
            } else if (e instanceof Expr.JsonObject o) {
                hasToken[r] = true; // not regular either: it lowers to guarded terminals
                org.sampling4j.grammar.syntax.Cfgs.parts(o).forEach(stack::push);
            } else if (e instanceof Expr.Seq s) {
                s.items().forEach(stack::push);
            } else if (e instanceof Expr.Alt a) {
                a.options().forEach(stack::push);
            } else if (e instanceof Expr.Repeat rep) {
                hasToken[r] |= countedOverRules(rep); // not regular: the parser counts it
                stack.push(rep.body());
            }
        }
        refs[r] = Arrays.copyOf(out, m);
    }

    /** Counts above this, of a body that refers to a rule, are left to the parser (see {@link #countedOverRules}). */
    static final int MAX_INLINED_COUNT = 100;

    /**
     * Whether {@code rep} is a counted repeat (its max, or its min when unbounded, above
     * {@link #MAX_INLINED_COUNT}) of a body that refers to a rule. Such a repeat is never inlined into a
     * lexeme: the automaton would hold one copy of the body per count (the IR shares no states; an
     * array of 5,000 items of a JSON value is millions of states), while as productions the body stays
     * one lexeme or nonterminal and the count costs a few symbols per step (see {@code Normalizer}).
     * Repeats of characters and literals ({@code [a-z]{0,5000}}, string lengths) stay in the lexer.
     */
    static boolean countedOverRules(Expr.Repeat rep) {
        long bound = rep.max() == Expr.Repeat.UNBOUNDED ? rep.min() : rep.max();
        if (bound <= MAX_INLINED_COUNT) {
            return false;
        }
        ArrayDeque<Expr> stack = new ArrayDeque<>();
        stack.push(rep.body());
        while (!stack.isEmpty()) {
            Expr e = stack.pop();
            if (e instanceof Expr.Ref) {
                return true;
            } else if (e instanceof Expr.Seq s) {
                s.items().forEach(stack::push);
            } else if (e instanceof Expr.Alt a) {
                a.options().forEach(stack::push);
            } else if (e instanceof Expr.Repeat inner) {
                stack.push(inner.body());
            }
        }
        return false;
    }

    /**
     * Iterative Tarjan: components come out in reverse topological order (a component after every one
     * it refers to), which is the order in which regularity can be decided.
     */
    private void tarjan() {
        int n = rules.size();
        int[] num = new int[n];
        int[] low = new int[n];
        Arrays.fill(num, -1);
        boolean[] onStack = new boolean[n];
        int[] sccStack = new int[n];
        int sp = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int counter = 0;
        for (int root = 0; root < n; root++) {
            if (num[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            num[root] = low[root] = counter++;
            sccStack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                if (callEdge[depth] < refs[v].length) {
                    int w = refs[v][callEdge[depth]++];
                    if (num[w] < 0) {
                        num[w] = low[w] = counter++;
                        sccStack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], num[w]);
                    }
                    continue;
                }
                if (low[v] == num[v]) {
                    int start = sp;
                    do {
                        start--;
                    } while (sccStack[start] != v);
                    decide(sccStack, start, sp, onStack);
                    sp = start;
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
    }

    private void decide(int[] comp, int from, int to, boolean[] onStack) {
        boolean cyclic = to - from > 1;
        for (int i = from; i < to; i++) {
            int r = comp[i];
            for (int w : refs[r]) {
                cyclic |= w == r;
            }
        }
        for (int i = from; i < to; i++) {
            onStack[comp[i]] = false;
        }
        for (int i = from; i < to; i++) {
            int r = comp[i];
            boolean ok = !cyclic && !hasToken[r];
            for (int w : refs[r]) {
                ok &= regular[w];
            }
            regular[r] = ok;
        }
    }
}
