package org.sampling4j;

import static org.sampling4j.picker.AdaptivePPicker.ADAPTIVE_DECAY;
import static org.sampling4j.picker.AdaptivePPicker.ADAPTIVE_TARGET;
import static org.sampling4j.picker.Mirostat.MIROSTAT;
import static org.sampling4j.picker.Mirostat.MIROSTAT_ETA;
import static org.sampling4j.picker.Mirostat.MIROSTAT_TAU;
import static org.sampling4j.processor.ClassifierFreeGuidanceProcessor.GUIDANCE_SCALE;
import static org.sampling4j.processor.DryProcessor.DRY_ALLOWED_LENGTH;
import static org.sampling4j.processor.DryProcessor.DRY_BASE;
import static org.sampling4j.processor.DryProcessor.DRY_MULTIPLIER;
import static org.sampling4j.processor.DryProcessor.DRY_PENALTY_LAST_N;
import static org.sampling4j.processor.DynamicTemperatureProcessor.DYNATEMP_EXPONENT;
import static org.sampling4j.processor.DynamicTemperatureProcessor.DYNATEMP_RANGE;
import static org.sampling4j.processor.EpsilonProcessor.EPSILON_CUTOFF;
import static org.sampling4j.processor.EtaProcessor.ETA_CUTOFF;
import static org.sampling4j.processor.FrequencyPresencePenaltyProcessor.FREQUENCY_PENALTY;
import static org.sampling4j.processor.FrequencyPresencePenaltyProcessor.PRESENCE_PENALTY;
import static org.sampling4j.processor.MinPProcessor.MIN_P;
import static org.sampling4j.processor.MinTokensProcessor.MIN_TOKENS;
import static org.sampling4j.processor.NoRepeatNGramProcessor.NO_REPEAT_NGRAM_SIZE;
import static org.sampling4j.processor.RepetitionPenaltyProcessor.PENALTY_LAST_N;
import static org.sampling4j.processor.RepetitionPenaltyProcessor.REPETITION_PENALTY;
import static org.sampling4j.processor.TemperatureProcessor.TEMPERATURE;
import static org.sampling4j.processor.ThinkingBudgetProcessor.THINKING_TOKEN_BUDGET;
import static org.sampling4j.processor.TopHProcessor.TOP_H;
import static org.sampling4j.processor.TopKProcessor.TOP_K;
import static org.sampling4j.processor.TopNSigmaProcessor.TOP_N_SIGMA;
import static org.sampling4j.processor.TopPProcessor.MIN_KEEP;
import static org.sampling4j.processor.TopPProcessor.TOP_P;
import static org.sampling4j.processor.TypicalProcessor.TYPICAL_P;
import static org.sampling4j.processor.XtcProcessor.XTC_PROBABILITY;
import static org.sampling4j.processor.XtcProcessor.XTC_THRESHOLD;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sampling4j.chain.Setting;
import org.sampling4j.picker.AdaptivePPicker;
import org.sampling4j.picker.Mirostat;
import org.sampling4j.picker.MirostatV1Picker;
import org.sampling4j.picker.MirostatV2Picker;
import org.sampling4j.processor.ClassifierFreeGuidanceProcessor;
import org.sampling4j.processor.DryProcessor;
import org.sampling4j.processor.DynamicTemperatureProcessor;
import org.sampling4j.processor.EpsilonProcessor;
import org.sampling4j.processor.EtaProcessor;
import org.sampling4j.processor.FrequencyPresencePenaltyProcessor;
import org.sampling4j.processor.MinPProcessor;
import org.sampling4j.processor.MinTokensProcessor;
import org.sampling4j.processor.NoRepeatNGramProcessor;
import org.sampling4j.processor.RepetitionPenaltyProcessor;
import org.sampling4j.processor.TemperatureProcessor;
import org.sampling4j.processor.ThinkingBudgetProcessor;
import org.sampling4j.processor.TopHProcessor;
import org.sampling4j.processor.TopKProcessor;
import org.sampling4j.processor.TopNSigmaProcessor;
import org.sampling4j.processor.TopPProcessor;
import org.sampling4j.processor.TypicalProcessor;
import org.sampling4j.processor.XtcProcessor;

/**
 * The registry: every numeric setting of the built-in processors and pickers, each with the
 * classes that read it, in the default chain's order. Each setting is declared beside its class
 * ({@link Setting}); this is the one list of them, which {@code docs/parameters.md} is generated
 * from and which the tests walk to check that params and processors agree on every value.
 */
final class Settings {
    /** A processor or picker and the settings it reads, in the order of its constructor's parameters. */
    record Reader(Class<?> type, List<Setting> settings) {
    }

    /** Every reader, in the default chain's order; the pickers (mirostat, adaptive-p) last. */
    static final List<Reader> READERS = List.of(
            reader(ClassifierFreeGuidanceProcessor.class, GUIDANCE_SCALE),
            reader(ThinkingBudgetProcessor.class, THINKING_TOKEN_BUDGET),
            reader(MinTokensProcessor.class, MIN_TOKENS),
            reader(NoRepeatNGramProcessor.class, NO_REPEAT_NGRAM_SIZE),
            reader(RepetitionPenaltyProcessor.class, REPETITION_PENALTY, PENALTY_LAST_N),
            reader(FrequencyPresencePenaltyProcessor.class, FREQUENCY_PENALTY, PRESENCE_PENALTY, PENALTY_LAST_N),
            reader(DryProcessor.class, DRY_MULTIPLIER, DRY_BASE, DRY_ALLOWED_LENGTH, DRY_PENALTY_LAST_N),
            reader(TemperatureProcessor.class, TEMPERATURE),
            reader(DynamicTemperatureProcessor.class, TEMPERATURE, DYNATEMP_RANGE, DYNATEMP_EXPONENT),
            reader(TopHProcessor.class, TOP_H),
            reader(TopNSigmaProcessor.class, TOP_N_SIGMA),
            reader(TopKProcessor.class, TOP_K),
            reader(TopPProcessor.class, TOP_P, MIN_KEEP),
            reader(MinPProcessor.class, MIN_P, MIN_KEEP),
            reader(TypicalProcessor.class, TYPICAL_P, MIN_KEEP),
            reader(EpsilonProcessor.class, EPSILON_CUTOFF, MIN_KEEP),
            reader(EtaProcessor.class, ETA_CUTOFF, MIN_KEEP),
            reader(XtcProcessor.class, XTC_PROBABILITY, XTC_THRESHOLD, MIN_KEEP),
            reader(Mirostat.class, MIROSTAT, MIROSTAT_TAU, MIROSTAT_ETA),
            reader(MirostatV1Picker.class, MIROSTAT_TAU, MIROSTAT_ETA),
            reader(MirostatV2Picker.class, MIROSTAT_TAU, MIROSTAT_ETA),
            reader(AdaptivePPicker.class, ADAPTIVE_TARGET, ADAPTIVE_DECAY));

    private Settings() {
    }

    private static Reader reader(Class<?> type, Setting... settings) {
        return new Reader(type, List.of(settings));
    }

    /** Every setting once, in the order its first reader comes. */
    static List<Setting> all() {
        Set<Setting> all = new LinkedHashSet<>();
        READERS.forEach(r -> all.addAll(r.settings()));
        return List.copyOf(all);
    }

    /** The classes that read {@code setting}, in registry order. */
    static List<Class<?>> readersOf(Setting setting) {
        List<Class<?>> readers = new ArrayList<>();
        for (Reader r : READERS) {
            if (r.settings().contains(setting)) {
                readers.add(r.type());
            }
        }
        return readers;
    }
}
