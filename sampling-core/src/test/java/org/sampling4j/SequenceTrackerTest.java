package org.sampling4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sampling4j.chain.SequenceTracker;
import org.sampling4j.chain.SequenceView;

/** Trackers follow a sequence's tokens through accepts, refusals and rollbacks. */
class SequenceTrackerTest {

    /** Records what it was fed; refuses one token if asked to. */
    static final class Recorder implements SequenceTracker {
        final List<Integer> seen = new ArrayList<>();
        final int refused;

        Recorder(SequenceView view, int refused) {
            this.refused = refused;
            for (int i = 0; i < view.generatedLength(); i++) {
                seen.add(view.generatedToken(i));
            }
        }

        @Override
        public void accept(int token) {
            if (token == refused) {
                throw new IllegalArgumentException("token " + token + " refused");
            }
            seen.add(token);
        }

        @Override
        public void rollback(int tokens) {
            for (int i = 0; i < tokens; i++) {
                seen.remove(seen.size() - 1);
            }
        }
    }

    @Test
    void aTrackerMadeLateCatchesUpThenFollowsAcceptsAndRollbacks() {
        SequenceState s = SequenceState.resume(7, new int[] {1, 2}, new int[] {5, 6});
        Object owner = new Object();
        Recorder r = s.tracker(owner, v -> new Recorder(v, -1));
        assertSame(r, s.tracker(owner, v -> new Recorder(v, -1)), "one tracker per owner");
        assertEquals(List.of(5, 6), r.seen, "the factory saw the generated tokens, not the prompt");
        s.accept(9);
        s.accept(3);
        assertEquals(List.of(5, 6, 9, 3), r.seen);
        s.rollback(3);
        assertEquals(List.of(5), r.seen);
        assertEquals(1, s.generatedLength());
    }

    @Test
    void aRefusedTokenIsRecordedNowhere() {
        SequenceState s = SequenceState.create(7);
        Recorder first = s.tracker("first", v -> new Recorder(v, -1));
        Recorder second = s.tracker("second", v -> new Recorder(v, 4));
        s.accept(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.accept(4));
        assertEquals("token 4 refused", e.getMessage());
        assertEquals(List.of(3), first.seen, "the first tracker's accept was undone");
        assertEquals(List.of(3), second.seen);
        assertEquals(1, s.generatedLength());
        assertEquals(1, s.step());
        assertEquals(0, s.allCounts().count(4));
    }

    @Test
    void ownersAreComparedByIdentityNotEquality() {
        SequenceState s = SequenceState.create(7);
        Recorder a = s.tracker(new String("k"), v -> new Recorder(v, -1));
        Recorder b = s.tracker(new String("k"), v -> new Recorder(v, -1));
        s.accept(1);
        assertEquals(List.of(1), a.seen);
        assertEquals(List.of(1), b.seen);
        assertEquals(false, a == b);
    }
}
