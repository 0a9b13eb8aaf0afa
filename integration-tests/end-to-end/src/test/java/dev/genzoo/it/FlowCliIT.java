package dev.genzoo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Normalizing flows from the packaged CLI: a density model on two moons, and what it refuses. */
final class FlowCliIT {

    @Test
    void aRealNvpOnMoonsWritesItsDensityAndSamples(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Cli.Result train = Cli.run(
                dir,
                "train",
                "--encoder",
                "realnvp",
                "--data",
                "moons",
                "--epochs",
                "1",
                "--batch-size",
                "1000",
                "--run-dir",
                run.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.err())
                .contains("encoder realnvp, prior standard-normal, decoder flow-inverse with objective flow-nll");
        assertThat(train.out()).contains("test bound on log p(x):").contains("bits per dimension");
        assertThat(Files.readAllLines(run.resolve("metrics.csv")).get(0)).endsWith("test_bound,test_bits_per_dim");
        for (String name : new String[] {"density.png", "samples.png"}) {
            BufferedImage image = ImageIO.read(run.resolve(name).toFile());
            assertThat(image).as(name).isNotNull();
        }

        Cli.Result sample = Cli.run(
                dir,
                "sample",
                run.toString(),
                "-n",
                "500",
                "-o",
                dir.resolve("s.png").toString());
        assertThat(sample.code()).as(sample.err()).isZero();
        assertThat(ImageIO.read(dir.resolve("s.png").toFile())).isNotNull();
    }

    @Test
    void pluginsListsTheFlows(@TempDir Path dir) throws Exception {
        Cli.Result plugins = Cli.run(dir, "plugins");
        assertThat(plugins.code()).isZero();
        assertThat(plugins.out())
                .contains("plugin flow (genzoo-plugin-flow-")
                .contains("realnvp")
                .contains("mlp-iaf")
                .contains("flow-inverse")
                .contains("flow-nll")
                .contains("scale-bound=1");
    }

    @Test
    void impossibleFlowCombinationsAreOneLine(@TempDir Path dir) throws Exception {
        Cli.Result inverse = Cli.run(dir, "train", "--decoder", "flow-inverse");
        assertThat(inverse.code()).isEqualTo(1);
        assertThat(inverse.err())
                .contains("genzoo: error: decoder 'flow-inverse': it runs a flow encoder (realnvp, maf) backwards")
                .doesNotContain("\tat ");
        Cli.Result nll = Cli.run(dir, "train", "--objective", "flow-nll");
        assertThat(nll.code()).isEqualTo(1);
        assertThat(nll.err()).contains("objective 'flow-nll' cannot train encoder 'mlp-gaussian'");
        Cli.Result dequantize =
                Cli.run(dir, "train", "--encoder", "realnvp", "--data", "moons", "--dequantize", "uniform");
        assertThat(dequantize.code()).isEqualTo(1);
        assertThat(dequantize.err()).contains("data 'moons' cannot be dequantized");
        assertThat(dir.resolve("runs")).doesNotExist();
    }
}
