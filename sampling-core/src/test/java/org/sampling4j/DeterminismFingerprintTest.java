package org.sampling4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Same bits everywhere: 10 000 seeded steps over random configurations, digested (token and the
 * raw bits of both logprobs of every step) into {@code target/determinism-fingerprint.txt}.
 * {@code .ci/run} runs the suite on JDK 17 with and without {@code jdk.incubator.vector} and on
 * JDK 25, and fails when the fingerprints of the runs differ. Within one JVM the digest must also
 * repeat exactly.
 */
class DeterminismFingerprintTest {
    private static final long SEED = 0x5A4D_0B01L;
    private static final int STEPS = 10_000;

    @Test
    void writesTheSameFingerprintOnEveryRun() throws IOException {
        String first = fingerprint();
        assertEquals(first, fingerprint(), "two runs in one JVM differ");
        Path out = Path.of("target", "determinism-fingerprint.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, first + System.lineSeparator(), StandardCharsets.UTF_8);
        System.out.println("determinism fingerprint: " + first);
    }

    static String fingerprint() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        SplittableRandom r = new SplittableRandom(SEED);
        SampleResult result = new SampleResult();
        int steps = 0;
        while (steps < STEPS) {
            int v = 1 + r.nextInt(r.nextInt(4) == 0 ? 20_000 : 300);
            SamplingParams p = LogitsFixtures.params(r, v).toBuilder().topLogprobs(5).build();
            Sampler sampler = Sampler.of(p, v);
            Workspace ws = new Workspace(v);
            SequenceState state = sampler.newSequence(LogitsFixtures.tokens(r, v, 10));
            for (int i = 0; i < 20; i++, steps++) {
                float[] logits = LogitsFixtures.varied(r, v);
                int token;
                try {
                    token = sampler.sample(logits, state, ws, result);
                } catch (IllegalArgumentException everyTokenMasked) {
                    update(digest, -1);
                    continue;
                }
                update(digest, token);
                update(digest, Double.doubleToRawLongBits(result.logprob()));
                update(digest, Double.doubleToRawLongBits(result.rawLogprob()));
                for (int k = 0; k < result.topCount(); k++) {
                    update(digest, result.topToken(k));
                    update(digest, Double.doubleToRawLongBits(result.topValue(k)));
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, long value) {
        for (int i = 0; i < 8; i++) {
            digest.update((byte) (value >>> (8 * i)));
        }
    }
}
