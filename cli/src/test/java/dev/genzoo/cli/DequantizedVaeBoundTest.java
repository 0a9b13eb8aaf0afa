package dev.genzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A VAE with a Gaussian decoder on the digits' 17 grey levels: the levels are dequantized by
 * default, and train's test bound and eval's ELBO are both bounds on the discrete pixels, the
 * cell volume -D log K = -64 log 17 (181.3 nats) included on both paths (issue 17's first defect,
 * for a density encoder).
 */
final class DequantizedVaeBoundTest {
    @TempDir
    Path dir;

    @Test
    void trainAndEvalScoreTheDiscretePixelsWithTheCellVolume() throws IOException {
        Path run = dir.resolve("vae");
        Console.Run train = Console.run(
                "train",
                "--decoder",
                "mlp-gaussian",
                "--epochs",
                "3",
                "--tensorboard",
                "false",
                "--run-dir",
                run.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(Files.readString(run.resolve("config.yaml"))).contains("dequantize: uniform");
        List<String> lines = Files.readAllLines(run.resolve("metrics.csv"));
        int column = List.of(lines.get(0).split(",")).indexOf("test_bound");
        double trained = Double.parseDouble(lines.get(lines.size() - 1).split(",")[column]);
        // a log-probability of discrete pixels: at most 0 (a density's bound on them need not be)
        assertThat(trained).isNegative();

        Console.Run eval = Console.run("eval", run.toString(), "--k", "1,10");
        assertThat(eval.code()).as(eval.err()).isZero();
        JsonObject report = JsonParser.parseString(Files.readString(run.resolve("eval.json")))
                .getAsJsonObject();
        double elbo = Double.NaN;
        for (JsonElement element : report.getAsJsonArray("estimates")) {
            JsonObject e = element.getAsJsonObject();
            if (e.has("k") && e.get("k").getAsInt() == 1) {
                elbo = e.get("mean_nats").getAsDouble();
            }
        }
        // the same bound as train's, up to one draw per example's noise; leaving the cell volume
        // out on either path would put them 181 nats apart
        assertThat(elbo).isCloseTo(trained, within(3.0));
        assertThat(report.get("nll_nats").getAsDouble()).isPositive();
    }
}
