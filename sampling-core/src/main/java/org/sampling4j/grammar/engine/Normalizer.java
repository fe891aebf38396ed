package org.sampling4j.grammar.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.sampling4j.grammar.automaton.BudgetException;
import org.sampling4j.grammar.automaton.NfaBuilder;
import org.sampling4j.grammar.automaton.WordCounts;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.grammar.syntax.Expr;
import org.sampling4j.text.Vocabulary;

/**
 * Turns a {@link Cfg} into {@link Productions}: regular rules are inlined; in every other rule, each
 * maximal regular sub-expression (and each run of regular items of a sequence) becomes ONE lexeme,
 * so as much as possible is decided by the lexer; the rest becomes productions (an alternation gives
 * alternatives, a repeat of a non-regular body gives left-recursive helper rules, a counted repeat is
 * expanded under the symbol budget). Identical lexeme expressions share one lexeme. An
 * {@code Expr.JsonObject} is lowered to productions over fresh guarded lexemes (its keys, its
 * separator, its closing brace), described in {@link ObjectGuards}.
 *
 * <p>Recursion follows the expression nesting only, checked against {@code maxNesting}.
 */
final class Normalizer {
    private final RuleGraph graph;
    private final EngineLimits limits;
    private final NfaBuilder nfa;
    private final TokenTerminals tokens;
    private final Map<Expr, Integer> lexemeIds = new HashMap<>();
    private final IdentityHashMap<Expr, Boolean> regularMemo = new IdentityHashMap<>();
    private final int[] ruleNt;
    private final List<List<int[]>> productions = new ArrayList<>();
    private final List<Integer> pending = new ArrayList<>();
    private final ObjectGuards.Builder guards = new ObjectGuards.Builder();
    private long symbols;
    private int line;
    private int column;

    private Normalizer(Cfg cfg, Vocabulary vocab, EngineLimits limits) {
        this.graph = new RuleGraph(cfg);
        this.limits = limits;
        Map<String, Expr> regularBodies = new HashMap<>();
        for (int i = 0; i < graph.rules.size(); i++) {
            if (graph.regular[i]) {
                regularBodies.put(graph.rules.get(i).name(), graph.rules.get(i).body());
            }
        }
        this.nfa = new NfaBuilder(regularBodies, limits.maxNfaStates(), limits.maxNesting());
        this.tokens = new TokenTerminals(vocab);
        this.ruleNt = new int[graph.rules.size()];
        java.util.Arrays.fill(ruleNt, -1);
    }

    /** The productions of {@code cfg} for {@code vocab}; nonterminal 0 is the start {@code S' -> root}. */
    static Productions normalize(Cfg cfg, Vocabulary vocab, EngineLimits limits) {
        Normalizer n = new Normalizer(cfg, vocab, limits);
        Cfg.Rule root = cfg.rootRule();
        n.line = root.line();
        n.column = root.column();
        int start = n.newNt();
        n.addProduction(start, new int[] {n.symbol(new Expr.Ref(root.name(), root.line(), root.column()), 0)});
        while (!n.pending.isEmpty()) {
            int r = n.pending.remove(n.pending.size() - 1);
            Cfg.Rule rule = n.graph.rules.get(r);
            n.line = rule.line();
            n.column = rule.column();
            n.alternatives(n.ruleNt[r], rule.body(), 0);
        }
        org.sampling4j.grammar.automaton.ByteNfa nfa = n.nfa.build();
        return new Productions(n.productions, nfa, n.tokens, root.line(), root.column(), n.guards.build(nfa.lexemes()));
    }

    private int newNt() {
        productions.add(new ArrayList<>());
        return productions.size() - 1;
    }

    private void addProduction(int nt, int[] rhs) {
        symbols += rhs.length + 1;
        if (symbols > limits.maxSymbols()) {
            throw new BudgetException("the grammar needs more than " + limits.maxSymbols() + " production symbols");
        }
        productions.get(nt).add(rhs);
    }

    private void checkDepth(int depth) {
        if (depth > limits.maxNesting()) {
            throw new BudgetException("expression nesting deeper than " + limits.maxNesting() + " levels");
        }
    }

    /** Adds to {@code nt} one production per top-level alternative of {@code e}. */
    private void alternatives(int nt, Expr e, int depth) {
        checkDepth(depth);
        if (e instanceof Expr.Alt alt && !regular(e, depth)) {
            for (Expr option : alt.options()) {
                alternatives(nt, option, depth + 1);
            }
            return;
        }
        IntList out = new IntList();
        sequence(e, out, depth + 1);
        addProduction(nt, out.toArray());
    }

