package dev.genzoo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged CLI ships the iwae plugin and the eval command: train with iwae, then score the run. */
final class EvalIT {

    @Test
    void trainsWithIwaeThenEvaluatesTheRun(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Cli.Result train = Cli.run(
                dir,
                "train",
                "--objective",
                "iwae",
                "-P",
                "k=3",
                "-P",
                "hidden=32",
                "--epochs",
                "1",
                "--run-dir",
                run.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("ess");

        Cli.Result eval = Cli.run(dir, "eval", run.toString(), "--k", "1,4,16", "--examples", "30", "--batch", "7");
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.out())
                .contains("test examples: 30 (seed 0), importance sampling, K up to 16")
                .contains("elbo")
                .contains("iwae k=16")
                .contains("NLL (iwae k=16):")
                .contains("bits/dim")
                .contains("written: " + run.resolve("eval.json"));
        assertThat(eval.err()).contains("evaluated 100%");
        assertThat(Files.readString(run.resolve("eval.json"))).contains("\"nll_bits_per_dim\"");

        Cli.Result bad = Cli.run(dir, "eval", run.toString(), "--k", "10,5");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err())
                .startsWith("genzoo: error: --k values must increase, got [10, 5]")
                .doesNotContain("\tat ");
        assertThat(run.resolve("eval-2.json")).doesNotExist();
    }

    @Test
    void pluginsListsTheIwaeFamily(@TempDir Path dir) throws Exception {
        Cli.Result plugins = Cli.run(dir, "plugins");
        assertThat(plugins.code()).isZero();
        assertThat(plugins.out())
                .contains("plugin iwae (genzoo-plugin-iwae-")
                .contains("mlp-mixture")
                .contains("vamp")
                .contains("mixture-of-gaussians")
                .contains("two-layer-gaussian")
                .contains("first-layer-bernoulli")
                .contains("iwae");
    }
}
