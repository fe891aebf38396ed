package org.sampling4j.grammar.engine;

import java.util.Map;
import java.util.WeakHashMap;
import org.sampling4j.grammar.automaton.LazyDfa;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.text.Vocabulary;

/**
 * A grammar compiled for a vocabulary: the normalized productions, the lazily built lexer DFA, the
 * token trie and the shared mask cache. Immutable in what it means, thread-safe, shared by every
 * {@link MatcherState}. Compiling does the linear work only (normalization, the NFA); DFA states and
 * cache entries come on demand. The token trie depends on the vocabulary alone, so it is built once
 * per {@link Vocabulary} instance and shared by every grammar compiled for it.
 */
public final class CompiledGrammar {
    private static final Map<Vocabulary, TokenTrie> TRIES = new WeakHashMap<>();

    final Productions g;
    final LazyDfa dfa;
    final Vocabulary vocab;
    final TokenTrie trie;
    final MaskCache cache;
    final SetShapes shapes;
    final int maskWords;
    final EngineLimits limits;
    /** The held lexer states of key classes that can run out, or null ({@link KeyHolds}). */
    final KeyHolds holds;

    private CompiledGrammar(Cfg cfg, Vocabulary vocab, EngineLimits limits) {
        this.limits = limits;
        this.vocab = vocab;
        this.g = Normalizer.normalize(cfg, vocab, limits);
        this.dfa = new LazyDfa(g.nfa, limits.maxDfaStates());
        this.trie = trieOf(vocab);
        this.maskWords = (vocab.logitsSize() + 31) >>> 5;
        boolean[] counted = g.guards == null ? null : g.guards.countedLexemes();
        this.holds = counted == null ? null : new KeyHolds(dfa, counted);
        this.cache = new MaskCache(trie, dfa, maskWords, limits.maxCacheBytes(),
                g.guards == null ? null : g.guards.guardedLexemes(), holds);
        this.shapes = new SetShapes(cache);
    }

    /**
     * Whether the grammar has guarded terminals (a lowered {@code Expr.JsonObject}): then a parser
     * step's result depends on the text's keys, not only on the chart, and masks take
     * {@link GuardedMasks}' per-node path. The subtree memo of {@link MatcherState}, keyed by the
     * chart's {@link SetShapes} alone, is then not used.
     */
    public boolean hasGuards() {
        return g.guards != null;
    }

    /**
     * Compiles {@code cfg} for {@code vocab}.
     *
     * @throws org.sampling4j.grammar.syntax.SyntaxException         on a grammar that accepts nothing or names unknown tokens or rules
     * @throws org.sampling4j.grammar.automaton.BudgetException on a grammar past a budget of {@code limits}
     */
    public static CompiledGrammar compile(Cfg cfg, Vocabulary vocab, EngineLimits limits) {
        return new CompiledGrammar(cfg, vocab, limits);
    }

    private static TokenTrie trieOf(Vocabulary v) {
        synchronized (TRIES) {
            return TRIES.computeIfAbsent(v, TokenTrie::new);
        }
    }

    /** A fresh parse state at the start of the output. */
    public MatcherState newState() {
        return new MatcherState(this);
    }

    /** The vocabulary. */
    public Vocabulary vocabulary() {
        return vocab;
    }

    /** {@code ceil(logitsSize / 32)}. */
    public int maskWords() {
        return maskWords;
    }

    /** Memory held by the lazy DFA and the mask cache so far (not the shared trie). */
    public long cacheBytes() {
        return dfa.bytes() + cache.bytes();
    }

    /** Number of lexemes and DFA states so far: for diagnostics. */
    public String stats() {
        return g.nfa.lexemes() + " lexemes, " + g.nfa.size() + " NFA states, " + dfa.states() + " DFA states, "
                + g.nonterminals() + " nonterminals, " + g.prodStart.length + " productions";
    }
}
