package org.sampling4j.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sampling4j.LogitsFixtures;
import org.sampling4j.SampleResult;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.sampling4j.grammar.Grammar;
import org.sampling4j.text.Vocabulary;

/**
 * Grammars in a batch: rows whose params carry a {@link Grammar} (two rows share one compiled
 * grammar, others have their own: regex, choice, GBNF, JSON), each with its own matcher in its
 * {@link SequenceState}, give bit for bit what each row gives alone with {@link Sampler#sample},
 * on 1, 2 and 8 threads: tokens, logprobs, kept counts; no padding id is ever drawn.
 */
class BatchSamplerGrammarTest {
    private static final String[] TEXTS = {"a", "b", "ab", "ba", "-", "0", "1", "7", "12", "x", "aba", "{", "}", "\"",
        ":", ",", " ", "[", "]", "true", "null", "\"a\"", "é", "\u00c3"};
    private static final Vocabulary VOCAB = vocabulary();
    private static final int EOS = TEXTS.length;
    private static final int V = VOCAB.logitsSize();
    private static final int STEPS = 14;
    private static final ForkJoinPool EIGHT = new ForkJoinPool(8);

    @AfterAll
    static void shutDown() {
        EIGHT.shutdown();
    }

    private static Vocabulary vocabulary() {
        Vocabulary.Builder b = Vocabulary.builder();
        for (String t : TEXTS) {
            b.add(t.getBytes(StandardCharsets.UTF_8));
        }
        b.addSpecial("<eos>".getBytes(StandardCharsets.UTF_8));
        return b.eos(TEXTS.length).logitsSize(TEXTS.length + 4).build(); // three padding ids
    }

    private record Row(Sampler sampler, long seed, float[][] logits) {
        SequenceState fresh() {
            return SequenceState.create(seed, 3, 1, 4);
        }
    }

    private static List<Row> rows() {
        Grammar shared = Grammar.regex("(ab|ba)+-[0-9]{1,3}", VOCAB);
        Grammar[] grammars = {shared, shared, Grammar.choice(List.of("ab", "ba-12", "xx"), VOCAB),
            Grammar.gbnf("root ::= item (\",\" item)*\nitem ::= \"[\" root \"]\" | [ab]+\n", "root", VOCAB),
            Grammar.json(VOCAB), Grammar.regex("[^x]*x", VOCAB)};
        SplittableRandom r = new SplittableRandom(0x6B47);
        List<Row> rows = new ArrayList<>();
        for (Grammar g : grammars) {
            // params that cannot exclude every allowed token (no allow/ban lists): the grammar decides
            Sampler s = Sampler.of(SamplingParams.builder().grammar(g).temperature(0.3 + 1.5 * r.nextDouble())
                    .topK(r.nextInt(6)).topP(0.5 + 0.5 * r.nextDouble()).minP(0.2 * r.nextDouble())
                    .repetitionPenalty(1 + r.nextDouble()).presencePenalty(r.nextDouble()).build(), V);
            float[][] logits = new float[STEPS][];
            for (int i = 0; i < STEPS; i++) {
                logits[i] = LogitsFixtures.normal(r, V, 0.5 + 2 * r.nextDouble()); // finite: -Inf could remove every allowed token
            }
            rows.add(new Row(s, r.nextLong(), logits));
        }
        return rows;
    }

    private static void trace(int token, SampleResult result, List<Long> into) {
        into.add((long) token);
        into.add(Double.doubleToRawLongBits(result.logprob()));
        into.add(Double.doubleToRawLongBits(result.rawLogprob()));
        into.add((long) result.keptCount());
    }

    /** Each row alone; a row that drew EOS keeps drawing (only EOS is allowed after it). */
    private static List<List<Long>> alone(List<Row> rows) {
        List<List<Long>> traces = new ArrayList<>();
        for (Row row : rows) {
            Workspace ws = row.sampler.newWorkspace();
            SequenceState state = row.fresh();
            SampleResult result = new SampleResult();
            List<Long> t = new ArrayList<>();
            for (int s = 0; s < STEPS; s++) {
                trace(row.sampler.sample(row.logits[s], state, ws, result), result, t);
            }
            traces.add(t);
        }
        return traces;
    }

    private static List<List<Long>> batched(List<Row> rows, BatchSampler batch) {
        int b = rows.size();
        Sampler[] samplers = new Sampler[b];
        SequenceState[] states = new SequenceState[b];
        SampleResult[] results = new SampleResult[b];
        List<List<Long>> traces = new ArrayList<>();
        for (int i = 0; i < b; i++) {
            samplers[i] = rows.get(i).sampler;
            states[i] = rows.get(i).fresh();
            results[i] = new SampleResult();
            traces.add(new ArrayList<>());
        }
        int[] tokens = new int[b];
        float[] flat = new float[b * V];
        for (int s = 0; s < STEPS; s++) {
            for (int i = 0; i < b; i++) {
                System.arraycopy(rows.get(i).logits[s], 0, flat, i * V, V);
            }
            batch.sample(flat, samplers, states, tokens, results);
            for (int i = 0; i < b; i++) {
                trace(tokens[i], results[i], traces.get(i));
            }
        }
        return traces;
    }

    @Test
    void grammarRowsAreBitIdenticalAloneAndBatchedOnAnyThreadCount() {
        List<Row> rows = rows();
        List<List<Long>> expected = alone(rows);
        for (int threads : new int[] {1, 2, 8}) {
            BatchSampler batch = BatchSampler.builder(V).pool(EIGHT).threads(threads).build();
            List<List<Long>> got = batched(rows, batch);
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(expected.get(i), got.get(i), threads + " threads, row " + i);
            }
        }
        int padding = 0;
        for (List<Long> t : expected) {
            for (int i = 0; i < t.size(); i += 4) {
                padding += t.get(i) >= VOCAB.size() ? 1 : 0;
            }
        }
        assertEquals(0, padding, "a padding id was drawn under a grammar");
        assertTrue(expected.get(0).get(0) != expected.get(5).get(0) || expected.get(0).get(1) != expected.get(5).get(1),
                "rows with different grammars and logits drew the same first token and logprob");
    }
}
