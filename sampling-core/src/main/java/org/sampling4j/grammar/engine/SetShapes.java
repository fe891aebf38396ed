package org.sampling4j.grammar.engine;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.sampling4j.grammar.automaton.TupleMap;

/**
 * Grammar-wide interning of Earley sets by their DEEP shape, so that two sets of any two matchers
 * get the same id exactly when every hypothetical parser step from them reads the same things. The
 * shape of set {@code s} is its item list {@code (pos, o)} in order, where {@code o} is
 * {@link #SELF} for an item predicted in {@code s} itself and otherwise the shape id of the origin
 * set (interned first: origins come before their sets). A step from {@code s} reads only the items of
 * {@code s} and, through completions, of the origin sets, transitively; so equal ids mean equal
 * results, by induction on the origin chain, with no hashing error possible (the ids are exact
 * interned keys, not hashes). Ids start at 1; {@link #UNKNOWN} (0) marks a set not computed yet and
 * {@link #NONE} one that is not interned (past the cache budget): no memo uses it.
 *
 * <p>Thread-safe: lock-free lookups in a {@link TupleMap}, inserts under its lock; the per-chart id
 * array lives in {@link Chart} ({@code shape}), reset when a set index is reopened.
 */
final class SetShapes {
    static final int UNKNOWN = 0;
    static final int NONE = -1;
    /** The origin code of an item predicted in its own set. */
    static final int SELF = -2;

    private final TupleMap<Integer> ids = new TupleMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final MaskCache budget;

    SetShapes(MaskCache budget) {
        this.budget = budget;
    }

    /** Per-computation scratch: the key being built and the stack of sets still to compute. */
    static final class Scratch {
        int[] key = new int[64];
        int[] stack = new int[16];
    }

    /**
     * The shape id of set {@code s} of {@code c} ({@link #NONE} if it or an origin is not interned).
     * Iterative over the origin chain (explicit stack: a chart can be thousands of sets deep), and
     * each set is computed once per chart index until the index is reopened.
     */
    int of(Chart c, int s, Scratch x) {
        int id = c.shape[s];
        if (id != UNKNOWN) {
            return id;
        }
        int sp = 0;
        x.stack[sp++] = s;
        while (sp > 0) {
            int t = x.stack[sp - 1];
            if (c.shape[t] != UNKNOWN) {
                sp--;
                continue;
            }
            int end = c.setEnd(t);
            int pending = -1;
            boolean none = false;
            for (int j = c.setStart[t]; j < end && pending < 0; j++) {
                int o = c.itemOrigin[j];
                if (o != t) {
                    int oid = c.shape[o];
                    if (oid == UNKNOWN) {
                        pending = o;
                    } else if (oid == NONE) {
                        none = true;
                    }
                }
            }
            if (pending >= 0) {
                if (sp == x.stack.length) {
                    x.stack = Arrays.copyOf(x.stack, sp * 2);
                }
                x.stack[sp++] = pending;
                continue;
            }
            c.shape[t] = none ? NONE : intern(c, t, x);
            sp--;
        }
        return c.shape[s];
    }

    private int intern(Chart c, int t, Scratch x) {
        int from = c.setStart[t];
        int n = 2 * (c.setEnd(t) - from);
        if (x.key.length < n) {
            x.key = new int[Math.max(n, 2 * x.key.length)];
        }
        int[] key = x.key;
        for (int j = 0; j < n; j += 2) {
            int o = c.itemOrigin[from + j / 2];
            key[j] = c.itemPos[from + j / 2];
            key[j + 1] = o == t ? SELF : c.shape[o];
        }
        Integer id = ids.get(key, 0, n);
        if (id != null) {
            return id;
        }
        if (!budget.reserve(16L + 4L * n)) {
            return NONE;
        }
        return ids.putIfAbsent(key, 0, n, next.incrementAndGet());
    }
}
