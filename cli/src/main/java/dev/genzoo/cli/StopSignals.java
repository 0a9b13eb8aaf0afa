package dev.genzoo.cli;

import dev.genzoo.runtime.train.StopRequest;
import dev.genzoo.runtime.train.TrainingStopped;
import java.io.PrintWriter;
import java.nio.file.Path;
import sun.misc.Signal;

/**
 * SIGTERM (a scheduler preempting the job: Slurm, Kubernetes) and SIGINT (Ctrl-C) during training:
 * the first asks the fit to stop at the next step, where it saves a checkpoint; a second Ctrl-C ends
 * the process at once, while a second SIGTERM is ignored (a scheduler may send it to every process
 * of a job, and a batch script may pass it on as well). The exit codes are the shell's for death by the signal,
 * 128 + its number: 130 for SIGINT, 143 for SIGTERM.
 */
final class StopSignals {
    /** Exit code after SIGINT. */
    static final int INTERRUPTED = 130;
    /** Exit code after SIGTERM. */
    static final int TERMINATED = 143;

    private StopSignals() {}

    /** Sends both signals to the request, for the life of the process. */
    static void install(StopRequest stop) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (!stop.request("SIG" + name) && name.equals("INT")) {
                        Runtime.getRuntime().halt(INTERRUPTED);
                    }
                });
            } catch (IllegalArgumentException ignoredByTheParent) {
                // a signal the parent ignores (SIGINT of a background job) stays ignored
            }
        }
    }

    /** The exit code of a stop by a signal. */
    static int exitCode(String reason) {
        return "SIGINT".equals(reason) ? INTERRUPTED : TERMINATED;
    }

    /**
     * Says in one line where the fit stopped and how to continue it, and gives the exit code.
     *
     * @param stop the stop
     * @param err where the line goes
     * @param resume the command that continues it, e.g. {@code genzoo train --resume DIR}
     * @return 130 or 143
     */
    static int report(TrainingStopped stop, PrintWriter err, String resume) {
        String what = "SIGINT".equals(stop.reason()) ? "interrupted" : "stopped by " + stop.reason();
        err.printf(
                "genzoo: %s at epoch %d (step %d, checkpoint saved); continue with %s%n",
                what, stop.epoch(), stop.step(), resume);
        err.flush();
        return exitCode(stop.reason());
    }

    /** The resume command of a run directory, quoted if it has spaces. */
    static String quoted(Path dir) {
        String text = dir.toString();
        return text.contains(" ") ? "'" + text + "'" : text;
    }
}
