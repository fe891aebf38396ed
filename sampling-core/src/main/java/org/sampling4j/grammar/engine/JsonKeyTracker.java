package org.sampling4j.grammar.engine;

import java.util.Arrays;

/**
 * Follows JSON text byte by byte and knows, for the innermost open object, the DECODED keys it
 * holds so far and how many: what the guards of {@link ObjectGuards} read. It is fed every byte the
 * matcher accepts (only for grammars with an {@code Expr.JsonObject}, whose documents are JSON
 * text); it never fails: on text that is not JSON it keeps some state, and guards built on it only
 * ever refuse more.
 *
 * <p><b>State.</b> A few scalars (containers open, the innermost object's phase, inside a string
 * and whether it is a key; escape, {@code \\uXXXX} and UTF-8 progress in {@link JsonStringBytes}), a stack
 * of level slots (object or array, the last key's index, the member count) and two append-only
 * arenas: key records (previous key of the same level, hash, offset, length) and the decoded
 * characters of keys as UTF-16 (so {@code "\\uD83D\\uDE00"} and the literal character are the same
 * key, and {@code "a"} equals {@code "\\u0061"}). Keys are compared by {@link String#hashCode}-style
 * hash, then characters.
 *
 * <p><b>Rollback.</b> {@link #mark} writes {@link #MARK} ints (the scalars and the arena tops);
 * {@link #restore} goes back to any earlier mark: the arenas are truncated (nothing below a top is
 * ever rewritten) and every level-slot write since is undone from a small undo log. So a matcher
 * keeps one mark per accepted token, and a mask replays a token's bytes from a mark and restores it,
 * allocating nothing once the arrays have grown. Not thread-safe; {@link #copy} is independent.
 */
final class JsonKeyTracker {
    /** Ints written by {@link #mark}. */
    static final int MARK = 11;
    private static final int EXPECT_KEY = 0;
    private static final int AFTER_KEY = 1;
    private static final int EXPECT_VALUE = 2;
    private static final int AFTER_VALUE = 3;
    private static final int VALUE_STRING = 1;
    private static final int KEY_STRING = 2;

    private int depth;
    private int phase = AFTER_VALUE;
    private int str;
    /** The escape and UTF-8 progress inside the current string. */
    private final JsonStringBytes decoder = new JsonStringBytes();
    private int keyStart;
    private int[] lvlObject = new int[16];
    private int[] lvlLast = new int[16];
    private int[] lvlCount = new int[16];
    private int[] keyPrev = new int[16];
    private int[] keyHash = new int[16];
    private int[] keyOff = new int[16];
    private int[] keyLen = new int[16];
    private int nKeys;
    private char[] chars = new char[64];
    private int nChars;
    private int[] log = new int[64];
    private int nLog;

    JsonKeyTracker() {
    }

    /** An independent copy. */
    JsonKeyTracker copy() {
        JsonKeyTracker c = new JsonKeyTracker();
        int[] m = new int[MARK];
        mark(m, 0);
        c.lvlObject = lvlObject.clone();
        c.lvlLast = lvlLast.clone();
        c.lvlCount = lvlCount.clone();
        c.keyPrev = keyPrev.clone();
        c.keyHash = keyHash.clone();
        c.keyOff = keyOff.clone();
        c.keyLen = keyLen.clone();
        c.chars = chars.clone();
        c.log = log.clone();
        c.nLog = nLog;
        c.restore(m, 0);
        return c;
    }

    void mark(int[] into, int at) {
        into[at] = depth;
        into[at + 1] = phase;
        into[at + 2] = str;
        decoder.mark(into, at + 3);
        into[at + 7] = keyStart;
        into[at + 8] = nKeys;
        into[at + 9] = nChars;
        into[at + 10] = nLog;
    }

    /** Back to an earlier {@link #mark} of this tracker (or of the one it was copied from). */
    void restore(int[] from, int at) {
        int to = from[at + 10];
        while (nLog > to) { // undo slot writes, newest first
            nLog -= 4;
            int slot = log[nLog];
            lvlObject[slot] = log[nLog + 1];
            lvlLast[slot] = log[nLog + 2];
            lvlCount[slot] = log[nLog + 3];
        }
        depth = from[at];
        phase = from[at + 1];
        str = from[at + 2];
        decoder.restore(from, at + 3);
        keyStart = from[at + 7];
        nKeys = from[at + 8];
        nChars = from[at + 9];
    }

    /** Feeds one byte (0..255) of the text. */
    void feed(int b) {
        if (str != 0) {
            inString(b);
            return;
        }
        switch (b) {
            case ' ', '\t', '\n', '\r' -> {
            }
            case '{' -> {
                push(1);
                phase = EXPECT_KEY;
            }
            case '[' -> push(0);
            case '}', ']' -> {
                if (depth > 0) {
                    depth--;
                }
                phase = AFTER_VALUE;
            }
            case '"' -> {
                str = inObject() && phase == EXPECT_KEY ? KEY_STRING : VALUE_STRING;
                keyStart = nChars;
                decoder.reset();
            }
            case ':' -> phase = EXPECT_VALUE;
            case ',' -> phase = EXPECT_KEY;
            default -> phase = AFTER_VALUE; // a character of a number or literal
        }
    }

    private void inString(int b) {
        if (!decoder.feed(b, this)) {
            return;
        }
        if (str == KEY_STRING) { // the closing quote
            addKey();
            phase = AFTER_KEY;
        } else {
            phase = AFTER_VALUE;
        }
        str = 0;
    }

    /** One decoded UTF-16 unit of the current string (kept only for keys). */
    void append(int c) {
        if (str != KEY_STRING) {
            return; // value strings are followed, not kept
        }
        if (nChars == chars.length) {
            chars = Arrays.copyOf(chars, nChars * 2);
        }
        chars[nChars++] = (char) c;
    }

