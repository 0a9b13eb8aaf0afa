package dev.genzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What train and train-prior print when they end: counts as counts, and why loss and bound differ. */
final class ConsoleReportTest {

    @Test
    void countsHaveTheirNounInTheRightNumberAndIntegersNoDecimals() {
        assertThat(ConsoleText.count(1, "epoch")).isEqualTo("1 epoch");
        assertThat(ConsoleText.count(1800, "step")).isEqualTo("1,800 steps");
        assertThat(ConsoleText.number(5.0)).isEqualTo("5");
        assertThat(ConsoleText.number(-23.34021)).isEqualTo("-23.3402");
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("loss", 36.00131);
        values.put("codes-used", 3.0);
        values.put("bound", -52.7);
        assertThat(ConsoleText.numbers(values, "bound")).isEqualTo("loss 36.0013, codes-used 3");
    }

    @Test
    void aFlowOnDequantizedPixelsSaysWhyItsBoundIsNotMinusItsLoss(@TempDir Path dir) {
        Console.Run train = Console.run(
                "train",
                "--encoder",
                "realnvp",
                "--epochs",
                "1",
                "-P",
                "couplings=2",
                "-P",
                "hidden=16",
                "--run-dir",
                dir.resolve("run").toString());
        assertThat(train.code()).as(train.err()).isZero();
        // 64 pixels of 17 levels: a cell has log-volume -64 log 17 = -181.3257 nats
        assertThat(train.out())
                .contains("(the bound is minus the loss plus -181.3257 nats, the log-volume of a quantization cell:");
        assertThat(train.err()).contains("17 levels in [0, 1], dequantized with uniform noise\n");
    }

    @Test
    void aCollapsedCodebookIsAWarningInTrainsOutput(@TempDir Path dir) {
        // without dead-code restarts one epoch on the digits leaves most of the 512 codes unused (11 in use)
        Console.Run train = Console.run(
                "train",
                "--encoder",
                "vq-conv",
                "-P",
                "restart-after=0",
                "--epochs",
                "1",
                "--run-dir",
                dir.resolve("vq").toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.err())
                .containsPattern("genzoo: warning: the codebook has collapsed: the test split uses [0-9]+ of its 512"
                        + " codes");
    }

    @Test
    void theDigitsDefaultsRestartDeadCodesSoTheCodebookStaysInUse(@TempDir Path dir) {
        Console.Run train = Console.run(
                "train",
                "--encoder",
                "vq-conv",
                "--epochs",
                "5",
                "--run-dir",
                dir.resolve("vq").toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.err()).doesNotContain("codebook has collapsed");
        Matcher used = Pattern.compile("test: .*codes-used ([0-9]+)").matcher(train.out());
        assertThat(used.find()).as(train.out()).isTrue();
        // 4 of 512 without restarts; with them most of the codebook
        assertThat(Integer.parseInt(used.group(1))).isGreaterThan(256);
    }

    @Test
    void codesInUseAreAnIntegerAndTrainPriorReportsItsWallClock(@TempDir Path dir) throws Exception {
        Path run = LegacyRuns.copy("vqvae", dir.resolve("vq"), List.of("checkpoint.zip"));
        long started = System.nanoTime();
        Console.Run prior = Console.run(
                "train-prior", run.toString(), "--prior", "transformer-codes", "--epochs", "1", "-P", "layers=1");
        assertThat(prior.code()).as(prior.err()).isZero();
        assertThat(prior.err())
                .startsWith("genzoo: fitting prior transformer-codes to the codes of " + run + ", epochs 1 to 1\n");
        assertThat(prior.out())
                .containsPattern("epochs: 1, steps: 12, [0-9.]+ s in all \\(codes, fit and evaluation\\)")
                .containsPattern("codes-used [0-9]+(,|\n)")
                .doesNotContainPattern("codes-used [0-9]+\\.")
                .contains("test bound on log p(x) with this prior: ")
                .doesNotContain("bits_per_dim");
        // the wall clock the user waited: at most the time this test waited, at least the fit's own seconds
        double waited = (System.nanoTime() - started) / 1e9;
        Matcher inAll = Pattern.compile("([0-9.]+) s in all").matcher(prior.out());
        assertThat(inAll.find()).isTrue();
        double said = Double.parseDouble(inAll.group(1));
        assertThat(said).isLessThanOrEqualTo(waited + 0.05);
        List<String> rows = Files.readAllLines(run.resolve("prior-metrics.csv"));
        double fitSeconds = Double.parseDouble(rows.get(rows.size() - 1).split(",")[2]);
        assertThat(said).isGreaterThan(fitSeconds);
    }
}
