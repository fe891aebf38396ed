package org.sampling4j.grammar.syntax;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses llama.cpp's GBNF (grammars/README.md and the parser in src/llama-grammar.cpp of
 * ggml-org/llama.cpp) into a {@link Cfg}, following llama.cpp's parser decision for decision.
 *
 * <p><b>Syntax.</b> {@code name ::= alternatives}, names {@code [a-zA-Z0-9-]+}; literals
 * {@code "..."}, classes {@code [a-z]} / {@code [^...]}, escapes {@code \xXX \\uXXXX \UXXXXXXXX
 * \t \r \n \\ \" \[ \] \-} (nothing else), {@code .} (any code point), {@code |}, groups,
 * {@code * + ? {m} {m,} {m,n}}, {@code #} comments, token terminals {@code <[id]>}, {@code <text>},
 * {@code !<...>}. A rule ends at a line break; it continues on the next line only after a
 * {@code |}, after {@code ::=}, or inside parentheses.
 *
 * <p><b>llama.cpp's corner cases, kept.</b> A quantifier applies to the whole preceding literal or
 * class; {@code ""}, {@code []} and {@code [^]} are the empty string (they emit no element), so a
 * quantifier after them is an error, as after {@code x{0}}; an inverted range {@code [z-a]} matches
 * nothing; stacked quantifiers nest ({@code x+*} is {@code (x+)*}); {@code {,n}} is an error;
 * {@code {m}} with m &gt; 2000 is an error and an upper bound above 2000 means no bound; a repetition
 * whose expansion llama.cpp estimates at 2000 rules or more (its {@code MAX_REPETITION_THRESHOLD}
 * check, counted the way llama.cpp counts symbols) is an error; a rule defined twice keeps its last
 * definition; the text ends at its first U+0000.
 *
 * <p><b>Differences.</b> Left recursion is accepted (llama.cpp refuses it; the engine is Earley).
 * Every name referenced anywhere must be defined (llama.cpp misses a few references it drops, such
 * as under {@code {0}}). Code points that valid text cannot contain (surrogates, values above
 * U+10FFFF) match nothing. An upper bound below the lower one is an error (llama.cpp loops). A token
 * id above 2^31 - 1 is refused (llama.cpp wraps it modulo 2^32).
 *
 * <p><b>Bounds.</b> Text length and group nesting are limited ({@link #DEFAULT_MAX_LENGTH},
 * {@link #DEFAULT_MAX_DEPTH}); the work is linear in the text.
 */
public final class GbnfParser {
    /** Longest grammar text accepted by default, in chars. */
    public static final int DEFAULT_MAX_LENGTH = 1 << 20;
    /** Deepest group nesting accepted by default. */
    public static final int DEFAULT_MAX_DEPTH = 500;
    /** llama.cpp's {@code MAX_REPETITION_THRESHOLD}. */
    static final int MAX_REPETITION = 2000;

    private final GbnfScanner in;
    private final int maxDepth;
    /** llama.cpp's {@code symbol_ids}: every name seen (defined or referenced) plus generated rules. */
    private final Set<String> names = new HashSet<>();
    private long generated;
    private final Map<String, Cfg.Rule> rules = new LinkedHashMap<>();
    private final List<Expr.Ref> refs = new ArrayList<>();

    private GbnfParser(String text, int maxDepth) {
        this.in = new GbnfScanner(text);
        this.maxDepth = maxDepth;
    }

    /** {@link #parse(String, String)} with root {@code "root"}. */
    public static Cfg parse(String text) {
        return parse(text, "root");
    }

    /** Parses {@code text} with the default limits; {@code root} names the start rule. */
    public static Cfg parse(String text, String root) {
        return parse(text, root, DEFAULT_MAX_LENGTH, DEFAULT_MAX_DEPTH);
    }

    /**
     * Parses {@code text}; {@code root} names the start rule; {@code maxLength} (chars) and
     * {@code maxDepth} (group nesting) bound the work.
     *
     * @throws SyntaxException with the line and column of the first error
     */
    public static Cfg parse(String text, String root, int maxLength, int maxDepth) {
        java.util.Objects.requireNonNull(text, "text");
        java.util.Objects.requireNonNull(root, "root");
        if (text.length() > maxLength) {
            throw new SyntaxException(SyntaxException.Kind.UNSUPPORTED, 1, 1,
                    "grammar text of " + text.length() + " chars exceeds the limit of " + maxLength);
        }
        return new GbnfParser(text, maxDepth).grammar(root);
    }

    private Cfg grammar(String root) {
        in.skipSpace(true);
        if (in.atEnd()) {
            throw in.invalid(in.pos, "the grammar has no rules; expecting 'name ::= ...'");
        }
        while (!in.atEnd()) {
            rule();
        }
        for (Expr.Ref ref : refs) {
            if (!rules.containsKey(ref.name())) {
                throw new SyntaxException(SyntaxException.Kind.INVALID, ref.line(), ref.column(),
                        "undefined rule '" + ref.name() + "'");
            }
        }
        if (!rules.containsKey(root)) {
            throw new SyntaxException(SyntaxException.Kind.INVALID, 1, 1, "no rule named '" + root + "' (the root)");
        }
        return new Cfg(rules, root);
    }

    private void rule() {
        int start = in.pos;
        String name = in.name();
        names.add(name);
        in.skipSpace(false);
        if (!(in.cur() == ':' && in.at(in.pos + 1) == ':' && in.at(in.pos + 2) == '=')) {
            throw in.expecting("'::='");
        }
        in.pos += 3;
        in.skipSpace(true);
        Expr body = alternates(false, 0);
        if (in.cur() == '\r') {
            in.pos += in.at(in.pos + 1) == '\n' ? 2 : 1;
        } else if (in.cur() == '\n') {
            in.pos++;
        } else if (!in.atEnd()) {
            throw in.expecting("a newline or the end of the rule");
        }
        in.skipSpace(true);
        // llama.cpp's add_rule overwrites a redefined rule; it keeps its first position in the map
        rules.put(name, new Cfg.Rule(name, body, in.line(start), in.column(start)));
    }

    private Expr alternates(boolean nested, int depth) {
        List<Expr> options = new ArrayList<>();
        options.add(sequence(nested, depth));
        while (in.cur() == '|') {
            in.pos++;
            in.skipSpace(true);
            options.add(sequence(nested, depth));
        }
        return options.size() == 1 ? options.get(0) : new Expr.Alt(options);
    }

    private Expr sequence(boolean nested, int depth) {
        GbnfSequence seq = new GbnfSequence(in);
        while (true) {
            int c = in.cur();
            int start = in.pos;
            if (c == '"') {
                in.pos++;
                seq.item(literal(), 1);
                in.skipSpace(nested);
            } else if (c == '[') {
                in.pos++;
                seq.item(GbnfClasses.charClass(in), 1);
                in.skipSpace(nested);
            } else if (c == '<' || c == '!') {
                seq.item(token(), 1);
                in.skipSpace(nested);
            } else if (GbnfScanner.isWordChar(c)) {
                String name = in.name();
                names.add(name);
                Expr.Ref ref = new Expr.Ref(name, in.line(start), in.column(start));
                refs.add(ref);
                in.skipSpace(nested);
                seq.item(ref, 1);
            } else if (c == '(') {
                if (depth >= maxDepth) {
                    throw in.unsupported(start, "groups nested deeper than " + maxDepth);
                }
                in.pos++;
                in.skipSpace(true);
                long before = symbols();
                generated++;
                Expr group = alternates(true, depth + 1);
                if (in.cur() != ')') {
                    throw in.expecting("')' closing the group at line " + in.line(start) + ", column " + in.column(start));
                }
                in.pos++;
                seq.item(group, Math.max(1, symbols() - before));
                in.skipSpace(nested);
            } else if (c == '.') {
                in.pos++;
                seq.item(new Expr.Chars(CharRanges.ANY), 1);
                in.skipSpace(nested);
            } else if (c == '*' || c == '+' || c == '?') {
                in.pos++;
                in.skipSpace(nested);
                repeat(seq, start, c == '+' ? 1 : 0, c == '?' ? 1 : Expr.Repeat.UNBOUNDED);
            } else if (c == '{') {
                braces(seq, start, nested);
            } else {
                return seq.build();
            }
        }
    }

    private long symbols() {
        return names.size() + generated;
    }

    /** {@code {m}}, {@code {m,}}, {@code {m,n}} with llama.cpp's limits. */
    private void braces(GbnfSequence seq, int start, boolean nested) {
        in.pos++;
        in.skipSpace(nested);
        if (!GbnfScanner.isDigit(in.cur())) {
            throw in.expecting("an integer after '{' (GBNF has no {,n}; write {0,n})");
        }
        long min = in.integer();
        in.skipSpace(nested);
        long max;
        if (in.cur() == '}') {
            max = min;
            in.pos++;
        } else if (in.cur() == ',') {
            in.pos++;
            in.skipSpace(nested);
            max = -1;
            if (GbnfScanner.isDigit(in.cur())) {
                max = in.integer();
                in.skipSpace(nested);
            }
            if (in.cur() != '}') {
                throw in.expecting("'}'");
            }
            in.pos++;
        } else {
            throw in.expecting("',' or '}'");
        }
        in.skipSpace(nested);
        if (min > MAX_REPETITION) {
            throw in.invalid(start, "repetition count " + min + " exceeds llama.cpp's limit of " + MAX_REPETITION);
        }
        if (max > MAX_REPETITION) {
            max = -1; // llama.cpp drops an upper bound above its threshold: x{1,5000} is x{1,}
        }
        if (max >= 0 && max < min) {
            throw in.invalid(start, "repetition {" + min + "," + max + "}: the upper bound is below the lower one");
        }
        repeat(seq, start, (int) min, max < 0 ? Expr.Repeat.UNBOUNDED : (int) max);
    }

    private void repeat(GbnfSequence seq, int start, int min, int max) {
        boolean unbounded = max == Expr.Repeat.UNBOUNDED;
        long total = !unbounded && max > 0 ? max : Math.max(min, 1);
        seq.repeatLast(start, min, max, total);
        generated += unbounded ? 1 : max - min;
    }

    private Expr literal() {
        List<Expr> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (in.cur() != '"') {
            if (in.atEnd()) {
                throw in.expecting("'\"' closing the literal");
            }
            long c = in.character();
            if (c <= CharRanges.MAX && !(c >= 0xD800 && c <= 0xDFFF)) {
                text.appendCodePoint((int) c);
            } else {
                // valid text never contains it, so the literal matches nothing
                if (text.length() > 0) {
                    parts.add(new Expr.Literal(text.toString()));
                    text.setLength(0);
                }
                parts.add(new Expr.Chars(new int[0]));
            }
        }
        in.pos++;
        if (parts.isEmpty()) {
            return text.length() == 0 ? null : new Expr.Literal(text.toString());
        }
        if (text.length() > 0) {
            parts.add(new Expr.Literal(text.toString()));
        }
        return new Expr.Seq(parts);
    }

    private Expr token() {
        int start = in.pos;
        boolean negated = in.cur() == '!';
        if (negated) {
            in.pos++;
        }
        if (in.cur() != '<') {
            throw in.expecting("'<' of a token");
        }
        int open = in.pos;
        in.pos++;
        if (in.cur() == '[') {
            in.pos++;
            int idAt = in.pos;
            long id = in.integer();
            if (in.cur() != ']') {
                throw in.expecting("']'");
            }
            in.pos++;
            if (in.cur() != '>') {
                throw in.expecting("'>'");
            }
            in.pos++;
            if (id > Integer.MAX_VALUE) {
                throw in.unsupported(idAt, "token id " + id + " is above 2^31 - 1");
            }
            return new Expr.Token(List.of((int) id), List.of(), negated);
        }
        while (!in.atEnd() && in.cur() != '>') {
            in.pos++;
        }
        if (in.cur() != '>') {
            throw in.invalid(start, "token '<' has no closing '>'");
        }
        in.pos++;
        String text = in.text(open, in.pos);
        return new Expr.Token(List.of(), List.of(text), negated);
    }
}
