package org.sampling4j.grammar.engine;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.sampling4j.grammar.automaton.LazyDfa;

/**
 * The lexer states after 0, 1, 2, .. characters of one {@link CharClass} from a state in which every
 * member moves the lexer alike: a string body with {@code maxLength} / {@code minLength} is a
 * counter, one state per length, so no state loops and the region fast path ({@link LexerRegion})
 * never applies, while each first mask in such a string would walk the whole trie. Along a chain, a
 * token in the class is allowed iff its characters fit ({@link #limit}), no lexeme ends inside it,
 * and only the class's {@link CharPaths} exits are walked. A plain counted body reads
 * {@link CharClass#PLAIN}; a counted {@code pattern} or {@code format} (an email's local part: 64
 * characters at most) the class most characters take ({@link CharClass#at}).
 *
 * <p><b>Uniform.</b> State {@code d} has successor {@code d'} for a class when every member, byte by
 * byte, leads from {@code d} to {@code d'} (one state, possibly {@link LazyDfa#DEAD}) and no byte
 * inside a character lands in an accepting state, or (when {@code d'} is DEAD) anywhere but DEAD.
 * It is checked on the product of the UTF-8 states and the DFA states reached (a handful per
 * state), all 256 bytes each, and memoized per class and DFA state ({@link Successors}). A chain
 * exists when every state up to {@link CharPaths#MAX_CHARS} characters (or to the first DEAD, or to
 * a state that is its own successor) is uniform and none of them accepts.
 */
final class CharChain {
    /** Successor of a state that is not uniform. */
    static final int NOT_UNIFORM = -1;
    /** Most (UTF-8 state, DFA state) pairs explored for one successor. */
    private static final int PAIRS = 64;
    /** Build chains only with this much room left in the DFA budget, and give up past this many new states. */
    private static final int ROOM = 4096;
    private static final int BUILT = 2048;

    /** The class the chain reads. */
    final CharClass cls;
    /** {@code states[c]}: the state after {@code c} members, for {@code c <= limit} (the last repeats when it loops). */
    private final int[] states;
    /** The most members that keep the lexer alive (at most {@link CharPaths#MAX_CHARS}). */
    final int limit;

    private CharChain(CharClass cls, int[] states, int limit) {
        this.cls = cls;
        this.states = states;
        this.limit = limit;
    }

    /** The state after {@code c <= limit} members. */
    int state(int c) {
        return states[Math.min(c, states.length - 1)];
    }

    /**
     * The chain from {@code s} up to {@link CharPaths#MAX_CHARS} characters of the class {@code s}
     * reads, or null when it reads none, a state on the way is not uniform or accepts, or the DFA
     * budget is nearly spent.
     */
    static CharChain of(LazyDfa dfa, int s, Successors memo) {
        if (dfa.room() < ROOM) {
            return null;
        }
        int k = memo.classAt(dfa, s);
        if (k < 0) {
            return null;
        }
        CharClass cls = memo.classes[k];
        int cap = CharPaths.MAX_CHARS;
        int before = dfa.states();
        int[] chain = new int[cap + 1];
        chain[0] = s;
        int c = 0;
        while (c < cap) {
            int next = memo.of(dfa, chain[c], k);
            if (next == NOT_UNIFORM) {
                return null;
            }
            if (next == LazyDfa.DEAD) {
                return new CharChain(cls, Arrays.copyOf(chain, c + 1), c);
            }
            if (dfa.acceptOf(next) != 0) {
                return null;
            }
            if (next == chain[c]) {
                // loops: every count fits. A narrower class that loops is a key or pattern body the
                // region paths serve without building the class's paths (a trie pass per class)
                return cls.equals(CharClass.PLAIN) ? new CharChain(cls, Arrays.copyOf(chain, c + 1), cap) : null;
            }
            chain[++c] = next;
            if (dfa.states() - before > BUILT) {
                return null;
            }
        }
        return new CharChain(cls, Arrays.copyOf(chain, c + 1), cap);
    }

    /**
     * The classes and uniform successors computed so far, per DFA state; shared by the matchers of a
     * grammar (races only recompute). {@code decided}: whether the trie walk decides a node's tokens
     * by the lexer alone in a state (not a held or guarded one); a state on a chain, or inside one of
     * its characters, that it does not hold for makes the state before it not uniform, so a chain
     * only ever replaces nodes the walk would have allowed or skipped itself.
     */
    static final class Successors {
        private final IntPredicate decided;
        /** The classes found, by index (grown under the lock). */
        private volatile CharClass[] classes = new CharClass[0];
        /** {@code classOf[d]}: 0 not known yet, 1 none, else the class index plus 2. */
        private volatile int[] classOf = new int[64];
        /** {@code succ[k][d]}: 0 not known yet, else the successor of {@code d} for class {@code k} plus 2. */
        private volatile int[][] succ = new int[0][];

