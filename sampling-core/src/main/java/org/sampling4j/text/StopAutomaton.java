package org.sampling4j.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The Aho-Corasick automaton of a set of stop strings over UTF-16 chars: state s stands for the
 * longest suffix of the text read so far that is a prefix of some stop string, {@link #depth} is
 * its length and {@link #match} the stop string that ends at it, if any (the longest of those that
 * end there, i.e. the one that starts first; the lowest index among equal strings).
 *
 * <p>Chars are first mapped to classes (class 0: a char in no stop string, which always leads back
 * to the root), ASCII by a table and the rest by a small open-addressing hash. Transitions are a
 * dense {@code int[states * classes]} table when it has at most {@link #DENSE_LIMIT} entries
 * (O(1) per char); past that, trie edges plus failure links (amortized O(1) per char, so a
 * thousand stop strings do not cost a gigabyte).
 */
final class StopAutomaton {
    /** Largest dense transition table, in entries (4 MiB of ints). */
    static final int DENSE_LIMIT = 1 << 20;

    private final int[] asciiClass = new int[128];
    private final char[] hashKeys;
    private final int[] hashClasses;
    private final int hashShift;
    private final int stride;
    private final int[] depth;
    private final int[] match;
    /** Dense transitions {@code delta[s * stride + class]}, or null when the sparse form is used. */
    private final int[] delta;
    private final int[] fail;
    private final int[] childStart;
    private final int[] childClass;
    private final int[] childState;

    StopAutomaton(String[] strings, boolean allowDense) {
        // Char classes 1.., in order of first appearance; 0 is every other char.
        HashMap<Character, Integer> nonAscii = new HashMap<>();
        int classes = 0;
        for (String s : strings) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 128 ? asciiClass[c] == 0 : !nonAscii.containsKey(c)) {
                    classes++;
                    if (c < 128) {
                        asciiClass[c] = classes;
                    } else {
                        nonAscii.put(c, classes);
                    }
                }
            }
        }
        int bits = 1;
        while ((1 << bits) < 2 * nonAscii.size()) {
            bits++;
        }
        hashKeys = new char[1 << bits];
        hashClasses = new int[1 << bits];
        hashShift = 32 - bits;
        for (Map.Entry<Character, Integer> e : nonAscii.entrySet()) {
            int h = hash(e.getKey());
            while (hashKeys[h] != 0) {
                h = (h + 1) & (hashKeys.length - 1);
            }
            hashKeys[h] = e.getKey();
            hashClasses[h] = e.getValue();
        }
        stride = classes + 1;

        // The trie; state 0 is the root, state t > 0 hangs below parent[t] on edge class edge[t].
        int maxStates = 1;
        for (String s : strings) {
            maxStates += s.length();
        }
        int[] parent = new int[maxStates];
        int[] edge = new int[maxStates];
        int[] depths = new int[maxStates];
        int[] terminal = new int[maxStates];
        Arrays.fill(terminal, -1);
        int states = 1;
        HashMap<Long, Integer> trie = new HashMap<>();
        for (int p = 0; p < strings.length; p++) {
            int s = 0;
            for (int i = 0; i < strings[p].length(); i++) {
                int cls = classOf(strings[p].charAt(i));
                long key = (long) s * stride + cls;
                Integer child = trie.get(key);
                if (child == null) {
                    child = states++;
                    trie.put(key, child);
                    parent[child] = s;
                    edge[child] = cls;
                    depths[child] = depths[s] + 1;
                }
                s = child;
            }
            if (terminal[s] < 0) {
                terminal[s] = p;
            }
        }
        // The children of each state, by class (CSR): childClass / childState[childStart[s] .. childStart[s + 1]).
        childStart = new int[states + 1];
        for (int t = 1; t < states; t++) {
            childStart[parent[t] + 1]++;
        }
        for (int s = 0; s < states; s++) {
            childStart[s + 1] += childStart[s];
        }
        long[] packed = new long[states - 1];
        int[] fill = Arrays.copyOf(childStart, states);
        for (int t = 1; t < states; t++) {
            packed[fill[parent[t]]++] = (long) edge[t] << 32 | t;
        }
        childClass = new int[states - 1];
        childState = new int[states - 1];
        for (int s = 0; s < states; s++) {
            Arrays.sort(packed, childStart[s], childStart[s + 1]);
        }
        for (int k = 0; k < packed.length; k++) {
            childClass[k] = (int) (packed[k] >>> 32);
            childState[k] = (int) packed[k];
        }
        // Failure links and matches, breadth first so that every failure target is done before it is used.
        depth = Arrays.copyOf(depths, states);
        match = new int[states];
        fail = new int[states];
        int[] order = new int[states];
        int tail = 1;
        match[0] = -1;
        for (int head = 0; head < tail; head++) {
            int s = order[head];
            for (int k = childStart[s]; k < childStart[s + 1]; k++) {
                int t = childState[k];
                fail[t] = s == 0 ? 0 : sparseNext(fail[s], childClass[k]);
                match[t] = terminal[t] >= 0 ? terminal[t] : match[fail[t]];
                order[tail++] = t;
            }
        }
        if (allowDense && (long) states * stride <= DENSE_LIMIT) {
            delta = new int[states * stride];
            for (int i = 0; i < states; i++) {
                int s = order[i];
                for (int c = 0; c < stride; c++) {
                    int child = child(s, c);
                    delta[s * stride + c] = child >= 0 ? child : s == 0 ? 0 : delta[fail[s] * stride + c];
                }
            }
        } else {
            delta = null;
        }
    }

    /** Whether transitions are the dense table (else trie edges and failure links). */
    boolean isDense() {
        return delta != null;
    }

    /** Number of states, the root included. */
    int stateCount() {
        return depth.length;
    }

    /** The state after reading {@code c} in state {@code state}. */
    int next(int state, char c) {
        int cls = classOf(c);
        return delta != null ? delta[state * stride + cls] : sparseNext(state, cls);
    }

    /** Length of the longest suffix of the text read that is a prefix of some stop string. */
    int depth(int state) {
        return depth[state];
    }

    /** Index of the stop string that ends at {@code state} (the longest; the lowest index among equals), or -1. */
    int match(int state) {
        return match[state];
    }

    private int sparseNext(int state, int cls) {
        if (cls == 0) {
            return 0;
        }
        int s = state;
        while (true) {
            int t = child(s, cls);
            if (t >= 0) {
                return t;
            }
            if (s == 0) {
                return 0;
            }
            s = fail[s];
        }
    }

    /** The trie child of {@code s} on {@code cls}, or -1. */
    private int child(int s, int cls) {
        int lo = childStart[s];
        int hi = childStart[s + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = childClass[mid];
            if (c < cls) {
                lo = mid + 1;
            } else if (c > cls) {
                hi = mid - 1;
            } else {
                return childState[mid];
            }
        }
        return -1;
    }

    private int classOf(char c) {
        if (c < 128) {
            return asciiClass[c];
        }
        int mask = hashKeys.length - 1;
        int h = hash(c);
        while (true) {
            char k = hashKeys[h];
            if (k == c) {
                return hashClasses[h];
            }
            if (k == 0) {
                return 0;
            }
            h = (h + 1) & mask;
        }
    }

    private int hash(char c) {
        return (c * 0x9E3779B1) >>> hashShift;
    }

}
