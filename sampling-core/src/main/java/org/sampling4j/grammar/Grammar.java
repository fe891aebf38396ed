package org.sampling4j.grammar;

import java.util.List;
import java.util.Objects;
import org.sampling4j.grammar.automaton.BudgetException;
import org.sampling4j.grammar.engine.CompiledGrammar;
import org.sampling4j.grammar.engine.ObjectSupply;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.grammar.syntax.Cfgs;
import org.sampling4j.grammar.syntax.Expr;
import org.sampling4j.grammar.syntax.Choices;
import org.sampling4j.grammar.syntax.JsonGrammars;
import org.sampling4j.grammar.syntax.GbnfParser;
import org.sampling4j.grammar.syntax.GbnfPrinter;
import org.sampling4j.grammar.syntax.RegexParser;
import org.sampling4j.grammar.syntax.SyntaxException;
import org.sampling4j.text.Vocabulary;

/**
 * A grammar compiled for one vocabulary: immutable, thread-safe, shared by every sequence that is
 * constrained by it. Compiling does linear work only; the lexer DFA and the mask caches are built
 * lazily as masks ask for them, so the first mask is ready quickly and later masks get faster.
 *
 * <pre>{@code
 * Grammar g = Grammar.choice(List.of("yes", "no"), vocabulary);
 * GrammarMatcher m = g.newMatcher();
 * int[] mask = new int[g.maskWords()];
 * m.fillMask(mask);                 // the tokens that can begin "yes" or "no"
 * }</pre>
 *
 * <p><b>Semantics.</b> Token t is allowed iff the bytes so far plus bytes(t) can still be extended to
 * a complete string of the language; end-of-sequence ids iff the bytes so far are complete. Special
 * tokens are never text: they are allowed only where a token terminal of the grammar names them
 * (GBNF {@code <[id]>}, {@code <name>}, {@code !<...>}). End-of-sequence ids are never text either.
 * Tokens with no bytes that are not special are never allowed as text. Padding ids past the tokenizer
 * are never allowed.
 */
public final class Grammar {
    private final CompiledGrammar compiled;
    private final Cfg cfg;
    /** The form and source text of the fingerprint, hashed on first use: a SHA-256 costs tens of microseconds of a compile. */
    private final String kind;
    private final String source;
    private volatile String fingerprint;

    private Grammar(CompiledGrammar compiled, String kind, String source, Cfg cfg) {
        this.compiled = compiled;
        this.kind = kind;
        this.source = source;
        this.cfg = cfg;
    }

    /**
     * Compiles the grammar IR for {@code vocab}: the one path every front end takes.
     *
     * @throws GrammarException INVALID for a grammar with no string or unknown rules or tokens, BUDGET past {@code limits}
     */
    static Grammar compile(Cfg cfg, Vocabulary vocab, GrammarLimits limits) {
        return compile(cfg, vocab, limits, "cfg", describe(cfg));
    }

    /** As {@link #compile(Cfg, Vocabulary, GrammarLimits)}, fingerprinted by its form and source text. */
    static Grammar compile(Cfg cfg, Vocabulary vocab, GrammarLimits limits, String kind, String source) {
        Objects.requireNonNull(cfg, "cfg");
        Objects.requireNonNull(vocab, "vocab");
        Objects.requireNonNull(limits, "limits");
        try {
            // Every symbol left must be productive: the engine's "a live lexeme can still complete" rests on it.
            Cfg pruned = Cfgs.prune(cfg);
            Cfg supplied = ObjectSupply.withoutShortObjects(pruned, limits.engine()); // finite key classes, counted
            if (supplied != pruned) {
                pruned = Cfgs.prune(supplied);
            }
            return new Grammar(CompiledGrammar.compile(pruned, vocab, limits.engine()), kind, source, pruned);
        } catch (SyntaxException e) {
            throw translate(e);
        } catch (BudgetException e) {
            throw translate(e);
        }
    }

    /** One of {@code choices}, exactly (a list of literal strings; at least one). */
    public static Grammar choice(List<String> choices, Vocabulary vocab) {
        return choice(choices, vocab, GrammarLimits.DEFAULT);
    }

    /** One of {@code choices}, exactly, under {@code limits}. */
    public static Grammar choice(List<String> choices, Vocabulary vocab, GrammarLimits limits) {
        Objects.requireNonNull(choices, "choices");
        return compile(parsed(() -> Choices.of(choices)), vocab, limits, "choice", String.join("\u0000", choices));
    }

