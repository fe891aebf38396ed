package org.sampling4j.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collections;
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
import org.sampling4j.SteadyState;
import org.sampling4j.Workspace;

/**
 * A row's token and logprobs do not depend on the batch around it: bit-identical to sampling the
 * row alone, at any position, in any batch, on 1, 2 or 8 threads, from a float[] or a direct buffer.
 */
class BatchSamplerTest {
    private static final int V = 517; // odd, so rows start at every alignment
    private static final int ROWS = 12;
    private static final int STEPS = 6;
    private static final ForkJoinPool EIGHT = new ForkJoinPool(8);

    @AfterAll
    static void shutDown() {
        EIGHT.shutdown();
    }

    /** One row's inputs and the state it starts each run from. */
    private static final class Row {
        final Sampler sampler;
        final long seed;
        final int[] prompt;
        final float[][] logits = new float[STEPS][];

        Row(SplittableRandom r) {
            sampler = Sampler.of(LogitsFixtures.params(r, V).toBuilder().topLogprobs(5).build(), V);
            seed = r.nextLong();
            prompt = LogitsFixtures.tokens(r, V, 10);
            for (int s = 0; s < STEPS; s++) {
                logits[s] = LogitsFixtures.varied(r, V);
            }
        }

        SequenceState fresh() {
            return SequenceState.create(seed, prompt);
        }
    }

    /** What one row produced over the steps: tokens and the bits of every logprob. */
    private static List<Long> trace(int token, SampleResult result, List<Long> into) {
        into.add((long) token);
        into.add(Double.doubleToRawLongBits(result.logprob()));
        into.add(Double.doubleToRawLongBits(result.rawLogprob()));
        into.add((long) result.keptCount());
        for (int i = 0; i < result.topCount(); i++) {
            into.add((long) result.topToken(i));
            into.add(Double.doubleToRawLongBits(result.topValue(i)));
        }
        return into;
    }

