package org.sampling4j;

import static org.sampling4j.processor.ThinkingBudgetProcessor.THINKING_TOKEN_BUDGET;

import org.sampling4j.processor.ThinkingBudgetProcessor;

/**
 * {@link SamplingParams}' thinking budget: the budget (-1 = none) and the token ids that open and
 * close a reasoning section, plus the message forced before the close (empty = none).
 */
record ThinkingParams(int thinkingTokenBudget, int[] thinkStartTokenIds, int[] thinkEndTokenIds, int[] thinkingBudgetMessageIds) {
    static final ThinkingParams DEFAULTS = new ThinkingParams(THINKING_TOKEN_BUDGET.defaultInt(), new int[0], new int[0], new int[0]);

    /**
     * Each value checked, everything copied; with a budget set, the processor checks the sequences
     * (non-empty start and end, ids non-negative), so params and processor refuse the same things.
     */
    ThinkingParams validated() {
        int budget = THINKING_TOKEN_BUDGET.check(thinkingTokenBudget);
        int[] start = orEmpty(TokenArrays.checkIds("thinkStartTokenIds", thinkStartTokenIds));
        int[] end = orEmpty(TokenArrays.checkIds("thinkEndTokenIds", thinkEndTokenIds));
        int[] message = orEmpty(TokenArrays.checkIds("thinkingBudgetMessageIds", thinkingBudgetMessageIds));
        if (ThinkingBudgetProcessor.enabledBy(budget)) {
            new ThinkingBudgetProcessor(budget, start, end, message);
        }
        return new ThinkingParams(budget, start, end, message);
    }

    private static int[] orEmpty(int[] ids) {
        return ids == null ? new int[0] : ids;
    }
}
