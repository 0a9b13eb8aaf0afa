package dev.genzoo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged CLI as a user runs it: train one epoch, then sample and reconstruct. */
final class CliEndToEndIT {

    private static void assertPicture(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("%s decodes as an image", file).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(16);
        assertThat(image.getHeight()).isGreaterThan(16);
    }

    @Test
    void trainsOneEpochThenSamplesAndReconstructs(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Cli.Result train = Cli.run(dir, "train", "--epochs", "1", "--run-dir", run.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("run directory: " + run).contains("test bound on log p(x):");
        for (String name : List.of("config.yaml", "metrics.csv", "checkpoint.zip")) {
            assertThat(run.resolve(name)).isRegularFile();
        }
        for (String name : List.of("samples.png", "reconstructions.png", "loss.png")) {
            assertPicture(run.resolve(name));
        }
        assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(2);

        Cli.Result sample = Cli.run(
                dir,
                "sample",
                run.toString(),
                "-n",
                "16",
                "-o",
                dir.resolve("s.png").toString());
        assertThat(sample.code()).as(sample.err()).isZero();
        assertPicture(dir.resolve("s.png"));

        Cli.Result reconstruct = Cli.run(dir, "reconstruct", run.toString(), "-n", "8");
        assertThat(reconstruct.code()).as(reconstruct.err()).isZero();
        assertPicture(run.resolve("reconstructions-n8.png"));
    }

    @Test
    void aConfigFileIsOverriddenByOptions(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("c.yaml");
        Files.writeString(config, "options:\n  latent: 4\ntraining:\n  epochs: 5\n  seed: 11\n");
        Path run = dir.resolve("run");
        Cli.Result train =
                Cli.run(dir, "train", "--config", config.toString(), "--epochs", "1", "--run-dir", run.toString());
        assertThat(train.code()).as(train.err()).isZero();
        String written = Files.readString(run.resolve("config.yaml"));
        assertThat(written).contains("latent: '4'").contains("epochs: 1").contains("seed: 11");
    }

    @Test
    void helpVersionAndPluginsWork(@TempDir Path dir) throws Exception {
        Cli.Result help = Cli.run(dir, "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("train").contains("sample").contains("plugins");
        Cli.Result version = Cli.run(dir, "--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("genzoo 0.1.0");
        Cli.Result plugins = Cli.run(dir, "plugins");
        assertThat(plugins.code()).isZero();
        assertThat(plugins.out())
                .contains("mlp-gaussian")
                .contains("plugin vae (genzoo-plugin-vae-")
                .contains("latent=20")
                .contains("elbo");
    }
}
