package dev.genzoo.cli;

import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.bench.Benchmark;
import dev.genzoo.runtime.bench.Workloads;
import dev.genzoo.runtime.run.GenzooRuntime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code genzoo bench}: times a reference workload of shared/bench, built through genzoo's plugins. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Times one reference workload of shared/bench/peer.py, built with genzoo's plugins and training step.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WORKLOAD", description = "vae-mlp, ddpm-2d, ddpm-2d-sample, ddpm-unet, ...")
    String workload;

    @Option(names = "--json", description = "Print one JSON line, as peer.py does.")
    boolean json;

    @Option(
            names = "--mnist",
            paramLabel = "DIR",
            description = "A folder with MNIST's train-images-idx3-ubyte[.gz]; default: a fixed random batch.")
    Path mnist;

    @Option(
            names = "--steps",
            paramLabel = "N",
            defaultValue = "0",
            description = "Timed steps (default: about 3 s worth).")
    long steps;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            description = "Untimed steps first (default as peer.py: 20 training steps, or 2 sampling chains).")
    Integer warmup;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Intra-op threads (default: BENCH_THREADS, else 2, as peer.py).")
    Integer threads;

    @Override
    public Integer call() {
        int n = threads != null ? threads : threadsFromEnvironment();
        if (n < 1) {
            throw new GenzooException("--threads must be at least 1, got " + n);
        }
        // The engine reads its thread counts once, when it starts: set them before anything touches it.
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(n));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        var chosen = Workloads.get(workload);
        GenzooRuntime runtime = Runtimes.start(spec);
        Benchmark.Result result =
                Benchmark.run(runtime, chosen, steps, warmup != null ? warmup : chosen.warmup(), n, mnist);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(result.json());
        } else {
            out.printf(
                    Locale.ROOT,
                    "%s: %.3f ms per step over %d steps (%d threads)%n",
                    result.workload(),
                    result.msPerStep(),
                    result.steps(),
                    result.threads());
        }
        out.flush();
        return 0;
    }

    private static int threadsFromEnvironment() {
        String value = System.getenv("BENCH_THREADS");
        try {
            return value == null ? 2 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new GenzooException("BENCH_THREADS must be an integer, got '" + value + "'");
        }
    }
}
