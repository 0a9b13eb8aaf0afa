package dev.genzoo.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.Role;
import dev.genzoo.api.StepContext;
import dev.genzoo.plugins.hvae.HvaePlugin;
import dev.genzoo.plugins.iwae.IwaePlugin;
import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.run.GenzooRuntime;
import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.Evaluation;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.TrainingCallback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markovian hierarchies trained by the objectives that know nothing of them: {@code hvae} and
 * {@code ladder} with three layers under {@code elbo} and {@code iwae} pick their prior and decoder
 * themselves, improve their test bound and report the KL of each layer, which sums to the KL; and
 * the KL controls mean the same in both objectives: with K = 1, {@code iwae}'s gradient under free
 * bits and a cyclical KL weight is {@code elbo}'s.
 */
final class HierarchiesTest {
    private static final GenzooRuntime RUNTIME =
            GenzooRuntime.create(PluginCatalog.of(new VaePlugin(), new IwaePlugin(), new HvaePlugin()));

    @TempDir
    Path dir;

    private static ConfigDraft draft(String encoder, String objective, Map<String, String> options) {
        ConfigDraft draft = new ConfigDraft();
        draft.components.put(Role.ENCODER, encoder);
        draft.components.put(Role.OBJECTIVE, objective);
        draft.options.putAll(Map.of("latents", "8,4,2", "hidden", "64", "layer-hidden", "16"));
        draft.options.putAll(options);
        draft.set(Settings.SEED, 3L);
        return draft;
    }

    @Test
    void threeLayersTrainUnderBothObjectivesAndReportTheKlOfEachLayer() throws Exception {
        for (String encoder : List.of("hvae", "ladder")) {
            for (String objective : List.of("elbo", "iwae")) {
                String name = encoder + "-" + objective;
                ConfigDraft draft = draft(encoder, objective, Map.of());
                draft.set(Settings.EPOCHS, 5);
                ExperimentConfig config = RUNTIME.resolve(draft);
                assertThat(config.component(Role.PRIOR)).isEqualTo("hvae");
                assertThat(config.component(Role.DECODER)).isEqualTo("hvae");
                List<Map<String, Double>> tests = new ArrayList<>();
                Path run = dir.resolve(name);
                RUNTIME.train(config, run, new TrainingCallback() {
                    @Override
                    public void onEpochEnd(Fit fit, EpochRecord record) {
                        tests.add(record.test());
                    }
                });
                Map<String, Double> last = tests.get(tests.size() - 1);
                assertThat(last.get(Evaluation.BOUND))
                        .as(name)
                        .isGreaterThan(tests.get(0).get(Evaluation.BOUND) + 2)
                        .isLessThan(0);
                assertThat(last).as(name).containsKeys("kl-z1", "kl-z2", "kl-z3");
                if (objective.equals("elbo")) {
                    double sum = last.get("kl-z1") + last.get("kl-z2") + last.get("kl-z3");
                    assertThat(sum).as(name).isCloseTo(last.get("kl"), within(1e-3));
                }
                assertThat(Files.readAllLines(run.resolve("metrics.csv")).get(0))
                        .as(name)
                        .contains("test_kl-z1", "test_kl-z3");
            }
        }
    }

    /**
     * A KL warm-up or cyclical annealing weighs the KL by 0 at the first step; the check that every
     * component gets a gradient must not read that as a prior the objective never trains (it did:
     * both runs were refused), and the prior's conditionals must move in training.
     */
    @Test
    void aKlWarmUpOrCyclesStillTrainTheHierarchysPrior() {
        for (Map<String, String> schedule : List.of(Map.of("warmup-epochs", "1"), Map.of("kl-cycles", "2"))) {
            ConfigDraft draft = draft("hvae", "elbo", schedule);
            draft.options.put("latents", "8,4");
            draft.set(Settings.EPOCHS, 2);
            float[][] prior = new float[2][];
            RUNTIME.train(RUNTIME.resolve(draft), dir.resolve("run-" + schedule.keySet()), new TrainingCallback() {
                @Override
                public void onFitStart(Fit fit) {
                    prior[0] = firstPriorWeights(fit);
                }

                @Override
                public void onFitEnd(Fit fit, EpochRecord last) {
                    prior[1] = firstPriorWeights(fit);
                }
            });
            assertThat(prior[1]).as(schedule.toString()).isNotEqualTo(prior[0]);
        }
    }

    private static float[] firstPriorWeights(Fit fit) {
        return fit.model().parameters().entrySet().stream()
                .filter(e -> e.getKey().startsWith("prior."))
                .findFirst()
                .orElseThrow()
                .getValue()
                .getArray()
                .toFloatArray();
    }

    /**
     * For one sample the importance-weighted loss is the ELBO's up to constants: under free bits
     * (a layer below lambda keeps no KL gradient) and a cyclical KL weight, every parameter's
     * gradient is the same for the same draws.
     */
    @Test
    void withOneSampleIwaesKlControlsGiveElbosGradients() {
        Map<String, String> controls = Map.of("free-bits", "0.6", "kl-cycles", "2", "kl-cycle-rise", "0.5");
        ConfigDraft elbo = draft("hvae", "elbo", controls);
        elbo.options.put("kl", "monte-carlo");
        ConfigDraft iwae = draft("hvae", "iwae", controls);
        iwae.options.put("k", "1");
        Map<String, float[]> a = gradients(RUNTIME.resolve(elbo));
        Map<String, float[]> b = gradients(RUNTIME.resolve(iwae));
        assertThat(b.keySet()).isEqualTo(a.keySet());
        double largest = 0;
        for (Map.Entry<String, float[]> entry : a.entrySet()) {
            float[] g = entry.getValue();
            float[] h = b.get(entry.getKey());
            for (int i = 0; i < g.length; i++) {
                largest = Math.max(largest, Math.abs(g[i]));
                assertThat(h[i]).as(entry.getKey()).isCloseTo(g[i], within(1e-4f + 1e-4f * Math.abs(g[i])));
            }
        }
        assertThat(largest).isGreaterThan(1e-2);
    }

    /** The gradient of the loss at step 3 of 20 on 16 random binary 8x8 images, the draws from seed 5. */
    private static Map<String, float[]> gradients(ExperimentConfig config) {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager();
                AssembledModel model = RUNTIME.assemble(config, manager, new Shape(1, 8, 8));
                NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray x = manager.randomUniform(0f, 1f, new Shape(16, 1, 8, 8))
                    .gt(0.5f)
                    .toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
            Engine.getInstance().setRandomSeed(5);
            StepContext context = StepContext.training(3, 0, 20, 10, model.manager(), model.parameterStore());
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                ObjectiveValue value = model.objective().evaluate(x, model.model(), context);
                collector.backward(value.loss());
            }
            for (Map.Entry<String, Parameter> entry : model.parameters().entrySet()) {
                out.put(
                        entry.getKey(),
                        model.parameterStore()
                                .leafOf(entry.getValue())
                                .getGradient()
                                .toFloatArray());
            }
            model.parameterStore().endStep();
        }
        return out;
    }
}
