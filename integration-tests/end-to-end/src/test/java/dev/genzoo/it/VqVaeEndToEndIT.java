package dev.genzoo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VQ-VAE as a user runs it from the packaged CLI: train on the bundled digits, fit a learned
 * prior to the run's codes with train-prior, and sample new images from it; and the sentences
 * for a missing prior name and for a prior over vectors.
 */
final class VqVaeEndToEndIT {

    @Test
    void trainsThenFitsAPriorThenSamplesFromIt(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Cli.Result train = Cli.run(
                dir,
                "train",
                "--encoder",
                "vq-conv",
                "-P",
                "channels=16",
                "-P",
                "codes=16",
                "-P",
                "code-dim=8",
                "--epochs",
                "1",
                "--run-dir",
                run.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.err()).contains("prior uniform-codes, decoder conv-bernoulli with objective vq");
        assertThat(Files.readAllLines(run.resolve("metrics.csv")).get(0))
                .contains("train_perplexity", "train_codes-used", "test_perplexity", "test_kl", "test_bound");

        Cli.Result prior = Cli.run(
                dir,
                "train-prior",
                run.toString(),
                "--prior",
                "transformer-codes",
                "-P",
                "width=16",
                "-P",
                "layers=1",
                "--epochs",
                "1");
        assertThat(prior.code()).as(prior.err()).isZero();
        assertThat(prior.out())
                .contains("prior: transformer-codes in " + run.resolve("prior.zip"))
                .contains("negative log-likelihood of the codes: train")
                .contains("test bound on log p(x) with this prior:");
        assertThat(run.resolve("prior.zip")).isRegularFile();
        assertThat(run.resolve("checkpoint.zip")).isRegularFile();

        Path picture = dir.resolve("new.png");
        Cli.Result sample = Cli.run(dir, "sample", run.toString(), "-n", "9", "-o", picture.toString());
        assertThat(sample.code()).as(sample.err()).isZero();
        assertThat(sample.err()).contains("drawing from the learned prior in " + run.resolve("prior.zip"));
        BufferedImage image = ImageIO.read(picture.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(16);
    }

    @Test
    void aMissingPriorAndAPriorOverVectorsAreOneSentenceEach(@TempDir Path dir) throws Exception {
        Cli.Result noPrior = Cli.run(dir, "train-prior", dir.toString());
        assertThat(noPrior.code()).isEqualTo(1);
        assertThat(noPrior.err().strip())
                .isEqualTo("genzoo: error: name the prior to fit with --prior NAME (genzoo plugins lists the priors)");

        Cli.Result vectors = Cli.run(
                dir,
                "train",
                "--encoder",
                "vq-conv",
                "--prior",
                "standard-normal",
                "--epochs",
                "1",
                "--run-dir",
                dir.resolve("run").toString());
        assertThat(vectors.code()).isEqualTo(1);
        String[] lines = vectors.err().strip().split("\n");
        assertThat(lines[lines.length - 1])
                .startsWith(
                        "genzoo: error: objective 'vq' cannot train this model: its prior must be a distribution over codes");
        assertThat(vectors.err()).doesNotContain("Exception");
        assertThat(dir.resolve("run")).doesNotExist();
    }
}
