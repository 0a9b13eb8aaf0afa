package dev.genzoo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A diffusion through the packaged CLI: the encoder's companions fill in the rest, the samplers
 * run by name with their options, strips of intermediate x_t are drawn, and both benchmark
 * workloads print peer.py's JSON line.
 */
final class DiffusionEndToEndIT {

    @Test
    void trainsOnPointsThenSamplesWithEachSamplerAndDrawsAStrip(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("moons");
        Cli.Result train = Cli.run(
                dir,
                "train",
                "--encoder",
                "diffusion",
                "--data",
                "moons",
                "--epochs",
                "1",
                "--batch-size",
                "500",
                "-P",
                "timesteps=50",
                "-P",
                "hidden=32,32",
                "--run-dir",
                run.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.err())
                .contains(
                        "training encoder diffusion, prior standard-normal, decoder ddpm-mlp with objective ddpm-simple on moons");
        assertThat(train.out()).doesNotContain("bits-per-dim").contains("test bound on log p(x):");
        assertThat(Files.readAllLines(run.resolve("metrics.csv")).get(0))
                .contains("test_bits_per_dim", "test_bound")
                .doesNotContain("bits-per-dim");
        assertThat(run.resolve("samples.png")).isRegularFile();
        assertThat(run.resolve("reconstructions.png")).doesNotExist();

        Path strip = dir.resolve("strip.png");
        Cli.Result ddim = Cli.run(
                dir,
                "sample",
                run.toString(),
                "--sampler",
                "ddim",
                "--steps",
                "10",
                "-P",
                "eta=0.5",
                "-n",
                "200",
                "--strip",
                strip.toString(),
                "--frames",
                "5");
        assertThat(ddim.code()).as(ddim.err()).isZero();
        assertThat(ddim.out()).contains(run.resolve("samples-ddim-seed0.png").toString());
        assertThat(ddim.err()).contains("sampled 10 steps in");
        BufferedImage panels = ImageIO.read(strip.toFile());
        // five 240-pixel panels 18 apart, with tick values, a title and a caption (t = ...) under each
        assertThat(panels.getWidth()).isGreaterThan(5 * 240 + 4 * 18);
        assertThat(panels.getHeight()).isGreaterThan(240 + 2 * 9);

        Cli.Result ancestral = Cli.run(dir, "sample", run.toString(), "--sampler", "ancestral", "-n", "50");
        assertThat(ancestral.code()).as(ancestral.err()).isZero();
        assertThat(ancestral.err()).contains("sampled 50 steps in");

        Cli.Result wrong = Cli.run(dir, "sample", run.toString(), "--sampler", "ancestral", "-P", "eta=1");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).startsWith("genzoo: error: unknown option 'eta' for sampler 'ancestral'");
        Cli.Result vae = Cli.run(dir, "sample", run.toString(), "--sampler", "dim");
        assertThat(vae.err())
                .isEqualTo("genzoo: error: unknown sampler 'dim'; did you mean 'ddim'? (known: ancestral, ddim)\n");
    }

    @Test
    void trainsAUnetOnDigitsWithTheBoundAndDrawsImageStrips(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("digits");
        Cli.Result train = Cli.run(
                dir,
                "train",
                "--encoder",
                "diffusion",
                "--decoder",
                "ddpm-unet",
                "--objective",
                "ddpm-vlb",
                "--binarize",
                "none",
                "--epochs",
                "1",
                "-P",
                "timesteps=20",
                "-P",
                "channels=8,16",
                "-P",
                "levels=17",
                "--run-dir",
                run.toString());
        assertThat(train.code()).as(train.err()).isZero();
        List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
        assertThat(metrics.get(0)).contains("train_prior", "train_denoising", "train_decoder", "test_bits_per_dim");
        assertThat(ImageIO.read(run.resolve("samples.png").toFile())).isNotNull();

        Path strip = dir.resolve("strip.png");
        Cli.Result sample =
                Cli.run(dir, "sample", run.toString(), "-n", "4", "--strip", strip.toString(), "--frames", "3");
        assertThat(sample.code()).as(sample.err()).isZero();
        BufferedImage image = ImageIO.read(strip.toFile());
        // 4 examples (rows) by 3 frames of 8x8 digits at 8x, 4 * 64 + 5 * 2 tall, under a header line
        // and over a line of captions (t = ...), each 9 + 2 * 4 pixels
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(3 * 64 + 4 * 2);
        assertThat(image.getHeight()).isEqualTo(4 * 64 + 5 * 2 + 2 * 17);
    }

    @Test
    void pluginsListTheSamplersAndBothWorkloadsBenchmark(@TempDir Path dir) throws Exception {
        Cli.Result plugins = Cli.run(dir, "plugins");
        assertThat(plugins.out())
                .contains(
                        "samplers (genzoo sample --sampler NAME):",
                        "ddim",
                        "eta=0",
                        "diffusion",
                        "ddpm-unet",
                        "ddpm-vlb");

        Cli.Result train = Cli.run(dir, "bench", "ddpm-2d", "--json", "--steps", "3", "--warmup", "1");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out())
                .startsWith("{\"workload\": \"ddpm-2d\", \"impl\": \"genzoo\"")
                .contains("\"steps\": 3", "\"batch\": 1024", "\"T\": 1000");
        Cli.Result chain = Cli.run(dir, "bench", "ddpm-2d-sample", "--json", "--steps", "1", "--warmup", "0");
        assertThat(chain.code()).as(chain.err()).isZero();
        assertThat(chain.out())
                .startsWith("{\"workload\": \"ddpm-2d-sample\", \"impl\": \"genzoo\"")
                .contains("\"points\": 1000", "\"unit\": \"ms per full chain\"");
    }
}
