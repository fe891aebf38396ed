package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.List;
import org.sampling4j.grammar.syntax.Expr;

/**
 * Recursive-descent parser of ECMA-262 {@code u}-mode patterns (22.2.1 Patterns) into {@link Expr}:
 * Disjunction, Alternative, Term, Quantifier, Atom; escapes and classes are in {@link EcmaClasses}.
 * Nesting is bounded by {@link #MAX_DEPTH} so no pattern can exhaust the stack.
 */
final class EcmaParser {
    static final int MAX_DEPTH = 200;
    static final int MAX_LENGTH = 100_000;

    /** One top-level alternative: its body and whether it is anchored at the start / end. */
    record Alternative(Expr body, boolean startAnchored, boolean endAnchored) {
    }

    final int[] t;
    int pos;
    final String pointer;
    private final EcmaClasses classes;

    EcmaParser(String pattern, String pointer) {
        if (pattern.length() > MAX_LENGTH) {
            throw new SchemaException(SchemaException.Kind.UNSUPPORTED, pointer,
                    "pattern of " + pattern.length() + " chars exceeds the limit of " + MAX_LENGTH);
        }
        this.t = pattern.codePoints().toArray();
        this.pointer = pointer;
        this.classes = new EcmaClasses(this);
    }

    int cur() {
        return pos < t.length ? t[pos] : -1;
    }

    SchemaException invalid(int at, String reason) {
        return new SchemaException(SchemaException.Kind.INVALID, pointer, "pattern column " + (at + 1) + ": " + reason);
    }

    SchemaException unsupported(int at, String reason) {
        return new SchemaException(SchemaException.Kind.UNSUPPORTED, pointer, "pattern column " + (at + 1) + ": " + reason);
    }

    /** The top-level alternatives. */
    List<Alternative> parse() {
        List<Alternative> out = new ArrayList<>();
        while (true) {
            boolean start = false;
            if (cur() == '^') {
                start = true;
                pos++;
            }
            List<Expr> items = new ArrayList<>();
            boolean end = false;
            while (pos < t.length && cur() != '|') {
                if (cur() == '$' && (pos + 1 == t.length || t[pos + 1] == '|')) {
                    end = true;
                    pos++;
                    break;
                }
                items.add(term(0));
            }
            out.add(new Alternative(new Expr.Seq(items), start, end));
            if (pos >= t.length) {
                return out;
            }
            pos++; // '|'
        }
    }

    private Expr disjunction(int depth) {
        List<Expr> options = new ArrayList<>();
        while (true) {
            List<Expr> items = new ArrayList<>();
            while (pos < t.length && cur() != '|' && cur() != ')') {
                items.add(term(depth));
            }
            options.add(items.size() == 1 ? items.get(0) : new Expr.Seq(items));
            if (cur() != '|') {
                return options.size() == 1 ? options.get(0) : new Expr.Alt(options);
            }
            pos++;
        }
    }

    private Expr term(int depth) {
        int at = pos;
        int c = cur();
        if (c == '^' || c == '$') {
            throw unsupported(at, "anchor " + (char) c + " inside the pattern (only at the start / end of a top-level "
                    + "alternative is it exact here)");
        }
        if (c == '\\' && (pos + 1 < t.length) && (t[pos + 1] == 'b' || t[pos + 1] == 'B')) {
            throw unsupported(at, "word boundary \\" + (char) t[pos + 1] + ": a zero-width assertion");
        }
        Expr atom = atom(depth);
        return quantifier(atom);
    }

    private Expr atom(int depth) {
        int at = pos;
        int c = cur();
        switch (c) {
            case '(':
                return group(depth);
            case '[':
                return new Expr.Chars(classes.parseClass());
            case '.':
                pos++;
                return new Expr.Chars(EcmaClasses.DOT_SAFE);
            case '\\':
                return classes.atomEscape();
            case '*': case '+': case '?': case '{':
                throw invalid(at, "nothing to repeat before " + (char) c);
            case ')':
                throw invalid(at, "unmatched )");
            case ']': case '}':
                throw invalid(at, "lone " + (char) c + " (a syntax error in u mode)");
            default:
                pos++;
                return Exprs.lit(new String(Character.toChars(c)));
        }
    }

    private Expr group(int depth) {
        int at = pos;
        if (depth >= MAX_DEPTH) {
            throw unsupported(at, "groups nested deeper than " + MAX_DEPTH);
        }
        pos++;
        if (cur() == '?') {
            int k = pos + 1 < t.length ? t[pos + 1] : -1;
            int k2 = pos + 2 < t.length ? t[pos + 2] : -1;
            if (k == ':') {
                pos += 2;
            } else if (k == '=' || k == '!' || (k == '<' && (k2 == '=' || k2 == '!'))) {
                throw unsupported(at, "lookaround (?" + (char) k + (k == '<' ? String.valueOf((char) k2) : "")
                        + ": a zero-width assertion a grammar cannot express exactly");
            } else if (k == '<') {
                pos += 2;
                while (cur() != '>') {
                    if (cur() < 0) {
                        throw invalid(at, "unterminated group name");
                    }
                    pos++;
                }
                pos++;
            } else {
                throw unsupported(at, "group modifier (?" + (k < 0 ? "" : new String(Character.toChars(k))));
            }
        }
        Expr inner = disjunction(depth + 1);
        if (cur() != ')') {
            throw invalid(at, "unclosed group");
        }
        pos++;
        return inner;
    }

    private Expr quantifier(Expr atom) {
        int at = pos;
        int min;
        int max;
        switch (cur()) {
            case '*': min = 0; max = Expr.Repeat.UNBOUNDED; pos++; break;
            case '+': min = 1; max = Expr.Repeat.UNBOUNDED; pos++; break;
            case '?': min = 0; max = 1; pos++; break;
            case '{': {
                pos++;
                min = number(at);
                max = min;
                if (cur() == ',') {
                    pos++;
                    max = cur() == '}' ? Expr.Repeat.UNBOUNDED : number(at);
                }
                if (cur() != '}') {
                    throw invalid(at, "malformed quantifier");
                }
                pos++;
                if (max != Expr.Repeat.UNBOUNDED && max < min) {
                    throw invalid(at, "quantifier {" + min + "," + max + "}: numbers out of order");
                }
                break;
            }
            default:
                return atom;
        }
        if (cur() == '?') {
            pos++; // lazy: the same set of strings under search semantics
        }
        return new Expr.Repeat(atom, min, max);
    }

    private int number(int at) {
        if (cur() < '0' || cur() > '9') {
            throw invalid(at, "malformed quantifier");
        }
        long v = 0;
        while (cur() >= '0' && cur() <= '9') {
            v = v * 10 + (cur() - '0');
            if (v > Integer.MAX_VALUE) {
                throw unsupported(at, "quantifier bound above " + Integer.MAX_VALUE);
            }
            pos++;
        }
        return (int) v;
    }
}
