package org.sampling4j.examples;

import org.sampling4j.random.PortableGaussian;
import java.util.SplittableRandom;

/**
 * A deterministic logits row shaped like a language model's next-token output: a Zipf-like head
 * (the k-th most likely token about {@code 1.1 ln k} nats below the first) over a long N(0, 2.5)
 * tail, with ranks scattered over the token ids by a seeded permutation.
 */
final class SyntheticLogits {
    private static final int HEAD = 64;

    private SyntheticLogits() {
    }

    static float[] row(int vocab, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] logits = new float[vocab];
        for (int i = 0; i < vocab; i++) {
            logits[i] = (float) (PortableGaussian.next(random) * 2.5);
        }
        int[] ids = new int[vocab];
        for (int i = 0; i < vocab; i++) {
            ids[i] = i;
        }
        for (int rank = 0; rank < Math.min(HEAD, vocab); rank++) {
            int j = rank + random.nextInt(vocab - rank);
            int t = ids[rank];
            ids[rank] = ids[j];
            ids[j] = t;
            logits[ids[rank]] = (float) (17.0 - 1.1 * StrictMath.log(rank + 1) + PortableGaussian.next(random) * 0.3);
        }
        return logits;
    }
}
