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
}
