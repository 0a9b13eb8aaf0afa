package dev.genzoo.runtime.sweep;

import java.util.List;

/** Runs a sweep's trials somewhere, each a separate {@code genzoo train} process, and waits for them. */
public interface Launcher {

    /**
     * Runs the trials and waits until each has ended; one that fails does not stop the others.
     *
     * @param launches the trials to run
     * @param listener hears each start and end
     * @return how each ended, in the order given
     */
    List<TrialOutcome> run(List<TrialLaunch> launches, SweepListener listener);
}