    private static List<Row> rows(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Row(r));
        }
        return rows;
    }

    /** Each row sampled alone with Sampler.sample on a float[] of length V. */
    private static List<List<Long>> alone(List<Row> rows) {
        Workspace ws = new Workspace(V);
        List<List<Long>> traces = new ArrayList<>();
        for (Row row : rows) {
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

    /** The rows sampled as one batch per step, from a float[] or a direct buffer. */
    private static List<List<Long>> batched(List<Row> rows, BatchSampler batch, boolean direct) {
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
        FloatBuffer buffer = ByteBuffer.allocateDirect((b * V + 3) * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        for (int s = 0; s < STEPS; s++) {
            for (int i = 0; i < b; i++) {
                System.arraycopy(rows.get(i).logits[s], 0, flat, i * V, V);
            }
            if (direct) {
                buffer.clear().position(3); // rows start past the buffer's first floats
                buffer.put(flat).position(3);
                batch.sample(buffer, samplers, states, tokens, results);
                assertEquals(3, buffer.position(), "the buffer's position is not changed");
            } else {
                batch.sample(flat, samplers, states, tokens, results);
            }
            for (int i = 0; i < b; i++) {
                trace(tokens[i], results[i], traces.get(i));
            }
        }
        return traces;
    }

    @Test
    void rowsAreBitIdenticalAloneAndInAnyBatchOnAnyThreadCount() {
        List<Row> rows = rows(11, ROWS);
        List<List<Long>> expected = alone(rows);
        for (int threads : new int[] {1, 2, 8}) {
            BatchSampler batch = BatchSampler.builder(V).pool(EIGHT).threads(threads).build();
            assertEquals(expected, batched(rows, batch, false), threads + " threads, float[]");
            assertEquals(expected, batched(rows, batch, true), threads + " threads, direct buffer");

            // Every position: reverse and shuffle the rows.
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < ROWS; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new java.util.Random(threads));
            List<Row> shuffled = new ArrayList<>();
            for (int i : order) {
                shuffled.add(rows.get(i));
            }
            List<List<Long>> got = batched(shuffled, batch, false);
            for (int i = 0; i < ROWS; i++) {
                assertEquals(expected.get(order.get(i)), got.get(i), threads + " threads, row " + order.get(i)
                        + " at position " + i);
            }

            // Inside a larger batch among other rows, and alone in a batch of one.
            List<Row> larger = new ArrayList<>(rows(99, 5));
            larger.addAll(2, rows);
            assertEquals(expected, batched(larger, batch, false).subList(2, 2 + ROWS), threads + " threads, in 17 rows");
            assertEquals(expected.subList(4, 5), batched(rows.subList(4, 5), batch, true), threads + " threads, B = 1");
        }
    }

    @Test
    void commonPoolDefaultUsesItsWorkersPlusTheCaller() {
        BatchSampler batch = BatchSampler.create(V);
        assertEquals(ForkJoinPool.commonPool().getParallelism() + 1, batch.threads());
        List<Row> rows = rows(12, ROWS);
        assertEquals(alone(rows), batched(rows, batch, false));
    }

    @Test
    void singleRowFromDirectOrHeapBufferIsBitIdenticalToTheArray() {
        List<Row> rows = rows(13, 20);
        List<List<Long>> expected = alone(rows);
        Workspace ws = new Workspace(V);
        FloatBuffer direct = ByteBuffer.allocateDirect((V + 7) * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        FloatBuffer heap = FloatBuffer.allocate(V + 7);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            SequenceState a = row.fresh();
            SequenceState b = row.fresh();
            SequenceState c = row.fresh();
            SequenceState d = row.fresh();
            SampleResult result = new SampleResult();
            List<Long> viaDirect = new ArrayList<>();
            List<Long> viaHeap = new ArrayList<>();
            List<Long> viaOffset = new ArrayList<>();
            for (int s = 0; s < STEPS; s++) {
                direct.clear().position(7);
                direct.put(row.logits[s]).position(7);
                trace(row.sampler.sample(direct, a, ws, result), result, viaDirect);
                assertEquals(7, direct.position());
                // Without a result the buffer is copied straight into the working row.
                assertEquals(expected.get(i).get(viaDirect.size() - (int) (4 + 2 * result.topCount())),
                        (long) row.sampler.sample(direct, d, ws, null), "row " + i + " step " + s + ", no result");
                heap.clear().position(7);
                heap.put(row.logits[s]);
                trace(row.sampler.sample(heap.slice(7, V), 0, b, ws, result), result, viaHeap);
                float[] padded = new float[V + 5];
                System.arraycopy(row.logits[s], 0, padded, 5, V);
                trace(row.sampler.sample(padded, 5, c, ws, result), result, viaOffset);
            }
            assertEquals(expected.get(i), viaDirect, "row " + i + " from a direct buffer");
            assertEquals(expected.get(i), viaHeap, "row " + i + " from a heap buffer slice");
            assertEquals(expected.get(i), viaOffset, "row " + i + " at an offset of a float[]");
        }
    }

    @Test
    void aFailedRowGetsMinusOneAndTheOthersAreSampled() {
        List<Row> rows = rows(14, 4);
        List<List<Long>> expected = alone(rows);
        Sampler[] samplers = new Sampler[4];
        SequenceState[] states = new SequenceState[4];
        float[] flat = new float[4 * V];
        for (int i = 0; i < 4; i++) {
            samplers[i] = rows.get(i).sampler;
            states[i] = rows.get(i).fresh();
            System.arraycopy(rows.get(i).logits[0], 0, flat, i * V, V);
        }
        flat[2 * V + 9] = Float.NaN;
        int[] tokens = new int[4];
        BatchSampler batch = BatchSampler.builder(V).pool(EIGHT).threads(2).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> batch.sample(flat, samplers, states, tokens, null));
        assertTrue(e.getMessage().startsWith("row 2 of the batch: logits[9] = NaN"), e.getMessage());
        assertEquals(-1, tokens[2]);
        assertEquals(0, states[2].step(), "the failed row's state is not advanced");
        for (int i : new int[] {0, 1, 3}) {
            assertEquals(expected.get(i).get(0), (long) tokens[i], "row " + i);
            assertEquals(1, states[i].step());
        }
    }

    @Test
    void badBatchesAreRejectedBeforeAnyRowRuns() {
        Sampler sampler = Sampler.of(SamplingParams.builder().seed(1).build(), V);
        BatchSampler batch = BatchSampler.builder(V).threads(1).build();
        SequenceState a = SequenceState.create(1);
        SequenceState b = SequenceState.create(2);
        Sampler[] two = {sampler, sampler};

        IllegalArgumentException shortRows = assertThrows(IllegalArgumentException.class,
                () -> batch.sample(new float[2 * V - 1], two, new SequenceState[] {a, b}, new int[2], null));
        assertEquals("logits.length = 1033 but 2 rows of 517 logits need at least 1034", shortRows.getMessage());
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> batch.sample(new float[2 * V], two, new SequenceState[] {a, a}, new int[2], null));
        assertTrue(same.getMessage().startsWith("states[0] and states[1] are the same SequenceState"), same.getMessage());
        Sampler other = Sampler.of(SamplingParams.builder().build(), V + 1);
        IllegalArgumentException vocab = assertThrows(IllegalArgumentException.class,
                () -> batch.sample(new float[2 * V], new Sampler[] {sampler, other}, new SequenceState[] {a, b},
                        new int[2], null));
        assertEquals("samplers[1].vocabSize() = 518 but this batch's rows have 517 logits", vocab.getMessage());
        IllegalArgumentException tokens = assertThrows(IllegalArgumentException.class,
                () -> batch.sample(new float[2 * V], two, new SequenceState[] {a, b}, new int[1], null));
        assertEquals("tokens.length = 1 but the batch has 2 rows (states.length)", tokens.getMessage());
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
                () -> BatchSampler.builder(V).threads(0));
        assertTrue(threads.getMessage().startsWith("threads = 0 is outside [1, 1024]"), threads.getMessage());
        assertEquals(0, a.step());
        assertEquals(0, b.step());
    }

    @Test
    void badOffsetsNameTheRange() {
        Sampler sampler = Sampler.of(SamplingParams.builder().seed(1).build(), V);
        Workspace ws = sampler.newWorkspace();
        SequenceState s = sampler.newSequence();
        IllegalArgumentException array = assertThrows(IllegalArgumentException.class,
                () -> sampler.sample(new float[V + 3], 4, s, ws, null));
        assertEquals("offset = 4 is outside [0, 3]: the row [offset, offset + 517) must lie inside logits.length = 520",
                array.getMessage());
        IllegalArgumentException buffer = assertThrows(IllegalArgumentException.class,
                () -> sampler.sample(FloatBuffer.allocate(V).position(1), s, ws, null));
        assertEquals("index = 1 is outside [0, 0]: the row [index, index + 517) must lie inside the buffer's limit 517",
                buffer.getMessage());
    }

    @Test
    void steadyStateBatchesAllocateNothingOnTheCallingThread() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadAllocatedMemorySupported());
        List<Row> rows = rows(15, 8);
        Sampler[] samplers = new Sampler[rows.size()];
        SequenceState[] states = new SequenceState[rows.size()];
        SampleResult[] results = new SampleResult[rows.size()];
        float[] flat = new float[rows.size() * V];
        for (int i = 0; i < rows.size(); i++) {
            samplers[i] = Sampler.of(SamplingParams.builder().seed(i).temperature(0.8).topK(40).topP(0.9)
                    .repetitionPenalty(1.1).topLogprobs(3).build(), V);
            states[i] = SequenceState.create(i, 1, 2, 3);
            results[i] = new SampleResult();
            System.arraycopy(rows.get(i).logits[0], 0, flat, i * V, V);
        }
        int[] tokens = new int[rows.size()];
        BatchSampler batch = BatchSampler.builder(V).threads(1).build();
        for (int i = 0; i < 10_000; i++) { // warm up, and grow each state's arrays past what the loop needs
            batch.sample(flat, samplers, states, tokens, results);
        }
        for (SequenceState s : states) {
            s.rollback(5_000);
        }
        // Steady state means after the JIT has settled (SteadyState): rounds of 200 batches until
        // one allocates nothing, and require that one does.
        long fewest = SteadyState.fewestBytes(() -> {
            for (int i = 0; i < 200; i++) {
                batch.sample(flat, samplers, states, tokens, results);
            }
            for (SequenceState s : states) {
                s.rollback(200);
            }
        });
        assertEquals(0, fewest, "bytes allocated by the best round of 200 batches of 8 rows");
    }
}
