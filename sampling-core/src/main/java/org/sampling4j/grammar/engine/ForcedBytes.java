package org.sampling4j.grammar.engine;

import java.io.ByteArrayOutputStream;

/**
 * The bytes forced next: while exactly one byte value keeps the chart viable (and the output may
 * not stop and no token terminal may come), that byte is forced. Tried by feeding each of the 256
 * values and truncating back, so it costs 256 byte steps per forced byte; it runs on request, never
 * in a mask.
 */
final class ForcedBytes {
    private ForcedBytes() {
    }

    /** The forced bytes from {@code chart}'s position (left as it was), at most {@code limit}. */
    static byte[] of(Chart chart, boolean canStopHere, int limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] base = new int[Chart.SAVED];
        int[] one = new int[Chart.SAVED];
        chart.save(base, 0);
        try {
            boolean mayStop = canStopHere;
            while (out.size() < limit && !mayStop && !SetQueries.expectsToken(chart, chart.curSet)) {
                chart.save(one, 0);
                int only = -1;
                for (int b = 0; b < 256; b++) {
                    chart.feedByte(b);
                    boolean ok = chart.viable();
                    chart.restore(one, 0);
                    if (ok) {
                        if (only >= 0) {
                            only = -2;
                            break;
                        }
                        only = b;
                    }
                }
                if (only < 0) {
                    break;
                }
                out.write(only);
                chart.feedByte(only);
                mayStop = SetQueries.complete(chart, chart.curSet);
            }
        } finally {
            chart.restore(base, 0);
        }
        return out.toByteArray();
    }
}
