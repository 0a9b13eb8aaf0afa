package dev.genzoo.runtime.train;

/**
 * A fit stopped on request (see {@link StopRequest}) after its checkpoint was saved at a step
 * boundary; {@code --resume} continues it exactly where it stopped.
 */
public final class TrainingStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int epoch;
    private final long step;

    /**
     * A stop.
     *
     * @param reason what asked for it, e.g. {@code SIGTERM}
     * @param epoch the epoch that was running, from 1
     * @param step optimizer steps taken
     */
    public TrainingStopped(String reason, int epoch, long step) {
        super("training stopped by " + reason + " in epoch " + epoch + " after step " + step);
        this.reason = reason;
        this.epoch = epoch;
        this.step = step;
    }

    /** @return what asked for the stop */
    public String reason() {
        return reason;
    }

    /** @return the epoch that was running, from 1 */
    public int epoch() {
        return epoch;
    }

    /** @return optimizer steps taken, all saved in the checkpoint */
    public long step() {
        return step;
    }
}
