package dev.genzoo.runtime.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local launcher divides the machine's cores among its workers: each trial's process is told
 * cores / workers engine threads (at least one), on its command line and in OMP_NUM_THREADS, as a
 * shell that prints both shows.
 */
final class LocalLauncherTest {
    @TempDir
    Path dir;

    @Test
    void eachTrialGetsItsShareOfTheCores() throws IOException {
        assertThat(threadsSeen(2, 8, 3)).containsOnly("4 4");
        assertThat(threadsSeen(3, 8, 3)).containsOnly("2 2");
        assertThat(threadsSeen(4, 2, 2)).containsOnly("1 1");
    }

    /** Runs trials whose program prints OMP_NUM_THREADS and the threads it was given; returns each log. */
    private List<String> threadsSeen(int workers, int cores, int trials) throws IOException {
        TrialProgram program = (threads, arguments) -> List.of("sh", "-c", "echo \"$OMP_NUM_THREADS " + threads + "\"");
        LocalLauncher launcher = new LocalLauncher(workers, cores, program);
        List<TrialLaunch> launches = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            Path log = dir.resolve(workers + "-" + cores + "/trial-" + i + ".log");
            launches.add(new TrialLaunch(null, null, List.of("train"), log));
        }
        List<TrialOutcome> outcomes = launcher.run(launches, SweepListener.NONE);
        assertThat(outcomes).allMatch(TrialOutcome::succeeded);
        List<String> seen = new ArrayList<>();
        for (TrialLaunch launch : launches) {
            seen.add(Files.readString(launch.log()).strip());
        }
        return seen;
    }
}
