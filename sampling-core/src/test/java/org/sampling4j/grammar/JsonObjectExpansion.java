package org.sampling4j.grammar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.grammar.syntax.Expr;

/**
 * Rewrites a grammar's {@code Expr.JsonObject}s (any-order objects, matched by the engine with guarded
 * terminals and a key tracker) into plain context-free rules, so that the {@link ReferenceRecognizer}
 * (which knows only characters, literals, sequences, alternatives, repeats and rules) can judge them.
 * An object with named members only and at most {@link #MAX_MEMBERS} of them becomes one rule per set
 * of keys already used: {@code rest(S) -> ε (when S holds every required key and |S| is within the
 * bounds) | ws "," ws member(k) rest(S ∪ {k})} for each unused k; so each key appears at most once, in
 * any order, required keys before the closing brace. The whitespace sits where the engine's lexemes put
 * it: {@code "{" [ws key ws ":" ws value ("ws ," ws key ws ":" ws value)*] ws "}"}. Key spellings are
 * written here from RFC 8259 (a literal character, its short escape, or {@code \\uXXXX} with hex digits
 * in either case, surrogate pairs for astral code points), independently of the engine's.
 *
 * <p>Objects with additional key classes ({@code additionalProperties} or {@code patternProperties}
 * other than false) need "no key twice" over an infinite key language, which no CFG can say:
 * {@link #expand} returns null for grammars that hold one (or more than {@link #MAX_MEMBERS} members).
 */
final class JsonObjectExpansion {
    /** 2^8 key sets of at most 8 productions each: small enough for the Earley reference. */
    static final int MAX_MEMBERS = 8;

    private final Map<String, Cfg.Rule> out = new LinkedHashMap<>();
    private int fresh;
    private boolean failed;

    private JsonObjectExpansion() {
    }

    /** {@code cfg} with every any-order object expanded, or null when one cannot be. */
    static Cfg expand(Cfg cfg) {
        JsonObjectExpansion x = new JsonObjectExpansion();
        for (Cfg.Rule r : cfg.rules().values()) {
            x.out.put(r.name(), new Cfg.Rule(r.name(), x.rewrite(r.body()), r.line(), r.column()));
        }
        return x.failed ? null : new Cfg(x.out, cfg.root());
    }

    private Expr rewrite(Expr e) {
        if (e instanceof Expr.Seq s) {
            return new Expr.Seq(s.items().stream().map(this::rewrite).toList());
        }
        if (e instanceof Expr.Alt a) {
            return new Expr.Alt(a.options().stream().map(this::rewrite).toList());
        }
        if (e instanceof Expr.Repeat r) {
            return new Expr.Repeat(rewrite(r.body()), r.min(), r.max());
        }
        if (e instanceof Expr.JsonObject o) {
            return object(o);
        }
        return e;
    }

    private Expr object(Expr.JsonObject o) {
        int n = o.members().size();
        if (!o.additional().isEmpty() || n > MAX_MEMBERS) {
            failed = true;
            return e0();
        }
        String base = "obj~" + fresh++;
        Expr ws = rule(base + "~ws", rewrite(o.ws())); // shared rules: the reference writes each occurrence out
        List<Expr> member = new ArrayList<>();
        int required = 0;
        for (int i = 0; i < n; i++) {
            Expr.JsonObject.Member m = o.members().get(i);
            member.add(rule(base + "~m" + i, new Expr.Seq(List.of(ws, quoted(m.key()), ws, new Expr.Literal(":"), ws,
                    rewrite(m.value())))));
            required |= m.required() ? 1 << i : 0;
        }
        for (int set = 0; set < 1 << n; set++) {
            List<Expr> options = new ArrayList<>();
            int size = Integer.bitCount(set);
            if ((set & required) == required && size >= o.minMembers()) {
                options.add(new Expr.Seq(List.of(ws, new Expr.Literal("}"))));
            }
            if (o.maxMembers() == -1 || size < o.maxMembers()) {
                for (int k = 0; k < n; k++) {
                    if ((set & 1 << k) == 0) {
                        Expr sep = set == 0 ? e0() : new Expr.Seq(List.of(ws, new Expr.Literal(",")));
                        options.add(new Expr.Seq(List.of(sep, member.get(k), ref(base, set | 1 << k))));
                    }
                }
            }
            Expr body = options.isEmpty() ? new Expr.Chars(new int[0]) : options.size() == 1 ? options.get(0) : new Expr.Alt(options);
            out.put(base + "~" + set, new Cfg.Rule(base + "~" + set, body, 0, 0));
        }
        return new Expr.Seq(List.of(new Expr.Literal("{"), ref(base, 0)));
    }

