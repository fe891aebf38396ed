package org.sampling4j;

import java.util.List;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.grammar.GrammarMaskProcessor;
import org.sampling4j.processor.BadWordsProcessor;
import org.sampling4j.processor.ClassifierFreeGuidanceProcessor;
import org.sampling4j.processor.DryProcessor;
import org.sampling4j.processor.DynamicTemperatureProcessor;
import org.sampling4j.processor.EpsilonProcessor;
import org.sampling4j.processor.EtaProcessor;
import org.sampling4j.processor.FrequencyPresencePenaltyProcessor;
import org.sampling4j.processor.LogitBiasProcessor;
import org.sampling4j.processor.MinPProcessor;
import org.sampling4j.processor.MinTokensProcessor;
import org.sampling4j.processor.NoRepeatNGramProcessor;
import org.sampling4j.processor.RepetitionPenaltyProcessor;
import org.sampling4j.processor.TemperatureProcessor;
import org.sampling4j.processor.ThinkingBudgetProcessor;
import org.sampling4j.processor.TokenMaskProcessor;
import org.sampling4j.processor.TopHProcessor;
import org.sampling4j.processor.TopKProcessor;
import org.sampling4j.processor.TopNSigmaProcessor;
import org.sampling4j.processor.TopPProcessor;
import org.sampling4j.processor.TypicalProcessor;
import org.sampling4j.processor.XtcProcessor;

/**
 * A group of processors a {@link ChainOrder} places as one unit; each stage builds its own
 * processors from the params, adding only those the params enable (each processor's
 * {@code enabledBy} rule). MASKS holds the thinking budget, allowed / banned ids, min-tokens, bad words and
 * no-repeat-ngram; PENALTIES repetition, frequency / presence, then DRY; TYPICAL typical-p,
 * epsilon and eta.
 */
