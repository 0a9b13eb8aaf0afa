package dev.genzoo.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.initializer.ConstantInitializer;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.Prior;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.Role;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.StandardNormal;
import dev.genzoo.api.options.Options;
import dev.genzoo.plugins.flow.FlowPlugin;
import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.Evaluation;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.TrainingCallback;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defaults follow the data, and a model that would give wrong numbers on its data is refused
 * before anything is written: a Bernoulli likelihood on data not in {0, 1}, a component the
 * objective never trains.
 */
final class DataDefaultsTest {
    private final GenzooRuntime runtime = GenzooRuntime.create(PluginCatalog.of(new VaePlugin(), new FlowPlugin()));

    private static ConfigDraft draft(String data) {
        ConfigDraft draft = new ConfigDraft();
        draft.set(Settings.DATA, data);
        draft.set(Settings.EPOCHS, 1);
        draft.options.put("hidden", "16");
        return draft;
    }

    @Test
    void realValuedPointsGetAGaussianDecoderAndANegativeBound(@TempDir Path dir) throws IOException {
        ExperimentConfig config = runtime.resolve(draft("moons"));
        assertThat(config.component(Role.DECODER)).isEqualTo("mlp-gaussian");
        TrainingOutcome outcome = runtime.train(config, dir.resolve("run"));
        assertThat(outcome.last().test().get(Evaluation.BOUND)).isNegative();
        assertThat(Files.readString(dir.resolve("run/config.yaml"))).contains("binarize: none");
    }

    @Test
    void imagesKeepTheBernoulliDecoderAndAreBinarized() {
        ExperimentConfig config = runtime.resolve(draft("digits"));
        assertThat(config.component(Role.DECODER)).isEqualTo("mlp-bernoulli");
    }

    @Test
    void aBernoulliDecoderOnRealValuesIsRefused(@TempDir Path dir) {
        ConfigDraft draft = draft("moons");
        draft.components.put(Role.DECODER, "mlp-bernoulli");
        ExperimentConfig config = runtime.resolve(draft);
        assertThatThrownBy(() -> runtime.train(config, dir.resolve("run")))
                .isInstanceOf(GenzooException.class)
                .hasMessage("decoder 'mlp-bernoulli' is a Bernoulli likelihood, for data in {0, 1}, but data"
                        + " 'moons' as the model sees it holds real values; choose a decoder for real values, such as"
                        + " mlp-gaussian");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void aBernoulliDecoderOnGreyLevelsOrDequantizedPixelsIsRefused(@TempDir Path dir) {
        ConfigDraft grey = draft("digits");
        grey.set(Settings.BINARIZE, "none");
        assertThatThrownBy(() -> runtime.train(runtime.resolve(grey), dir.resolve("grey")))
                .isInstanceOf(GenzooException.class)
                .hasMessageContaining("holds 17 levels in [0, 1]; binarize them (--binarize dynamic or static)");
        ConfigDraft dequantized = draft("digits");
        dequantized.set(Settings.DEQUANTIZE, "uniform");
        assertThatThrownBy(() -> runtime.train(runtime.resolve(dequantized), dir.resolve("dequantized")))
                .isInstanceOf(GenzooException.class)
                .hasMessageContaining("holds dequantized (continuous) values");
        assertThat(dir.resolve("grey")).doesNotExist();
        assertThat(dir.resolve("dequantized")).doesNotExist();
    }

    @Test
    void aDecoderTheObjectiveNeverTrainsIsRefused(@TempDir Path dir) {
        ConfigDraft draft = draft("moons");
        draft.components.put(Role.ENCODER, "realnvp");
        draft.components.put(Role.DECODER, "mlp-bernoulli");
        draft.options.clear();
        ExperimentConfig config = runtime.resolve(draft);
        assertThatThrownBy(() -> runtime.train(config, dir.resolve("run")))
                .isInstanceOf(GenzooException.class)
                .hasMessageStartingWith("objective 'flow-nll' gives no gradient to decoder 'mlp-bernoulli' (")
                .hasMessageEndingWith(
                        " parameters), so it would stay as initialized; choose components it trains (genzoo plugins"
                                + " lists them)");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    /** A prior N(0, I) that counts its training passes in a parameter that takes no gradient. */
    private static GenzooPlugin countingPrior() {
        return new GenzooPlugin() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public List<PriorFactory> priors() {
                return List.of(new PriorFactory() {
                    @Override
                    public String name() {
                        return "counting-normal";
                    }

                    @Override
                    public String description() {
                        return "N(0, I), counting its training passes";
                    }

                    @Override
                    public Prior create(Options options, BuildContext context) {
                        Parameter passes = Parameter.builder()
                                .setName("passes")
                                .setType(Parameter.Type.RUNNING_MEAN)
                                .optShape(new Shape(1))
                                .optInitializer(new ConstantInitializer(0))
                                .optRequiresGrad(false)
                                .build();
                        passes.initialize(context.manager(), DataType.FLOAT32);
                        Shape latent = context.latentShape();
                        return new Prior() {
                            @Override
                            public Distribution distribution(StepContext step) {
                                if (step.training()) {
                                    passes.getArray().addi(1);
                                }
                                return new StandardNormal(step.manager(), latent);
                            }

                            @Override
                            public ParameterList parameters() {
                                ParameterList list = new ParameterList();
                                list.add("passes", passes);
                                return list;
                            }
                        };
                    }
                });
            }
        };
    }

    @Test
    void theGradientCheckLeavesWhatATrainingPassWritesAsItWas(@TempDir Path dir) {
        GenzooRuntime counting = GenzooRuntime.create(PluginCatalog.of(new VaePlugin(), countingPrior()));
        ConfigDraft draft = draft("digits");
        draft.components.put(Role.PRIOR, "counting-normal");
        float[] passes = new float[1];
        TrainingOutcome outcome = counting.train(counting.resolve(draft), dir.resolve("run"), new TrainingCallback() {
            @Override
            public void onFitEnd(Fit fit, EpochRecord last) {
                passes[0] =
                        fit.model().parameters().get("prior.passes").getArray().getFloat(0);
            }
        });
        // 1,437 training digits in batches of 128: 12 steps, each one training pass
        assertThat(outcome.last().step()).isEqualTo(12);
        assertThat(passes[0]).isEqualTo(12f);
    }
}
