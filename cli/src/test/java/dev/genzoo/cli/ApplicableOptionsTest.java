package dev.genzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.run.GenzooRuntime;
import dev.genzoo.runtime.sweep.ApplicableOptions;
import dev.genzoo.runtime.sweep.SweepSpec;
import dev.genzoo.runtime.sweep.Trial;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A swept option reaches the trials whose components declare it; the issue's own spec resolves in every trial. */
final class ApplicableOptionsTest {
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
    private static final GenzooRuntime RUNTIME = GenzooRuntime.create(PluginCatalog.fromClassPath());

    private static List<Trial> trials(String spec) {
        return ApplicableOptions.trials(
                SweepSpec.parse(spec, "spec.yaml"),
                RUNTIME::resolve,
                (role, name, option) -> RUNTIME.catalog().find(role, name).factory().options().stream()
                        .anyMatch(o -> o.name().equals(option)));
    }

    @Test
    void theIssuesSpecSetsKOnlyWhereTheObjectiveDeclaresItAndEveryTrialResolves() {
        List<Trial> trials = trials(ISSUE_SPEC);
        List<Trial> drawn = SweepSpec.parse(ISSUE_SPEC, "spec.yaml").trials();
        assertThat(trials).hasSize(96);
        int iwae = 0;
        for (int i = 0; i < trials.size(); i++) {
            Trial trial = trials.get(i);
            assertThat(trial.name()).isEqualTo(drawn.get(i).name());
            ExperimentConfig config = RUNTIME.resolve(trial.draft());
            if (config.component(Role.OBJECTIVE).equals("iwae")) {
                iwae++;
                assertThat(config.options(Role.OBJECTIVE).get("k"))
                        .isEqualTo(drawn.get(i)
                                .draft()
                                .roleOptions
                                .get(Role.OBJECTIVE)
                                .get("k"));
                assertThat(trial.configYaml()).contains("k:");
            } else {
                assertThat(trial.assignments()).doesNotContainKey("options.objective.k");
                assertThat(trial.configYaml()).doesNotContain("k:");
            }
        }
        assertThat(iwae).isEqualTo(48);
    }

    @Test
    void anOptionNoTrialDeclaresIsRefused() {
        String spec = """
                grid:
                  objective: [elbo, iwae]
                  options.objective.kk: [5, 10]
                """;
        assertThatThrownBy(() -> trials(spec))
                .isInstanceOf(GenzooException.class)
                .hasMessage(
                        "the sweep sets options.objective.kk, an option that none of its trials' components declares"
                                + " (genzoo plugins lists each component's options)");
    }
}
