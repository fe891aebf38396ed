package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.text.Vocabulary;

/**
 * Several threads sharing one freshly compiled Grammar (cold DFA and cache, so they race to build
 * them) produce exactly the masks that one thread produces on its own Grammar.
 */
class GrammarConcurrencyTest {
    private static final long SEED = 0x6A4D_0016L;
    private static final int THREADS = 4;
    private static final int STEPS = 40;

    @Test
    void threadsSharingAGrammarSeeTheSingleThreadMasks() throws Exception {
        Random r = new Random(SEED);
        Vocabulary v = RandomGrammars.synthetic(r, 1500);
        for (Cfg cfg : new Cfg[] {G.json(), RandomGrammars.parens()}) {
            List<int[]> tokensPerThread = new ArrayList<>();
            List<List<int[]>> expected = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Grammar alone = Grammar.compile(cfg, v, GrammarLimits.DEFAULT);
                List<int[]> masks = new ArrayList<>();
                tokensPerThread.add(walk(alone, new Random(SEED + t), masks, null));
                expected.add(masks);
            }
            Grammar shared = Grammar.compile(cfg, v, GrammarLimits.DEFAULT);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<List<int[]>>> got = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int[] tokens = tokensPerThread.get(t);
                    got.add(pool.submit(() -> {
                        List<int[]> masks = new ArrayList<>();
                        walk(shared, null, masks, tokens);
                        return masks;
                    }));
                }
                for (int t = 0; t < THREADS; t++) {
                    List<int[]> g = got.get(t).get();
                    for (int s = 0; s < g.size(); s++) {
                        assertArrayEquals(expected.get(t).get(s), g.get(s), cfg.root() + " thread " + t + " step " + s);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Walks random allowed tokens (or replays {@code replay}), recording every mask; returns the tokens. */
    private static int[] walk(Grammar g, Random r, List<int[]> masks, int[] replay) {
        GrammarMatcher m = g.newMatcher();
        Vocabulary v = g.vocabulary();
        List<Integer> tokens = new ArrayList<>();
        for (int s = 0; s < (replay == null ? STEPS : replay.length + 1); s++) {
            int[] mask = new int[g.maskWords()];
            m.fillMask(mask);
            masks.add(mask);
            if (replay != null) {
                if (s < replay.length) {
                    m.accept(replay[s]);
                }
                continue;
            }
            int[] ids = java.util.Arrays.stream(TokenMask.ids(mask)).filter(id -> !v.isEos(id)).toArray();
            if (ids.length == 0) {
                break;
            }
            int t = ids[r.nextInt(ids.length)];
            m.accept(t);
            tokens.add(t);
        }
        if (replay == null) {
            int[] mask = new int[g.maskWords()];
            m.fillMask(mask);
            masks.add(mask);
        }
        return tokens.stream().mapToInt(Integer::intValue).toArray();
    }
}
