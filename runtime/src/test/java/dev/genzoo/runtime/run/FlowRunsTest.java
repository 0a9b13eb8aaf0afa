package dev.genzoo.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.api.StepContext;
import dev.genzoo.plugins.flow.FlowPlugin;
import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.runtime.checkpoint.Checkpoint;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.data.DataSources;
import dev.genzoo.runtime.eval.EvaluationListener;
import dev.genzoo.runtime.eval.EvaluationReport;
import dev.genzoo.runtime.eval.EvaluationSettings;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.pictures.DensityGrid;
import dev.genzoo.runtime.pictures.Pictures;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.Evaluation;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.TrainingCallback;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flows through the runtime: a density model on 2-D points and on dequantized digits, a flow prior
 * and flow posteriors under a VAE, each trained for a few epochs.
 */
final class FlowRunsTest {
    private final GenzooRuntime runtime = GenzooRuntime.create(PluginCatalog.of(new VaePlugin(), new FlowPlugin()));

    private ExperimentConfig config(
            String data, int epochs, int batch, Map<Role, String> components, Map<String, String> options) {
        ConfigDraft draft = new ConfigDraft();
        draft.components.putAll(components);
        draft.options.putAll(options);
        draft.set(Settings.DATA, data);
        draft.set(Settings.EPOCHS, epochs);
        draft.set(Settings.BATCH_SIZE, batch);
        draft.set(Settings.LEARNING_RATE, 3e-3);
        draft.set(Settings.SEED, 2L);
        return runtime.resolve(draft);
    }

    private ExperimentConfig moons(int epochs, int batch) {
        return config(
                "moons", epochs, batch, Map.of(Role.ENCODER, "realnvp"), Map.of("couplings", "4", "hidden", "32,32"));
    }

    private static TrainingCallback listener(List<EpochRecord> records) {
        return new TrainingCallback() {
            @Override
            public void onEpochEnd(Fit fit, EpochRecord record) {
                records.add(record);
            }
        };
    }

    @Test
    void aRealNvpOnMoonsPicksItsCompanionsAndDrawsItsDensity(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        List<EpochRecord> epochs = new ArrayList<>();
        runtime.train(moons(3, 500), run, listener(epochs));

        String yaml = Files.readString(run.resolve("config.yaml"));
        assertThat(yaml)
                .contains("prior: standard-normal", "decoder: flow-inverse", "objective: flow-nll", "dequantize: none");
        // the heat map, with room for tick values on its left and a colour bar on its right
        assertThat(ImageIO.read(run.resolve("density.png").toFile()).getWidth())
                .isGreaterThan(Pictures.DENSITY_CELLS * Pictures.DENSITY_SCALE + 100);
        assertThat(ImageIO.read(run.resolve("samples.png").toFile())).isNotNull();
        assertThat(run.resolve("reconstructions.png")).doesNotExist();

        Map<String, Double> first = epochs.get(0).test();
        Map<String, Double> last = epochs.get(epochs.size() - 1).test();
        // N(0, I) itself, the flow at its start, scores about -2.4 nats on the moons
        assertThat(last.get(Evaluation.BOUND))
                .isGreaterThan(first.get(Evaluation.BOUND))
                .isGreaterThan(-2.0);
        assertThat(last.get(Evaluation.BOUND)).isEqualTo(-last.get("loss"), within(1e-9));
        assertThat(last.get(Evaluation.BITS_PER_DIMENSION))
                .isCloseTo(-last.get(Evaluation.BOUND) / (2 * Math.log(2)), within(1e-9));
    }

