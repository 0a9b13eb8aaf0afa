package dev.genzoo.cli;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.SamplingProgress;
import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.Evaluation;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.StepValues;
import dev.genzoo.runtime.train.TrainingCallback;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Progress on stderr: a bar redrawn in place on a terminal (epoch, loss, steps/s, time left while
 * training; step, steps/s, time left while a sampling chain runs), or, when output is not a
 * terminal, a plain line every few epochs, one every ten seconds within a long epoch, and one when
 * a chain ends.
 */
final class ProgressBar implements TrainingCallback, SamplingProgress {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 24;
    private static final int PLAIN_LINES = 20;
    /** Within an epoch, plain lines come at most this often. */
    static final long PLAIN_NANOS = 10_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier clock;
    private long lastLine;
    private long firstStep;
    private long totalSteps;
    private int epochs;
    private long startedAt;
    private long lastDraw;
    private int drawnWidth;

    ProgressBar(PrintWriter err, boolean terminal) {
        this(err, terminal, System::nanoTime);
    }

    /** A display reading time from a clock of nanoseconds (a test's own). */
    ProgressBar(PrintWriter err, boolean terminal, LongSupplier clock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
    }

    /** A bar if stderr looks like a terminal (or GENZOO_PROGRESS=bar), plain lines otherwise. */
    static ProgressBar forConsole(PrintWriter err) {
        return new ProgressBar(err, onTerminal());
    }

    /** Whether progress is drawn as a bar redrawn in place: on a terminal, or GENZOO_PROGRESS=bar. */
    static boolean onTerminal() {
        String mode = System.getenv("GENZOO_PROGRESS");
        return mode != null ? mode.equals("bar") : System.console() != null;
    }

    /** The bar itself, {@code [#####...]}, for a fraction done in [0, 1]. */
    static String bar(double done) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, done)) * WIDTH);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
    }

    @Override
    public int order() {
        return REPORT;
    }

    @Override
    public void onFitStart(Fit fit) {
        started(fit.firstStep(), fit.totalSteps(), fit.epochs());
    }

    private void started(long firstStep, long totalSteps, int epochs) {
        this.firstStep = firstStep;
        this.totalSteps = totalSteps;
        this.epochs = epochs;
        this.startedAt = clock.getAsLong();
        this.lastLine = startedAt;
    }

    @Override
    public void onStepEnd(Fit fit, StepValues values) {
        long step = fit.step();
        int epoch = fit.epoch() + 1;
        double loss = values.loss();
        long now = clock.getAsLong();
        if (!terminal) {
            long inEpoch = step - (long) fit.epoch() * fit.stepsPerEpoch();
            if (now - lastLine >= PLAIN_NANOS && inEpoch < fit.stepsPerEpoch()) {
                lastLine = now;
                err.printf(
                        Locale.ROOT,
                        "epoch %d/%d  step %d/%d  loss %.4f  %.0f steps/s%n",
                        epoch,
                        epochs,
                        inEpoch,
                        fit.stepsPerEpoch(),
                        loss,
                        rate(step, now));
                err.flush();
            }
            return;
        }
        if (now - lastDraw < REDRAW_NANOS && step < totalSteps) {
            return;
        }
        lastDraw = now;
        double rate = rate(step, now);
        double left = rate > 0 ? (totalSteps - step) / rate : 0;
        draw(String.format(
                Locale.ROOT,
                "epoch %d/%d %s loss %.4f | %.0f steps/s | %s left",
                epoch,
                epochs,
                bar(step, totalSteps),
                loss,
                rate,
                clock(left)));
    }

    /** The bar and percentage of done out of total: [######..........]  25%. */
    private static String bar(long done, long total) {
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format(
                Locale.ROOT, "[%s%s] %3.0f%%", "#".repeat(filled), ".".repeat(WIDTH - filled), 100 * fraction);
    }

    /** Redraws the line in place, blanking what is left of a longer previous one. */
    private void draw(String line) {
        err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
        drawnWidth = line.length();
        err.flush();
    }

    @Override
    public void onEpochEnd(Fit fit, EpochRecord record) {
        if (terminal) {
            return;
        }
        int every = Math.max(1, (int) Math.ceil((double) epochs / PLAIN_LINES));
        if (record.epoch() % every != 0 && record.epoch() != epochs) {
            return;
        }
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "epoch %d/%d  train loss %.4f  test loss %.4f",
                record.epoch(),
                epochs,
                record.train().get("loss"),
                record.test().get("loss")));
        Double bound = record.test().get(Evaluation.BOUND);
        if (bound != null) {
            line.append(String.format(Locale.ROOT, "  test bound %.4f", bound));
        }
        long now = clock.getAsLong();
        line.append(String.format(Locale.ROOT, "  %.0f steps/s", rate(record.step(), now)));
        lastLine = now;
        err.println(line);
        err.flush();
    }

    @Override
    public void stepped(int done, int total, Supplier<NDArray> state) {
        long now = clock.getAsLong();
        if (done == 0) {
            started(0, total, 0);
            return;
        }
        if (!terminal) {
            if (done == total) {
                err.printf(Locale.ROOT, "sampled %d steps in %.1f s%n", total, (now - startedAt) / 1e9);
                err.flush();
            }
            return;
        }
        if (now - lastDraw < REDRAW_NANOS && done < total) {
            return;
        }
        lastDraw = now;
        double rate = rate(done, now);
        draw(String.format(
                Locale.ROOT,
                "sampling step %d/%d %s | %.0f steps/s | %s left",
                done,
                total,
                bar(done, total),
                rate,
                clock(rate > 0 ? (total - done) / rate : 0)));
        if (done == total) {
            finished();
        }
    }

    @Override
    public void onFitEnd(Fit fit, EpochRecord last) {
        finished();
    }

    @Override
    public void onException(Fit fit, Throwable error) {
        finished();
    }

    /** Ends a line drawn in place. */
    private void finished() {
        if (terminal && drawnWidth > 0) {
            err.println();
            err.flush();
            drawnWidth = 0;
        }
    }

    private double rate(long step, long now) {
        double seconds = (now - startedAt) / 1e9;
        return seconds > 0 ? (step - firstStep) / seconds : 0;
    }

    /** Seconds as m:ss, or h:mm:ss from an hour on. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
