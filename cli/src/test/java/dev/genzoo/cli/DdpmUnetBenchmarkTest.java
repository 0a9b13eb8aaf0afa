package dev.genzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genzoo.runtime.bench.Benchmark;
import dev.genzoo.runtime.bench.Workloads;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.run.GenzooRuntime;
import org.junit.jupiter.api.Test;

/** genzoo bench ddpm-unet builds peer.py's U-Net and times a training step of it. */
final class DdpmUnetBenchmarkTest {

    @Test
    void buildsPeersUnetAndTakesAStep() {
        GenzooRuntime runtime = GenzooRuntime.create(PluginCatalog.fromClassPath());
        Benchmark.Result result = Benchmark.run(runtime, Workloads.get("ddpm-unet"), 1, 0, 1, null);
        // sum(p.numel() for p in peer.Unet().parameters()), counted by PyTorch 1.13
        assertThat(result.info()).containsEntry("params", 1_934_019L);
        assertThat(result.json())
                .startsWith("{\"workload\": \"ddpm-unet\", \"impl\": \"genzoo\"")
                .contains("\"batch\": 32, \"image\": \"3x32x32\"");
        assertThat(result.msPerStep()).isPositive();
    }
}
