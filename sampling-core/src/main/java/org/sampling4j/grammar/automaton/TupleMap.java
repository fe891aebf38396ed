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
    @SuppressWarnings("unchecked")
    public V get(int[] key, int off, int len) {
        int h = hash(key, off, len);
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
    @SuppressWarnings("unchecked")
    public synchronized V putIfAbsent(int[] key, int off, int len, V value) {
        V old = get(key, off, len);
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
        insert(t, ko, len, hash(key, off, len), value);
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

    private static int hash(int[] key, int off, int len) {
        int h = 0x9E3779B9 * (len + 1);
        for (int i = 0; i < len; i++) {
            h = (h ^ key[off + i]) * 0x85EBCA6B;
            h ^= h >>> 15;
        }
        return h ^ (h >>> 13);
    }
}
