package dev.genzoo.runtime.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.eval.EvaluationListener;
import dev.genzoo.runtime.eval.EvaluationReport;
import dev.genzoo.runtime.eval.EvaluationSettings;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.run.GenzooRuntime;
import dev.genzoo.runtime.run.TrainingOutcome;
import dev.genzoo.runtime.train.Evaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leaderboard of two real runs: sorted by their bounds, the differing settings, the parameter counts. */
final class LeaderboardTest {

    @Test
    void twoRunsAreRankedByBoundWithWhatDiffersAndTheirSizes(@TempDir Path dir) throws Exception {
        GenzooRuntime runtime = GenzooRuntime.create(PluginCatalog.of(new VaePlugin()));
        TrainingOutcome small = train(runtime, dir.resolve("runs/small"), "2", 0);
        TrainingOutcome wide = train(runtime, dir.resolve("runs/wide"), "6", 1);

        // eval.json beside one run: its NLL and that estimate's standard error join the row
        EvaluationReport report = runtime.evaluate(
                        dir.resolve("runs/small"),
                        new EvaluationSettings(List.of(1, 10), 0, 50, 40),
                        dir.resolve("runs/small/eval.json"),
                        EvaluationListener.NONE)
                .report();

        Leaderboard board = Leaderboard.of(List.of(dir.resolve("runs")));
        double smallBound = small.last().test().get(Evaluation.BOUND);
        double wideBound = wide.last().test().get(Evaluation.BOUND);
        String best = smallBound > wideBound ? "small" : "wide";
        String worst = best.equals("small") ? "wide" : "small";
        assertThat(board.rows()).extracting(Leaderboard.Row::name).containsExactly(best, worst);
        assertThat(board.differing()).containsExactlyInAnyOrder("options.encoder.latent", "training.seed");
        Leaderboard.Row smallRow = board.rows().stream()
                .filter(r -> r.name().equals("small"))
                .findFirst()
                .orElseThrow();
        assertThat(smallRow.parameters()).isEqualTo(small.parameters());
        assertThat(smallRow.bound()).isCloseTo(smallBound, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(smallRow.nll()).isCloseTo(report.nllNats(), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(smallRow.nllError())
                .isCloseTo(report.tightest().standardError(), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(board.rows().stream()
                        .filter(r -> r.name().equals("wide"))
                        .findFirst()
                        .orElseThrow()
                        .nll())
                .isNaN();

        List<String> markdown = board.markdown().lines().toList();
        assertThat(markdown).hasSize(4);
        assertThat(markdown.get(0)).startsWith("| rank | run | encoder | prior | decoder | objective |");
        assertThat(markdown.get(2)).startsWith("| 1 | " + best + " | mlp-gaussian | standard-normal |");
        assertThat(board.csv().lines()).hasSize(3);
        List<Path> files = board.write(dir.resolve("board"));
        files.forEach(f -> assertThat(f).isRegularFile());
        assertThat(Files.size(files.get(2))).isPositive();
    }

    private static TrainingOutcome train(GenzooRuntime runtime, Path run, String latent, long seed) {
        ConfigDraft draft = new ConfigDraft();
        draft.options.put("hidden", "16");
        draft.options.put("latent", latent);
        draft.set(Settings.EPOCHS, 2);
        draft.set(Settings.SEED, seed);
        draft.set(Settings.TENSORBOARD, "false");
        return runtime.train(runtime.resolve(draft), run);
    }
}
