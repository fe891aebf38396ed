package org.sampling4j.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sampling4j.interop.StopStringsMappingTest.map;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sampling4j.SamplingParams;

/** vLLM's thinking_token_budget and llama.cpp's reasoning_budget_tokens as the thinking budget. */
class ThinkingBudgetMappingTest {
    @Test
    void vllmBudgetWithTheReasoningConfigIds() {
        SamplingParams p = ParamsMapping.fromVllm(map("thinking_token_budget", 64, "think_start_token_ids", List.of(5),
                "think_end_token_ids", List.of(6, 7))).strict();
        assertEquals(64, p.thinkingTokenBudget());
        assertArrayEquals(new int[] {5}, p.thinkStartTokenIds());
        assertArrayEquals(new int[] {6, 7}, p.thinkEndTokenIds());
        ParamsMapping noIds = ParamsMapping.fromVllm(map("thinking_token_budget", 64));
        assertTrue(noIds.unsupported().get("thinking_token_budget").contains("think_start_token_ids"));
        assertEquals(-1, noIds.params().thinkingTokenBudget());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParamsMapping.fromVllm(map("thinking_token_budget", -1, "think_start_token_ids", List.of(5),
                        "think_end_token_ids", List.of(6))));
        assertEquals("thinking_token_budget must be a non-negative integer, got -1.", e.getMessage());
        assertEquals(-1, ParamsMapping.fromVllm(map()).strict().thinkingTokenBudget(), "absent: none");
    }

    @Test
    void cliParamsTakeTheBudgetAndIds() {
        SamplingParams p = OpenAiParams.fromMap(map("thinking_token_budget", 5, "think_start_token_ids", List.of(1),
                "think_end_token_ids", List.of(2)));
        assertEquals(5, p.thinkingTokenBudget());
        assertEquals("thinkStartTokenIds must hold at least one token id", assertThrows(IllegalArgumentException.class,
                () -> OpenAiParams.fromMap(map("thinking_token_budget", 5))).getMessage());
    }

    @Test
    void llamaCppBudgetWithTagsAsTextOrIds() {
        FakeTokenizer tok = new FakeTokenizer("<think>", "</think>", "Enough.", "a");
        SamplingParams p = ParamsMapping.fromLlamaCpp(map("reasoning_budget_tokens", 12, "reasoning_budget_start_tag", "<think>",
                "reasoning_budget_end_tag", "</think>", "reasoning_budget_message", "Enough."), tok, tok.vocabulary()).strict();
        assertEquals(12, p.thinkingTokenBudget());
        assertArrayEquals(tok.ids("<think>"), p.thinkStartTokenIds());
        assertArrayEquals(tok.ids("</think>"), p.thinkEndTokenIds());
        assertArrayEquals(tok.ids("Enough."), p.thinkingBudgetMessageIds());
        SamplingParams ids = ParamsMapping.fromLlamaCpp(map("reasoning_budget_tokens", 0, "reasoning_budget_start_tag", List.of(3),
                "reasoning_budget_end_tag", List.of(4))).strict();
        assertEquals(0, ids.thinkingTokenBudget());
        assertArrayEquals(new int[0], ids.thinkingBudgetMessageIds());
    }

    @Test
    void llamaCppUnrestrictedOrIncompleteBudgets() {
        ParamsMapping off = ParamsMapping.fromLlamaCpp(map("reasoning_budget_tokens", -1, "reasoning_budget_end_tag", List.of(4)));
        assertEquals(-1, off.strict().thinkingTokenBudget());
        assertTrue(off.ignored().containsKey("reasoning_budget_end_tag"));
        ParamsMapping noTags = ParamsMapping.fromLlamaCpp(map("reasoning_budget_tokens", 8));
        assertTrue(noTags.unsupported().containsKey("reasoning_budget_tokens"));
        ParamsMapping noEncoder = ParamsMapping.fromLlamaCpp(map("reasoning_budget_tokens", 8, "reasoning_budget_start_tag",
                "<think>", "reasoning_budget_end_tag", "</think>"));
        assertTrue(noEncoder.unsupported().containsKey("reasoning_budget_start_tag"));
        assertThrows(IllegalArgumentException.class, () -> ParamsMapping.fromLlamaCpp(map("reasoning_budget_tokens", -2)));
    }
}
