package dev.genzoo.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.data.DataSources;
import dev.genzoo.runtime.data.DataSplit;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.train.Evaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fitting a learned prior to a trained run's codes: a diagonal Gaussian fitted to the codes of
 * the identity encoder on two moons reaches the test negative log-likelihood of the closed-form
 * maximum-likelihood Gaussian of the training split; the run's checkpoint is left untouched; a
 * resumed fit takes exactly the steps of an uninterrupted one; samples come from the learned
 * prior; a density encoder's posterior draws can be fitted too; and what cannot be fitted is
 * refused with a sentence before anything is written.
 */
final class PriorStageTest {
    private final GenzooRuntime runtime =
            GenzooRuntime.create(PluginCatalog.of(LearnedPriorFakes.plugin(), new VaePlugin()));

    private Path trainedRun(Path dir) {
        ConfigDraft draft = new ConfigDraft();
        draft.components.put(Role.ENCODER, "identity-code");
        draft.components.put(Role.PRIOR, "fixed-normal");
        draft.components.put(Role.DECODER, "offset");
        draft.components.put(Role.OBJECTIVE, "squared-error");
        draft.set(Settings.DATA, "moons");
        draft.set(Settings.EPOCHS, 1);
        draft.set(Settings.BATCH_SIZE, 1000);
        draft.set(Settings.LEARNING_RATE, 0.01);
        Path run = dir.resolve("run");
        runtime.train(runtime.resolve(draft), run);
        return run;
    }

    private static ConfigDraft fit(String prior, int epochs) {
        ConfigDraft request = new ConfigDraft();
        request.components.put(Role.PRIOR, prior);
        request.set(Settings.EPOCHS, epochs);
        request.set(Settings.BATCH_SIZE, 500);
        request.set(Settings.LEARNING_RATE, 0.05);
        return request;
    }

    /** The test split's mean negative log-density under the Gaussian fitted to the training split in closed form. */
    private static double closedFormTestNll() {
        DataSplit moons = DataSources.load("moons");
        float[] train = moons.train().values();
        double[] mean = new double[2];
        double[] variance = new double[2];
        int n = train.length / 2;
        for (int i = 0; i < train.length; i++) {
            mean[i % 2] += train[i] / (double) n;
        }
        for (int i = 0; i < train.length; i++) {
            double d = train[i] - mean[i % 2];
            variance[i % 2] += d * d / n;
        }
        float[] test = moons.test().values();
        double nll = 0;
        for (int i = 0; i < test.length; i++) {
            double d = test[i] - mean[i % 2];
            nll += 0.5 * (d * d / variance[i % 2] + Math.log(2 * Math.PI * variance[i % 2]));
        }
        return nll / (test.length / 2);
    }

    @Test
    void aGaussianFittedToTheCodesReachesTheClosedFormMaximumLikelihood(@TempDir Path dir) throws IOException {
        Path run = trainedRun(dir);
        byte[] checkpoint = Files.readAllBytes(run.resolve("checkpoint.zip"));
        PriorOutcome outcome = runtime.trainPrior(run, fit("learned-normal", 20));

        double expected = closedFormTestNll();
        assertThat(outcome.fit().last().test().get("loss")).isCloseTo(expected, within(0.01));
        assertThat(outcome.fit().parameters()).isEqualTo(4);
        assertThat(outcome.model()).containsKey("loss");
        assertThat(Files.readAllBytes(run.resolve("checkpoint.zip"))).isEqualTo(checkpoint);
        for (String name : List.of("prior.zip", "prior-metrics.csv", "prior-samples.png", "prior-loss.png")) {
            assertThat(run.resolve(name)).isRegularFile();
        }
        assertThat(Files.readAllLines(run.resolve("prior-metrics.csv")).get(0))
                .isEqualTo("epoch,step,seconds,train_loss,test_loss");
    }

    @Test
    void aResumedFitTakesExactlyTheStepsOfAnUninterruptedOne(@TempDir Path dir) throws IOException {
        Path whole = trainedRun(dir.resolve("a"));
        Path split = trainedRun(dir.resolve("b"));
        runtime.trainPrior(whole, fit("learned-normal", 4));
        runtime.trainPrior(split, fit("learned-normal", 2));
        PriorOutcome resumed = runtime.resumePrior(split, 4);
        assertThat(resumed.fit().last().epoch()).isEqualTo(4);
        assertThat(withoutSeconds(split.resolve("prior-metrics.csv")))
                .isEqualTo(withoutSeconds(whole.resolve("prior-metrics.csv")));
    }

