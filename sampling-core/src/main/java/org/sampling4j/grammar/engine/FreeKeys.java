package org.sampling4j.grammar.engine;

import org.sampling4j.grammar.automaton.WordCounts;

/**
 * Whether a key class still has a key the innermost object does not hold that extends the key being
 * read: the condition under which a key of that class may start or go on. No key may repeat, so a
 * class whose remaining keys are all present is a dead end (the key read so far can never be
 * closed), yet a guard at the closing quote sees it only when nothing but the repeat is left.
 *
 * <p><b>Rule.</b> With {@code p} the decoded key so far (empty before the opening quote) and
 * {@code R} the code points a half-read character may still become (an escape or UTF-8 sequence
 * read halfway, or an escaped surrogate pair after its first half), the class language {@code L}
 * offers {@code W} keys {@code p c w} with {@code c} in {@code R} (or {@code p w} when no character is
 * half read), counted by {@link WordCounts}; the object holds {@code H} of them. A key is free iff
 * {@code W > H}. The answer only falls as the key grows ({@code W - H} counts the free keys extending
 * it), so a token is judged at its end; with {@code H = 0} no extension the class allows can hold a
 * present key, so all of them are free ({@link #FREE_BELOW}: a mask skips the subtree).
 *
 * <p><b>Cost.</b> {@code O(|p|)} DFA steps, then one pass over the object's keys (a unit compare with
 * {@code p}, the rest stepped from {@code p}'s state). No allocation.
 */
final class FreeKeys {
    /** No free key extends the key read so far: it is a dead end (so is every extension of it). */
    static final int STALLED = 0;
    /** Some free key extends it. */
    static final int FREE = 1;
    /** Some free key extends it and no present key of the class does: every extension the class allows is free too. */
    static final int FREE_BELOW = 2;

    private FreeKeys() {
    }

    /** Whether class {@code w} has a free key extending the key {@code t} is reading (or any, between keys). */
    static boolean any(WordCounts w, JsonKeyTracker t) {
        return verdict(w, t) != STALLED;
    }

    /** {@link #STALLED}, {@link #FREE} or {@link #FREE_BELOW} for class {@code w} and the key {@code t} is reading. */
    static int verdict(WordCounts w, JsonKeyTracker t) {
        if (!t.inObject()) {
            return STALLED;
        }
        boolean reading = t.inKeyString();
        int n = reading ? t.keyLength() : 0;
        int high = -1;
        if (n > 0 && Character.isHighSurrogate(t.keyChar(n - 1))) {
            high = t.keyChar(n - 1); // its pair is half read: the next character completes it
            n--;
        }
        int s = w.start();
        for (int i = 0; i < n && s >= 0; ) {
            char c = t.keyChar(i);
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(t.keyChar(i + 1))) {
                cp = Character.toCodePoint(c, t.keyChar(i + 1));
                i += 2;
            } else if (Character.isSurrogate(c)) {
                return STALLED; // a lone surrogate: in no class
            } else {
                cp = c;
                i++;
            }
            s = w.step(s, cp);
        }
        if (s < 0) {
            return STALLED;
        }
        int[] r = t.ranges;
        int pairs = reading ? t.pendingRanges(high, r) : -1;
        long room;
        if (pairs < 0) {
            room = w.words(s);
        } else {
            room = 0;
            for (int i = 0; i < pairs; i++) {
                room = Math.min(WordCounts.MANY, room + w.wordsFirstIn(s, r[2 * i], r[2 * i + 1]));
            }
        }
        if (room == 0) {
            return STALLED;
        }
        long held = 0;
        for (int k = t.newestKey(); k >= 0 && held < room; k = t.olderKey(k)) {
            if (counts(w, t, k, n, s, pairs)) {
                held++;
            }
        }
        return held == 0 ? FREE_BELOW : room > held ? FREE : STALLED;
    }

    /**
     * Whether present key {@code k} is one of the counted keys: it starts with the {@code n} units of
     * the key being read, its next code point (if one is half read) is in the pending ranges, and the
     * rest from state {@code s} ends in an accepting state.
     */
    private static boolean counts(WordCounts w, JsonKeyTracker t, int k, int n, int s, int pairs) {
        int len = t.keyLength(k);
        if (len < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (t.keyChar(k, i) != t.keyChar(i)) {
                return false;
            }
        }
        int i = n;
        boolean first = pairs >= 0;
        while (i < len) {
            char c = t.keyChar(k, i);
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(t.keyChar(k, i + 1))) {
                cp = Character.toCodePoint(c, t.keyChar(k, i + 1));
                i += 2;
            } else if (Character.isSurrogate(c)) {
                return false;
            } else {
                cp = c;
                i++;
            }
            if (first) {
                if (!inRanges(t.ranges, pairs, cp)) {
                    return false;
                }
                first = false;
            }
            s = w.step(s, cp);
            if (s < 0) {
                return false;
            }
        }
        return !first && w.accepts(s);
    }

    private static boolean inRanges(int[] r, int pairs, int cp) {
        for (int i = 0; i < pairs; i++) {
            if (r[2 * i] <= cp && cp <= r[2 * i + 1]) {
                return true;
            }
        }
        return false;
    }
}