    /**
     * Any JSON document (RFC 8259: {@code ws value ws}, whitespace unbounded as the RFC allows,
     * duplicate keys allowed as the RFC allows).
     */
    public static Grammar json(Vocabulary vocab) {
        return compile(JsonGrammars.json(), vocab, GrammarLimits.DEFAULT, "json", "");
    }

    /** A JSON document whose value is an object: OpenAI's and llama.cpp's JSON mode. */
    public static Grammar jsonObject(Vocabulary vocab) {
        return compile(JsonGrammars.jsonObject(), vocab, GrammarLimits.DEFAULT, "json_object", "");
    }

    /**
     * The strings {@code java.util.regex.Pattern.matches(pattern, s)} accepts, with default flags;
     * constructs that would change the language if ignored (backreferences, lookaround, possessive
     * quantifiers, inline flags) are refused as UNSUPPORTED.
     */
    public static Grammar regex(String pattern, Vocabulary vocab) {
        return regex(pattern, vocab, GrammarLimits.DEFAULT);
    }

    /** As {@link #regex(String, Vocabulary)} under {@code limits}. */
    public static Grammar regex(String pattern, Vocabulary vocab, GrammarLimits limits) {
        Objects.requireNonNull(pattern, "pattern");
        return compile(parsed(() -> RegexParser.parse(pattern)), vocab, limits, "regex", pattern);
    }

    /**
     * A GBNF grammar in llama.cpp's syntax ({@code grammars/README.md} of llama.cpp), whose language
     * is rule {@code root}'s; syntax errors name the line and column.
     */
    public static Grammar gbnf(String text, String root, Vocabulary vocab) {
        return gbnf(text, root, vocab, GrammarLimits.DEFAULT);
    }

