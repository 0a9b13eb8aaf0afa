package dev.genzoo.runtime.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.runtime.config.Settings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Sweep specs: the grid's every combination in order, random draws in their ranges, refusals in words. */
final class SweepSpecTest {
    private static final String ISSUE_SPEC = """
            base:
              data: {source: digits}
              training: {epochs: 50}
            grid:
              prior: [standard-normal, mixture-of-gaussians, vamp]
              objective: [elbo, iwae]
              training.seed: [0, 1]
            random:
              trials: 8
              options.objective.k: {choice: [5, 10, 50]}
              training.learning-rate: {log-uniform: [1.0e-4, 3.0e-3]}
            """;

    @Test
    void theIssuesSpecGivesEveryGridPointForEachDraw() {
        List<Trial> trials = SweepSpec.parse(ISSUE_SPEC, "spec.yaml").trials();
        assertThat(trials).hasSize(3 * 2 * 2 * 8);
        Trial first = trials.get(0);
        assertThat(first.draft().components)
                .containsEntry(Role.PRIOR, "standard-normal")
                .containsEntry(Role.OBJECTIVE, "elbo");
        assertThat(first.draft().get(Settings.SEED)).isEqualTo(0L);
        assertThat(first.draft().get(Settings.EPOCHS)).isEqualTo(50);
        assertThat(first.draft().get(Settings.DATA)).isEqualTo("digits");
        // the last grid key varies fastest
        assertThat(trials.get(1).draft().get(Settings.SEED)).isEqualTo(1L);
        assertThat(trials.get(2).draft().components).containsEntry(Role.OBJECTIVE, "iwae");
        Set<String> names = new TreeSet<>();
        for (Trial trial : trials) {
            names.add(trial.name());
            double rate = trial.draft().get(Settings.LEARNING_RATE);
            assertThat(rate).isBetween(1e-4, 3e-3);
            assertThat(trial.draft().roleOptions.get(Role.OBJECTIVE).get("k")).isIn("5", "10", "50");
        }
        assertThat(names).as("unique names").hasSize(trials.size());
        assertThat(first.name()).startsWith("000-prior=standard-normal-objective=elbo-seed=0-k=");
        // the same spec draws the same trials
        assertThat(SweepSpec.parse(ISSUE_SPEC, "again").trials().get(17).assignments())
                .isEqualTo(trials.get(17).assignments());
    }

    @Test
    void logUniformDrawsSpreadEvenlyInLog() {
        SearchSpace space = new SearchSpace.LogUniform(1e-4, 1e-2);
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        int below = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            if ((Double) space.draw(random) < 1e-3) {
                below++;
            }
        }
        // 1e-3 is the geometric middle of [1e-4, 1e-2]: half the draws fall below it
        assertThat((double) below / n).isBetween(0.48, 0.52);
    }

    @Test
    void badSpecsAreRefusedInOneSentence() {
        assertThatThrownBy(() -> SweepSpec.parse("base: {}\n", "s.yaml"))
                .isInstanceOf(GenzooException.class)
                .hasMessageContaining("neither a grid nor a random search");
        assertThatThrownBy(() -> SweepSpec.parse("grid: {training.epochz: [1, 2]}\n", "s.yaml")
                        .trials())
                .isInstanceOf(GenzooException.class)
                .hasMessageContaining("unknown key 'training.epochz'");
        assertThatThrownBy(() -> SweepSpec.parse("grid: {prior: []}\n", "s.yaml"))
                .hasMessageContaining("grid.prior must be a list of values");
        assertThatThrownBy(() -> SweepSpec.parse(
                        "random: {trials: 2, training.learning-rate: {log-uniform: [0, 1]}}\n", "s.yaml"))
                .hasMessageContaining("log-uniform needs low > 0");
        assertThatThrownBy(() -> SweepSpec.parse("grid: {prior: [vamp]}\nslurm: {partitoin: gpu}\n", "s.yaml"))
                .hasMessageContaining("unknown key 'slurm.partitoin'");
        assertThatThrownBy(() -> SweepSpec.parse("grid: {prior: [vamp]}\nslurm: {extra: [--qos=low]}\n", "s.yaml"))
                .hasMessageContaining("#SBATCH");
    }

    @Test
    void theSlurmScriptHoldsTheSettingsAndResumesARequeuedTask() {
        SweepSpec spec = SweepSpec.parse(
                "grid: {training.seed: [0, 1, 2]}\nslurm: {partition: gpu, gpus-per-task: 1, extra: ['#SBATCH --qos=low']}\n",
                "s.yaml");
        Map<dev.genzoo.runtime.config.Setting<?>, Object> settings = new java.util.LinkedHashMap<>();
        SweepSettings.ALL.forEach(s -> settings.put(s, spec.launch().getOrDefault(s, s.defaultValue())));
        String script = SlurmScript.write(
                java.nio.file.Path.of("/shared/sweep"),
                spec.trials(),
                settings,
                spec.sbatchLines(),
                (threads, args) -> List.of("/opt/genzoo/bin/java", "-Dthreads=" + threads, "Main"));
        assertThat(script)
                .contains("#SBATCH --array=0-2%1\n")
                .contains("#SBATCH --requeue\n")
                .contains("#SBATCH --partition=gpu\n")
                .contains("#SBATCH --gpus-per-task=1\n")
                .contains("#SBATCH --cpus-per-task=2\n")
                .contains("#SBATCH --qos=low\n")
                .contains("trials=('000-seed=0' '001-seed=1' '002-seed=2')")
                .contains("set -- train --resume \"$run\"")
                .contains("'/opt/genzoo/bin/java' '-Dthreads=2' 'Main' \"$@\"");
    }
}