    /**
     * A density on data from a distribution whose density is known: on average over its samples a
     * model's log-likelihood cannot exceed the true one (their difference estimates KL(p || q) >= 0),
     * and a density integrates to 1.
     */
    @Test
    void onEightGaussiansTheTrueDensityBoundsTheFlowsAndItIntegratesToOne(@TempDir Path dir) {
        Path run = dir.resolve("run");
        ExperimentConfig config = config(
                "eight-gaussians",
                3,
                250,
                Map.of(Role.ENCODER, "realnvp"),
                Map.of("couplings", "4", "hidden", "32,32"));
        runtime.train(config, run);
        float[] test = DataSources.load("eight-gaussians").test().values();
        int n = test.length / 2;
        try (NDManager manager = NDManager.newBaseManager();
                AssembledModel model = runtime.assemble(config, manager, new Shape(2))) {
            Checkpoint.restore(run.resolve(Checkpoint.FILE), model, null, List.of());
            float[] logQ;
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                StepContext context = StepContext.evaluation(0, model.manager(), model.parameterStore());
                logQ = model.objective()
                        .evaluate(manager.create(test, new Shape(n, 2)), model.model(), context)
                        .bound()
                        .orElseThrow()
                        .toFloatArray();
            }
            double sum = 0;
            double sumOfSquares = 0;
            for (int i = 0; i < n; i++) {
                double gap = eightGaussiansLogDensity(test[2 * i], test[2 * i + 1]) - logQ[i];
                sum += gap;
                sumOfSquares += gap * gap;
            }
            double mean = sum / n;
            double standardError = Math.sqrt((sumOfSquares / n - mean * mean) / n);
            assertThat(mean).as("mean log p(x) - log q(x), a KL estimate").isGreaterThan(-3 * standardError);
            assertThat(mean).as("the flow has learnt something").isLessThan(3.0);

            double[] bounds = {-4, 4, -4, 4};
            int cells = 250;
            DensityGrid.Result grid =
                    DensityGrid.logDensity(model, bounds, cells, cells, 0).orElseThrow();
            assertThat(grid.exact())
                    .as("a flow's log-likelihood needs no draws")
                    .isTrue();
            double[] logDensity = grid.logDensity();
            double area = (bounds[1] - bounds[0]) / cells * (bounds[3] - bounds[2]) / cells;
            double mass = 0;
            for (double v : logDensity) {
                mass += Math.exp(v) * area;
            }
            assertThat(mass).isCloseTo(1.0, within(0.02));
        }
    }

    /** log of the equal mixture of N((2 cos(k pi/4), 2 sin(k pi/4)), 0.1^2 I), k = 0..7. */
    private static double eightGaussiansLogDensity(double x, double y) {
        double sum = 0;
        double variance = 0.01;
        for (int k = 0; k < 8; k++) {
            double dx = x - 2 * Math.cos(k * Math.PI / 4);
            double dy = y - 2 * Math.sin(k * Math.PI / 4);
            sum += Math.exp(-(dx * dx + dy * dy) / (2 * variance)) / (2 * Math.PI * variance) / 8;
        }
        return Math.log(sum);
    }

    @Test
    void aFlowRunResumesExactly(@TempDir Path dir) throws IOException {
        runtime.train(moons(2, 2000), dir.resolve("whole"));
        runtime.train(moons(1, 2000), dir.resolve("split"));
        runtime.resume(dir.resolve("split"), 2);
        assertThat(withoutSeconds(dir.resolve("split/metrics.csv")))
                .isEqualTo(withoutSeconds(dir.resolve("whole/metrics.csv")));
    }

    @Test
    void dequantizedDigitsReportTheDiscreteBoundInBitsPerDimension(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        List<EpochRecord> epochs = new ArrayList<>();
        runtime.train(
                config(
                        "digits",
                        3,
                        128,
                        Map.of(Role.ENCODER, "realnvp"),
                        Map.of("couplings", "4", "hidden", "64", "logit-alpha", "0.05")),
                run,
                listener(epochs));
        assertThat(Files.readString(run.resolve("config.yaml"))).contains("binarize: none", "dequantize: uniform");
        Map<String, Double> first = epochs.get(0).test();
        Map<String, Double> last = epochs.get(epochs.size() - 1).test();
        // flow-nll's loss is -log p(y) of the continuous y = (k + u) / 17; the bound is on P(k)
        double logCell = -64 * Math.log(17);
        assertThat(last.get(Evaluation.BOUND)).isCloseTo(-last.get("loss") + logCell, within(1e-6));
        assertThat(last.get(Evaluation.BITS_PER_DIMENSION))
                .isCloseTo(-last.get(Evaluation.BOUND) / (64 * Math.log(2)), within(1e-9));
        assertThat(last.get(Evaluation.BITS_PER_DIMENSION)).isLessThan(first.get(Evaluation.BITS_PER_DIMENSION));
        // a uniform density on [0, 1)^64 would score log2(17) = 4.09 bits per dimension
        assertThat(last.get(Evaluation.BITS_PER_DIMENSION)).isLessThan(Math.log(17) / Math.log(2));
        assertThat(ImageIO.read(run.resolve("samples.png").toFile())).isNotNull();

        // eval scores the same dequantized test split with the same objective: the same discrete bound
        EvaluationReport report = runtime.evaluate(
                        run,
                        new EvaluationSettings(List.of(1), 0, 100, 0),
                        dir.resolve("eval.json"),
                        EvaluationListener.NONE)
                .report();
        assertThat(report.tightest().mean()).isCloseTo(last.get(Evaluation.BOUND), within(1e-3));
        assertThat(report.nllBitsPerDimension()).isCloseTo(last.get(Evaluation.BITS_PER_DIMENSION), within(1e-5));
    }

    @Test
    void aVaeTrainsWithAFlowPriorAndItsKlByMonteCarlo(@TempDir Path dir) {
        Map<Role, String> components = Map.of(Role.PRIOR, "realnvp");
        Map<String, String> options = Map.of(
                "latent", "4", "encoder.hidden", "64", "decoder.hidden", "64", "prior.hidden", "16", "couplings", "2");
        List<EpochRecord> epochs = new ArrayList<>();
        runtime.train(config("digits", 4, 128, components, options), dir.resolve("run"), listener(epochs));
        assertThat(epochs.get(0).test()).containsKey("kl");
        assertImproves(epochs, 3);

        Map<String, String> analytic = new java.util.HashMap<>(options);
        analytic.put("kl", "analytic");
        assertThatThrownBy(() -> runtime.train(config("digits", 1, 128, components, analytic), dir.resolve("no")))
                .isInstanceOf(GenzooException.class)
                .hasMessageContaining("kl=analytic needs a closed-form KL");
        assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void vaesTrainWithPlanarAndInverseAutoregressivePosteriors(@TempDir Path dir) {
        for (String encoder : List.of("mlp-planar", "mlp-iaf")) {
            List<EpochRecord> epochs = new ArrayList<>();
            Path run = dir.resolve(encoder);
            runtime.train(
                    config(
                            "digits",
                            4,
                            128,
                            Map.of(Role.ENCODER, encoder),
                            Map.of("latent", "4", "hidden", "64", "flows", "2")),
                    run,
                    listener(epochs));
            assertImproves(epochs, 3);
            assertThat(run.resolve("reconstructions.png")).as(encoder).isRegularFile();
        }
    }

    /** The test ELBO rises by at least {@code nats} and stays a finite bound below 0. */
    private static void assertImproves(List<EpochRecord> epochs, double nats) {
        double first = epochs.get(0).test().get(Evaluation.BOUND);
        double last = epochs.get(epochs.size() - 1).test().get(Evaluation.BOUND);
        assertThat(last).isGreaterThan(first + nats).isLessThan(0);
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
