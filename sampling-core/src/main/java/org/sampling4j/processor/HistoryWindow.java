package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.processor.PenaltyScope;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.TokenCounter;
import org.sampling4j.chain.TokenCounts;

/** The token counts a penalty sees: the whole scope, or only its last N tokens. */
final class HistoryWindow {
    private HistoryWindow() {
    }

    /**
     * Counts over the scope's tokens, restricted to the last {@code lastN} of them when
     * {@code lastN > 0}. The whole-history counts are kept incrementally by the state (O(1) here);
     * a window is recounted into the workspace's counter, O(lastN).
     */
    static TokenCounts counts(Candidates c, SequenceView state, PenaltyScope scope, int lastN) {
        boolean all = scope == PenaltyScope.PROMPT_AND_GENERATED;
        if (lastN == 0) {
            return all ? state.allCounts() : state.generatedCounts();
        }
        TokenCounter window = c.scratch().windowCounts();
        window.clear();
        int length = state.generatedLength() + (all ? state.promptLength() : 0);
        int offset = all ? 0 : state.promptLength();
        for (int i = Math.max(0, length - lastN); i < length; i++) {
            window.add(state.token(offset + i));
        }
        return window;
    }
}
