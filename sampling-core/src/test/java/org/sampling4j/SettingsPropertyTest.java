package org.sampling4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
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
import static org.sampling4j.processor.TopKProcessor.TOP_K;
import static org.sampling4j.processor.TopNSigmaProcessor.TOP_N_SIGMA;
import static org.sampling4j.processor.TopHProcessor.TOP_H;
import static org.sampling4j.processor.ThinkingBudgetProcessor.THINKING_TOKEN_BUDGET;
import static org.sampling4j.picker.AdaptivePPicker.ADAPTIVE_DECAY;
import static org.sampling4j.picker.AdaptivePPicker.ADAPTIVE_TARGET;
import static org.sampling4j.processor.TopPProcessor.MIN_KEEP;
import static org.sampling4j.processor.TopPProcessor.TOP_P;
import static org.sampling4j.processor.TypicalProcessor.TYPICAL_P;
import static org.sampling4j.processor.XtcProcessor.XTC_PROBABILITY;
import static org.sampling4j.processor.XtcProcessor.XTC_THRESHOLD;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;
import org.sampling4j.chain.Setting;
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
import org.sampling4j.processor.PenaltyScope;
import org.sampling4j.processor.RepetitionPenaltyProcessor;
import org.sampling4j.processor.TemperatureProcessor;
import org.sampling4j.processor.TopKProcessor;
import org.sampling4j.processor.TopNSigmaProcessor;
import org.sampling4j.picker.AdaptivePPicker;
import org.sampling4j.processor.TopHProcessor;
import org.sampling4j.processor.ThinkingBudgetProcessor;
import org.sampling4j.processor.TopPProcessor;
import org.sampling4j.processor.TypicalProcessor;
import org.sampling4j.processor.XtcProcessor;

/**
 * One source per setting: for every setting in the registry ({@link Settings}), a value is accepted
 * or refused alike, with the same message, by {@code SamplingParams.Builder.build()} and by the
 * constructor of every class that reads it; and each step's {@code enabledBy} is false exactly at
 * its off values. Values are taken at and around the range's ends and the off value (one and two
 * ulps or units either side), at NaN, the infinities, the extremes and float underflow, and at
 * random.
 */
class SettingsPropertyTest {
    private static final long SEED = 0x5A4D_5E71L;
    private static final int EXAMPLES = 5_000;
    private static final int VOCAB = 100;

    /** How a value reaches the builder: this setting alone, everything else at its default. */
    private interface ToBuilder {
        void set(SamplingParams.Builder b, double v);
    }

    private static final Map<Setting, ToBuilder> BUILDER = new LinkedHashMap<>();
    /** How a value reaches each reader's constructor, every other argument at its declared default. */
    private static final Map<Class<?>, Map<Setting, DoubleConsumer>> READERS = new LinkedHashMap<>();
    /** Each gated setting's enabledBy, the other arguments set so that only this one decides. */
    private static final Map<Setting, DoublePredicate> GATES = new LinkedHashMap<>();
    /** The off values, as the docs state them (not read from the declarations). */
    private static final Map<Setting, DoublePredicate> OFF = new LinkedHashMap<>();

