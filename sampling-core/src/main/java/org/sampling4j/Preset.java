package org.sampling4j;

/**
 * Starting points for common tasks, from the settings practitioners publish for them. Each is a
 * {@link SamplingParams}; adjust it with {@link SamplingParams#toBuilder()}.
 */
public enum Preset {
    /** Extraction and classification: deterministic, T 0. */
    EXTRACTION(0.0, 1.0, 0.0, 0.0),
    /** Code completion: T 0.2, top-p 0.95, stop at a blank line ({@code "\n\n"}). */
    CODE_COMPLETION(0.2, 0.95, 0.0, 0.0, "\n\n"),
    /** Summarization: T 0.3, top-p 0.9. */
    SUMMARIZATION(0.3, 0.9, 0.0, 0.0),
    /** Retrieval-augmented question answering: T 0.1. */
    RAG_QA(0.1, 1.0, 0.0, 0.0),
    /** Brainstorming: T 0.9, top-p 0.95, presence penalty 0.6. */
    BRAINSTORMING(0.9, 0.95, 0.0, 0.6),
    /** Creative fiction: T 1.0, top-p 0.95, frequency penalty 0.3. */
    CREATIVE_FICTION(1.0, 0.95, 0.3, 0.0);

    private final double temperature;
    private final double topP;
    private final double frequencyPenalty;
    private final double presencePenalty;
    private final String[] stopStrings;

    Preset(double temperature, double topP, double frequencyPenalty, double presencePenalty, String... stopStrings) {
        this.temperature = temperature;
        this.topP = topP;
        this.frequencyPenalty = frequencyPenalty;
        this.presencePenalty = presencePenalty;
        this.stopStrings = stopStrings;
    }

    /** A builder holding this preset's settings and defaults for everything else. */
    public SamplingParams.Builder toBuilder() {
        return SamplingParams.builder()
                .temperature(temperature)
                .topP(topP)
                .frequencyPenalty(frequencyPenalty)
                .presencePenalty(presencePenalty)
                .stopStrings(stopStrings);
    }
}
