package org.sampling4j;

import org.sampling4j.processor.PenaltyScope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    private static final long SEED = 0x5A4D_1001L;
    private static final SamplingParams BASE = SamplingParams.builder().temperature(0.7).topK(50).topP(0.9)
            .minP(0.05).repetitionPenalty(1.1).frequencyPenalty(0.3).presencePenalty(0.6).penaltyLastN(64)
            .logitBias(3, -2f).seed(1).build();

    @Test
    void isStableShortAndIndependentOfTheSeed() {
        String f = Sampler.of(BASE, 1000).fingerprint();
        assertTrue(f.matches("s4j" + Sampler.SEMANTICS_VERSION + "-[0-9a-f]{16}"), f);
        assertEquals(f, Sampler.of(BASE.toBuilder().build(), 1000).fingerprint());
        assertEquals(f, Sampler.of(BASE.toBuilder().seed(99).build(), 1000).fingerprint());
    }

    @Test
    void changesWithEverySettingThatCanChangeTheTokens() {
        String f = Sampler.of(BASE, 1000).fingerprint();
        assertNotEquals(f, Sampler.of(BASE, 1001).fingerprint(), "vocabulary");
        assertNotEquals(f, fingerprint(BASE.toBuilder().temperature(0.71)), "temperature");
        assertNotEquals(f, fingerprint(BASE.toBuilder().topK(49)), "topK");
        assertNotEquals(f, fingerprint(BASE.toBuilder().topP(0.91)), "topP");
        assertNotEquals(f, fingerprint(BASE.toBuilder().minP(0.06)), "minP");
        assertNotEquals(f, fingerprint(BASE.toBuilder().minKeep(2)), "minKeep");
        assertNotEquals(f, fingerprint(BASE.toBuilder().repetitionPenalty(1.2)), "repetitionPenalty");
        assertNotEquals(f, fingerprint(BASE.toBuilder().repetitionScope(PenaltyScope.GENERATED)), "scope");
        assertNotEquals(f, fingerprint(BASE.toBuilder().frequencyPenalty(0.31)), "frequencyPenalty");
        assertNotEquals(f, fingerprint(BASE.toBuilder().presencePenalty(0.61)), "presencePenalty");
        assertNotEquals(f, fingerprint(BASE.toBuilder().penaltyLastN(63)), "penaltyLastN");
        assertNotEquals(f, fingerprint(BASE.toBuilder().logitBias(3, -2.5f)), "logitBias");
        assertNotEquals(f, fingerprint(BASE.toBuilder().bannedTokenIds(7)), "bannedTokenIds");
        assertNotEquals(f, fingerprint(BASE.toBuilder().chainOrder(ChainOrder.VLLM)), "chain order");
        assertNotEquals(f, fingerprint(BASE.toBuilder().temperature(0)), "greedy");
    }

    @Test
    void equalFingerprintsDrawEqualTokens() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int v = 2 + r.nextInt(300);
            SamplingParams p = LogitsFixtures.params(r, v);
            SamplingParams q = r.nextBoolean() ? p.toBuilder().build() : LogitsFixtures.params(r, v);
            Sampler a = Sampler.of(p, v);
            Sampler b = Sampler.of(q, v);
            if (!a.fingerprint().equals(b.fingerprint())) {
                return;
            }
            for (int i = 0; i < 5; i++) {
                float[] logits = LogitsFixtures.varied(r, v);
                long s = r.nextLong();
                int ta = drawOrMinusOne(a, logits, s);
                int tb = drawOrMinusOne(b, logits, s);
                if (ta != tb) {
                    throw new AssertionError("same fingerprint, different tokens: " + p + " / " + q);
                }
            }
        });
    }

    private static int drawOrMinusOne(Sampler s, float[] logits, long seed) {
        try {
            return s.sample(logits, SequenceState.resume(seed, new int[] {1, 1}, new int[] {0}), new Workspace(logits.length));
        } catch (IllegalArgumentException everyTokenMasked) {
            return -1;
        }
    }

    private static String fingerprint(SamplingParams.Builder b) {
        return Sampler.of(b.build(), 1000).fingerprint();
    }
}
