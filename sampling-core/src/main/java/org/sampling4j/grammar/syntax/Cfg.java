package org.sampling4j.grammar.syntax;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A grammar in the IR: named rules, in the order the source gave them, and the root rule whose
 * language the grammar is. Every {@link Expr.Ref} names a rule of the map (front ends check this and
 * report an undefined rule at the reference's line and column). Rules may refer to themselves and
 * each other in any way, left recursion included.
 */
public record Cfg(Map<String, Rule> rules, String root) {
    /** Copies the rules, keeping their order, and checks that the root is one of them. */
    public Cfg {
        rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        Objects.requireNonNull(root, "root");
        if (!rules.containsKey(root)) {
            throw new IllegalArgumentException("root: no rule named '" + root + "'");
        }
    }

    /** The root rule. */
    public Rule rootRule() {
        return rules.get(root);
    }

    /** A grammar of one rule, {@code root ::= body}: what the regex and choice front ends produce. */
    public static Cfg single(Expr body) {
        return new Cfg(Map.of("root", new Rule("root", body, 1, 1)), "root");
    }

    /** One rule: {@code name ::= body}, defined at {@code line}, {@code column} (1-based) of its source. */
    public record Rule(String name, Expr body, int line, int column) {
        /** Checks the parts. */
        public Rule {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(body, "body");
        }
    }
}
