package org.sampling4j.grammar.automaton;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * A hash map from int tuples to values, read without a lock and without allocating, written under
 * this object's lock: the shared caches of a compiled grammar (DFA states by NFA-state set, start
 * states by lexeme set, mask entries by lexer state) are looked up on every mask from many threads.
 *
 * <p><b>Publication.</b> A writer stores the key's ints and the value first and then claims the slot
 * with a release store of the key offset; a reader acquires the offset before it reads the key and
 * the value, so it sees a whole entry or none. Growing builds a new table and publishes it through a
 * volatile field. A reader that misses (a racing insert) simply returns null; callers then take the
 * slow path under the lock, which looks again.
 *
 * @param <V> the value type
 */
public final class TupleMap<V> {
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(int[].class);

    private static final class Table {
        final int[] keyOffset;   // -1 = empty, else offset into keys
        final int[] keyLength;
        final int[] hashes;
        final Object[] values;
        final int mask;

        Table(int capacity) {
            keyOffset = new int[capacity];
            Arrays.fill(keyOffset, -1);
            keyLength = new int[capacity];
            hashes = new int[capacity];
            values = new Object[capacity];
            mask = capacity - 1;
        }
    }

    private volatile Table table = new Table(16);
    private volatile int[] keys = new int[64];
    private int keysUsed;
    private int size;

    /** Number of entries. */
    public synchronized int size() {
        return size;
    }

    /** Ints held by the keys: for the memory account. */
    public synchronized long bytes() {
        return 4L * keys.length + 20L * table.keyOffset.length;
    }

    /** The value of {@code key[off, off + len)}, or null; lock-free, allocation-free. */
    public V get(int[] key, int off, int len) {
        return get(hash(key, off, len), key, off, len);
    }

    /** As {@link #get(int[], int, int)} with the key's {@link #hash} {@code h} already computed. */
    @SuppressWarnings("unchecked")
    public V get(int h, int[] key, int off, int len) {
        Table t = table;
        for (int i = h & t.mask; ; i = (i + 1) & t.mask) {
            int ko = (int) SLOTS.getAcquire(t.keyOffset, i);
            if (ko < 0) {
                return null;
            }
            int[] ks = keys; // read after the acquire: the array that holds this slot's key
            if (t.hashes[i] == h && t.keyLength[i] == len && ko + len <= ks.length && equal(ks, ko, key, off, len)) {
                return (V) t.values[i];
            }
        }
    }

    /** The value already mapped, or {@code value} after mapping it. */
    public V putIfAbsent(int[] key, int off, int len, V value) {
        return putIfAbsent(hash(key, off, len), key, off, len, value);
    }

    /**
     * As {@link #putIfAbsent(int[], int, int, Object)} with the key's {@link #hash} {@code h}: a
     * caller that has just missed with {@link #get(int, int[], int, int)} hashes a long key (a DFA
     * state's NFA-state set) once, not three times.
     */
    public synchronized V putIfAbsent(int h, int[] key, int off, int len, V value) {
        V old = get(h, key, off, len);
        if (old != null) {
            return old;
        }
        if (keysUsed + len > keys.length) {
            keys = Arrays.copyOf(keys, Math.max(keys.length * 2, keysUsed + len));
        }
        int[] ks = keys;
        System.arraycopy(key, off, ks, keysUsed, len);
        int ko = keysUsed;
        keysUsed += len;
        Table t = table;
        if (2 * (size + 1) > t.keyOffset.length) {
            t = grow(t);
        }
        insert(t, ko, len, h, value);
        size++;
        return value;
    }

    private Table grow(Table old) {
        Table t = new Table(old.keyOffset.length * 2);
        for (int i = 0; i < old.keyOffset.length; i++) {
            if (old.keyOffset[i] >= 0) {
                insert(t, old.keyOffset[i], old.keyLength[i], old.hashes[i], old.values[i]);
            }
        }
        table = t;
        return t;
    }

    private static void insert(Table t, int ko, int len, int h, Object value) {
        int i = h & t.mask;
        while (t.keyOffset[i] >= 0) {
            i = (i + 1) & t.mask;
        }
        t.keyLength[i] = len;
        t.hashes[i] = h;
        t.values[i] = value;
        SLOTS.setRelease(t.keyOffset, i, ko);
    }

    private static boolean equal(int[] a, int ao, int[] b, int bo, int len) {
        for (int i = 0; i < len; i++) {
            if (a[ao + i] != b[bo + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The hash of {@code key[off, off + len)}. Four independent multiply-xorshift streams over the
     * ints at positions 0, 1, 2, 3 mod 4, mixed at the end: keys run to hundreds of ints (NFA-state
     * sets), and one serial chain costs a multiply's latency per int.
     */
    public static int hash(int[] key, int off, int len) {
        int h0 = 0x9E3779B9 * (len + 1);
        int h1 = 0x7FEB352D;
        int h2 = 0x846CA68B;
        int h3 = 0x2C1B3C6D;
        int i = 0;
        for (; i + 4 <= len; i += 4) {
            h0 = (h0 ^ key[off + i]) * 0x85EBCA6B;
            h1 = (h1 ^ key[off + i + 1]) * 0x85EBCA6B;
            h2 = (h2 ^ key[off + i + 2]) * 0x85EBCA6B;
            h3 = (h3 ^ key[off + i + 3]) * 0x85EBCA6B;
            h0 ^= h0 >>> 15;
            h1 ^= h1 >>> 15;
            h2 ^= h2 >>> 15;
            h3 ^= h3 >>> 15;
        }
        for (; i < len; i++) {
            h0 = (h0 ^ key[off + i]) * 0x85EBCA6B;
            h0 ^= h0 >>> 15;
        }
        int h = ((h0 * 31 + h1) * 31 + h2) * 31 + h3;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 13);
    }
}
