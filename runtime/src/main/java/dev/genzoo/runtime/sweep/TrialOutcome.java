package dev.genzoo.runtime.sweep;

/**
 * How a launched trial ended.
 *
 * @param launch what was launched
 * @param exitCode the process's exit code (0: finished), or -1 if it left none
 * @param seconds wall-clock seconds, as the launcher saw them
 */
public record TrialOutcome(TrialLaunch launch, int exitCode, double seconds) {

    /** @return whether the trial finished */
    public boolean succeeded() {
        return exitCode == 0;
    }
}
