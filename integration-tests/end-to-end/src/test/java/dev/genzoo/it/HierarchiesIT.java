package dev.genzoo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI ships the hvae plugin, annealed importance sampling and the posterior command:
 * train a two-layer hvae, which picks its prior and decoder, score it with AIS beside importance
 * sampling and read its diagnostics, then sample its posterior with HMC.
 */
final class HierarchiesIT {

    @Test
    void trainsAHierarchyEvaluatesItWithAisAndSamplesItsPosterior(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Cli.Result train = Cli.run(
                dir,
                "train",
                "--encoder",
                "hvae",
                "-P",
                "latents=4,2",
                "-P",
                "hidden=32",
                "-P",
                "layer-hidden=8",
                "--epochs",
                "1",
                "--run-dir",
                run.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.err()).contains("prior hvae, decoder hvae");
        assertThat(train.out()).contains("kl-z1").contains("kl-z2");

        Cli.Result eval = Cli.run(
                dir,
                "eval",
                run.toString(),
                "--k",
                "1,10",
                "--examples",
                "8",
                "--estimator",
                "ais",
                "--ais-steps",
                "20",
                "--chains",
                "3",
                "--leapfrog",
                "2");
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.out())
                .contains("annealed importance sampling from the prior, 20 steps, 3 chains")
                .contains("ais k=3")
                .contains("NLL (ais k=3):")
                .contains("active units: ")
                .contains("(z1 ")
                .contains("KL per layer (nats): z1 ")
                .contains("mutual information I(x; z): ")
                .contains("ELBO-IWAE gap: ");
        assertThat(Files.readString(run.resolve("eval.json"))).contains("\"diagnostics\"", "\"ais\"");

        Cli.Result posterior = Cli.run(
                dir,
                "posterior",
                run.toString(),
                "--example",
                "2",
                "--sampler",
                "hmc",
                "--steps",
                "40",
                "--warmup",
                "20",
                "--chains",
                "2",
                "--leapfrog",
                "3");
        assertThat(posterior.code()).as(posterior.err()).isZero();
        assertThat(posterior.out())
                .contains("test example 2, Hamiltonian Monte Carlo (3 leapfrog steps), 2 chains x 40 steps")
                .contains("R-hat")
                .contains("written: " + run.resolve("posterior-2-hmc.npy"));
        assertThat(run.resolve("posterior-2-hmc.npy")).isRegularFile();

        Cli.Result bad = Cli.run(dir, "posterior", run.toString(), "--sampler", "gibbs");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err())
                .startsWith("genzoo: error: --sampler is mh or hmc, not 'gibbs'")
                .doesNotContain("\tat ");
    }
}
