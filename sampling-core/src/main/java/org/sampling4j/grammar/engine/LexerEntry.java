package org.sampling4j.grammar.engine;

/**
 * What the lexer alone decides about a region of the token trie, for one tuple of lexer-thread DFA
 * states: {@code within}, the tokens after whose bytes some thread is still alive or has just ended
 * a lexeme (allowed whatever the parser says, because every live thread and every non-empty Earley
 * set can still reach a complete string), and the {@link MaskGroup}s, the trie nodes below which
 * the answer depends on the parser. Immutable once built; shared by every matcher of a grammar.
 *
 * <p>{@code within} is an id list (in the walk's trie order) when it is small and a bitset of the
 * mask's layout when it is large, so applying it is a few ORs either way. The list is not sorted:
 * nothing reads it in order, and sorting it was 5 % of a cold mask; the first and last mask words
 * it touches are kept instead.
 *
 * <p>With key classes that can run out, the tokens of HELD nodes ({@link KeyHolds}) are kept apart:
 * the nodes with their counted lexemes, and their tokens as one set, which the mask ORs and then
 * clears of the nodes found stalled against the text ({@link GuardedMasks}).
 */
final class LexerEntry {
    private final int[] ids;
    private final int[] bits;
    /** The first and last mask words {@code within} sets a bit in ({@code MAX_VALUE} and -1 when empty). */
    private final int firstWord;
    private final int lastWord;
    final MaskGroup[] groups;
    final long bytes;
    /**
     * The HELD nodes, in trie order ({@link KeyHolds}): their own tokens are allowed iff one of the
     * node's counted key-class lexemes {@code heldLexemes[i]} has a free key after the node's bytes.
     */
    final int[] heldNodes;
    final int[][] heldLexemes;
    /** The tokens of the held nodes as an entry of their own (its {@code within}), or null when there are none. */
    final LexerEntry heldTokens;
    private static final int[][] NO_LEXEMES = new int[0][];

    LexerEntry(int[] ids, int count, int maskWords, MaskGroup[] groups) {
        this(large(count, maskWords) ? bitsOf(ids, count, maskWords) : null,
                large(count, maskWords) ? null : java.util.Arrays.copyOf(ids, count), groups);
    }

    private LexerEntry(int[] bits, int[] ids, MaskGroup[] groups) {
        this(bits, ids, groups, new int[0], NO_LEXEMES, null);
    }

    private LexerEntry(int[] bits, int[] ids, MaskGroup[] groups, int[] heldNodes, int[][] heldLexemes, LexerEntry heldTokens) {
        this.groups = groups;
        this.bits = bits;
        this.ids = ids;
        this.heldNodes = heldNodes;
        this.heldLexemes = heldLexemes;
        this.heldTokens = heldTokens;
        if (bits != null) {
            firstWord = 0;
            lastWord = bits.length - 1;
        } else {
            int lo = Integer.MAX_VALUE;
            int hi = -1;
            for (int id : ids) {
                lo = Math.min(lo, id >>> 5);
                hi = Math.max(hi, id >>> 5);
            }
            firstWord = lo;
            lastWord = hi;
        }
        long b = 64 + 4L * (bits != null ? bits.length : ids.length) + 4L * heldNodes.length;
        for (MaskGroup g : groups) {
            b += g.bytes();
        }
        for (int[] l : heldLexemes) {
            b += 16 + 4L * l.length;
        }
        if (heldTokens != null) {
            b += heldTokens.bytes;
        }
        this.bytes = b;
    }

    /** This entry with the held nodes {@code nodes} (their lexemes {@code lexemes}, their tokens {@code tokens}); this one when there are none. */
    LexerEntry withHeld(int[] nodes, int[][] lexemes, LexerEntry tokens) {
        return nodes.length == 0 ? this : new LexerEntry(bits, ids, groups, nodes, lexemes, tokens);
    }

    /** The entry with {@code groups} whose {@code within} is the set {@code bits[0, maskWords)} (mask layout; not kept). */
    static LexerEntry ofBits(int[] bits, int maskWords, MaskGroup[] groups) {
        return ofBits(bits, 0, maskWords - 1, maskWords, groups);
    }

    /**
     * As {@link #ofBits(int[], int, MaskGroup[])} when every set bit lies in the words {@code [lo, hi]}
     * (none when {@code hi < lo}): a group's memo is a few hundred tokens in a mask of thousands of
     * words, so only the words its walks wrote are read.
     */
    static LexerEntry ofBits(int[] bits, int lo, int hi, int maskWords, MaskGroup[] groups) {
        int count = 0;
        for (int w = lo; w <= hi; w++) {
            count += Integer.bitCount(bits[w]);
        }
        if (large(count, maskWords)) {
            return new LexerEntry(java.util.Arrays.copyOf(bits, maskWords), null, groups);
        }
        int[] ids = new int[count];
        int n = 0;
        for (int w = lo; w <= hi && n < count; w++) {
            for (int x = bits[w]; x != 0; x &= x - 1) {
                ids[n++] = (w << 5) | Integer.numberOfTrailingZeros(x);
            }
        }
        return new LexerEntry(null, ids, groups);
    }

    /** The first word of the mask that {@code within} sets a bit in, or {@code Integer.MAX_VALUE} when it is empty. */
    int firstWord() {
        return firstWord;
    }

    /** The last word of the mask that {@code within} sets a bit in, or -1 when it is empty. */
    int lastWord() {
        return lastWord;
    }

    /** A bitset pays off past a quarter of the mask's words in ids. */
    private static boolean large(int count, int maskWords) {
        return count > maskWords / 4;
    }

    private static int[] bitsOf(int[] ids, int count, int maskWords) {
        int[] w = new int[maskWords];
        for (int i = 0; i < count; i++) {
            w[ids[i] >>> 5] |= 1 << (ids[i] & 31);
        }
        return w;
    }

    /** Writes {@code within} over {@code mask[0, words)} if it is a bitset (and returns true); else returns false. */
    boolean copyInto(int[] mask, int words) {
        if (bits == null) {
            return false;
        }
        System.arraycopy(bits, 0, mask, 0, words);
        return true;
    }

    /** ORs {@code within} into {@code mask}. */
    void orInto(int[] mask) {
        if (bits != null) {
            for (int i = 0; i < bits.length; i++) {
                mask[i] |= bits[i];
            }
        } else {
            for (int id : ids) {
                mask[id >>> 5] |= 1 << (id & 31);
            }
        }
    }

    /** Number of tokens in {@code within}. */
    int withinCount() {
        if (ids != null) {
            return ids.length;
        }
        int c = 0;
        for (int w : bits) {
            c += Integer.bitCount(w);
        }
        return c;
    }
}
