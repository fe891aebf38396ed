package org.sampling4j.processor;

/** Which tokens of a sequence a penalty counts. */
public enum PenaltyScope {
    /** The prompt and the generated tokens (HuggingFace and vLLM repetition penalty). */
    PROMPT_AND_GENERATED,
    /** Only the generated tokens (OpenAI / vLLM frequency and presence penalties). */
    GENERATED
}
