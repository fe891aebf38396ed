package org.sampling4j.grammar.engine;

/**
 * What the lexer alone decides about a region of the token trie, for one tuple of lexer-thread DFA
 * states: {@code within}, the tokens after whose bytes some thread is still alive or has just ended
 * a lexeme (allowed whatever the parser says, because every live thread and every non-empty Earley
 * set can still reach a complete string), and the {@link MaskGroup}s, the trie nodes below which
 * the answer depends on the parser. Immutable once built; shared by every matcher of a grammar.
 *
 * <p>{@code within} is a sorted id list when it is small and a bitset of the mask's layout when it
 * is large, so applying it is a few ORs either way.
 */
final class LexerEntry {
    private final int[] ids;
    private final int[] bits;
    final MaskGroup[] groups;
    final long bytes;

    LexerEntry(int[] ids, int count, int maskWords, MaskGroup[] groups) {
        this.groups = groups;
        long b = 64;
        if (count > maskWords / 4) {
            int[] w = new int[maskWords];
            for (int i = 0; i < count; i++) {
                w[ids[i] >>> 5] |= 1 << (ids[i] & 31);
            }
            this.bits = w;
            this.ids = null;
            b += 4L * maskWords;
        } else {
            this.ids = java.util.Arrays.copyOf(ids, count);
            java.util.Arrays.sort(this.ids);
            this.bits = null;
            b += 4L * count;
        }
        for (MaskGroup g : groups) {
            b += g.bytes();
        }
        this.bytes = b;
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
