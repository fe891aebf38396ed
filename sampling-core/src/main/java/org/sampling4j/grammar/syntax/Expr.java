package org.sampling4j.grammar.syntax;

import java.util.List;
import java.util.Objects;

/**
 * One expression of the grammar IR that every front end (GBNF, regex, choice, the JSON built-ins and,
 * later, JSON Schema) produces and the engine compiles. Text is in Unicode code points: a front end
 * never sees bytes, and the engine alone turns code points into UTF-8 byte automata. The IR is a tree;
 * rules refer to each other by name through {@link Ref}, so recursion lives in {@link Cfg}, not here.
 */
public sealed interface Expr {
    /** The empty string. */
    Expr EMPTY = new Seq(List.of());

    /**
     * One code point from a set: {@code ranges} holds sorted, disjoint, non-adjacent inclusive pairs
     * {@code lo0, hi0, lo1, hi1, ...} within {@code [0, 0x10FFFF]}; surrogates {@code D800-DFFF} never
     * appear (they are not characters and have no UTF-8 form). An empty set matches nothing.
     */
    record Chars(int[] ranges) implements Expr {
        /** Checks the invariant and copies the array, so a caller's array never changes the IR. */
        public Chars {
            ranges = CharRanges.checked(ranges);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Chars c && java.util.Arrays.equals(ranges, c.ranges);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(ranges);
        }

        @Override
        public String toString() {
            return "Chars" + java.util.Arrays.toString(ranges);
        }
    }

    /** The code points of {@code text}, in order ({@code text} is valid UTF-16: no lone surrogate). */
    record Literal(String text) implements Expr {
        /** Refuses a lone surrogate, which has no UTF-8 form. */
        public Literal {
            Objects.requireNonNull(text, "text");
            CharRanges.checkNoLoneSurrogate(text);
        }
    }

    /** The items one after the other; no items is the empty string. */
    record Seq(List<Expr> items) implements Expr {
        /** Copies the list. */
        public Seq {
            items = List.copyOf(items);
        }
    }

    /** Any one of the options; no options matches nothing. */
    record Alt(List<Expr> options) implements Expr {
        /** Copies the list. */
        public Alt {
            options = List.copyOf(options);
        }
    }

    /**
     * {@code body} repeated {@code min} to {@code max} times; {@code max == UNBOUNDED} is no upper bound.
     * {@code *} is {@code (0, UNBOUNDED)}, {@code +} is {@code (1, UNBOUNDED)}, {@code ?} is {@code (0, 1)}.
     * Counts are kept, never expanded here: expanding {@code x{1,1000000}} is the engine's decision,
     * under its budget.
     */
    record Repeat(Expr body, int min, int max) implements Expr {
        /** No upper bound. */
        public static final int UNBOUNDED = -1;

        /** Checks {@code 0 <= min} and {@code max == UNBOUNDED || min <= max}. */
        public Repeat {
            Objects.requireNonNull(body, "body");
            if (min < 0 || (max != UNBOUNDED && max < min)) {
                throw new IllegalArgumentException("repeat {" + min + "," + max + "}: need 0 <= min <= max");
            }
        }
    }

    /** A reference to the rule {@code name}; {@code line} and {@code column} (1-based) locate it for errors. */
    record Ref(String name, int line, int column) implements Expr {
        /** Checks the name. */
        public Ref {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * One whole token of the vocabulary, never text: GBNF {@code <[id]>} and {@code <name>} (the
     * token whose text is {@code <name>}), or with {@code negated} ({@code !<...>}) any one token
     * except those. {@code ids} and {@code names} together list the tokens; names are resolved
     * against the vocabulary when the grammar is compiled for it. A name is the token's whole text,
     * angle brackets included ({@code "<think>"}), as llama.cpp tokenizes it (special tokens parsed;
     * it must be exactly one token). {@link GbnfParser} gives each Token one id or one name.
     */
    record Token(List<Integer> ids, List<String> names, boolean negated) implements Expr {
        /** Copies the lists. */
        public Token {
            ids = List.copyOf(ids);
            names = List.copyOf(names);
        }
    }
}
