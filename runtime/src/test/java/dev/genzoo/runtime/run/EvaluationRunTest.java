package dev.genzoo.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.genzoo.api.GenzooException;
import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.eval.Estimate;
import dev.genzoo.runtime.eval.EvaluationListener;
import dev.genzoo.runtime.eval.EvaluationReport;
import dev.genzoo.runtime.eval.EvaluationSettings;
import dev.genzoo.runtime.plugin.PluginCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genzoo eval} on a small VAE trained for two epochs on the bundled digits. */
final class EvaluationRunTest {
    private static final GenzooRuntime RUNTIME = GenzooRuntime.create(PluginCatalog.of(new VaePlugin()));
    private static final EvaluationSettings SETTINGS = new EvaluationSettings(List.of(1, 10, 50), 5, 16, 40);

    @TempDir
    static Path dir;

    private static Path run;

    @BeforeAll
    static void train() {
        ConfigDraft draft = new ConfigDraft();
        draft.options.put("hidden", "32");
        draft.options.put("latent", "4");
        draft.set(Settings.EPOCHS, 2);
        run = dir.resolve("run");
        RUNTIME.train(RUNTIME.resolve(draft), run);
    }

    @Test
    void reportsTheElboAndEachBoundAndWritesThemAsJson() throws IOException {
        List<long[]> progress = new ArrayList<>();
        EvaluationOutcome outcome = RUNTIME.evaluate(run, SETTINGS, dir.resolve("a.json"), new EvaluationListener() {
            @Override
            public void started(long totalWork, String what) {
                progress.add(new long[] {totalWork});
            }

            @Override
            public void progressed(long doneWork) {
                progress.add(new long[] {doneWork});
            }
        });
        EvaluationReport report = outcome.report();
        assertThat(report.examples()).isEqualTo(40);
        assertThat(report.dataDimensions()).isEqualTo(64);
        assertThat(report.estimates())
                .extracting(Estimate::label)
                .containsExactly("elbo", "iwae k=1", "iwae k=10", "iwae k=50");
        double elbo = report.estimates().get(0).mean();
        double k50 = report.tightest().mean();
        // Per example, the log-mean-exp of 50 log-weights is at least their mean (Jensen), and the
        // ELBO reported is that mean: the inequality holds draw by draw, not only in expectation.
        assertThat(k50).isGreaterThanOrEqualTo(elbo);
        assertThat(report.nllNats()).isEqualTo(-k50);
        assertThat(report.nllBitsPerDimension()).isCloseTo(-k50 / (64 * Math.log(2)), within(1e-12));
        assertThat(progress.get(0)[0]).isEqualTo(40L * 50);
        assertThat(progress.get(progress.size() - 1)[0]).isEqualTo(40L * 50);

        JsonObject json =
                JsonParser.parseString(Files.readString(outcome.file())).getAsJsonObject();
        assertThat(json.get("examples").getAsInt()).isEqualTo(40);
        assertThat(json.get("epoch").getAsInt()).isEqualTo(2);
        assertThat(json.get("nll_nats").getAsDouble()).isEqualTo(report.nllNats());
        assertThat(json.get("nll_from").getAsString()).isEqualTo("iwae k=50");
        assertThat(json.getAsJsonArray("estimates")).hasSize(4);
    }

    @Test
    void theSameSeedGivesTheSameNumbersAndAnotherSeedOthers() {
        EvaluationReport a = RUNTIME.evaluate(run, SETTINGS, dir.resolve("s1.json"), EvaluationListener.NONE)
                .report();
        EvaluationReport b = RUNTIME.evaluate(run, SETTINGS, dir.resolve("s2.json"), EvaluationListener.NONE)
                .report();
        EvaluationSettings other = new EvaluationSettings(SETTINGS.ks(), 6, SETTINGS.batch(), SETTINGS.examples());
        EvaluationReport c = RUNTIME.evaluate(run, other, dir.resolve("s3.json"), EvaluationListener.NONE)
                .report();
        assertThat(b.estimates()).isEqualTo(a.estimates());
        assertThat(c.tightest().mean()).isNotEqualTo(a.tightest().mean());
    }

    @Test
    void neverOverwritesAnEarlierReportInTheRunDirectory() {
        EvaluationSettings quick = new EvaluationSettings(List.of(1, 2), 0, 100, 8);
        Path first = RUNTIME.evaluate(run, quick, null, EvaluationListener.NONE).file();
        Path second =
                RUNTIME.evaluate(run, quick, null, EvaluationListener.NONE).file();
        assertThat(first).isEqualTo(run.resolve("eval.json"));
        assertThat(second).isEqualTo(run.resolve("eval-2.json"));
        assertThat(first).isRegularFile();
    }

    @Test
    void badSettingsAreOneSentence() {
        assertThatThrownBy(() -> new EvaluationSettings(List.of(10, 5), 0, 1, 0))
                .isInstanceOf(GenzooException.class)
                .hasMessage("--k values must increase, got [10, 5]");
        assertThatThrownBy(() -> new EvaluationSettings(List.of(0), 0, 1, 0))
                .hasMessage("--k values must be at least 1, got 0");
        assertThatThrownBy(() -> new EvaluationSettings(List.of(1), 0, 0, 0))
                .hasMessage("--batch must be at least 1, got 0");
        assertThatThrownBy(() -> RUNTIME.evaluate(dir.resolve("nothing"), SETTINGS, null, EvaluationListener.NONE))
                .isInstanceOf(GenzooException.class)
                .hasMessageStartingWith("no run directory at ");
    }
}
