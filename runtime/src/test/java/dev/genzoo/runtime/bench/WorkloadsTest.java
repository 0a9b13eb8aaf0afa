package dev.genzoo.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genzoo.plugins.flow.FlowPlugin;
import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.run.GenzooRuntime;
import org.junit.jupiter.api.Test;

final class WorkloadsTest {
    private final GenzooRuntime runtime = GenzooRuntime.create(PluginCatalog.of(new VaePlugin(), new FlowPlugin()));

    @Test
    void realNvp2dIsPeersModelAndRuns() {
        Benchmark.Result result = Benchmark.run(runtime, Workloads.get("realnvp-2d"), 2, 1, 1, null);
        // peer.py: 8 couplings of Linear(2, 64), Linear(64, 64), Linear(64, 4)
        assertThat(result.info()).containsEntry("params", 8L * (2 * 64 + 64 + 64 * 64 + 64 + 64 * 4 + 4));
        assertThat(result.json())
                .startsWith("{\"workload\": \"realnvp-2d\", \"impl\": \"genzoo\"")
                .contains("\"batch\": 1024, \"couplings\": 8");
        assertThat(result.msPerStep()).isPositive();
    }

    /** peer.py's iwae-eval: the iwae-k5 network, 64 images, K = 1000 in chunks of 250, what eval computes. */
    @Test
    void iwaeEvalScoresLikeEvalWithTheIwaeK5Network() {
        Workload workload = Workloads.get("iwae-eval");
        assertThat(workload.scoring()).isEqualTo(new Workload.Scoring(1000, 250));
        assertThat(workload.warmup()).isEqualTo(2);
        Benchmark.Result result = Benchmark.run(runtime, workload, 1, 0, 1, null);
        // Linear(784, 200), Linear(200, 200), Linear(200, 100) and Linear(50, 200), Linear(200, 200), Linear(200, 784)
        long encoder = 784 * 200 + 200 + 200 * 200 + 200 + 200 * 100 + 100;
        long decoder = 50 * 200 + 200 + 200 * 200 + 200 + 200 * 784 + 784;
        assertThat(result.info()).containsEntry("params", encoder + decoder);
        assertThat(result.json())
                .startsWith("{\"workload\": \"iwae-eval\", \"impl\": \"genzoo\"")
                .contains("\"images\": 64, \"k\": 1000, \"chunk\": 250, \"unit\": \"ms per 64 images\"");
    }
}
