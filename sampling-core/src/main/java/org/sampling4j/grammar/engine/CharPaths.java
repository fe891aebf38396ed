package org.sampling4j.grammar.engine;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The token trie read as strings of one {@link CharClass}: for each node whose path is IN the class
 * (whole member characters in well-formed UTF-8, then possibly the first bytes of one more), its
 * character count; and the EXITS, the nodes whose byte makes such a path stop being one (for
 * {@link CharClass#PLAIN}, JSON string content: a quote, a backslash, a control byte, a malformed
 * sequence; for a narrower class also any non-member). With it the walk of a counted string body
 * ({@link CharChain}: {@code maxLength}, {@code minLength}, where every member moves the lexer
 * alike) is a lookup: a token in the class is allowed iff its characters fit, and only the exits
 * are walked. Built once per vocabulary and class, on first use ({@link TokenTrie#paths});
 * immutable but for the {@link #fitting} cache.
 *
 * <p>Only the first {@link #MAX_CHARS} characters are read: a node that would start character
 * {@code MAX_CHARS + 1} is an exit too, walked from the state after {@code MAX_CHARS}. A chain then
 * needs at most {@code MAX_CHARS + 1} lexer states, each with the DFA states inside its multi-byte
 * characters (about fifteen per position), instead of one per character up to the longest token
 * (128 in o200k_base), which cost more DFA states and time than the walk it replaced; the few
 * tokens longer than that (past {@value #MAX_CHARS} characters of string content) are walked.
 *
 * <p>A node's EFFECTIVE count {@code e} is its complete characters, plus one when it ends inside a
 * character (that character's first bytes are alive iff the whole character is). Root children are
 * at {@code e >= 1}; an exit's parent may be the root ({@code e = 0}).
 */
final class CharPaths {
    /** UTF-8 states of a path: 0 between characters; else what the bytes so far still need. */
    private static final int BOUNDARY = 0;
    /** The most characters a path is read for (see the class comment). */
    static final int MAX_CHARS = 16;

    /** The tokens in the class ordered by effective count: those with {@code e} are {@code byCount[countStart[e], countStart[e + 1])}. */
    final int[] byCount;
    final int[] countStart;
    /** The largest effective count of a node in the class. */
    final int maxCount;
    /**
     * The exits in DFS order; their parent's complete characters; how many bytes of a next character
     * the parent's path ends with (0..3) and those bytes, first in the high byte ({@code b0 << 16 | b1 << 8 | b2}).
     */
    final int[] exitNode;
    final int[] exitChars;
    final int[] exitTail;
    final int[] exitTailBytes;
    /** Per maximal count {@code L}: the tokens in the class with {@code e <= L}, mask layout, built on first use. */
    private final AtomicReferenceArray<int[]> fitting;
    private final CharClass cls;
    private final TokenTrie trie;
    /** The paths below exit nodes, built on first use ({@link #below}). */
    private final ConcurrentHashMap<Integer, CharPaths> below = new ConcurrentHashMap<>();

    /**
     * One DFS pass: per depth the UTF-8 state and complete characters of the path; a node whose byte
     * the UTF-8 state of its parent's path takes is in the class (unless it starts a character past
     * {@link #MAX_CHARS}), else an exit (and its subtree is skipped).
     */
    CharPaths(TokenTrie t, CharClass cls) {
        this(t, cls, -1);
    }

    /**
     * The paths below {@code root} (its own tokens not included; counts start there, on a character
     * boundary), or of the whole trie for -1: the trie below an exit that starts another chain of
     * the same class, such as the tokens after a dot in an email's local part ({@link #below}).
     */
    private CharPaths(TokenTrie t, CharClass cls, int root) {
        this.cls = cls;
        this.trie = t;
        int from = root + 1;
        int to = root < 0 ? t.nodes : t.end[root];
        int baseDepth = root < 0 ? 0 : t.depth[root];
        int firstToken = t.tokFirst[from];
        int[] u = new int[t.maxDepth + 1];
        int[] chars = new int[t.maxDepth + 1];
        int[] tail = new int[t.maxDepth + 1];
        int[] path = new int[t.maxDepth + 1];
        int[] eOf = new int[t.tokFirst[to] - firstToken];
        Arrays.fill(eOf, -1);
        IntList exits = new IntList();
        IntList exitC = new IntList();
        IntList exitT = new IntList();
        IntList exitB = new IntList();
        int max = 0;
        int i = from;
        while (i < to) {
            int d = t.depth[i] - baseDepth;
            int pu = u[d - 1];
            int pc = chars[d - 1];
            int nu = cls.next(pu, t.nodeByte[i] & 0xFF);
            if (nu < 0) {
                exits.add(i);
                exitC.add(pc);
                exitT.add(tail[d - 1]);
                int packed = 0;
                for (int j = d - tail[d - 1]; j < d; j++) {
                    packed = packed << 8 | path[j];
                }
                exitB.add(packed);
                i = t.end[i];
                continue;
            }
            int c = nu == BOUNDARY ? pc + 1 : pc;
            int e = nu == BOUNDARY ? c : c + 1;
            if (e > MAX_CHARS) {
                // a new character past the chain's reach: walked like an exit, from the state after MAX_CHARS
                exits.add(i);
                exitC.add(pc);
                exitT.add(0);
                exitB.add(0);
                i = t.end[i];
                continue;
            }
            u[d] = nu;
            path[d] = t.nodeByte[i] & 0xFF;
            tail[d] = nu == BOUNDARY ? 0 : tail[d - 1] + 1;
            chars[d] = c;
            max = Math.max(max, e);
            for (int x = t.tokFirst[i]; x < t.tokFirst[i + 1]; x++) {
                eOf[x - firstToken] = e;
            }
            i++;
        }
        int[] start = new int[max + 2];
        for (int e : eOf) {
            if (e >= 0) {
                start[e + 1]++;
            }
        }
        for (int e = 0; e <= max; e++) {
            start[e + 1] += start[e];
        }
        int[] order = new int[start[max + 1]];
        int[] at = Arrays.copyOf(start, max + 1);
        for (int x = 0; x < eOf.length; x++) {
            if (eOf[x] >= 0) {
                order[at[eOf[x]]++] = t.tokens[firstToken + x];
            }
        }
        this.byCount = order;
        this.countStart = start;
        this.maxCount = max;
        this.exitNode = exits.toArray();
        this.exitChars = exitC.toArray();
        this.exitTail = exitT.toArray();
        this.exitTailBytes = exitB.toArray();
        this.fitting = new AtomicReferenceArray<>(max + 1);
    }

    /**
     * The UTF-8 state after byte {@code b} from state {@code u}, or -1 when the path stops being
     * JSON string content ({@link CharClass#PLAIN}).
     * States: 1 one continuation byte left; 2 after E0 (A0-BF, then one); 3 two left; 4 after ED
     * (80-9F, then one: no surrogates); 5 after F0 (90-BF, then two); 6 three left; 7 after F4 (80-8F, then two).
     */
    static int next(int u, int b) {
        return switch (u) {
            case BOUNDARY -> {
                if (b < 0x80) {
                    yield b < 0x20 || b == '"' || b == '\\' ? -1 : BOUNDARY;
                }
                if (b >= 0xC2 && b <= 0xDF) {
                    yield 1;
                }
                if (b == 0xE0) {
                    yield 2;
                }
                if (b == 0xED) {
                    yield 4;
                }
                if (b >= 0xE1 && b <= 0xEF) {
                    yield 3;
                }
                if (b == 0xF0) {
                    yield 5;
                }
                if (b >= 0xF1 && b <= 0xF3) {
                    yield 6;
                }
                yield b == 0xF4 ? 7 : -1;
            }
            case 1 -> b >= 0x80 && b <= 0xBF ? BOUNDARY : -1;
            case 2 -> b >= 0xA0 && b <= 0xBF ? 1 : -1;
            case 3 -> b >= 0x80 && b <= 0xBF ? 1 : -1;
            case 4 -> b >= 0x80 && b <= 0x9F ? 1 : -1;
            case 5 -> b >= 0x90 && b <= 0xBF ? 3 : -1;
            case 6 -> b >= 0x80 && b <= 0xBF ? 3 : -1;
            case 7 -> b >= 0x80 && b <= 0x8F ? 3 : -1;
            default -> -1;
        };
    }

    /** Number of UTF-8 states. */
    static final int STATES = 8;

    /**
     * The tokens in the class with effective count at most {@code limit}, mask layout (shared: do not
     * modify). Built from the largest smaller limit built before (a clone and the tokens of the
     * counts in between), so a string body that counts down from its {@code maxLength} pays one
     * vocabulary-sized pass, not one per position; at most {@code maxCount + 1} sets (about 25 KB
     * each for o200k_base) are ever held.
     */
    int[] fitting(int limit, int maskWords) {
        int l = Math.min(limit, maxCount);
        int[] bits = fitting.get(l);
        if (bits != null && bits.length == maskWords) {
            return bits;
        }
        int from = l - 1;
        int[] lower = null;
        while (from >= 0 && ((lower = fitting.get(from)) == null || lower.length != maskWords)) {
            lower = null;
            from--;
        }
        bits = lower == null ? new int[maskWords] : lower.clone();
        for (int x = lower == null ? 0 : countStart[from + 1]; x < countStart[l + 1]; x++) {
            int id = byCount[x];
            bits[id >>> 5] |= 1 << (id & 31);
        }
        if (!fitting.compareAndSet(l, null, bits)) {
            int[] won = fitting.get(l); // another thread's, equal to ours
            return won.length == maskWords ? won : bits;
        }
        return bits;
    }

    /**
     * The paths of this class below exit node {@code n} (a byte of ASCII after a path of this
     * class, from the root), built on first use and kept: a few per class in practice, each the
     * size of its subtree.
     */
    CharPaths below(int n) {
        CharPaths p = below.get(n);
        if (p == null) {
            p = new CharPaths(trie, cls, n);
            CharPaths won = below.putIfAbsent(n, p);
            p = won == null ? p : won;
        }
        return p;
    }

    /** Memory held, roughly (the fitting sets built so far not counted). */
    long bytes() {
        return 4L * (byCount.length + countStart.length + 4L * exitNode.length);
    }
}
