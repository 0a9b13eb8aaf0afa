package dev.genzoo.runtime.train;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A request to stop training at the next step boundary, made from another thread (a signal
 * handler: SIGTERM from a scheduler that preempts the job, SIGINT from Ctrl-C). The fit that sees
 * it saves a checkpoint of where it stands and stops with {@link TrainingStopped}. Thread-safe.
 */
public final class StopRequest {
    private final AtomicReference<String> reason = new AtomicReference<>();

    /**
     * Asks the running fit to stop; the first reason given is kept.
     *
     * @param why what asked, e.g. {@code SIGTERM}
     * @return true if this was the first request
     */
    public boolean request(String why) {
        return reason.compareAndSet(null, why);
    }

    /** @return what asked the fit to stop, or null if nothing has */
    public String reason() {
        return reason.get();
    }

    /** Forgets a request (for a program that trains again after a stop). */
    public void clear() {
        reason.set(null);
    }
}
