package org.sampling4j;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import org.sampling4j.chain.SequenceTracker;
import org.sampling4j.chain.SequenceView;

/**
 * The {@link SequenceTracker}s of one sequence, by owner identity, fed every accepted token and
 * every rollback. A handful per sequence at most (a grammar, a budget), so a linear scan of two
 * arrays beats a map and allocates nothing per step.
 */
final class Trackers {
    private Object[] owners = new Object[0];
    private SequenceTracker[] trackers = new SequenceTracker[0];

    <T extends SequenceTracker> T get(Object owner, Function<SequenceView, T> create, SequenceView view) {
        Objects.requireNonNull(owner, "owner");
        for (int i = 0; i < owners.length; i++) {
            if (owners[i] == owner) {
                @SuppressWarnings("unchecked") // put here by this method with the same owner's factory
                T t = (T) trackers[i];
                return t;
            }
        }
        T created = Objects.requireNonNull(create.apply(view), "the tracker factory returned null");
        owners = Arrays.copyOf(owners, owners.length + 1);
        trackers = Arrays.copyOf(trackers, trackers.length + 1);
        owners[owners.length - 1] = owner;
        trackers[trackers.length - 1] = created;
        return created;
    }

    /** Feeds {@code token} to every tracker, or to none: one that refuses it undoes the others. */
    void accept(int token) {
        for (int i = 0; i < trackers.length; i++) {
            try {
                trackers[i].accept(token);
            } catch (RuntimeException e) {
                for (int j = 0; j < i; j++) {
                    trackers[j].rollback(1);
                }
                throw e;
            }
        }
    }

    void rollback(int tokens) {
        for (SequenceTracker t : trackers) {
            t.rollback(tokens);
        }
    }
}
