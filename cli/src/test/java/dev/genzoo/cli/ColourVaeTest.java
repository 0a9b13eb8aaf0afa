package dev.genzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The convolutional VAE on 8-bit colour images, end to end: {@code conv-gaussian} pairs with the
 * discretized logistic {@code conv-logistic} on 256 levels, trains under {@code elbo} and {@code
 * iwae}, and its bits per dimension are -bound / (D ln 2) with D = 3 x 8 x 8 and no dequantization
 * term, in train's report and in eval's; eval's K = 5 importance-sampled bound is no lower than its
 * ELBO. Binarized pixels get a Bernoulli decoder, dequantized ones a Gaussian, and dequantizing for
 * the discrete likelihood is refused.
 */
final class ColourVaeTest {
    private static final int SIDE = 8;
    private static final int DIMENSIONS = 3 * SIDE * SIDE;
    private static final Pattern TRAIN_BOUND =
            Pattern.compile("test bound on log p\\(x\\): (-?[0-9.]+) nats per example, ([0-9.]+) bits per dimension");
    private static final Pattern EVAL_NLL = Pattern.compile("NLL \\([^)]*\\): ([0-9.]+) nats, ([0-9.]+) bits/dim");

    @TempDir
    static Path dir;

    private static Path data;

    /**
     * 240 colour images of 8x8 as unsigned bytes: a disc of one of four colours on a light
     * background, at a random place, with a little noise.
     */
    @BeforeAll
    static void writeColourImages() throws IOException {
        int n = 240;
        int[][] colours = {{230, 40, 40}, {40, 200, 60}, {50, 60, 220}, {240, 220, 50}};
        Random random = new Random(11);
        byte[] values = new byte[n * DIMENSIONS];
        for (int i = 0; i < n; i++) {
            double cx = 2 + 4 * random.nextDouble();
            double cy = 2 + 4 * random.nextDouble();
            double radius = 1.5 + 1.5 * random.nextDouble();
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        boolean inside = (x - cx) * (x - cx) + (y - cy) * (y - cy) < radius * radius;
                        double value = (inside ? colours[i % 4][c] : 245) + 6 * random.nextGaussian();
                        values[i * DIMENSIONS + (c * SIDE + y) * SIDE + x] =
                                (byte) Math.max(0, Math.min(255, Math.round(value)));
                    }
                }
            }
        }
        data = dir.resolve("colours.npy");
        String dict = "{'descr': '|u1', 'fortran_order': False, 'shape': (" + n + ", 3, " + SIDE + ", " + SIDE + "), }";
        StringBuilder header = new StringBuilder(dict);
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] text = header.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = new byte[10 + text.length + values.length];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) text.length, (byte) (text.length >> 8)};
        System.arraycopy(magic, 0, file, 0, 10);
        System.arraycopy(text, 0, file, 10, text.length);
        System.arraycopy(values, 0, file, 10 + text.length, values.length);
        Files.write(data, file);
    }

    private static Console.Run train(Path run, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "train",
                "--encoder",
                "conv-gaussian",
                "--data",
                data.toString(),
                "--batch-size",
                "32",
                "--lr",
                "0.003",
                "-P",
                "latent=8",
                "--tensorboard",
                "false",
                "--run-dir",
                run.toString()));
        args.addAll(List.of(extra));
        return Console.run(args.toArray(String[]::new));
    }

    private static double[] column(Path metrics, String name) throws IOException {
        List<String> lines = Files.readAllLines(metrics);
        int index = List.of(lines.get(0).split(",")).indexOf(name);
        return lines.stream()
                .skip(1)
                .mapToDouble(l -> Double.parseDouble(l.split(",")[index]))
                .toArray();
    }

    @Test
    void colourBytesGetTheDiscretizedLogisticWhoseBoundImprovesAndIsInBitsPerDimension() throws IOException {
        Path run = dir.resolve("elbo");
        Console.Run train = train(run, "--epochs", "6");
        assertThat(train.code()).as(train.err()).isZero();
        String config = Files.readString(run.resolve("config.yaml"));
        assertThat(config)
                .contains("decoder: conv-logistic")
                .contains("levels: '256'")
                .contains("binarize: none")
                .contains("dequantize: none");

        double[] bound = column(run.resolve("metrics.csv"), "test_bound");
        assertThat(bound[bound.length - 1]).isGreaterThan(bound[0] + 20);

        // Train's report: bits per dimension are -bound / (D ln 2), nothing added for dequantization.
        Matcher trained = TRAIN_BOUND.matcher(train.out());
        assertThat(trained.find()).as(train.out()).isTrue();
        double nats = Double.parseDouble(trained.group(1));
        assertThat(Double.parseDouble(trained.group(2))).isCloseTo(-nats / (DIMENSIONS * Math.log(2)), within(1e-4));
        assertThat(nats).isCloseTo(bound[bound.length - 1], within(0.01));

        // Eval's importance-sampled bounds on the same model: K = 5 is no lower than the ELBO (K = 1).
        Console.Run eval = Console.run("eval", run.toString(), "--k", "1,5");
        assertThat(eval.code()).as(eval.err()).isZero();
        JsonObject report = JsonParser.parseString(Files.readString(run.resolve("eval.json")))
                .getAsJsonObject();
        assertThat(report.get("data_dimensions").getAsInt()).isEqualTo(DIMENSIONS);
        double nllNats = report.get("nll_nats").getAsDouble();
        assertThat(report.get("nll_bits_per_dim").getAsDouble())
                .isCloseTo(nllNats / (DIMENSIONS * Math.log(2)), within(1e-9));
        Matcher printed = EVAL_NLL.matcher(eval.out());
        assertThat(printed.find()).as(eval.out()).isTrue();
        assertThat(Double.parseDouble(printed.group(2)))
                .isCloseTo(Double.parseDouble(printed.group(1)) / (DIMENSIONS * Math.log(2)), within(1e-4));

        JsonArray estimates = report.getAsJsonArray("estimates");
        double elbo = Double.NaN;
        double iwae = Double.NaN;
        for (JsonElement element : estimates) {
            JsonObject e = element.getAsJsonObject();
            if (e.has("k") && e.get("k").getAsInt() == 1) {
                elbo = e.get("mean_nats").getAsDouble();
            } else if (e.has("k") && e.get("k").getAsInt() == 5) {
                iwae = e.get("mean_nats").getAsDouble();
            }
        }
        assertThat(iwae).isGreaterThanOrEqualTo(elbo);
        // The same bound as train's, up to the noise of one draw per example; a dequantization term
        // (-D log 256, over 1,000 nats) would stand out.
        assertThat(elbo).isCloseTo(nats, within(10.0));
        assertThat(nllNats).isCloseTo(-iwae, within(1e-9));
    }

    @Test
    void theImportanceWeightedBoundTrainsTheSameComponents() {
        Path run = dir.resolve("iwae");
        Console.Run train = train(run, "--epochs", "1", "--objective", "iwae", "-P", "k=5");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.err()).contains("decoder conv-logistic with objective iwae");
    }

    @Test
    void binarizedPixelsGetABernoulliConvolutionalDecoder() throws IOException {
        Path run = dir.resolve("binary");
        Console.Run train = train(run, "--epochs", "1", "--binarize", "static");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(Files.readString(run.resolve("config.yaml"))).contains("decoder: conv-bernoulli");
    }

    @Test
    void greyDigitsGetTheDiscretizedLogisticOnTheirSeventeenLevels() throws IOException {
        Path run = dir.resolve("digits");
        Console.Run train = Console.run(
                "train",
                "--encoder",
                "conv-gaussian",
                "--epochs",
                "1",
                "-P",
                "latent=4",
                "--tensorboard",
                "false",
                "--run-dir",
                run.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(Files.readString(run.resolve("config.yaml")))
                .contains("decoder: conv-logistic")
                .contains("levels: '17'");
    }

    @Test
    void dequantizedPixelsGetAGaussianConvolutionalDecoder() throws IOException {
        Path run = dir.resolve("continuous");
        Console.Run train = train(run, "--epochs", "1", "--dequantize", "uniform");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(Files.readString(run.resolve("config.yaml"))).contains("decoder: conv-gaussian");
    }

    @Test
    void dequantizingForADiscreteLikelihoodIsRefused() {
        Path run = dir.resolve("dequantized");
        Console.Run train = train(run, "--epochs", "1", "--dequantize", "uniform", "--decoder", "conv-logistic");
        assertThat(train.code()).isEqualTo(1);
        assertThat(train.onlyError())
                .isEqualTo("genzoo: error: decoder 'conv-logistic' is a discretized likelihood, a probability of"
                        + " pixels on K levels, but data '" + data + "' as the model sees it holds dequantized"
                        + " (continuous) values; use --dequantize none (its bound is already one on the discrete"
                        + " data)");
        assertThat(run).doesNotExist();
    }
}
