package com.tierdesk.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A single progress line on the terminal, redrawn in place at most a few times a second; its label and units come
 * worded in the language of the command line ({@link CliText}).
 */
final class ProgressLine {

    private static final long REDRAW_NANOS = Duration.ofMillis(250).toNanos();

    private final PrintStream out;
    private final String label;
    private final long started = System.nanoTime();
    private long lastDrawn;

    ProgressLine(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    /** Shows how far the work is; {@code total} may be 0 when it is not known. */
    void update(long done, long total, String unit) {
        long now = System.nanoTime();
        if (now - lastDrawn < REDRAW_NANOS && done < total) {
            return;
        }
        lastDrawn = now;
        out.print("\r" + render(done, total, unit, now));
        out.flush();
    }

    void finish(long done, long total, String unit) {
        out.println("\r" + render(done, total, unit, System.nanoTime()));
    }

    private String render(long done, long total, String unit, long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        String rate = String.format(Locale.ROOT, "%,.0f %s/s", done / seconds, unit);
        if (total <= 0) {
            return String.format(Locale.ROOT, "%s: %,d %s, %s, %.1f s", label, done, unit, rate, seconds);
        }
        int width = 30;
        int filled = (int) Math.min(width, width * done / total);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%% %,d/%,d %s, %s, %.1f s", label,
                "#".repeat(filled), " ".repeat(width - filled), 100 * done / total, done, total, unit, rate, seconds);
    }
}
