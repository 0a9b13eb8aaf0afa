package dev.genzoo.runtime.run;

import dev.genzoo.runtime.data.DecodingProgress;
import java.io.PrintStream;

/** Decoding progress as lines on a stream: what is decoded, every tenth of it, and the summary. */
final class PrintedProgress implements DecodingProgress {
    /**
     * Progress on standard error, where it does not mix with a command's output: the stream that is
     * System.err when each line is printed, so that a redirection made after start-up is followed.
     */
    static final PrintedProgress ERR = new PrintedProgress(null);

    private final PrintStream stream;
    private long total;
    private long shownTenths;

    PrintedProgress(PrintStream out) {
        this.stream = out;
    }

    private PrintStream out() {
        return stream != null ? stream : System.err;
    }

    @Override
    public void started(String what, long total) {
        this.total = total;
        this.shownTenths = 0;
        out().println(what);
    }

    @Override
    public void advanced(long done) {
        long tenths = total > 0 ? done * 10 / total : 0;
        if (tenths > shownTenths && tenths < 10) {
            shownTenths = tenths;
            out().println("  " + (tenths * 10) + "% (" + done + " of " + total + ")");
        }
    }

    @Override
    public void finished(String summary) {
        out().println(summary);
    }
}