    private void push(int object) {
        if (depth == lvlObject.length) {
            lvlObject = Arrays.copyOf(lvlObject, depth * 2);
            lvlLast = Arrays.copyOf(lvlLast, depth * 2);
            lvlCount = Arrays.copyOf(lvlCount, depth * 2);
        }
        logSlot(depth);
        lvlObject[depth] = object;
        lvlLast[depth] = -1;
        lvlCount[depth] = 0;
        depth++;
    }

    private void addKey() {
        if (!inObject()) {
            return;
        }
        int slot = depth - 1;
        if (nKeys == keyPrev.length) {
            int c = nKeys * 2;
            keyPrev = Arrays.copyOf(keyPrev, c);
            keyHash = Arrays.copyOf(keyHash, c);
            keyOff = Arrays.copyOf(keyOff, c);
            keyLen = Arrays.copyOf(keyLen, c);
        }
        logSlot(slot);
        keyPrev[nKeys] = lvlLast[slot];
        keyHash[nKeys] = hash(chars, keyStart, nChars);
        keyOff[nKeys] = keyStart;
        keyLen[nKeys] = nChars - keyStart;
        lvlLast[slot] = nKeys++;
        lvlCount[slot]++;
    }

    private void logSlot(int slot) {
        if (nLog + 4 > log.length) {
            log = Arrays.copyOf(log, log.length * 2);
        }
        log[nLog++] = slot;
        log[nLog++] = lvlObject[slot];
        log[nLog++] = lvlLast[slot];
        log[nLog++] = lvlCount[slot];
    }

    static int hash(char[] a, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + a[i];
        }
        return h;
    }

    /** Ints written by {@link #signature}. */
    static final int SIGNATURE = 5;

    /** The key-record top of a {@link #mark} at {@code at}: keys with a smaller index are older than it. */
    static int keysOf(int[] mark, int at) {
        return mark[at + 8];
    }

    /**
     * Writes into {@code sig[at, at + SIGNATURE)} everything a guard reads, as ints that are equal
     * only if the guards' answers are: the depth, the innermost level's kind, last key index and
     * count, and the string state; returns false (no signature) inside a key string (the partial
     * key would have to be compared) or when the innermost object's last key was added at or after
     * key index {@code since} (two replays may write different keys at one index).
     */
    boolean signature(int[] sig, int at, int since) {
        if (str == KEY_STRING || (depth > 0 && lvlLast[depth - 1] >= since)) {
            return false;
        }
        sig[at] = depth;
        sig[at + 1] = depth > 0 ? lvlObject[depth - 1] : -1;
        sig[at + 2] = depth > 0 ? lvlLast[depth - 1] : -1;
        sig[at + 3] = depth > 0 ? lvlCount[depth - 1] : -1;
        sig[at + 4] = str;
        return true;
    }

    /** The innermost open container is an object. */
    boolean inObject() {
        return depth > 0 && lvlObject[depth - 1] == 1;
    }

    /** Members of the innermost object so far (its keys read to their closing quote). */
    int count() {
        return inObject() ? lvlCount[depth - 1] : 0;
    }

    /** Inside a key string, between characters (no escape or UTF-8 sequence half read). */
    boolean readingKey() {
        return str == KEY_STRING && decoder.betweenCharacters();
    }

    /** Whether the innermost object already holds the decoded key {@code key} ({@code hash} = its {@link String#hashCode}). */
    boolean used(String key, int hash) {
        if (!inObject()) {
            return false;
        }
        for (int k = lvlLast[depth - 1]; k >= 0; k = keyPrev[k]) {
            if (keyHash[k] == hash && keyLen[k] == key.length() && sameChars(k, key)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the innermost object already holds the key being read (its characters so far). */
    boolean partialKeyUsed() {
        if (!inObject()) {
            return false;
        }
        int len = nChars - keyStart;
        int h = hash(chars, keyStart, nChars);
        for (int k = lvlLast[depth - 1]; k >= 0; k = keyPrev[k]) {
            if (keyHash[k] == h && keyLen[k] == len
                    && Arrays.equals(chars, keyOff[k], keyOff[k] + len, chars, keyStart, nChars)) {
                return true;
            }
        }
        return false;
    }

    /** Inside a key string (of the innermost object), at any byte of it. */
    boolean inKeyString() {
        return str == KEY_STRING;
    }

    /** UTF-16 units decoded so far of the key being read. */
    int keyLength() {
        return nChars - keyStart;
    }

    /** Unit {@code i} of the key being read. */
    char keyChar(int i) {
        return chars[keyStart + i];
    }

    /** {@link JsonStringBytes#pendingRanges} of the key being read ({@code out}: room for 6 ints). */
    int pendingRanges(int high, int[] out) {
        return decoder.pendingRanges(high, out);
    }

    /** Scratch for {@link #pendingRanges}, so a caller needs none of its own. */
    final int[] ranges = new int[6];

    /** The newest key of the innermost object, or -1; older ones through {@link #olderKey}. */
    int newestKey() {
        return inObject() ? lvlLast[depth - 1] : -1;
    }

    /** The key of the same object before key {@code k}, or -1. */
    int olderKey(int k) {
        return keyPrev[k];
    }

    /** UTF-16 units of key {@code k}. */
    int keyLength(int k) {
        return keyLen[k];
    }

    /** Unit {@code i} of key {@code k}. */
    char keyChar(int k, int i) {
        return chars[keyOff[k] + i];
    }

    private boolean sameChars(int k, String key) {
        int off = keyOff[k];
        for (int i = 0; i < key.length(); i++) {
            if (chars[off + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