    static {
        BUILDER.put(GUIDANCE_SCALE, (b, v) -> b.guidanceScale(v));
        BUILDER.put(MIN_TOKENS, (b, v) -> b.minTokens((int) v));
        BUILDER.put(NO_REPEAT_NGRAM_SIZE, (b, v) -> b.noRepeatNgramSize((int) v));
        BUILDER.put(REPETITION_PENALTY, (b, v) -> b.repetitionPenalty(v));
        BUILDER.put(PENALTY_LAST_N, (b, v) -> b.penaltyLastN((int) v));
        BUILDER.put(FREQUENCY_PENALTY, (b, v) -> b.frequencyPenalty(v));
        BUILDER.put(PRESENCE_PENALTY, (b, v) -> b.presencePenalty(v));
        BUILDER.put(DRY_MULTIPLIER, (b, v) -> b.dry(v, DRY_BASE.defaultValue(), DRY_ALLOWED_LENGTH.defaultInt(), DRY_PENALTY_LAST_N.defaultInt()));
        BUILDER.put(DRY_BASE, (b, v) -> b.dry(DRY_MULTIPLIER.defaultValue(), v, DRY_ALLOWED_LENGTH.defaultInt(), DRY_PENALTY_LAST_N.defaultInt()));
        BUILDER.put(DRY_ALLOWED_LENGTH, (b, v) -> b.dry(DRY_MULTIPLIER.defaultValue(), DRY_BASE.defaultValue(), (int) v, DRY_PENALTY_LAST_N.defaultInt()));
        BUILDER.put(DRY_PENALTY_LAST_N, (b, v) -> b.dry(DRY_MULTIPLIER.defaultValue(), DRY_BASE.defaultValue(), DRY_ALLOWED_LENGTH.defaultInt(), (int) v));
        BUILDER.put(TEMPERATURE, (b, v) -> b.temperature(v));
        BUILDER.put(DYNATEMP_RANGE, (b, v) -> b.dynamicTemperature(v, DYNATEMP_EXPONENT.defaultValue()));
        BUILDER.put(DYNATEMP_EXPONENT, (b, v) -> b.dynamicTemperature(DYNATEMP_RANGE.defaultValue(), v));
        BUILDER.put(TOP_N_SIGMA, (b, v) -> b.topNSigma(v));
        BUILDER.put(TOP_H, (b, v) -> b.topH(v));
        BUILDER.put(THINKING_TOKEN_BUDGET, (b, v) -> b.thinkingBudget((int) v, new int[] {1}, new int[] {2}));
        BUILDER.put(ADAPTIVE_TARGET, (b, v) -> b.adaptiveP(v, ADAPTIVE_DECAY.defaultValue()));
        BUILDER.put(ADAPTIVE_DECAY, (b, v) -> b.adaptiveP(ADAPTIVE_TARGET.defaultValue(), v));
        BUILDER.put(TOP_K, (b, v) -> b.topK((int) v));
        BUILDER.put(TOP_P, (b, v) -> b.topP(v));
        BUILDER.put(MIN_KEEP, (b, v) -> b.minKeep((int) v));
        BUILDER.put(MIN_P, (b, v) -> b.minP(v));
        BUILDER.put(TYPICAL_P, (b, v) -> b.typicalP(v));
        BUILDER.put(EPSILON_CUTOFF, (b, v) -> b.epsilonCutoff(v));
        BUILDER.put(ETA_CUTOFF, (b, v) -> b.etaCutoff(v));
        BUILDER.put(XTC_PROBABILITY, (b, v) -> b.xtc(v, XTC_THRESHOLD.defaultValue()));
        BUILDER.put(XTC_THRESHOLD, (b, v) -> b.xtc(XTC_PROBABILITY.defaultValue(), v));
        BUILDER.put(MIROSTAT, (b, v) -> b.mirostat((int) v, MIROSTAT_TAU.defaultValue(), MIROSTAT_ETA.defaultValue()));
        BUILDER.put(MIROSTAT_TAU, (b, v) -> b.mirostat(MIROSTAT.defaultInt(), v, MIROSTAT_ETA.defaultValue()));
        BUILDER.put(MIROSTAT_ETA, (b, v) -> b.mirostat(MIROSTAT.defaultInt(), MIROSTAT_TAU.defaultValue(), v));

        int keep = MIN_KEEP.defaultInt();
        int lastN = PENALTY_LAST_N.defaultInt();
        reader(ClassifierFreeGuidanceProcessor.class, GUIDANCE_SCALE, v -> new ClassifierFreeGuidanceProcessor(v));
        reader(MinTokensProcessor.class, MIN_TOKENS, v -> new MinTokensProcessor((int) v, 0));
        reader(NoRepeatNGramProcessor.class, NO_REPEAT_NGRAM_SIZE, v -> new NoRepeatNGramProcessor((int) v));
        PenaltyScope scope = PenaltyScope.PROMPT_AND_GENERATED;
        reader(RepetitionPenaltyProcessor.class, REPETITION_PENALTY, v -> new RepetitionPenaltyProcessor(v, scope, lastN));
        reader(RepetitionPenaltyProcessor.class, PENALTY_LAST_N,
                v -> new RepetitionPenaltyProcessor(REPETITION_PENALTY.defaultValue(), scope, (int) v));
        double f = FREQUENCY_PENALTY.defaultValue();
        double p = PRESENCE_PENALTY.defaultValue();
        reader(FrequencyPresencePenaltyProcessor.class, FREQUENCY_PENALTY, v -> new FrequencyPresencePenaltyProcessor(v, p, lastN));
        reader(FrequencyPresencePenaltyProcessor.class, PRESENCE_PENALTY, v -> new FrequencyPresencePenaltyProcessor(f, v, lastN));
        reader(FrequencyPresencePenaltyProcessor.class, PENALTY_LAST_N, v -> new FrequencyPresencePenaltyProcessor(f, p, (int) v));
        double m = DRY_MULTIPLIER.defaultValue();
        double base = DRY_BASE.defaultValue();
        int allowed = DRY_ALLOWED_LENGTH.defaultInt();
        int window = DRY_PENALTY_LAST_N.defaultInt();
        int[][] breakers = new int[0][];
        reader(DryProcessor.class, DRY_MULTIPLIER, v -> new DryProcessor(v, base, allowed, window, breakers));
        reader(DryProcessor.class, DRY_BASE, v -> new DryProcessor(m, v, allowed, window, breakers));
        reader(DryProcessor.class, DRY_ALLOWED_LENGTH, v -> new DryProcessor(m, base, (int) v, window, breakers));
        reader(DryProcessor.class, DRY_PENALTY_LAST_N, v -> new DryProcessor(m, base, allowed, (int) v, breakers));
        reader(TemperatureProcessor.class, TEMPERATURE, v -> new TemperatureProcessor(v));
        double t = TEMPERATURE.defaultValue();
        double range = DYNATEMP_RANGE.defaultValue();
        double exponent = DYNATEMP_EXPONENT.defaultValue();
        reader(DynamicTemperatureProcessor.class, TEMPERATURE, v -> new DynamicTemperatureProcessor(v, range, exponent));
        reader(DynamicTemperatureProcessor.class, DYNATEMP_RANGE, v -> new DynamicTemperatureProcessor(t, v, exponent));
        reader(DynamicTemperatureProcessor.class, DYNATEMP_EXPONENT, v -> new DynamicTemperatureProcessor(t, range, v));
        reader(TopHProcessor.class, TOP_H, v -> new TopHProcessor(v));
        reader(ThinkingBudgetProcessor.class, THINKING_TOKEN_BUDGET, v -> new ThinkingBudgetProcessor((int) v, new int[] {1}, new int[] {2}, new int[0]));
        reader(TopNSigmaProcessor.class, TOP_N_SIGMA, v -> new TopNSigmaProcessor(v));
        reader(TopKProcessor.class, TOP_K, v -> new TopKProcessor((int) v));
        reader(TopPProcessor.class, TOP_P, v -> new TopPProcessor(v, keep));
        reader(TopPProcessor.class, MIN_KEEP, v -> new TopPProcessor(TOP_P.defaultValue(), (int) v));
        reader(MinPProcessor.class, MIN_P, v -> new MinPProcessor(v, keep));
        reader(MinPProcessor.class, MIN_KEEP, v -> new MinPProcessor(MIN_P.defaultValue(), (int) v));
        reader(TypicalProcessor.class, TYPICAL_P, v -> new TypicalProcessor(v, keep));
        reader(TypicalProcessor.class, MIN_KEEP, v -> new TypicalProcessor(TYPICAL_P.defaultValue(), (int) v));
        reader(EpsilonProcessor.class, EPSILON_CUTOFF, v -> new EpsilonProcessor(v, keep));
        reader(EpsilonProcessor.class, MIN_KEEP, v -> new EpsilonProcessor(EPSILON_CUTOFF.defaultValue(), (int) v));
        reader(EtaProcessor.class, ETA_CUTOFF, v -> new EtaProcessor(v, keep));
        reader(EtaProcessor.class, MIN_KEEP, v -> new EtaProcessor(ETA_CUTOFF.defaultValue(), (int) v));
        double probability = XTC_PROBABILITY.defaultValue();
        double threshold = XTC_THRESHOLD.defaultValue();
        reader(XtcProcessor.class, XTC_PROBABILITY, v -> new XtcProcessor(v, threshold, keep));
        reader(XtcProcessor.class, XTC_THRESHOLD, v -> new XtcProcessor(probability, v, keep));
        reader(XtcProcessor.class, MIN_KEEP, v -> new XtcProcessor(probability, threshold, (int) v));
        int version = MIROSTAT.defaultInt();
        double tau = MIROSTAT_TAU.defaultValue();
        double eta = MIROSTAT_ETA.defaultValue();
        reader(Mirostat.class, MIROSTAT, v -> Mirostat.picker((int) v, tau, eta, VOCAB));
        reader(Mirostat.class, MIROSTAT_TAU, v -> Mirostat.picker(version, v, eta, VOCAB));
        reader(Mirostat.class, MIROSTAT_ETA, v -> Mirostat.picker(version, tau, v, VOCAB));
        reader(MirostatV1Picker.class, MIROSTAT_TAU, v -> new MirostatV1Picker(v, eta, VOCAB));
        reader(MirostatV1Picker.class, MIROSTAT_ETA, v -> new MirostatV1Picker(tau, v, VOCAB));
        reader(MirostatV2Picker.class, MIROSTAT_TAU, v -> new MirostatV2Picker(v, eta));
        reader(MirostatV2Picker.class, MIROSTAT_ETA, v -> new MirostatV2Picker(tau, v));
        reader(AdaptivePPicker.class, ADAPTIVE_TARGET, v -> new AdaptivePPicker(v, ADAPTIVE_DECAY.defaultValue()));
        reader(AdaptivePPicker.class, ADAPTIVE_DECAY, v -> new AdaptivePPicker(ADAPTIVE_TARGET.defaultValue(), v));

        // AND gates get the other settings on, OR gates (frequency / presence) off.
        gate(GUIDANCE_SCALE, ClassifierFreeGuidanceProcessor::enabledBy, v -> v == 1);
        gate(MIN_TOKENS, v -> MinTokensProcessor.enabledBy((int) v, new int[] {0}), v -> v == 0);
        gate(NO_REPEAT_NGRAM_SIZE, v -> NoRepeatNGramProcessor.enabledBy((int) v), v -> v == 0);
        gate(REPETITION_PENALTY, RepetitionPenaltyProcessor::enabledBy, v -> v == 1);
        gate(FREQUENCY_PENALTY, v -> FrequencyPresencePenaltyProcessor.enabledBy(v, 0), v -> v == 0);
        gate(PRESENCE_PENALTY, v -> FrequencyPresencePenaltyProcessor.enabledBy(0, v), v -> v == 0);
        gate(DRY_MULTIPLIER, DryProcessor::enabledBy, v -> v == 0);
        gate(TEMPERATURE, TemperatureProcessor::enabledBy, v -> v == 1);
        gate(DYNATEMP_RANGE, DynamicTemperatureProcessor::enabledBy, v -> v == 0);
        gate(TOP_N_SIGMA, TopNSigmaProcessor::enabledBy, v -> v == 0);
        gate(TOP_H, TopHProcessor::enabledBy, v -> v == 0);
        gate(THINKING_TOKEN_BUDGET, v -> ThinkingBudgetProcessor.enabledBy((int) v), v -> v == -1);
        gate(ADAPTIVE_TARGET, AdaptivePPicker::enabledBy, v -> v < 0);
        gate(TOP_K, v -> TopKProcessor.enabledBy((int) v, Integer.MAX_VALUE), v -> v <= 0 || v >= Integer.MAX_VALUE);
        gate(TOP_P, TopPProcessor::enabledBy, v -> v == 1);
        gate(MIN_P, MinPProcessor::enabledBy, v -> v == 0);
        gate(TYPICAL_P, TypicalProcessor::enabledBy, v -> v == 1);
        gate(EPSILON_CUTOFF, EpsilonProcessor::enabledBy, v -> v == 0);
        gate(ETA_CUTOFF, EtaProcessor::enabledBy, v -> v == 0);
        gate(XTC_PROBABILITY, v -> XtcProcessor.enabledBy(v, 0.1), v -> v == 0);
        gate(XTC_THRESHOLD, v -> XtcProcessor.enabledBy(1, v), v -> v > 0.5);
        gate(MIROSTAT, v -> Mirostat.enabledBy((int) v), v -> v == 0);
    }

