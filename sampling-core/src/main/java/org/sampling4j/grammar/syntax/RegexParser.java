package org.sampling4j.grammar.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a {@code java.util.regex} pattern into a one-rule {@link Cfg} whose language is exactly
 * the set of strings {@code s} (valid Unicode text) with {@code Pattern.matches(pattern, s)},
 * default flags.
 *
 * <p><b>Validity is Java's.</b> The pattern first goes through {@code Pattern.compile}: whatever
 * Java rejects is {@link SyntaxException.Kind#INVALID} at Java's index + 1 with Java's
 * description. What Java accepts and we cannot enforce exactly is
 * {@link SyntaxException.Kind#UNSUPPORTED} at the construct's column (code points, 1-based).
 *
 * <p><b>Supported.</b> Literals; escapes {@code \t \n \r \f \a \e \0ooo \xhh \x{h..h} \\uhhhh
 * \cX \N{name}}, escaped metacharacters and {@code \Q...\E}; classes with ranges, negation,
 * nested union and {@code &&} (evaluated as {@link RegexClassParser} explains); {@code \d \D \w
 * \W \s \S} (ASCII), {@code \h \H \v \V}; {@code \p{...}} / {@code \P{...}} as
 * {@link RegexProperties} lists; {@code .} (no line terminators); {@code * + ? {m} {m,} {m,n}}
 * and their lazy forms (same language under {@code matches()}); groups {@code (...)},
 * {@code (?:...)}, {@code (?<name>...)}; alternation.
 *
 * <p><b>Anchors.</b> Under {@code matches()} {@code ^}, {@code \A} and {@code \G} hold only at
 * index 0, and {@code $}, {@code \Z} and {@code \z} followed by nothing more hold only at the
 * end. So they are empty where nothing can come before them (first in the pattern, or first in a
 * group or alternative that is itself first) or after them (last likewise), provided no enclosing
 * quantifier can repeat them; anywhere else they are refused, as are quantified anchors.
 *
 * <p><b>Refused.</b> Possessive quantifiers, lookaround, atomic groups, backreferences,
 * {@code \b \B \R \X}, inline flags, emoji properties (JDK 21+).
 *
 * <p><b>Bounds.</b> Pattern length and nesting of groups and classes are limited
 * ({@link #DEFAULT_MAX_LENGTH}, {@link #DEFAULT_MAX_DEPTH}) before Java compiles the pattern, so
 * neither Java's recursive parser nor ours can exhaust the stack; the work is linear otherwise.
 */
public final class RegexParser {
    /** Longest pattern accepted by default, in chars. */
    public static final int DEFAULT_MAX_LENGTH = 100_000;
    /** Deepest nesting of groups and classes accepted by default. */
    public static final int DEFAULT_MAX_DEPTH = 200;

    private final RegexSource in;
    private final RegexClassParser classes;
    private final int maxDepth;

    /** An expression with the position of a start anchor inside it and of an end anchor at its tail ({@code -1}: none). */
    private record Parsed(Expr expr, int startAnchor, int endAnchor) {
    }

    private RegexParser(RegexSource in, int maxDepth) {
        this.in = in;
        this.maxDepth = maxDepth;
        this.classes = new RegexClassParser(in, maxDepth);
    }

    /** Parses {@code pattern} with the default limits. */
    public static Cfg parse(String pattern) {
        return parse(pattern, DEFAULT_MAX_LENGTH, DEFAULT_MAX_DEPTH);
    }

    /**
     * Parses {@code pattern}; {@code maxLength} (chars) and {@code maxDepth} (nesting) bound the work.
     *
     * @throws SyntaxException INVALID where Java rejects the pattern, UNSUPPORTED where we refuse it
     */
    public static Cfg parse(String pattern, int maxLength, int maxDepth) {
        java.util.Objects.requireNonNull(pattern, "pattern");
        if (pattern.length() > maxLength) {
            throw new SyntaxException(SyntaxException.Kind.UNSUPPORTED, 1, 1,
                    "pattern of " + pattern.length() + " chars exceeds the limit of " + maxLength);
        }
        RegexNesting.check(pattern, maxDepth);
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            int length = pattern.codePointCount(0, pattern.length());
            int column = Math.max(0, Math.min(e.getIndex(), length)) + 1;
            throw new SyntaxException(SyntaxException.Kind.INVALID, 1, column, e.getDescription());
        }
        RegexParser p = new RegexParser(new RegexSource(pattern), maxDepth);
        Parsed root = p.alternation(true, 0);
        if (!p.in.atEnd()) {
            throw p.in.unsupported(p.in.pos, "unexpected " + (char) p.in.cur());
        }
        return Cfg.single(root.expr());
    }

    private Parsed alternation(boolean atStart, int depth) {
        List<Expr> options = new ArrayList<>();
        int start = -1;
        int end = -1;
        while (true) {
            Parsed s = sequence(atStart, depth);
            options.add(s.expr());
            start = start >= 0 ? start : s.startAnchor();
            end = end >= 0 ? end : s.endAnchor();
            if (in.atEnd() || in.cur() != '|') {
                break;
            }
            in.pos++;
        }
        return new Parsed(options.size() == 1 ? options.get(0) : new Expr.Alt(options), start, end);
    }

    private Parsed sequence(boolean atStart, int depth) {
        List<Expr> items = new ArrayList<>();
        boolean start = atStart;
        int startAnchor = -1;
        int endAnchor = -1;
        while (!in.atEnd() && in.cur() != '|' && in.cur() != ')') {
            int at = in.pos;
            Parsed atom = atom(start, depth);
            boolean anchor = atom.expr() == null;
            if (anchor) {
                if (atom.startAnchor() >= 0) {
                    if (!start) {
                        throw in.unsupported(at, "start anchor where something may precede it (under matches() it is "
                                + "only exact first in the pattern)");
                    }
                    startAnchor = startAnchor >= 0 ? startAnchor : at;
                } else {
                    endAnchor = endAnchor >= 0 ? endAnchor : at;
                }
                atom = new Parsed(Expr.EMPTY, atom.startAnchor(), atom.endAnchor());
            } else if (endAnchor >= 0) {
                throw in.unsupported(endAnchor, "end anchor where something may follow it (under matches() it is "
                        + "only exact last in the pattern)");
            }
            Parsed q = closure(atom, anchor);
            items.add(q.expr());
            if (!anchor) {
                start = false;
                startAnchor = startAnchor >= 0 ? startAnchor : q.startAnchor();
                endAnchor = q.endAnchor();
            }
        }
        return new Parsed(RegexSequences.build(items), startAnchor, endAnchor);
    }

    /** One atom; an anchor comes back with a {@code null} expression and its position set. */
    private Parsed atom(boolean start, int depth) {
        int at = in.pos;
        int ch = in.cur();
        switch (ch) {
            case '(':
                return group(start, depth);
            case '[':
                in.pos++;
                return chars(classes.parse(true, depth + 1));
            case '^':
                in.pos++;
                return new Parsed(null, at, -1);
            case '$':
                in.pos++;
                return new Parsed(null, -1, at);
            case '.':
                in.pos++;
                return chars(RegexProperties.DOT);
            case '{':
                return new Parsed(Expr.EMPTY, -1, -1); // Java: an empty atom the count then applies to
            case '\\': {
                int e = in.t[in.pos + 1];
                if (e == 'p' || e == 'P') {
                    return chars(family(in));
                }
                int v = in.escape(false, false);
                if (v == RegexSource.SET) {
                    return chars(in.set);
                }
                if (v == RegexSource.BEGIN) {
                    return new Parsed(null, at, -1);
                }
                if (v == RegexSource.END_ANCHOR) {
                    return new Parsed(null, -1, at);
                }
                return literal(v);
            }
            default:
                in.pos++;
                return literal(ch);
        }
    }

    private static Parsed chars(int[] set) {
        return new Parsed(new Expr.Chars(set), -1, -1);
    }

    private static Parsed literal(int cp) {
        boolean valid = cp >= 0 && cp <= CharRanges.MAX && !(cp >= 0xD800 && cp <= 0xDFFF);
        return new Parsed(valid ? new Expr.Literal(new String(Character.toChars(cp))) : new Expr.Chars(new int[0]), -1, -1);
    }

    private Parsed group(boolean start, int depth) {
        int at = in.pos;
        if (depth >= maxDepth) {
            throw in.unsupported(at, "groups nested deeper than " + maxDepth);
        }
        in.pos++;
        if (in.cur() == '?') {
            int kind = in.t[in.pos + 1];
            if (kind == ':') {
                in.pos += 2;
            } else if (kind == '<' && in.t[in.pos + 2] != '=' && in.t[in.pos + 2] != '!') {
                while (in.cur() != '>') {
                    in.pos++;
                }
                in.pos++;
            } else if (kind == '=' || kind == '!' || kind == '<') {
                throw in.unsupported(at, "lookaround (?" + (char) kind + (kind == '<' ? String.valueOf((char) in.t[in.pos + 2]) : "")
                        + ": a zero-width assertion a grammar cannot express exactly");
            } else if (kind == '>') {
                throw in.unsupported(at, "atomic group (?>: it changes the language");
            } else {
                throw in.unsupported(at, "inline flags (?" + new String(Character.toChars(kind)) + "...");
            }
        }
        Parsed inner = alternation(start, depth + 1);
        in.pos++; // ')': Java has checked the group is closed
        return inner;
    }

    private Parsed closure(Parsed atom, boolean anchor) {
        int at = in.pos;
        int min;
        int max;
        switch (in.cur()) {
            case '?': min = 0; max = 1; in.pos++; break;
            case '*': min = 0; max = Expr.Repeat.UNBOUNDED; in.pos++; break;
            case '+': min = 1; max = Expr.Repeat.UNBOUNDED; in.pos++; break;
            case '{': {
                in.pos++;
                min = number();
                max = min;
                if (in.cur() == ',') {
                    in.pos++;
                    max = in.cur() == '}' ? Expr.Repeat.UNBOUNDED : number();
                }
                in.pos++;
                break;
            }
            default:
                return atom;
        }
        if (in.cur() == '?' && !in.atEnd()) {
            in.pos++; // lazy: the same language under matches()
        } else if (in.cur() == '+' && !in.atEnd()) {
            throw in.unsupported(at, "possessive quantifier: it changes the language");
        }
        if (anchor) {
            throw in.unsupported(at, "quantified anchor");
        }
        boolean repeats = max == Expr.Repeat.UNBOUNDED || max > 1;
        if (repeats && atom.startAnchor() >= 0) {
            throw in.unsupported(atom.startAnchor(), "start anchor inside a repeated group");
        }
        if (repeats && atom.endAnchor() >= 0) {
            throw in.unsupported(atom.endAnchor(), "end anchor inside a repeated group");
        }
        return new Parsed(new Expr.Repeat(atom.expr(), min, max), atom.startAnchor(), atom.endAnchor());
    }

    private int number() {
        int v = 0;
        while (in.cur() >= '0' && in.cur() <= '9') {
            v = v * 10 + (in.cur() - '0');
            in.pos++;
        }
        return v;
    }

    /** {@code \p{name}}, {@code \pX}, {@code \P...} at the cursor (on the backslash). */
    static int[] family(RegexSource in) {
        int at = in.pos;
        boolean complement = in.t[in.pos + 1] == 'P';
        in.pos += 2;
        String name;
        if (in.cur() == '{') {
            int start = ++in.pos;
            while (in.cur() != '}') {
                in.pos++;
            }
            name = new String(in.t, start, in.pos - start);
        } else {
            name = new String(in.t, in.pos, 1);
        }
        in.pos++;
        int[] set = RegexProperties.forName(name);
        if (set == null) {
            throw in.unsupported(at, "character property {" + name + "}");
        }
        return complement ? CharRanges.complement(set) : set;
    }
}
