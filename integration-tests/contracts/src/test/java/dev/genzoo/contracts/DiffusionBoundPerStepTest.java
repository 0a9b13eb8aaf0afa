package dev.genzoo.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.genzoo.api.Role;
import dev.genzoo.plugins.ddpm.DdpmPlugin;
import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.eval.BoundPerStep;
import dev.genzoo.runtime.eval.EvaluationListener;
import dev.genzoo.runtime.eval.EvaluationSettings;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.run.EvaluationOutcome;
import dev.genzoo.runtime.run.GenzooRuntime;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * eval on a diffusion shows where its bound's nats go: every step's term L_0 ... L_T, averaged over
 * examples, in the report, the JSON and a chart beside it; with T = 10 steps the objective's bound
 * in evaluation is the exact sum, so the terms add up to it within the noise of its draws.
 */
final class DiffusionBoundPerStepTest {

    @Test
    void evalChartsEveryStepsTermOfTheBound(@TempDir Path dir) throws Exception {
        GenzooRuntime runtime = GenzooRuntime.create(PluginCatalog.of(new VaePlugin(), new DdpmPlugin()));
        ConfigDraft draft = new ConfigDraft();
        draft.components.put(Role.ENCODER, "diffusion");
        draft.options.put("timesteps", "10");
        draft.options.put("hidden", "16");
        draft.set(Settings.DATA, "moons");
        draft.set(Settings.EPOCHS, 1);
        Path run = dir.resolve("run");
        runtime.train(runtime.resolve(draft), run);
        EvaluationOutcome outcome =
                runtime.evaluate(run, new EvaluationSettings(List.of(1), 0, 100, 200), null, EvaluationListener.NONE);
        BoundPerStep steps = outcome.report().stepwise().orElseThrow();
        assertThat(steps.nats()).hasSize(11);
        assertThat(steps.examples()).isEqualTo(200);
        double sum = steps.nats().stream().mapToDouble(Double::doubleValue).sum();
        double bound = outcome.report().tightest().mean();
        assertThat(sum).isCloseTo(-bound, within(4 * outcome.report().tightest().standardError() + 0.05));
        assertThat(outcome.boundPerStep()).isEqualTo(run.resolve("eval-bound-per-step.png"));
        BufferedImage chart = ImageIO.read(outcome.boundPerStep().toFile());
        assertThat(chart.getWidth()).isPositive();
        assertThat(Files.readString(outcome.file())).contains("\"bound_per_step\"");
    }
}
