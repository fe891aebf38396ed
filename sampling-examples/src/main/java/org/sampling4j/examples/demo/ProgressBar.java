package org.sampling4j.examples.demo;

import java.io.PrintStream;

/**
 * A one-line text progress bar on stderr: redrawn in place on a terminal, and printed at every
 * tenth otherwise (CI logs), so it never floods a log.
 */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final boolean terminal;
    private int shown = -1;

    ProgressBar(PrintStream out, String label) {
        this.out = out;
        this.label = label;
        this.terminal = System.console() != null;
    }

    /** Shows {@code done} out of {@code total}. */
    void update(long done, long total) {
        int perMille = (int) (1000 * done / Math.max(1, total));
        int step = terminal ? perMille / 5 : perMille / 100;
        if (step == shown) {
            return;
        }
        shown = step;
        int filled = perMille * WIDTH / 1000;
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        out.print((terminal ? "\r" : "") + String.format(java.util.Locale.ROOT, "%-28s [%s] %3d%%", label, bar,
                perMille / 10) + (terminal ? "" : System.lineSeparator()));
        if (terminal && perMille == 1000) {
            out.println();
        }
        out.flush();
    }
}
