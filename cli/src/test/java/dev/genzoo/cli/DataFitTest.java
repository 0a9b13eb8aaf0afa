package dev.genzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genzoo.api.Role;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.run.GenzooRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first commands with every bundled plugin: defaults that fit the data, refusals
 * instead of wrong numbers, a banner that says what the run is and comes only after every check.
 */
final class DataFitTest {

    private static String config(Path run) throws IOException {
        return Files.readString(run.resolve("config.yaml"));
    }

    @Test
    void pointsGetAGaussianDecoderANegativeBoundAndABannerWithTheSplits(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        Console.Run train = Console.run(
                "train", "--data", "moons", "--epochs", "1", "-P", "hidden=16", "--run-dir", run.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.err())
                .contains("decoder mlp-gaussian with objective elbo on moons for 1 epoch\n")
                .contains("genzoo: data: 10,000 train and 2,000 test examples of 2, real values\n");
        assertThat(config(run)).contains("decoder: mlp-gaussian").contains("binarize: none");
        String bound = train.out()
                .lines()
                .filter(l -> l.startsWith("test bound on log p(x): "))
                .findFirst()
                .orElseThrow();
        assertThat(bound).startsWith("test bound on log p(x): -");
    }

    @Test
    void aDiffusionOnPointsDrawsSamplesButNoDensityItsOneTimestepBoundIsTooNoisyFor(@TempDir Path dir) {
        Path run = dir.resolve("run");
        Console.Run train = Console.run(
                "train", "--encoder", "diffusion", "--data", "moons", "--epochs", "1", "--run-dir", run.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(run.resolve("samples.png")).isRegularFile();
        assertThat(run.resolve("loss.png")).isRegularFile();
        assertThat(run.resolve("density.png")).doesNotExist();
    }

    @Test
    void aFlowNeverTrainsABernoulliDecoderSoTheCombinationIsRefused(@TempDir Path dir) {
        Path run = dir.resolve("run");
        Console.Run train = Console.run(
                "train",
                "--encoder",
                "realnvp",
                "--decoder",
                "mlp-bernoulli",
                "--data",
                "moons",
                "--run-dir",
                run.toString());
        assertThat(train.code()).isEqualTo(1);
        assertThat(train.onlyError())
                .startsWith("genzoo: error: objective 'flow-nll' gives no gradient to decoder 'mlp-bernoulli'");
        assertThat(run).doesNotExist();
    }

    @Test
    void aPriorFittedOnlyAfterTrainingIsRefusedWithTheCommandThatFitsIt(@TempDir Path dir) {
        Console.Run train = Console.run(
                "train",
                "--encoder",
                "vq-conv",
                "--prior",
                "transformer-codes",
                "--run-dir",
                dir.resolve("run").toString());
        assertThat(train.code()).isEqualTo(1);
        assertThat(train.onlyError())
                .contains("gives no gradient to prior 'transformer-codes'")
                .endsWith("fit this one after training with genzoo train-prior");
    }

    @Test
    void aDiffusionSeesTheDigitsGreyLevelsAndTakesTheirSeventeenLevels(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        Console.Run train = Console.run(
                "train",
                "--encoder",
                "diffusion",
                "--epochs",
                "1",
                "-P",
                "timesteps=20",
                "-P",
                "hidden=16",
                "--run-dir",
                run.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(config(run)).contains("levels: '17'").contains("binarize: none");
        assertThat(train.err())
                .contains("genzoo: data: 1,437 train and 360 test examples of 1x8x8, 17 levels in [0, 1]\n");
    }

    @Test
    void levelsThatDisagreeWithTheDataAreRefused(@TempDir Path dir) {
        Console.Run train = Console.run(
                "train",
                "--encoder",
                "diffusion",
                "-P",
                "levels=256",
                "--run-dir",
                dir.resolve("run").toString());
        assertThat(train.code()).isEqualTo(1);
        assertThat(train.onlyError())
                .isEqualTo("genzoo: error: option 'levels' of encoder 'diffusion' is 256, but data 'digits' as the"
                        + " model sees it takes 17 levels; leave it out to take the data's, or set levels=17");
        Console.Run binarized = Console.run(
                "train",
                "--encoder",
                "diffusion",
                "--binarize",
                "static",
                "--epochs",
                "1",
                "-P",
                "timesteps=10",
                "-P",
                "hidden=8",
                "--run-dir",
                dir.resolve("binary").toString());
        assertThat(binarized.code()).as(binarized.err()).isZero();
    }

    @Test
    void aBernoulliDecoderOnGreyLevelsIsRefused(@TempDir Path dir) {
        Console.Run train = Console.run(
                "train", "--binarize", "none", "--run-dir", dir.resolve("run").toString());
        assertThat(train.code()).isEqualTo(1);
        assertThat(train.onlyError())
                .isEqualTo("genzoo: error: decoder 'mlp-bernoulli' is a Bernoulli likelihood, for data in {0, 1},"
                        + " but data 'digits' as the model sees it holds 17 levels in [0, 1]; binarize them"
                        + " (--binarize dynamic or static), or choose a decoder for grey levels or real values");
    }

    @Test
    void aVqVaeOnTheSmallDigitsHalvesThemOnceForAFourByFourGrid() {
        GenzooRuntime runtime = GenzooRuntime.create(PluginCatalog.fromClassPath());
        ConfigDraft draft = new ConfigDraft();
        draft.components.put(Role.ENCODER, "vq-conv");
        ExperimentConfig digits = runtime.resolve(draft);
        assertThat(digits.options(Role.ENCODER)).containsEntry("channels", "64");
        assertThat(digits.options(Role.DECODER)).containsEntry("channels", "64");
        draft.set(Settings.DATA, "moons");
        assertThat(runtime.resolve(draft).options(Role.ENCODER)).containsEntry("channels", "32,64");
    }
}
