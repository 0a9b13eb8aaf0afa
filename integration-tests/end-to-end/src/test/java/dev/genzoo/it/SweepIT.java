package dev.genzoo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genzoo sweep} on the local launcher, end to end: every trial a process in its own run
 * directory; a failing trial reported without stopping the others; a re-run skips what finished and
 * resumes a trial that was stopped, bit-exactly; then {@code compare} and {@code export}.
 */
final class SweepIT {
    /** Debian's Python, where python3-numpy installs; else whatever python3 the PATH finds. */
    private static final String PYTHON =
            Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    static final String SPEC = """
            base:
              options: {hidden: 16, latent: 2}
              training: {epochs: 2}
            grid:
              training.learning-rate: [0.001, 1.0e9]
            sweep: {workers: 2}
            """;

    static List<String> withoutSeconds(Path metrics) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            String[] cells = line.split(",", -1);
            cells[2] = "";
            rows.add(String.join(",", cells));
        }
        return rows;
    }

    @Test
    void aSweepRunsEachTrialReportsAFailureAndResumesAStoppedTrial(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("spec.yaml"), SPEC);
        Cli.Result first = Cli.run(dir, "sweep", "spec.yaml", "--run-dir", "sweep");
        Path sweep = dir.resolve("sweep");
        String good = "000-learning-rate=0.00100";
        String bad = "001-learning-rate=1.00e+09";
        assertThat(first.code()).as(first.err()).isEqualTo(1);
        assertThat(first.err())
                .contains("genzoo: " + good + " finished")
                .contains("genzoo: error: 1 of 2 trials failed: " + bad)
                .contains("run the sweep again");
        assertThat(Files.readString(sweep.resolve("logs/" + bad + ".log"))).contains("the loss became NaN");
        assertThat(sweep.resolve(good + "/checkpoint.zip")).isRegularFile();
        assertThat(Files.readString(sweep.resolve(good + "/config.yaml"))).contains("hidden: '16'");
        assertThat(first.out()).contains("| 1 | " + good + " |");
        List<String> finished = withoutSeconds(sweep.resolve(good + "/metrics.csv"));

        // the good trial as a preemption leaves it: stopped by SIGTERM soon after it started
        Path partial = dir.resolve("partial");
        Process stopped = Cli.command(
                        dir,
                        "train",
                        "--config",
                        sweep.resolve("configs/" + good + ".yaml").toString(),
                        "--run-dir",
                        partial.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("partial.log").toFile())
                .start();
        while (stopped.isAlive() && !Files.exists(partial.resolve("config.yaml"))) {
            Thread.sleep(10);
        }
        stopped.destroy();
        assertThat(stopped.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve("partial.log"))).contains("stopped by SIGTERM");
        replace(partial, sweep.resolve(good));

        Cli.Result again = Cli.run(dir, "sweep", "spec.yaml", "--run-dir", "sweep");
        assertThat(again.err()).contains("genzoo: " + good + " resumed").contains(bad + " started");
        assertThat(again.code()).isEqualTo(1);
        assertThat(withoutSeconds(sweep.resolve(good + "/metrics.csv"))).isEqualTo(finished);

        byte[] checkpoint = Files.readAllBytes(sweep.resolve(good + "/checkpoint.zip"));
        Cli.Result third = Cli.run(dir, "sweep", "spec.yaml", "--run-dir", "sweep");
        assertThat(third.err()).contains("genzoo: " + good + " finished before, skipped");
        assertThat(Files.readAllBytes(sweep.resolve(good + "/checkpoint.zip"))).isEqualTo(checkpoint);

        Cli.Result compare = Cli.run(dir, "compare", sweep.toString(), "-o", "board");
        assertThat(compare.code()).as(compare.err()).isZero();
        assertThat(dir.resolve("board/leaderboard.csv")).isRegularFile();
        assertThat(dir.resolve("board/curves.png")).isRegularFile();
    }

    @Test
    void aTrialThatCannotBeResolvedIsRefusedBeforeAnyTrialStarts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("spec.yaml"), """
                base:
                  training: {epochs: 1}
                grid:
                  data.source: [digits, /no/such/data]
                """);
        Cli.Result refused = Cli.run(dir, "sweep", "spec.yaml", "--run-dir", "sweep");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err())
                .startsWith("genzoo: error: trial 001-source=_no_such_data: unknown data source '/no/such/data'");
        assertThat(dir.resolve("sweep")).doesNotExist();
    }

    private static void replace(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(to)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void anExportReadsBackInNumpy(@TempDir Path dir) throws Exception {
        Cli.Result train =
                Cli.run(dir, "train", "--epochs", "1", "-P", "hidden=16", "--ema", "0.9", "--run-dir", "run");
        assertThat(train.code()).as(train.err()).isZero();
        Cli.Result npz = Cli.run(dir, "export", "run", "--format", "npz");
        assertThat(npz.code()).as(npz.err()).isZero();
        Cli.Result safetensors = Cli.run(dir, "export", "run", "-o", "model.safetensors");
        assertThat(safetensors.code()).as(safetensors.err()).isZero();
        assertThat(safetensors.out()).contains("model.safetensors: 8 tensors");
        boolean numpy = new ProcessBuilder(PYTHON, "-c", "import numpy").start().waitFor() == 0;
        assumeTrue(numpy, "python3 with numpy is not installed (.ci/run installs python3-numpy)");
        // an independent reader: NumPy for the npz, and the safetensors header and bytes parsed by hand in Python
        String script = """
                import json, struct, sys, numpy as np
                npz = np.load("run/parameters.npz")
                meta = json.loads(npz["metadata.json"])
                raw = open("model.safetensors", "rb").read()
                n = struct.unpack("<Q", raw[:8])[0]
                header = json.loads(raw[8:8 + n])
                data = raw[8 + n:]
                names = [k for k in header if k != "__metadata__"]
                assert sorted(names) == sorted(k for k in npz.files if k != "metadata.json"), (names, npz.files)
                for name in names:
                    t = header[name]
                    a, b = t["data_offsets"]
                    x = np.frombuffer(data[a:b], dtype="<f4").reshape(t["shape"])
                    assert t["dtype"] == "F32" and np.array_equal(x, npz[name]), name
                print(meta["genzoo.encoder"], header["__metadata__"]["genzoo.decoder"], meta["genzoo.weights"], len(names))
                """;
        Process python = new ProcessBuilder(PYTHON, "-c", script)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(python.getInputStream().readAllBytes());
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(out).isZero();
        assertThat(out.strip()).isEqualTo("mlp-gaussian mlp-bernoulli moving average (ema) 8");
    }
}