        Successors(IntPredicate decided) {
            this.decided = decided;
        }

        /**
         * The index of the class a chain from {@code d} reads ({@link CharClass#at}, narrowed to
         * ASCII when the characters outside it do not move alike), or -1.
         */
        int classAt(LazyDfa dfa, int d) {
            int[] a = classOf;
            if (d < a.length && a[d] != 0) {
                return a[d] - 2;
            }
            int[] target = new int[128];
            CharClass cls = CharClass.at(dfa, d, target);
            if (cls != null && !cls.equals(CharClass.PLAIN) && loops(dfa, target[cls.firstAscii()], target)) {
                // a key or pattern body that loops after one character: of no use as a narrower
                // chain (see of), and the successor checks below cost more than the answer
                cls = null;
            }
            if (cls != null && successor(dfa, d, decided, cls) == NOT_UNIFORM) {
                cls = cls.narrow();
                if (cls.asciiCount() < CharClass.MIN_ASCII || successor(dfa, d, decided, cls) == NOT_UNIFORM) {
                    cls = null;
                }
            }
            synchronized (this) {
                int k = cls == null ? -1 : Arrays.asList(classes).indexOf(cls);
                if (cls != null && k < 0) {
                    k = classes.length;
                    CharClass[] more = Arrays.copyOf(classes, k + 1);
                    more[k] = cls;
                    classes = more;
                    int[][] grown = Arrays.copyOf(succ, k + 1);
                    grown[k] = new int[64];
                    succ = grown;
                }
                classOf = put(classOf, d, k + 2);
                return k;
            }
        }

        int of(LazyDfa dfa, int d, int k) {
            int[] a = succ[k];
            if (d < a.length && a[d] != 0) {
                return a[d] - 2;
            }
            int r = successor(dfa, d, decided, classes[k]);
            synchronized (this) {
                int[][] all = succ.clone();
                all[k] = put(all[k], d, r + 2);
                succ = all;
            }
            return r;
        }

        /** Whether most content characters lead from {@code next} back to itself ({@code target}: scratch). */
        private static boolean loops(LazyDfa dfa, int next, int[] target) {
            return CharClass.majority(dfa, next, target) == next;
        }

        private static int[] put(int[] a, int d, int v) {
            int[] b = d < a.length ? a : Arrays.copyOf(a, Math.max(2 * a.length, d + 1));
            b[d] = v;
            return b;
        }
    }

    /** The uniform successor of {@code d} for the members of {@code cls}, or {@link #NOT_UNIFORM}. */
    static int successor(LazyDfa dfa, int d, IntPredicate decided, CharClass cls) {
        int[] pu = new int[PAIRS];
        int[] pd = new int[PAIRS];
        int n = 1;
        pd[0] = d;
        int result = Integer.MIN_VALUE;
        for (int p = 0; p < n; p++) {
            int x = pd[p];
            int[] row = dfa.row(x);
            int lastNu = -1;
            int lastY = Integer.MIN_VALUE;
            // inside a character only continuation bytes (80-BF) go on (CharPaths.next)
            int bEnd = pu[p] == 0 ? 256 : 0xC0;
            for (int b = pu[p] == 0 ? 0 : 0x80; b < bEnd; b++) {
                int nu = cls.next(pu[p], b);
                if (nu < 0) {
                    continue;
                }
                int y = x == LazyDfa.DEAD ? LazyDfa.DEAD : LazyDfa.target(dfa.move(row, x, b));
                if (nu == 0) {
                    if (result == Integer.MIN_VALUE) {
                        result = y;
                    } else if (result != y) {
                        return NOT_UNIFORM;
                    }
                    continue;
                }
                if (nu == lastNu && y == lastY) {
                    continue; // a run of bytes to the same pair (continuation bytes, one byte class): listed already
                }
                lastNu = nu;
                lastY = y;
                int q = 0;
                while (q < n && (pu[q] != nu || pd[q] != y)) {
                    q++;
                }
                if (q == n) {
                    if (n == PAIRS) {
                        return NOT_UNIFORM;
                    }
                    pu[n] = nu;
                    pd[n++] = y;
                }
            }
        }
        for (int p = 1; p < n; p++) {
            int y = pd[p];
            if (result == LazyDfa.DEAD ? y != LazyDfa.DEAD : y == LazyDfa.DEAD || dfa.acceptOf(y) != 0 || !decided.test(y)) {
                return NOT_UNIFORM;
            }
        }
        return result != LazyDfa.DEAD && !decided.test(result) ? NOT_UNIFORM : result;
    }
}