    private static void reader(Class<?> type, Setting setting, DoubleConsumer construct) {
        READERS.computeIfAbsent(type, k -> new LinkedHashMap<>()).put(setting, construct);
    }

    private static void gate(Setting setting, DoublePredicate enabledBy, DoublePredicate off) {
        GATES.put(setting, enabledBy);
        OFF.put(setting, off);
    }

    @Test
    void theTablesHereCoverTheRegistryExactly() {
        assertEquals(new LinkedHashSet<>(Settings.all()), BUILDER.keySet(), "a builder route per setting");
        Map<Class<?>, Set<Setting>> registered = new LinkedHashMap<>();
        Settings.READERS.forEach(r -> registered.put(r.type(), new LinkedHashSet<>(r.settings())));
        Map<Class<?>, Set<Setting>> here = new LinkedHashMap<>();
        READERS.forEach((type, constructors) -> here.put(type, constructors.keySet()));
        assertEquals(registered, here, "a constructor route per (reader, setting) of the registry");
        Set<Setting> gated = new HashSet<>();
        Settings.all().stream().filter(Setting::hasOffValue).forEach(gated::add);
        assertEquals(gated, GATES.keySet(), "a gate per setting with an off value");
    }

    @Test
    void paramsAndEveryReaderJudgeEveryBoundaryValueAlike() {
        for (Setting setting : Settings.all()) {
            for (double v : probes(setting)) {
                for (int steps = -2; steps <= 2; steps++) {
                    assertJudgedAlike(setting, step(setting, v, steps));
                }
            }
        }
    }