    /** Appends the symbols of {@code e} as a sequence, merging runs of regular items into one lexeme. */
    private void sequence(Expr e, IntList out, int depth) {
        checkDepth(depth);
        if (!(e instanceof Expr.Seq seq) || regular(e, depth)) {
            out.add(symbol(e, depth + 1));
            return;
        }
        List<Expr> run = new ArrayList<>();
        for (Expr item : seq.items()) {
            if (regular(item, depth + 1)) {
                run.add(item);
                continue;
            }
            flush(run, out, depth);
            sequence(item, out, depth + 1);
        }
        flush(run, out, depth);
    }

    private void flush(List<Expr> run, IntList out, int depth) {
        if (!run.isEmpty()) {
            out.add(symbol(run.size() == 1 ? run.get(0) : new Expr.Seq(run), depth + 1));
            run.clear();
        }
    }

    /** The one symbol for {@code e}: a lexeme, a rule's nonterminal, a token terminal or a helper nonterminal. */
    private int symbol(Expr e, int depth) {
        checkDepth(depth);
        if (regular(e, depth)) {
            return Symbols.lexeme(lexeme(e));
        }
        if (e instanceof Expr.Ref ref) {
            int r = graph.index.get(ref.name());
            if (ruleNt[r] < 0) {
                ruleNt[r] = newNt();
                pending.add(r);
            }
            return ruleNt[r];
        }
        if (e instanceof Expr.Token t) {
            return Symbols.token(tokens.add(t, line, column));
        }
        if (e instanceof Expr.JsonObject o) {
            return object(o, depth);
        }
        int h = newNt();
        if (e instanceof Expr.Repeat rep) {
            repeat(h, rep, depth);
        } else {
            alternatives(h, e, depth + 1);
        }
        return h;
    }

    /** Lowers {@code o} to guarded terminals (the grammar is in {@link ObjectGuards}); returns its nonterminal. */
    private int object(Expr.JsonObject o, int depth) {
        int spec = guards.object(o);
        Expr ws = o.ws();
        int obj = newNt();
        int members = newNt();
        int member = newNt();
        int open = Symbols.lexeme(lexeme(new Expr.Literal("{")));
        int close = Symbols.lexeme(guards.guard(nfa.addLexeme(new Expr.Seq(List.of(ws, new Expr.Literal("}")))),
                spec, ObjectGuards.CLOSE, -1));
        int sep = Symbols.lexeme(guards.guard(nfa.addLexeme(new Expr.Seq(List.of(ws, new Expr.Literal(",")))),
                spec, ObjectGuards.SEP, -1));
        addProduction(obj, new int[] {open, close});
        addProduction(obj, new int[] {open, members, close});
        addProduction(members, new int[] {member});
        addProduction(members, new int[] {members, sep, member});
        Expr colon = new Expr.Seq(List.of(ws, new Expr.Literal(":"), ws));
        for (int i = 0; i < o.members().size(); i++) {
            Expr.JsonObject.Member m = o.members().get(i);
            int key = guards.guard(nfa.addLexeme(new Expr.Seq(List.of(ws, JsonKeySpelling.quoted(m.key())))),
                    spec, ObjectGuards.KEY, i);
            member(member, key, colon, m.value(), depth);
        }
        for (Expr.JsonObject.KeyClass c : o.additional()) {
            int key = guards.guard(nfa.addLexeme(new Expr.Seq(List.of(ws, c.keyQuoted()))), spec, ObjectGuards.CLASS, -1);
            if (c.keyDecoded() != null) {
                try {
                    guards.counts(key, WordCounts.of(c.keyDecoded(), limits.maxDfaStates(), limits.maxNesting()));
                } catch (BudgetException e) {
                    // uncounted, a key could begin that only keys already present complete: a text
                    // that can never finish. Refused, so the limit is raised, never a stall
                    throw new BudgetException("the keys of an object's key class (propertyNames, patternProperties or "
                            + "additionalProperties) cannot be counted: " + e.getMessage().substring("unsupported: ".length())
                            + "; without the count a key could begin that only keys already in the object complete "
                            + "(raise maxDfaStates)");
                }
            }
            member(member, key, colon, c.value(), depth);
        }
        return obj;
    }

    private void member(int member, int keyLexeme, Expr colon, Expr value, int depth) {
        IntList rhs = new IntList();
        rhs.add(Symbols.lexeme(keyLexeme));
        sequence(new Expr.Seq(List.of(colon, value)), rhs, depth + 1);
        addProduction(member, rhs.toArray());
    }

    /** Optional counts above this are lowered in blocks (see {@link #repeat}). */
    static final int BLOCKED_COUNT = 64;

