package dev.genzoo.cli;

import dev.genzoo.runtime.eval.EvaluationListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Evaluation progress on stderr, in the training bar's conventions: a bar redrawn in place on a
 * terminal (or with GENZOO_PROGRESS=bar), else a plain line at every tenth of the work.
 */
final class EvaluationProgress implements EvaluationListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int PLAIN_LINES = 10;

    private final PrintWriter err;
    private final boolean terminal;
    private long total;
    private String what;
    private long startedAt;
    private long lastDraw;
    private int lastPlain;
    private int drawnWidth;

    EvaluationProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** A bar on a terminal, plain lines elsewhere. */
    static EvaluationProgress forConsole(PrintWriter err) {
        return new EvaluationProgress(err, ProgressBar.onTerminal());
    }

    @Override
    public void started(long totalWork, String description) {
        this.total = Math.max(1, totalWork);
        this.what = description;
        this.startedAt = System.nanoTime();
        if (!terminal) {
            err.println("evaluating: " + description);
            err.flush();
        }
    }

    @Override
    public void progressed(long doneWork) {
        long now = System.nanoTime();
        double done = Math.min(1, (double) doneWork / total);
        double seconds = (now - startedAt) / 1e9;
        double left = done > 0 ? seconds * (1 - done) / done : 0;
        if (terminal) {
            if (now - lastDraw < REDRAW_NANOS && doneWork < total) {
                return;
            }
            lastDraw = now;
            String line = String.format(
                    Locale.ROOT,
                    "%s %s %3.0f%% | %s left",
                    what,
                    ProgressBar.bar(done),
                    100 * done,
                    ProgressBar.clock(left));
            err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
            drawnWidth = line.length();
        } else {
            int tenth = (int) Math.floor(done * PLAIN_LINES);
            if (tenth <= lastPlain) {
                return;
            }
            lastPlain = tenth;
            err.printf(
                    Locale.ROOT,
                    "evaluated %3.0f%%  %s elapsed, %s left%n",
                    100 * done,
                    ProgressBar.clock(seconds),
                    ProgressBar.clock(left));
        }
        err.flush();
    }

    @Override
    public void finished() {
        if (terminal && drawnWidth > 0) {
            err.println();
            err.flush();
        }
    }
}
