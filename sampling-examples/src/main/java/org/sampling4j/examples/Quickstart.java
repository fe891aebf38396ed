package org.sampling4j.examples;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sampling4j.Preset;
import org.sampling4j.SampleResult;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The README's main job: what each task preset does to one realistic 128k-token logits row.
 * For every preset it prints the sampling chain, how many candidates survive, the entropy of the
 * processed distribution, the most likely candidates, eight tokens drawn for each of three seeds
 * (penalties act as the sequence grows), and the time per token.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Show what each SamplingParams preset does to a synthetic 128k-token logits row.")
public final class Quickstart implements Callable<Integer> {
    @Option(names = "--vocab", description = "vocabulary size (default: ${DEFAULT-VALUE})")
    int vocab = 128_256;

    @Option(names = "--seed", description = "seed of the synthetic logits row (default: ${DEFAULT-VALUE})")
    long rowSeed = 2024;

    @Option(names = "--steps", description = "tokens drawn per seed (default: ${DEFAULT-VALUE})")
    int steps = 8;

    private static final long[] SEEDS = {1, 2, 3};
    private static final int TOP = 5;
    private static final int TIMED_TOKENS = 300;

    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new Quickstart()).execute(args));
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        float[] logits = SyntheticLogits.row(vocab, rowSeed);
        out.printf(Locale.ROOT, "Sampling4J quickstart: one synthetic logits row, V = %,d (Zipf-like head, N(0, 2.5) tail)%n", vocab);
        String kernels = new Workspace(1).kernels();
        out.printf(Locale.ROOT, "kernels: %s%s%n%n", kernels, kernels.equals("panama") ? " (Vector API)"
                : " (run java with --add-modules jdk.incubator.vector for the Vector API twin: same tokens, faster)");
        for (Preset preset : Preset.values()) {
            show(out, preset, logits);
        }
        out.println("Same seed, same tokens: run it again and every line above repeats exactly.");
        return 0;
    }

    private void show(PrintStream out, Preset preset, float[] logits) {
        SamplingParams params = preset.toBuilder().topLogprobs(TOP).build();
        Sampler sampler = Sampler.of(params, vocab);
        Workspace ws = sampler.newWorkspace();
        float[] processed = new float[vocab];
        int kept = sampler.process(logits, SequenceState.create(0), ws, processed);
        SampleResult result = new SampleResult();
        sampler.sample(logits, SequenceState.create(0), ws, result);

        out.printf(Locale.ROOT, "== %s: %s%n", preset, describe(params));
        out.printf(Locale.ROOT, "   chain     %s%n", sampler);
        out.printf(Locale.ROOT, "   kept      %,d of %,d candidates, entropy %.3f nats%n", kept, vocab, entropy(processed));
        StringBuilder top = new StringBuilder();
        for (int i = 0; i < result.topCount(); i++) {
            top.append(String.format(Locale.ROOT, "%s#%d %.3f", i == 0 ? "" : ", ", result.topToken(i),
                    Math.exp(result.topValue(i))));
        }
        out.printf(Locale.ROOT, "   top       %s%n", top);
        for (long seed : SEEDS) {
            SequenceState state = SequenceState.create(seed);
            StringBuilder tokens = new StringBuilder();
            for (int s = 0; s < steps; s++) {
                tokens.append(s == 0 ? "" : " ").append(sampler.sample(logits, state, ws));
            }
            out.printf(Locale.ROOT, "   seed %d    %s%n", seed, tokens);
        }
        out.printf(Locale.ROOT, "   time      %.1f us/token (mean of %d, after warm-up; a demo figure, see sampling-bench for measurements)%n%n",
                microsPerToken(sampler, logits, ws), TIMED_TOKENS);
    }

    private static double microsPerToken(Sampler sampler, float[] logits, Workspace ws) {
        SequenceState state = SequenceState.create(7);
        for (int i = 0; i < TIMED_TOKENS; i++) {
            sampler.sample(logits, state, ws);
        }
        long start = System.nanoTime();
        for (int i = 0; i < TIMED_TOKENS; i++) {
            sampler.sample(logits, state, ws);
        }
        return (System.nanoTime() - start) / 1e3 / TIMED_TOKENS;
    }

    static double entropy(float[] processed) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : processed) {
            max = Math.max(max, v);
        }
        double z = 0;
        double weighted = 0;
        for (float v : processed) {
            if (v != Float.NEGATIVE_INFINITY) {
                double w = Math.exp(v - max);
                z += w;
                weighted += w * (v - max);
            }
        }
        return Math.log(z) - weighted / z;
    }

    private static String describe(SamplingParams p) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "T %s", trim(p.temperature())));
        if (p.topP() < 1) {
            s.append(", top-p ").append(trim(p.topP()));
        }
        if (p.frequencyPenalty() != 0) {
            s.append(", frequency ").append(trim(p.frequencyPenalty()));
        }
        if (p.presencePenalty() != 0) {
            s.append(", presence ").append(trim(p.presencePenalty()));
        }
        return s.toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.1f", v) : String.valueOf(v);
    }
}