    /** As {@link #gbnf(String, String, Vocabulary)} under {@code limits}. */
    public static Grammar gbnf(String text, String root, Vocabulary vocab, GrammarLimits limits) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(root, "root");
        return compile(parsed(() -> GbnfParser.parse(text, root)), vocab, limits, "gbnf", root + "\u0000" + text);
    }

    /**
     * The JSON texts valid under the JSON Schema {@code schemaJson} (drafts 04, 06, 07, 2019-09, 2020-12),
     * with {@link JsonSchemaOptions#DEFAULT}: keys in any order, flexible whitespace, format asserted.
     *
     * @throws GrammarException INVALID for a malformed schema, UNSUPPORTED for a keyword or combination that
     *         cannot be enforced exactly; {@link GrammarException#pointer()} is the keyword's JSON pointer
     */
    public static Grammar jsonSchema(String schemaJson, Vocabulary vocab) {
        return jsonSchema(schemaJson, vocab, JsonSchemaOptions.DEFAULT, GrammarLimits.DEFAULT);
    }

    /** As {@link #jsonSchema(String, Vocabulary)} with {@code options}, under {@code limits}. */
    public static Grammar jsonSchema(String schemaJson, Vocabulary vocab, JsonSchemaOptions options, GrammarLimits limits) {
        Objects.requireNonNull(schemaJson, "schemaJson");
        Objects.requireNonNull(options, "options");
        Cfg cfg = SchemaGrammars.compile(schemaJson, options);
        return compile(cfg, vocab, limits, "json_schema", options + "\u0000" + schemaJson);
    }

    /**
     * This grammar as GBNF text (llama.cpp's syntax), after unproductive parts were removed: for
     * debugging what a schema or regex compiled to. {@link #gbnf} reads it back to the same language.
     */
    public String toGbnf() {
        return GbnfPrinter.print(cfg);
    }

    private static Cfg parsed(java.util.function.Supplier<Cfg> front) {
        try {
            return front.get();
        } catch (SyntaxException e) {
            throw translate(e);
        }
    }

    /**
     * A short stable identity of this grammar for a sampler's fingerprint: its form, a SHA-256 of
     * its source text and the vocabulary's logits size ({@code regex-3f9a...-V200019}). Equal texts of
     * the same form give equal fingerprints, whichever instance compiled them.
     */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            fingerprint = f = fingerprint(kind, source, compiled.vocabulary()); // idempotent: a race computes it twice
        }
        return f;
    }

    /**
     * A canonical text of {@code cfg} for its fingerprint, written by an explicit-stack walk: a
     * grammar nested 200,000 deep (hostile input) must reach the budget checks, not overflow the
     * stack in a recursive {@code toString}.
     */
    private static String describe(Cfg cfg) {
        StringBuilder out = new StringBuilder("root=").append(cfg.root());
        java.util.ArrayDeque<Object> stack = new java.util.ArrayDeque<>();
        for (Cfg.Rule r : cfg.rules().values()) {
            out.append(';').append(r.name()).append("::=");
            stack.push(r.body());
            while (!stack.isEmpty()) {
                Object top = stack.pop();
                if (top instanceof String) {
                    out.append((String) top);
                } else if (top instanceof Expr.Seq || top instanceof Expr.Alt) {
                    List<Expr> parts = top instanceof Expr.Seq ? ((Expr.Seq) top).items() : ((Expr.Alt) top).options();
                    out.append(top instanceof Expr.Seq ? "S(" : "A(");
                    stack.push(")");
                    for (int i = parts.size() - 1; i >= 0; i--) {
                        stack.push(parts.get(i));
                        if (i > 0) {
                            stack.push(",");
                        }
                    }
                } else if (top instanceof Expr.Repeat) {
                    Expr.Repeat rep = (Expr.Repeat) top;
                    out.append("R").append(rep.min()).append(',').append(rep.max()).append('(');
                    stack.push(")");
                    stack.push(rep.body());
                } else if (top instanceof Expr.Intersection || top instanceof Expr.Difference) {
                    boolean inter = top instanceof Expr.Intersection;
                    out.append(inter ? "I(" : "D(");
                    stack.push(")");
                    stack.push(inter ? ((Expr.Intersection) top).right() : ((Expr.Difference) top).right());
                    stack.push(",");
                    stack.push(inter ? ((Expr.Intersection) top).left() : ((Expr.Difference) top).left());
                } else if (top instanceof Expr.JsonObject o) {
                    out.append("O").append(o.minMembers()).append(',').append(o.maxMembers()).append('(');
                    stack.push(")");
                    for (int i = o.additional().size() - 1; i >= 0; i--) {
                        stack.push(o.additional().get(i).value());
                        if (o.additional().get(i).keyDecoded() != null) {
                            stack.push(o.additional().get(i).keyDecoded());
                            stack.push(",D:");
                        }
                        stack.push(",C:");
                        stack.push(o.additional().get(i).keyQuoted());
                        stack.push(";");
                    }
                    for (int i = o.members().size() - 1; i >= 0; i--) {
                        Expr.JsonObject.Member m = o.members().get(i);
                        stack.push(m.value());
                        stack.push(";K" + m.key().length() + ':' + m.key() + (m.required() ? "!" : "?"));
                    }
                    stack.push(o.ws());
                } else {
                    out.append(top); // Chars, Literal, Ref, Token: flat records
                }
            }
        }
        return out.toString();
    }

    private static String fingerprint(String kind, String source, Vocabulary vocab) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(source.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(kind).append('-');
            for (int i = 0; i < 8; i++) {
                hex.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
            }
            return hex.append("-V").append(vocab.logitsSize()).toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** A new matcher at the start of the output. */
    public GrammarMatcher newMatcher() {
        return new GrammarMatcher(compiled.newState(), compiled.vocabulary());
    }

    /** The vocabulary this grammar was compiled for. */
    public Vocabulary vocabulary() {
        return compiled.vocabulary();
    }

    /** Words of a mask: {@code ceil(vocabulary().logitsSize() / 32)}. */
    public int maskWords() {
        return compiled.maskWords();
    }

    /** Memory held by the lazily built DFA and the mask caches so far, in bytes (approximate). */
    public long cacheBytes() {
        return compiled.cacheBytes();
    }

    @Override
    public String toString() {
        return "Grammar{" + compiled.stats() + ", cache " + cacheBytes() + " bytes}";
    }

    static GrammarException translate(SyntaxException e) {
        GrammarException.Kind kind = e.kind() == SyntaxException.Kind.INVALID
                ? GrammarException.Kind.INVALID : GrammarException.Kind.UNSUPPORTED;
        return new GrammarException(kind, e.line(), e.column(), null, e.getMessage(), e);
    }

    static GrammarException translate(BudgetException e) {
        return new GrammarException(GrammarException.Kind.BUDGET, 0, 0, null, e.getMessage(), e);
    }
}