enum ChainStage {
    GRAMMAR {
        @Override
        void build(SamplingParams p, int vocabSize, List<LogitsProcessor> out) {
            if (GrammarMaskProcessor.enabledBy(p.grammar())) {
                out.add(new GrammarMaskProcessor(p.grammar()));
            }
        }
    },
    GUIDANCE {
        @Override
        void build(SamplingParams p, int vocabSize, List<LogitsProcessor> out) {
            if (ClassifierFreeGuidanceProcessor.enabledBy(p.guidanceScale())) {
                out.add(new ClassifierFreeGuidanceProcessor(p.guidanceScale()));
            }
        }
    },
    MASKS {
        @Override
        void build(SamplingParams p, int vocabSize, List<LogitsProcessor> out) {
            if (ThinkingBudgetProcessor.enabledBy(p.thinkingTokenBudget())) {
                out.add(new ThinkingBudgetProcessor(p.thinkingTokenBudget(), p.thinkStartTokenIds(), p.thinkEndTokenIds(),
                        p.thinkingBudgetMessageIds()));
            }
            if (p.allowedTokenIds() != null) {
                out.add(TokenMaskProcessor.allowOnly(p.allowedTokenIds()));
            }
            if (p.bannedTokenIds() != null && p.bannedTokenIds().length > 0) {
                out.add(TokenMaskProcessor.ban(p.bannedTokenIds()));
            }
            if (MinTokensProcessor.enabledBy(p.minTokens(), p.stopTokenIds())) {
                out.add(new MinTokensProcessor(p.minTokens(), p.stopTokenIds()));
            }
            if (p.badWords().length > 0) {
                out.add(new BadWordsProcessor(p.badWords()));
            }
            if (NoRepeatNGramProcessor.enabledBy(p.noRepeatNgramSize())) {
                out.add(new NoRepeatNGramProcessor(p.noRepeatNgramSize()));
            }
        }
    },
    BIAS {
        @Override
        void build(SamplingParams p, int vocabSize, List<LogitsProcessor> out) {
            if (!p.logitBias().isEmpty()) {
                out.add(new LogitBiasProcessor(p.logitBias()));
            }
        }
    },
    PENALTIES {
        @Override
        void build(SamplingParams p, int vocabSize, List<LogitsProcessor> out) {
            if (RepetitionPenaltyProcessor.enabledBy(p.repetitionPenalty())) {
                out.add(new RepetitionPenaltyProcessor(p.repetitionPenalty(), p.repetitionScope(), p.penaltyLastN()));
            }
            if (FrequencyPresencePenaltyProcessor.enabledBy(p.frequencyPenalty(), p.presencePenalty())) {
                out.add(new FrequencyPresencePenaltyProcessor(p.frequencyPenalty(), p.presencePenalty(), p.penaltyLastN()));
            }
            if (DryProcessor.enabledBy(p.dryMultiplier())) {
                out.add(new DryProcessor(p.dryMultiplier(), p.dryBase(), p.dryAllowedLength(), p.dryPenaltyLastN(),
                        p.drySequenceBreakers()));
            }
        }
    },
    TEMPERATURE {
        @Override
        void build(SamplingParams p, int vocabSize, List<LogitsProcessor> out) {
            if (DynamicTemperatureProcessor.enabledBy(p.dynatempRange())) {
                out.add(new DynamicTemperatureProcessor(p.temperature(), p.dynatempRange(), p.dynatempExponent()));
            } else if (TemperatureProcessor.enabledBy(p.temperature())) {
                out.add(new TemperatureProcessor(p.temperature()));
            }
        }
    },
    TOP_H {
        @Override
        void build(SamplingParams p, int vocabSize, List<LogitsProcessor> out) {
            if (TopHProcessor.enabledBy(p.topH())) {
                out.add(new TopHProcessor(p.topH()));
            }
        }
    },
    TOP_N_SIGMA {
        @Override
        void build(SamplingParams p, int vocabSize, List<LogitsProcessor> out) {
            if (TopNSigmaProcessor.enabledBy(p.topNSigma())) {
                out.add(new TopNSigmaProcessor(p.topNSigma()));
            }
        }
    },
    TOP_K {
        @Override
        void build(SamplingParams p, int vocabSize, List<LogitsProcessor> out) {
            if (TopKProcessor.enabledBy(p.topK(), vocabSize)) {
                out.add(new TopKProcessor(p.topK()));
            }
        }
    },
    TOP_P {
        @Override
        void build(SamplingParams p, int vocabSize, List<LogitsProcessor> out) {
            if (TopPProcessor.enabledBy(p.topP())) {
                out.add(new TopPProcessor(p.topP(), p.minKeep()));
            }
        }
    },
    MIN_P {
        @Override
        void build(SamplingParams p, int vocabSize, List<LogitsProcessor> out) {
            if (MinPProcessor.enabledBy(p.minP())) {
                out.add(new MinPProcessor(p.minP(), p.minKeep()));
            }
        }
    },
    TYPICAL {
        @Override
        void build(SamplingParams p, int vocabSize, List<LogitsProcessor> out) {
            if (TypicalProcessor.enabledBy(p.typicalP())) {
                out.add(new TypicalProcessor(p.typicalP(), p.minKeep()));
            }
            if (EpsilonProcessor.enabledBy(p.epsilonCutoff())) {
                out.add(new EpsilonProcessor(p.epsilonCutoff(), p.minKeep()));
            }
            if (EtaProcessor.enabledBy(p.etaCutoff())) {
                out.add(new EtaProcessor(p.etaCutoff(), p.minKeep()));
            }
        }
    },
    XTC {
        @Override
        void build(SamplingParams p, int vocabSize, List<LogitsProcessor> out) {
            if (XtcProcessor.enabledBy(p.xtcProbability(), p.xtcThreshold())) {
                out.add(new XtcProcessor(p.xtcProbability(), p.xtcThreshold(), p.minKeep()));
            }
        }
    };

    /** Appends the processors of this stage that {@code p} enables. */
    abstract void build(SamplingParams p, int vocabSize, List<LogitsProcessor> out);

    /** Whether the stage only removes tokens (skipped under greedy and mirostat). */
    boolean truncates() {
        return this != GUIDANCE && this != MASKS && this != BIAS && this != PENALTIES && this != TEMPERATURE;
    }
}
