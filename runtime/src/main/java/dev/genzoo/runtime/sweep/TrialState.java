package dev.genzoo.runtime.sweep;

import dev.genzoo.runtime.checkpoint.Checkpoint;
import dev.genzoo.runtime.checkpoint.SavedState;
import dev.genzoo.runtime.config.ConfigFile;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.run.RunLock;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a trial's run directory stands when a sweep is (re-)run. */
public enum TrialState {
    /** No checkpoint yet: trained from the start (a folder a killed start left is cleared first). */
    NEW,
    /** A checkpoint short of the trial's epochs: resumed from it. */
    STOPPED,
    /** A checkpoint at the trial's last epoch: skipped. */
    FINISHED,
    /** Another process holds the run's lock: left alone. */
    RUNNING;

    /**
     * The state of a trial's run directory.
     *
     * @param run the trial's run directory
     * @return its state
     */
    public static TrialState of(Path run) {
        if (!Files.isDirectory(run)) {
            return NEW;
        }
        if (RunLock.heldBy(run) != null) {
            return RUNNING;
        }
        Path checkpoint = run.resolve(Checkpoint.FILE);
        if (!Files.isRegularFile(checkpoint)) {
            return NEW;
        }
        SavedState saved = Checkpoint.read(checkpoint);
        Integer epochs = ConfigFile.parse(saved.configYaml(), checkpoint + "!config.yaml")
                .get(Settings.EPOCHS);
        int total = epochs == null ? Settings.EPOCHS.defaultValue() : epochs;
        return saved.epoch() >= total && saved.batches() == 0 ? FINISHED : STOPPED;
    }
}