    @Test
    void paramsAndEveryReaderJudgeEveryValueAlike() {
        List<Setting> all = Settings.all();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(integers().between(0, all.size() - 1), integers().between(0, 1023), integers().between(-2, 2), doubles().any())
                .checkAssert((index, choice, steps, random) -> assertJudgedAlike(all.get(index), value(all.get(index), choice, steps, random)));
    }

    @Test
    void enabledByIsFalseExactlyAtTheOffValues() {
        for (Setting setting : GATES.keySet()) {
            for (double v : probes(setting)) {
                for (int steps = -2; steps <= 2; steps++) {
                    assertGate(setting, step(setting, v, steps));
                }
            }
        }
        List<Setting> gated = new ArrayList<>(GATES.keySet());
        qt().withFixedSeed(SEED + 1).withExamples(EXAMPLES)
                .forAll(integers().between(0, gated.size() - 1), integers().between(0, 1023), integers().between(-2, 2), doubles().any())
                .checkAssert((index, choice, steps, random) -> assertGate(gated.get(index), value(gated.get(index), choice, steps, random)));
    }

    private static void assertGate(Setting setting, double v) {
        assertEquals(!OFF.get(setting).test(v), GATES.get(setting).test(v), setting.name() + " = " + v + ": enabledBy");
        // The declaration's isOff (and so the docs' "disabled by") knows nothing of the vocabulary: top-k's k >= V is the gate's.
        boolean declaredOff = setting == TOP_K ? v <= 0 : OFF.get(setting).test(v);
        assertEquals(declaredOff, setting.isOff(v), setting.name() + " = " + v + ": isOff");
    }

