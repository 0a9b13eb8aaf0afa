package dev.genzoo.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.genzoo.runtime.eval.Estimate;
import dev.genzoo.runtime.eval.EvaluationListener;
import dev.genzoo.runtime.eval.EvaluationReport;
import dev.genzoo.runtime.eval.EvaluationSettings;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.run.GenzooRuntime;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checkpoints written by an earlier genzoo (src/test/resources/legacy-checkpoints, one per family)
 * still load, and today's genzoo scores them exactly as that genzoo did: same parameters under the
 * same names and shapes, wired into the same functions.
 */
final class LegacyCheckpointsTest {
    private static final GenzooRuntime RUNTIME = GenzooRuntime.create(PluginCatalog.fromClassPath());
    private static final EvaluationSettings SETTINGS = new EvaluationSettings(List.of(1, 10), 0, 100, 20);

    @TempDir
    Path dir;

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        try (Stream<Path> folders = Files.list(root())) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void everyFamilyHasAFixture() throws IOException, URISyntaxException {
        assertThat(fixtures().toList())
                .contains("vae-bernoulli", "iwae-two-layer", "vqvae", "realnvp", "maf", "ddpm-mlp", "ddpm-unet")
                .hasSizeGreaterThanOrEqualTo(14);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void scoresAsTheGenzooThatWroteIt(String name) throws IOException, URISyntaxException {
        Path run = copy(name);
        // the prior the run was trained with: expected-eval.json predates eval's use of a learned prior
        EvaluationReport report = RUNTIME.evaluate(
                        run, SETTINGS, dir.resolve("eval.json"), EvaluationListener.NONE, true)
                .report();
        JsonObject expected = JsonParser.parseString(
                        Files.readString(root().resolve(name).resolve("expected-eval.json")))
                .getAsJsonObject();
        JsonArray estimates = expected.getAsJsonArray("estimates");
        assertThat(report.estimates()).hasSize(estimates.size());
        for (int i = 0; i < estimates.size(); i++) {
            JsonObject want = estimates.get(i).getAsJsonObject();
            Estimate got = report.estimates().get(i);
            double mean = want.get("mean_nats").getAsDouble();
            assertThat(got.mean())
                    .as("%s: %s", name, got.label())
                    .isCloseTo(mean, within(1e-4 + 1e-5 * Math.abs(mean)));
        }
        assertThat(report.examples()).isEqualTo(expected.get("examples").getAsInt());
    }

    @Test
    void aLearnedPriorStillSamples() throws IOException, URISyntaxException {
        Path run = copy("vqvae");
        Path png = RUNTIME.sample(run, 4, 0, dir.resolve("samples.png"));
        assertThat(png).isRegularFile();
        assertThat(Files.size(png)).isPositive();
    }

    private Path copy(String name) throws IOException, URISyntaxException {
        Path run = dir.resolve(name);
        Files.createDirectories(run);
        try (Stream<Path> files = Files.list(root().resolve(name))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().endsWith(".zip")) {
                    Files.copy(file, run.resolve(file.getFileName()));
                }
            }
        }
        return run;
    }

    private static Path root() throws URISyntaxException {
        return Path.of(
                LegacyCheckpointsTest.class.getResource("/legacy-checkpoints").toURI());
    }
}
