package org.sampling4j.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** The benchmark chart: microseconds per token for each canonical configuration, one series per vector shape, log scale. */
final class Chart {
    private static final String[] SERIES = {"floorMax", "samplePanama", "samplePanamaAvx2", "samplePanama128", "sampleScalar",
        "naiveReference"};
    private static final String[] LABELS = {"floor (1 max pass)", "Sampling4J, native width", "Sampling4J, AVX2 shape",
        "Sampling4J, 128-bit shape", "Sampling4J, scalar", "naive (sort + Math.exp)"};

    private Chart() {
    }

    static void write(List<BenchmarkReport.Result> results, String vocab, String title, Path png) throws IOException {
        Map<String, Map<String, Double>> byConfig = new LinkedHashMap<>();
        for (BenchmarkReport.Result r : results) {
            String method = BenchmarkReport.shapedMethod(r, "org.sampling4j.bench.SamplerBenchmark");
            if (method != null && vocab.equals(r.param("vocab"))) {
                byConfig.computeIfAbsent(r.param("config"), c -> new LinkedHashMap<>()).put(method, r.score());
            }
        }
        CategoryChart chart = new CategoryChartBuilder().width(1100).height(600)
                .title("Sampling4J, V = " + vocab + (title.isEmpty() ? "" : " (" + title + ")"))
                .xAxisTitle("configuration").yAxisTitle("microseconds per token (log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        List<String> configs = new ArrayList<>(byConfig.keySet());
        double smallest = byConfig.values().stream().flatMap(m -> m.values().stream())
                .filter(v -> v > 0).min(Double::compare).orElse(1.0);
        // Bars start from the axis minimum, which a log axis needs strictly positive.
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(smallest))));
        for (int s = 0; s < SERIES.length; s++) {
            List<Double> values = new ArrayList<>();
            for (String config : configs) {
                values.add(byConfig.get(config).getOrDefault(SERIES[s], Double.NaN));
            }
            if (!configs.isEmpty() && values.stream().noneMatch(v -> v.isNaN() || v <= 0)) {
                chart.addSeries(LABELS[s], configs, values); // a log axis takes complete, positive series only
            }
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
