package org.sampling4j.examples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.Styler;
import org.sampling4j.Preset;
import org.sampling4j.SamplingParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What the sampling knobs do to real text: trains a character n-gram model on the project's own
 * documentation (shipped in this module), then generates with every preset and with a temperature
 * sweep, penalties off and on, and measures each text (repeated word-trigram rate, distinct-2,
 * mean log-probability per character). Writes a chart of repetition against temperature.
 * Seeded: the same options print the same texts and numbers.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train a character n-gram model on Sampling4J's own docs and show what presets, temperature "
                + "and penalties do to the text it generates.")
public final class GenerationDemo implements Callable<Integer> {
    static final String CORPUS = "/org/sampling4j/examples/demo/corpus.txt";
    static final String PROMPT = "The sampler ";
    /** The temperatures of the sweep. */
    static final double[] TEMPERATURES = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2, 1.4, 1.7, 2.0};

    @Option(names = "--seed", description = "first seed; run i of a point uses seed + i (default: ${DEFAULT-VALUE})")
    long seed = 7;

    @Option(names = "--seeds", description = "texts averaged per sweep point (default: ${DEFAULT-VALUE})")
    int seeds = 8;

    @Option(names = "--length", description = "characters per generated text (default: ${DEFAULT-VALUE})")
    int length = 600;

    @Option(names = "--order", description = "n-gram order: contexts of up to order - 1 characters (default: ${DEFAULT-VALUE})")
    int order = 6;

    @Option(names = "--chart", description = "where to write the PNG chart (default: ${DEFAULT-VALUE})")
    Path chart = Path.of("target", "generation-demo.png");

    /** The penalties the sweep switches on: over the last 64 characters, as a chat runtime would. */
    static SamplingParams.Builder penalties(SamplingParams.Builder b) {
        return b.repetitionPenalty(1.3).presencePenalty(0.4).penaltyLastN(64);
    }

    /** Mean metrics of one sweep point. */
    record Point(double temperature, double repetition, double distinct2, double meanLogprob) {
    }

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        String corpus = corpus();
        ProgressBar training = new ProgressBar(System.err, "training " + order + "-gram model");
        CharNGramModel model = CharNGramModel.train(corpus, order, perMille -> training.update(perMille, 1000));
        out.printf(Locale.ROOT, "Character %d-gram model (Witten-Bell) trained on %,d characters of Sampling4J's own "
                + "documentation; V = %d characters.%n", order, corpus.length(), model.vocabSize());
        out.printf(Locale.ROOT, "Prompt \"%s\", %d characters per text, seed %d.%n%n", PROMPT, length, seed);

        out.println("== Presets (SamplingParams.preset)");
        for (Preset preset : Preset.values()) {
            DemoText t = DemoText.generate(model, SamplingParams.preset(preset), PROMPT, seed, length);
            printText(out, preset + " " + describe(SamplingParams.preset(preset)), t);
        }

        ProgressBar sweeping = new ProgressBar(System.err, "temperature sweep");
        int total = TEMPERATURES.length * 2 * seeds;
        int done = 0;
        List<Point> off = new ArrayList<>();
        List<Point> on = new ArrayList<>();
        for (double temperature : TEMPERATURES) {
            for (boolean penalized : new boolean[] {false, true}) {
                SamplingParams.Builder b = SamplingParams.builder().temperature(temperature);
                SamplingParams params = (penalized ? penalties(b) : b).build();
                double rep = 0;
                double d2 = 0;
                double lp = 0;
                for (int i = 0; i < seeds; i++) {
                    DemoText t = DemoText.generate(model, params, PROMPT, seed + i, length);
                    rep += t.repetition();
                    d2 += t.distinct2();
                    lp += t.meanLogprob();
                    sweeping.update(++done, total);
                }
                (penalized ? on : off).add(new Point(temperature, rep / seeds, d2 / seeds, lp / seeds));
            }
        }
        out.println();
        out.printf(Locale.ROOT, "== Temperature sweep, mean of %d texts per point; penalties on = %s%n", seeds,
                penaltiesLabel());
        out.println("                penalties off                 penalties on");
        out.println("    T   repeated-3  distinct-2  logprob   repeated-3  distinct-2  logprob");
        for (int i = 0; i < off.size(); i++) {
            Point a = off.get(i);
            Point b = on.get(i);
            out.printf(Locale.ROOT, "%5.1f   %9.3f  %10.3f  %7.3f   %9.3f  %10.3f  %7.3f%n", a.temperature(),
                    a.repetition(), a.distinct2(), a.meanLogprob(), b.repetition(), b.distinct2(), b.meanLogprob());
        }
        out.println();
        out.println("== What that looks like");
        printText(out, "T 0 (greedy), penalties off: it loops", DemoText.generate(model,
                SamplingParams.builder().temperature(0).build(), PROMPT, seed, length));
        printText(out, "T 0 (greedy), penalties on: the one-word loop is broken; a longer one escapes the 64-character window", DemoText.generate(model,
                penalties(SamplingParams.builder().temperature(0)).build(), PROMPT, seed, length));
        printText(out, "T 2.0, penalties off (coherence is lost)", DemoText.generate(model,
                SamplingParams.builder().temperature(2.0).build(), PROMPT, seed, length));

        writeChart(off, on);
        out.println("Chart of repetition against temperature: " + chart.toAbsolutePath().normalize());
        return 0;
    }

    private static double[] temperatures(List<Point> points) {
        return points.stream().mapToDouble(Point::temperature).toArray();
    }

    private static double[] values(List<Point> points, java.util.function.ToDoubleFunction<Point> metric) {
        return points.stream().mapToDouble(metric).toArray();
    }

    static String penaltiesLabel() {
        String d = describe(penalties(SamplingParams.builder()).build());
        return d.substring("(T 1, ".length(), d.length() - 1);
    }

    private void writeChart(List<Point> off, List<Point> onPoints) throws IOException {
        XYChart c = new XYChartBuilder().width(900).height(620)
                .title("Character " + order + "-gram model on Sampling4J's docs: repetition vs temperature")
                .xAxisTitle("temperature").build();
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        c.getStyler().setYAxisMin(0, 0.0);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        String on = penaltiesLabel();
        c.addSeries("repetition, penalties off", temperatures(off), values(off, Point::repetition));
        c.addSeries("repetition, penalties on (" + on + ")", temperatures(onPoints), values(onPoints, Point::repetition));
        // Coherence on a second axis: the model's own mean log-probability of the text.
        XYSeries lpOff = c.addSeries("mean logprob, penalties off", temperatures(off), values(off, Point::meanLogprob));
        XYSeries lpOn = c.addSeries("mean logprob, penalties on", temperatures(onPoints), values(onPoints, Point::meanLogprob));
        for (XYSeries s : new XYSeries[] {lpOff, lpOn}) {
            s.setYAxisGroup(1);
            s.setLineStyle(SeriesLines.DASH_DASH);
        }
        c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        c.setYAxisGroupTitle(0, "repeated word-trigram rate (mean of " + seeds + " texts)");
        c.setYAxisGroupTitle(1, "mean log-probability per character, nats");
        Path parent = chart.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BitmapEncoder.saveBitmap(c, chart.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void printText(PrintStream out, String label, DemoText t) {
        out.printf(Locale.ROOT, "-- %s%n   repeated-3 %.3f, distinct-2 %.3f, mean logprob %.3f nats/char%n", label,
                t.repetition(), t.distinct2(), t.meanLogprob());
        String text = (PROMPT + t.text()).replace('\n', ' ');
        for (int i = 0; i < text.length(); i += 96) {
            out.println("   | " + text.substring(i, Math.min(text.length(), i + 96)));
        }
        out.println();
    }

    /** The knobs a params object turns, in a few words. */
    static String describe(SamplingParams p) {
        StringBuilder s = new StringBuilder("(T ").append(fmt(p.temperature()));
        if (p.topP() < 1) {
            s.append(", top-p ").append(fmt(p.topP()));
        }
        if (p.repetitionPenalty() != 1) {
            s.append(", repetition ").append(fmt(p.repetitionPenalty()));
        }
        if (p.frequencyPenalty() != 0) {
            s.append(", frequency ").append(fmt(p.frequencyPenalty()));
        }
        if (p.presencePenalty() != 0) {
            s.append(", presence ").append(fmt(p.presencePenalty()));
        }
        if (p.penaltyLastN() != 0) {
            s.append(", last ").append(p.penaltyLastN());
        }
        return s.append(')').toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%s", v).replaceAll("\\.0$", "");
    }

    /** The training text shipped in this module. */
    static String corpus() throws IOException {
        try (InputStream in = GenerationDemo.class.getResourceAsStream(CORPUS)) {
            if (in == null) {
                throw new IOException("resource " + CORPUS + " is missing from the examples jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