    private Expr rule(String name, Expr body) {
        out.put(name, new Cfg.Rule(name, body, 0, 0));
        return new Expr.Ref(name, 0, 0);
    }

    /** Whether {@code e} holds a counted repeat of more than {@code max} copies, which the reference would write out, or an intersection / difference, which it cannot read. */
    static boolean hasLargeCount(Cfg cfg, int max) {
        return cfg.rules().values().stream().anyMatch(r -> largeCount(r.body(), max));
    }

    private static boolean largeCount(Expr e, int max) {
        if (e instanceof Expr.Intersection || e instanceof Expr.Difference) {
            return true; // the reference reads no product of languages: such grammars take the fallback comparison
        }
        if (e instanceof Expr.Repeat r) {
            return r.max() > max || r.min() > max || largeCount(r.body(), max);
        }
        if (e instanceof Expr.Seq s) {
            return s.items().stream().anyMatch(x -> largeCount(x, max));
        }
        if (e instanceof Expr.Alt a) {
            return a.options().stream().anyMatch(x -> largeCount(x, max));
        }
        if (e instanceof Expr.JsonObject o) {
            return largeCount(o.ws(), max) || o.members().stream().anyMatch(m -> largeCount(m.value(), max))
                    || o.additional().stream().anyMatch(k -> largeCount(k.keyQuoted(), max) || largeCount(k.value(), max));
        }
        return false;
    }

    private static Expr ref(String base, int set) {
        return new Expr.Ref(base + "~" + set, 0, 0);
    }

    private static Expr e0() {
        return Expr.EMPTY;
    }

    /** Every RFC 8259 spelling of the JSON string whose decoded value is {@code key}, quotes included. */
    static Expr quoted(String key) {
        List<Expr> items = new ArrayList<>();
        items.add(new Expr.Literal("\""));
        key.codePoints().forEach(cp -> items.add(character(cp)));
        items.add(new Expr.Literal("\""));
        return new Expr.Seq(items);
    }

    private static Expr character(int cp) {
        List<Expr> ways = new ArrayList<>();
        if (cp >= 0x20 && cp != '"' && cp != '\\') {
            ways.add(new Expr.Literal(new String(Character.toChars(cp))));
        }
        int shortEscape = "\"\\/\b\f\n\r\t".indexOf(cp);
        if (shortEscape >= 0) {
            ways.add(new Expr.Literal("\\" + "\"\\/bfnrt".charAt(shortEscape)));
        }
        if (cp < 0x10000) {
            ways.add(hexEscape(cp));
        } else {
            char[] pair = Character.toChars(cp);
            ways.add(new Expr.Seq(List.of(hexEscape(pair[0]), hexEscape(pair[1]))));
        }
        return ways.size() == 1 ? ways.get(0) : new Expr.Alt(ways);
    }

    /** {@code \\uXXXX} with each hex letter in either case. */
    private static Expr hexEscape(int unit) {
        List<Expr> items = new ArrayList<>(List.of(new Expr.Literal("\\u")));
        String hex = String.format("%04x", unit);
        for (char h : hex.toCharArray()) {
            items.add(Character.isDigit(h) ? new Expr.Literal(String.valueOf(h))
                    : new Expr.Chars(new int[] {Character.toUpperCase(h), Character.toUpperCase(h), h, h}));
        }
        return new Expr.Seq(items);
    }
}
