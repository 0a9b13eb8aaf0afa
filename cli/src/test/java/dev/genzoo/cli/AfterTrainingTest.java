package dev.genzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user does with a trained run: sample (never over an earlier picture), evaluate (with the
 * learned prior that sample draws from, and saying so), resume; every path and value checked
 * before any work.
 */
final class AfterTrainingTest {
    @TempDir
    static Path dir;

    private static Path vq;
    private static double learnedBound;

    /** A trained VQ-VAE (the legacy fixture: 8 codes on a 4x4 grid) and a learned prior fitted to it here. */
    @BeforeAll
    static void fitALearnedPriorToATrainedVqVae() {
        vq = LegacyRuns.copy("vqvae", dir.resolve("vq"), List.of("checkpoint.zip"));
        Console.Run prior = Console.run(
                "train-prior", vq.toString(), "--prior", "transformer-codes", "--epochs", "1", "-P", "layers=1");
        assertThat(prior.code()).as(prior.err()).isZero();
        Matcher bound = Pattern.compile("test bound on log p\\(x\\) with this prior: (-?[0-9.]+) nats")
                .matcher(prior.out());
        assertThat(bound.find()).as(prior.out()).isTrue();
        learnedBound = Double.parseDouble(bound.group(1));
    }

    private static double nll(String out) {
        Matcher nll = Pattern.compile("NLL \\(bound\\): ([0-9.]+) nats").matcher(out);
        assertThat(nll.find()).as(out).isTrue();
        return Double.parseDouble(nll.group(1));
    }

    @Test
    void evalScoresTheLearnedPriorThatSampleDrawsFromAndSaysSo() {
        Console.Run eval = Console.run(
                "eval", vq.toString(), "-o", dir.resolve("learned.json").toString());
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("prior: transformer-codes, learned by genzoo train-prior (prior.zip)\n");
        assertThat(-nll(eval.out())).isCloseTo(learnedBound, within(2e-3));
        Console.Run training = Console.run(
                "eval",
                vq.toString(),
                "--training-prior",
                "-o",
                dir.resolve("uniform.json").toString());
        assertThat(training.out()).contains("prior: uniform-codes, the one trained with the model (checkpoint.zip)");
        assertThat(nll(training.out())).isNotCloseTo(nll(eval.out()), within(1e-3));
    }

    @Test
    void importanceSamplesForAModelScoredWithoutThemAreRefused() {
        Console.Run eval = Console.run("eval", vq.toString(), "--k", "1,10");
        assertThat(eval.code()).isEqualTo(1);
        assertThat(eval.onlyError())
                .isEqualTo("genzoo: error: --k sets the samples of importance sampling, which needs an encoder that"
                        + " outputs a density q(z|x); this model's encoder outputs a point mass (a deterministic"
                        + " code), so eval reports the bound of objective 'vq' without samples; leave --k out");
    }

    @Test
    void zeroExamplesAndMissingFoldersAreRefusedBeforeAnyWork() {
        Console.Run zero = Console.run("eval", vq.toString(), "--examples", "0");
        assertThat(zero.code()).isEqualTo(1);
        assertThat(zero.onlyError())
                .isEqualTo("genzoo: error: --examples must be at least 1, got 0; leave it out to score every test"
                        + " example");
        Path nowhere = dir.resolve("nodir").resolve("x.png");
        Console.Run sample = Console.run("sample", vq.toString(), "-o", nowhere.toString());
        assertThat(sample.code()).isEqualTo(1);
        assertThat(sample.onlyError()).startsWith("genzoo: error: cannot write " + nowhere + ": its folder ");
        Console.Run json = Console.run("eval", vq.toString(), "-o", nowhere.toString());
        assertThat(json.onlyError()).startsWith("genzoo: error: cannot write " + nowhere);
        Console.Run reconstruct = Console.run("reconstruct", vq.toString(), "-o", nowhere.toString());
        assertThat(reconstruct.code()).isEqualTo(1);
        assertThat(reconstruct.onlyError()).startsWith("genzoo: error: cannot write " + nowhere + ": its folder ");
        assertThat(dir.resolve("nodir")).doesNotExist();
    }

    @Test
    void samplesNeverReplaceAnEarlierPicture() throws IOException {
        Console.Run hundred = Console.run("sample", vq.toString(), "-n", "100", "--seed", "3");
        assertThat(hundred.code()).as(hundred.err()).isZero();
        Path first = vq.resolve("samples-seed3.png");
        assertThat(hundred.out().strip()).isEqualTo(first.toString());
        byte[] before = Files.readAllBytes(first);
        Console.Run four = Console.run("sample", vq.toString(), "-n", "4", "--seed", "3");
        assertThat(four.out().strip())
                .isEqualTo(vq.resolve("samples-seed3-2.png").toString());
        Console.Run training = Console.run("sample", vq.toString(), "--training-prior", "--seed", "3");
        assertThat(training.out().strip())
                .isEqualTo(vq.resolve("samples-training-prior-seed3.png").toString());
        assertThat(Files.readAllBytes(first)).isEqualTo(before);
        Console.Run pairs = Console.run("reconstruct", vq.toString(), "-n", "8");
        Console.Run again = Console.run("reconstruct", vq.toString(), "-n", "8");
        assertThat(pairs.out().strip())
                .isEqualTo(vq.resolve("reconstructions-n8.png").toString());
        assertThat(again.out().strip())
                .isEqualTo(vq.resolve("reconstructions-n8-2.png").toString());
    }

    @Test
    void aRunStoppedBeforeItsFirstCheckpointStartsAfreshOnResume() throws IOException {
        Path stopped = dir.resolve("stopped");
        Files.createDirectories(stopped);
        Files.writeString(
                stopped.resolve("config.yaml"),
                "encoder: mlp-gaussian\noptions: {encoder: {hidden: '8'}, decoder: {hidden: '8'}}\n"
                        + "training: {epochs: 3}\n");
        Files.writeString(stopped.resolve(".metrics.csv.1234.tmp"), "half a file");
        Console.Run resume = Console.run("train", "--resume", stopped.toString(), "--epochs", "1");
        assertThat(resume.code()).as(resume.err()).isZero();
        assertThat(resume.err())
                .startsWith("genzoo: " + stopped
                        + " stopped before its first checkpoint, so it starts afresh from its config.yaml, for 1"
                        + " epoch\n");
        assertThat(stopped.resolve("checkpoint.zip")).isRegularFile();
        assertThat(stopped.resolve(".metrics.csv.1234.tmp")).doesNotExist();
        assertThat(Files.readString(stopped.resolve("config.yaml"))).contains("epochs: 1");
    }
}