    /** The builder's verdict, then each reader's, must be the same: null (accepted) or one message. */
    private static void assertJudgedAlike(Setting setting, double v) {
        String params = verdict(() -> {
            SamplingParams.Builder b = SamplingParams.builder();
            BUILDER.get(setting).set(b, v);
            b.build();
        });
        assertEquals(setting.accepts(v), params == null, setting.name() + " = " + v + ": params vs its declaration: " + params);
        assertTrue(params == null || params.startsWith(setting.name() + " = "), params);
        READERS.forEach((type, constructors) -> {
            DoubleConsumer construct = constructors.get(setting);
            if (construct != null) {
                assertEquals(params, verdict(() -> construct.accept(v)),
                        setting.name() + " = " + v + ": SamplingParams vs " + type.getSimpleName());
            }
        });
    }

    /** null when {@code r} completes, else the message of its IllegalArgumentException. */
    private static String verdict(Runnable r) {
        try {
            r.run();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Values at and around the interesting points of a setting's range. */
    static List<Double> probes(Setting s) {
        List<Double> points = new ArrayList<>(List.of(s.lowerBound(), s.upperBound(), s.defaultValue(), 0.0, 1.0, -1.0, 0.5, 2.0));
        if (s.hasOffValue()) {
            points.add(s.offValue());
        }
        if (!s.isInteger()) {
            points.addAll(List.of(-0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE,
                    -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE, (double) Float.MIN_VALUE, 0x1p-150, 1e-50,
                    (double) Float.MAX_VALUE, 1e39));
        } else {
            points.addAll(List.of((double) Integer.MIN_VALUE, (double) Integer.MAX_VALUE));
        }
        return points;
    }

    /** {@code v} moved {@code steps} ulps (real) or units (int, clamped to the int range). */
    private static double step(Setting s, double v, int steps) {
        if (s.isInteger()) {
            long n = (long) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v)) + steps;
            return Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
        }
        double x = v;
        for (int i = 0; i < Math.abs(steps); i++) {
            x = steps > 0 ? Math.nextUp(x) : Math.nextDown(x);
        }
        return x;
    }

    /** One case of the random property: a probe moved a few ulps, or (one time in four) an arbitrary value. */
    private static double value(Setting s, int choice, int steps, double random) {
        if (choice % 4 == 3) {
            return s.isInteger() ? (int) Double.doubleToRawLongBits(random) : random;
        }
        List<Double> probes = probes(s);
        return step(s, probes.get(choice % probes.size()), steps);
    }
}