    @Test
    void samplesComeFromTheLearnedPriorUnlessTheTrainingOneIsAsked(@TempDir Path dir) throws IOException {
        Path run = trainedRun(dir);
        byte[] before = Files.readAllBytes(runtime.sample(run, 50, 3, dir.resolve("before.png")));
        runtime.trainPrior(run, fit("learned-normal", 3));
        byte[] learned = Files.readAllBytes(runtime.sample(run, 50, 3, dir.resolve("learned.png")));
        byte[] training = Files.readAllBytes(runtime.sample(
                run, SampleRequest.of(50, 3, dir.resolve("training.png")).withTrainingPrior(true)));
        assertThat(training).isEqualTo(before);
        assertThat(learned).isNotEqualTo(before);
    }

    @Test
    void aDensityEncodersPosteriorDrawsCanBeFittedToo(@TempDir Path dir) {
        ConfigDraft draft = new ConfigDraft();
        draft.options.put("hidden", "16");
        draft.options.put("latent", "3");
        draft.set(Settings.EPOCHS, 1);
        Path run = dir.resolve("vae");
        runtime.train(runtime.resolve(draft), run);
        PriorOutcome outcome = runtime.trainPrior(run, fit("learned-normal", 2));
        assertThat(outcome.fit().last().test().get("loss")).isFinite();
        assertThat(outcome.model()).containsKey(Evaluation.BOUND);
        assertThat(outcome.fit().config().component(Role.ENCODER)).isEqualTo("mlp-gaussian");
        assertThat(outcome.fit().config().component(Role.PRIOR)).isEqualTo("learned-normal");
    }

    @Test
    void aDequantizedRunsBoundWithItsLearnedPriorCountsTheCellVolume(@TempDir Path dir) {
        ConfigDraft draft = new ConfigDraft();
        draft.components.put(Role.DECODER, "mlp-gaussian");
        draft.options.put("hidden", "16");
        draft.options.put("latent", "3");
        draft.set(Settings.DEQUANTIZE, "uniform");
        draft.set(Settings.EPOCHS, 1);
        Path run = dir.resolve("vae");
        runtime.train(runtime.resolve(draft), run);
        PriorOutcome outcome = runtime.trainPrior(run, fit("learned-normal", 1));
        // the ELBO's loss is minus its bound on the density of (k + u) / 17; on P(k) it is 64 log 17 lower
        assertThat(outcome.model().get(Evaluation.BOUND))
                .isCloseTo(-outcome.model().get("loss") - 64 * Math.log(17), within(1e-3));
    }

    @Test
    void whatCannotBeFittedIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        Path run = trainedRun(dir);
        assertThatThrownBy(() -> runtime.trainPrior(run, fit("fixed-normal", 1)))
                .isInstanceOf(GenzooException.class)
                .hasMessage(
                        "prior 'fixed-normal' has no parameters to fit; choose a learned prior (genzoo plugins lists them)");
        assertThatThrownBy(() -> runtime.resumePrior(run, 2))
                .isInstanceOf(GenzooException.class)
                .hasMessageContaining("has no learned prior to resume");
        assertThat(run.resolve("prior-metrics.csv")).doesNotExist();
        assertThat(run.resolve("prior.zip")).doesNotExist();

        runtime.trainPrior(run, fit("learned-normal", 1));
        byte[] prior = Files.readAllBytes(run.resolve("prior.zip"));
        assertThatThrownBy(() -> runtime.trainPrior(run, fit("learned-normal", 1)))
                .isInstanceOf(GenzooException.class)
                .hasMessageContaining("already has a learned prior in prior.zip; continue fitting it with --resume");
        assertThat(Files.readAllBytes(run.resolve("prior.zip"))).isEqualTo(prior);
    }

    private static List<String> withoutSeconds(Path metrics) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            String[] cells = line.split(",", -1);
            cells[2] = "";
            rows.add(String.join(",", cells));
        }
        return rows;
    }
}
