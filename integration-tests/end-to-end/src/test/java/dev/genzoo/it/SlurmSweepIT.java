package dev.genzoo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slurm launcher against a real one-node Slurm (Debian's slurm-wlm and munge; slurmctld and
 * slurmd started by integration-tests/slurm/start-slurm.sh as root): a small sweep runs as a job
 * array, one task is requeued while it trains (Slurm sends it SIGTERM; genzoo checkpoints and the
 * requeued task resumes), and every trial ends with the numbers the local launcher gives. Where Slurm
 * cannot be started (not installed, not root) the test is skipped, saying why; with
 * GENZOO_REQUIRE_SLURM=1 (as .ci/run sets) it fails instead.
 */
final class SlurmSweepIT {
    private static final String SPEC = """
            base:
              options: {hidden: 16, latent: 2}
              training: {epochs: 40, checkpoint-steps: 10}
            grid:
              training.seed: [0, 1]
            sweep: {launcher: slurm, workers: 2}
            slurm:
              time: "0:10:00"
              mem: 1G
              cpus-per-task: 1
              extra: ["#SBATCH --nice=0"]
            """;

    @BeforeAll
    static void slurm() throws Exception {
        String why = start();
        if ("1".equals(System.getenv("GENZOO_REQUIRE_SLURM"))) {
            assertThat(why)
                    .as("GENZOO_REQUIRE_SLURM=1, but Slurm did not start")
                    .isNull();
        }
        assumeTrue(why == null, "no Slurm here (" + why + "); .ci/run installs and starts one");
    }

    /** Starts the one-node Slurm; null when it answers, else why not. */
    private static String start() throws Exception {
        Path script = Path.of(System.getProperty("genzoo.slurm.start", "../slurm/start-slurm.sh"));
        Process process;
        try {
            process = new ProcessBuilder("bash", script.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (java.io.IOException e) {
            return "bash could not run " + script;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "Slurm did not start within two minutes";
        }
        return process.exitValue() == 0 ? null : out;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static long checkpointStep(Path run) {
        try (ZipFile zip = new ZipFile(run.resolve("checkpoint.zip").toFile())) {
            String state =
                    new String(zip.getInputStream(zip.getEntry("state.json")).readAllBytes());
            return Long.parseLong(state.replaceAll(".*\"step\":(\\d+).*", "$1"));
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void aRequeuedTaskResumesAndEveryTrialMatchesTheLocalLauncher(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("spec.yaml"), SPEC);
        Process sweep = Cli.command(dir, "sweep", "spec.yaml", "--run-dir", "slurm")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sweep.log").toFile())
                .start();
        Path first = dir.resolve("slurm/000-seed=0");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        String task = null;
        while (System.nanoTime() < deadline && sweep.isAlive() && task == null) {
            if (checkpointStep(first) >= 10) {
                for (String line :
                        run("squeue", "-h", "-n", "genzoo-sweep", "-o", "%i %t").split("\n")) {
                    if (line.matches("\\d+_0 R")) {
                        task = line.split(" ")[0];
                    }
                }
            }
            Thread.sleep(50);
        }
        assertThat(task)
                .as("task 0 running with a checkpoint: " + Files.readString(dir.resolve("sweep.log")))
                .isNotNull();
        long stepAtRequeue = checkpointStep(first);
        String requeue = run("scontrol", "requeue", task);
        assertThat(requeue).as("scontrol requeue").isBlank();
        // a requeued job waits two minutes before it may start again; the test does not
        for (int i = 0;
                i < 100 && !run("squeue", "-h", "-j", task, "-o", "%t").strip().equals("R");
                i++) {
            run("scontrol", "update", "jobid=" + task, "StartTime=now");
            Thread.sleep(200);
        }
        assertThat(sweep.waitFor(4, TimeUnit.MINUTES)).as("the sweep ends").isTrue();
        String log = Files.readString(dir.resolve("sweep.log"));
        assertThat(sweep.exitValue()).as(log).isZero();
        String trialLog = Files.readString(dir.resolve("slurm/logs/000-seed=0.log"));
        assertThat(trialLog).contains("stopped by SIGTERM").contains("genzoo: resuming");
        assertThat(checkpointStep(first)).isGreaterThan(stepAtRequeue);
        assertThat(Files.readString(dir.resolve("slurm/slurm/array.sh")))
                .contains("#SBATCH --array=0-1%2", "#SBATCH --requeue", "#SBATCH --mem=1G", "#SBATCH --nice=0");

        Cli.Result local = Cli.run(dir, "sweep", "spec.yaml", "--run-dir", "local", "--launcher", "local");
        assertThat(local.code()).as(local.err()).isZero();
        for (String trial : List.of("000-seed=0", "001-seed=1")) {
            assertThat(SweepIT.withoutSeconds(dir.resolve("slurm/" + trial + "/metrics.csv")))
                    .as(trial)
                    .isEqualTo(SweepIT.withoutSeconds(dir.resolve("local/" + trial + "/metrics.csv")));
        }
    }
}
