package org.sampling4j.bench;

import java.util.SplittableRandom;
import org.sampling4j.random.PortableGaussian;

/** The inputs every benchmark shares: N(0, 3) logits and a 64-token history from a fixed seed. */
final class BenchmarkRows {
    static final long SEED = 0x5A4D_0901L;
    static final int HISTORY = 64;

    private BenchmarkRows() {
    }

    static float[] logits(int vocab) {
        SplittableRandom random = new SplittableRandom(SEED);
        float[] logits = new float[vocab];
        for (int i = 0; i < vocab; i++) {
            logits[i] = (float) (PortableGaussian.next(random) * 3);
        }
        return logits;
    }

    static int[] history(int vocab) {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        int[] history = new int[HISTORY];
        for (int i = 0; i < HISTORY; i++) {
            history[i] = random.nextInt(vocab);
        }
        return history;
    }
}
