package org.sampling4j.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {
    private static BenchmarkReport.Result r(String benchmark, String config, double score) {
        return new BenchmarkReport.Result("org.sampling4j.bench." + benchmark, Map.of("config", config, "vocab", "128256"),
                score, 0.1, 0.0, "25", "[]");
    }

    @Test
    void shapeClassesMapToTheirMethodWithTheShapeSuffixAndOthersToNothing() {
        String prefix = "org.sampling4j.bench.SamplerBenchmark";
        assertEquals("samplePanama", BenchmarkReport.shapedMethod(r("SamplerBenchmark.samplePanama", "temp1", 1), prefix));
        assertEquals("floorMaxAvx2", BenchmarkReport.shapedMethod(r("SamplerBenchmarkAvx2.floorMax", "temp1", 1), prefix));
        assertEquals("samplePanama128", BenchmarkReport.shapedMethod(r("SamplerBenchmark128.samplePanama", "temp1", 1), prefix));
        assertNull(BenchmarkReport.shapedMethod(r("SamplerBenchmarkOther.samplePanama", "temp1", 1), prefix));
        assertNull(BenchmarkReport.shapedMethod(r("KernelBenchmark.max", "", 1), prefix));
    }

    @Test
    void eachShapeIsDividedByTheFloorOfItsOwnForks() {
        String md = BenchmarkReport.markdown(List.of(
                r("SamplerBenchmark.floorMax", "temp1", 10), r("SamplerBenchmark.samplePanama", "temp1", 30),
                r("SamplerBenchmarkAvx2.floorMax", "temp1", 20), r("SamplerBenchmarkAvx2.samplePanama", "temp1", 100),
                r("SamplerBenchmark128.floorMax", "temp1", 40), r("SamplerBenchmark128.samplePanama", "temp1", 80)), "t");
        String row = md.lines().filter(l -> l.startsWith("| temp1 |")).findFirst().orElseThrow();
        assertTrue(row.startsWith("| temp1 | 30.00 | 3.0 | 100 | 5.0 | 80.00 | 2.0 |"), row);
    }
}
