package org.sampling4j.grammar.syntax;

import java.util.List;
import java.util.Objects;

/**
 * One expression of the grammar IR that every front end (GBNF, regex, choice, the JSON built-ins and,
 * later, JSON Schema) produces and the engine compiles. Text is in Unicode code points: a front end
 * never sees bytes, and the engine alone turns code points into UTF-8 byte automata. The IR is a tree;
 * rules refer to each other by name through {@link Ref}, so recursion lives in {@link Cfg}, not here. The
 * one leaf with shared structure is {@link Automaton}, for regular languages a tree cannot spell small.
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

    /**
     * A REGULAR code-point language given as a deterministic automaton with shared states: the one leaf
     * whose size is its number of states, not its text. A tree can only spell such a language by
     * unrolling it (the numerals divisible by 7 have no small expression), so producers that compute
     * an automaton (the JSON Schema {@code multipleOf} one, a remainder per state) hand it over as is.
     * State 0 starts; {@code moves[s]} holds triples {@code lo, hi, to}: on a code point in
     * {@code [lo, hi]} go to state {@code to}; the ranges of one state are sorted and disjoint (so the
     * automaton is deterministic), within {@code [0, 0x10FFFF]} and free of surrogates. The language is
     * the strings that lead from state 0 to a state with {@code accepting[s]}. The engine embeds the
     * states once ({@code grammar.automaton.NfaBuilder}), so its cost is linear in the transitions.
     */
    record Automaton(int[][] moves, boolean[] accepting) implements Expr {
        /** Checks the invariant and copies the arrays, so a caller's arrays never change the IR. */
        public Automaton {
            int n = moves.length;
            if (n == 0 || accepting.length != n) {
                throw new IllegalArgumentException("automaton: need at least one state and one accepting flag per state, got "
                        + n + " states and " + accepting.length + " flags");
            }
            int[][] copy = new int[n][];
            for (int s = 0; s < n; s++) {
                int[] m = moves[s].clone();
                if (m.length % 3 != 0) {
                    throw new IllegalArgumentException("automaton: state " + s + " has " + m.length + " move ints, not triples");
                }
                for (int i = 0; i < m.length; i += 3) {
                    int lo = m[i];
                    int hi = m[i + 1];
                    if (lo < 0 || hi > 0x10FFFF || lo > hi || (i > 0 && lo <= m[i - 2]) || (lo <= 0xDFFF && hi >= 0xD800)
                            || m[i + 2] < 0 || m[i + 2] >= n) {
                        throw new IllegalArgumentException("automaton: state " + s + " move " + lo + "-" + hi + " -> " + m[i + 2]
                                + " is not a sorted, disjoint, surrogate-free range to a state below " + n);
                    }
                }
                copy[s] = m;
            }
            moves = copy;
            accepting = accepting.clone();
        }

        /** Number of states. */
        public int states() {
            return moves.length;
        }

        @Override
        public int[][] moves() {
            int[][] out = new int[moves.length][];
            for (int s = 0; s < out.length; s++) {
                out[s] = moves[s].clone();
            }
            return out;
        }

        @Override
        public boolean[] accepting() {
            return accepting.clone();
        }

        /** The moves of state {@code s}, not copied: callers must not write to it. */
        public int[] movesOf(int s) {
            return moves[s];
        }

        /** Whether state {@code s} accepts. */
        public boolean accepts(int s) {
            return accepting[s];
        }

        /** The state after {@code cp} from {@code s}, or -1 if there is none. */
        public int step(int s, int cp) {
            int[] m = moves[s];
            for (int i = 0; i < m.length; i += 3) {
                if (cp < m[i]) {
                    return -1;
                }
                if (cp <= m[i + 1]) {
                    return m[i + 2];
                }
            }
            return -1;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Automaton a && java.util.Arrays.deepEquals(moves, a.moves)
                    && java.util.Arrays.equals(accepting, a.accepting);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.deepHashCode(moves) + java.util.Arrays.hashCode(accepting);
        }

        /** The whole automaton (it is part of a grammar's canonical text): {@code state[!]: lo-hi>to ...}. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("Automaton[");
            for (int s = 0; s < moves.length; s++) {
                out.append(s == 0 ? "" : "; ").append(s).append(accepting[s] ? "!" : "").append(':');
                for (int i = 0; i < moves[s].length; i += 3) {
                    out.append(' ').append(moves[s][i]).append('-').append(moves[s][i + 1]).append('>').append(moves[s][i + 2]);
                }
            }
            return out.append(']').toString();
        }
    }

    /**
     * The strings both operands match: the intersection of two REGULAR code-point languages. Neither
     * operand may hold a {@link Ref}, a {@link Token} or a {@link JsonObject} (checked here, so the node
     * is regular wherever it stands). The engine compiles it by determinizing both operands over
     * UTF-8 bytes and taking the product (see {@code grammar.automaton.RegularProduct}), under the
     * automaton budgets.
     */
    record Intersection(Expr left, Expr right) implements Expr {
        /** Refuses an operand that is not a regular code-point expression. */
        public Intersection {
            RegularOperands.check("intersection", left, right);
        }
    }

    /**
     * The strings {@code left} matches and {@code right} does not: the difference of two REGULAR
     * code-point languages (a complement is {@code Difference(any*, x)}). Same operand rules and
     * compilation as {@link Intersection}.
     */
    record Difference(Expr left, Expr right) implements Expr {
        /** Refuses an operand that is not a regular code-point expression. */
        public Difference {
            RegularOperands.check("difference", left, right);
        }
    }

    /**
     * A JSON object, braces included, whose members come in ANY order. {@code ws} is the whitespace
     * used between tokens (JSON structural whitespace; {@link #EMPTY} for compact). Each named member
     * appears at most once; its key is a JSON string whose DECODED value equals {@code key}, in every
     * spelling RFC 8259 allows (literal characters, two-character escapes, {@code \\uXXXX} in either
     * case, surrogate pairs); {@code required} members must appear; {@code additional} (may be empty)
     * lists key classes for other keys: {@code keyQuoted} is a regular expression of quoted JSON
     * strings that the producer has made disjoint from the named keys and from each other. No key,
     * named or not, appears twice (compared by decoded value), and the number of members is within
     * {@code [minMembers, maxMembers]} ({@code maxMembers == -1}: unbounded). Values are expressions
     * (usually references to rules) of JSON text. The engine matches it exactly with guarded
     * terminals and a key tracker over the text (see {@code grammar.engine.ObjectGuards}); it is never
     * regular, so it never ends up inside a lexeme.
     */
    record JsonObject(List<Member> members, List<KeyClass> additional, int minMembers, int maxMembers, Expr ws)
            implements Expr {
        /** Copies the lists and checks {@code 0 <= minMembers}, {@code maxMembers == -1 || minMembers <= maxMembers} and distinct keys. */
        public JsonObject {
            members = List.copyOf(members);
            additional = List.copyOf(additional);
            Objects.requireNonNull(ws, "ws");
            if (minMembers < 0 || (maxMembers != -1 && maxMembers < minMembers)) {
                throw new IllegalArgumentException("members {" + minMembers + "," + maxMembers
                        + "}: need 0 <= minMembers and maxMembers == -1 or minMembers <= maxMembers");
            }
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (Member m : members) {
                if (!keys.add(m.key())) {
                    throw new IllegalArgumentException("members: key \"" + m.key() + "\" is named twice");
                }
            }
        }

        /** One named member: its decoded key, its value, whether it must appear. */
        public record Member(String key, Expr value, boolean required) {
            /** Checks the parts ({@code key} valid UTF-16: no lone surrogate). */
            public Member {
                Objects.requireNonNull(key, "key");
                Objects.requireNonNull(value, "value");
                CharRanges.checkNoLoneSurrogate(key);
            }
        }

        /**
         * Members whose quoted key is in {@code keyQuoted} (a regular expression), each with value
         * {@code value}. {@code keyDecoded}, when not null, is the same class as a regular code-point
         * language of DECODED keys, and {@code keyQuoted} is then every spelling of its strings; the
         * engine counts it to keep a finite class from running out mid-key (a key of a class whose keys
         * are all present cannot be completed). Null: not counted (a finite class may then stall).
         */
        public record KeyClass(Expr keyQuoted, Expr value, Expr keyDecoded) {
            /** Checks the parts ({@code keyDecoded} may be null). */
            public KeyClass {
                Objects.requireNonNull(keyQuoted, "keyQuoted");
                Objects.requireNonNull(value, "value");
            }

            /** A class without its decoded language. */
            public KeyClass(Expr keyQuoted, Expr value) {
                this(keyQuoted, value, null);
            }
        }
    }
}