    /**
     * {@code h -> b^min opt}: the {@code min} mandatory copies in one production (one Earley item
     * advancing), then the optional part. {@code b{0,k}} as a right-recursive chain
     * {@code opt_j -> ε | b opt_{j-1}} leaves, after {@code c} items, {@code c} items waiting on the
     * chain that each completion walks back through: O(k) Earley items per item and O(k^2) per text, so
     * {@code k > }{@link #BLOCKED_COUNT} is split into blocks of {@code B = ceil(sqrt k)} copies,
     * {@code Q = floor(k / B)}, {@code R = k - Q B}:
     * {@code b{0,k} = BLK{0,Q-1} b{0,B-1} | BLK^Q b{0,R}} with {@code BLK -> b^B}. The branches cover
     * counts {@code [0, QB - 1]} and {@code [QB, k]}, each count one way ({@code c = qB + r}, {@code r < B}),
     * and the chains are at most {@code Q + B ~ 2 sqrt k} long: about 140 waiting items per item for
     * {@code k = 5000} instead of up to 5000, and O(sqrt k) symbols instead of O(k).
     */
    private void repeat(int h, Expr.Repeat rep, int depth) {
        int b = symbol(rep.body(), depth + 1);
        boolean unbounded = rep.max() == Expr.Repeat.UNBOUNDED;
        long k = unbounded ? 0 : (long) rep.max() - rep.min();
        long blockSize = (long) Math.ceil(Math.sqrt(k));
        long optional = k <= BLOCKED_COUNT ? 4L * k : 4L * (3 * blockSize + k / blockSize + 1);
        long need = rep.min() + 1L + (unbounded ? 4 : optional);
        if (symbols + need > limits.maxSymbols()) {
            throw new BudgetException("repetition {" + rep.min() + "," + (unbounded ? "" : rep.max()) + "} needs about "
                    + (symbols + need) + " production symbols, limit " + limits.maxSymbols());
        }
        IntList head = new IntList();
        for (int i = 0; i < rep.min(); i++) {
            head.add(b);
        }
        if (unbounded) {
            int star = newNt(); // star -> ε | star b: left recursion keeps the Earley sets small
            addProduction(star, new int[0]);
            addProduction(star, new int[] {star, b});
            head.add(star);
        } else if (k > BLOCKED_COUNT) {
            int bs = (int) blockSize;
            int q = (int) (k / bs);
            int r = (int) (k - (long) q * bs);
            int block = newNt();
            int[] copies = new int[bs];
            java.util.Arrays.fill(copies, b);
            addProduction(block, copies);
            int opt = newNt();
            IntList low = new IntList(); // BLK{0,Q-1} b{0,B-1}
            addChain(low, block, q - 1);
            addChain(low, b, bs - 1);
            addProduction(opt, low.toArray());
            IntList high = new IntList(); // BLK^Q b{0,R}
            for (int i = 0; i < q; i++) {
                high.add(block);
            }
            addChain(high, b, r);
            addProduction(opt, high.toArray());
            head.add(opt);
        } else if (k > 0) {
            addChain(head, b, (int) k);
        }
        addProduction(h, head.toArray());
    }

    /** Appends to {@code rhs} the nonterminal of {@code sym{0,count}} ({@code opt_j -> ε | sym opt_{j-1}}); nothing for 0. */
    private void addChain(IntList rhs, int sym, int count) {
        int opt = -1;
        for (int j = 1; j <= count; j++) {
            int o = newNt();
            addProduction(o, new int[0]);
            addProduction(o, opt < 0 ? new int[] {sym} : new int[] {sym, opt});
            opt = o;
        }
        if (opt >= 0) {
            rhs.add(opt);
        }
    }

    private int lexeme(Expr e) {
        Integer id = lexemeIds.get(e);
        if (id == null) {
            id = nfa.addLexeme(e);
            lexemeIds.put(e, id);
        }
        return id;
    }

    /** No token terminal, no large counted repeat of rules ({@link RuleGraph#countedOverRules}), only references to regular rules. */
    private boolean regular(Expr e, int depth) {
        checkDepth(depth);
        Boolean memo = regularMemo.get(e);
        if (memo != null) {
            return memo;
        }
        boolean r;
        if (e instanceof Expr.Token || e instanceof Expr.JsonObject) {
            r = false;
        } else if (e instanceof Expr.Ref ref) {
            r = graph.regular[graph.index.get(ref.name())];
        } else if (e instanceof Expr.Seq s) {
            r = true;
            for (Expr item : s.items()) {
                r &= regular(item, depth + 1);
            }
        } else if (e instanceof Expr.Alt a) {
            r = true;
            for (Expr item : a.options()) {
                r &= regular(item, depth + 1);
            }
        } else if (e instanceof Expr.Repeat rep) {
            r = !RuleGraph.countedOverRules(rep) && regular(rep.body(), depth + 1);
        } else {
            r = true;
        }
        regularMemo.put(e, r);
        return r;
    }
}
