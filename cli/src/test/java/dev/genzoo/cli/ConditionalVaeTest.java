package dev.genzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genzoo.runtime.data.DataSources;
import dev.genzoo.runtime.data.DataSplit;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conditional VAE (Sohn et al. 2015) trained on the digits with {@code --condition label} draws
 * the class it is asked for: a classifier fitted here to the real digits labels at least 80% of
 * the samples of every class c as c. Conditional runs are refused before training where they
 * cannot work. Its latent space takes the condition: each test digit is encoded with its own
 * label, and a path or a walk decoded as one class is judged to be of that class.
 */
final class ConditionalVaeTest {
    @TempDir
    static Path dir;

    private static Path run;
    private static DigitClassifier classifier;
    private static DataSplit digits;

    @BeforeAll
    static void trainAConditionalVaeAndAClassifier() {
        digits = DataSources.load("digits");
        classifier = DigitClassifier.fit(digits.train(), 10, 300, 0.5, 1e-4);
        run = dir.resolve("cvae");
        Console.Run train = Console.run(
                "train", "--condition", "label", "--epochs", "25", "--seed", "0", "--run-dir", run.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("test bound on log p(x|y): -");
    }

    @Test
    void theClassifierIsAGoodJudgeOfRealDigits() {
        double accuracy = classifier.accuracy(digits.test());
        System.out.printf(Locale.ROOT, "logistic regression on the digits' test split: %.3f%n", accuracy);
        assertThat(accuracy).isGreaterThan(0.9);
    }

    @Test
    void samplesOfEachClassAreJudgedToBeOfThatClass() {
        Path out = dir.resolve("rows.npy");
        Console.Run sample = Console.run("sample", run.toString(), "-n", "500", "-o", out.toString());
        assertThat(sample.code()).as(sample.err()).isZero();
        NumPyFiles.Array drawn = NumPyFiles.npy(out);
        assertThat(drawn.shape()).containsExactly(500, 1, 8, 8);
        float[] values = new float[drawn.values().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) drawn.values()[i];
        }
        StringBuilder report = new StringBuilder("samples judged to be of their class:");
        double worst = 1;
        for (int c = 0; c < 10; c++) {
            int right = 0;
            for (int i = c * 50; i < (c + 1) * 50; i++) {
                right += classifier.predict(values, i) == c ? 1 : 0;
            }
            worst = Math.min(worst, right / 50.0);
            report.append(String.format(Locale.ROOT, " %d: %.2f", c, right / 50.0));
        }
        System.out.println(report);
        assertThat(worst).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void oneClassIsDrawnWhenAsked() {
        Path out = dir.resolve("sevens.npy");
        Console.Run sample = Console.run("sample", run.toString(), "--class", "7", "-n", "40", "-o", out.toString());
        assertThat(sample.code()).as(sample.err()).isZero();
        double[] drawn = NumPyFiles.npy(out).values();
        float[] values = new float[drawn.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) drawn[i];
        }
        int sevens = 0;
        for (int i = 0; i < 40; i++) {
            sevens += classifier.predict(values, i) == 7 ? 1 : 0;
        }
        assertThat(sevens).isGreaterThanOrEqualTo(32);
        Console.Run bad = Console.run("sample", run.toString(), "--class", "10");
        assertThat(bad.onlyError()).isEqualTo("genzoo: error: --class takes a class from 0 to 9, not 10");
    }

    private static int[] judged(Path file) {
        return classifier.judge(file);
    }

    private static int count(int[] verdicts, int c) {
        return (int) java.util.Arrays.stream(verdicts).filter(v -> v == c).count();
    }

    @Test
    void encodeWritesEachTestDigitsCodeWithItsLabel() {
        Path out = dir.resolve("codes.npz");
        Console.Run encode = Console.run("encode", run.toString(), "-o", out.toString());
        assertThat(encode.code()).as(encode.err()).isZero();
        java.util.Map<String, NumPyFiles.Array> codes = NumPyFiles.npz(out);
        assertThat(codes.get("z").shape()).containsExactly(digits.test().size(), 20);
        int[] expected = digits.test().labels().orElseThrow();
        double[] labels = codes.get("labels").values();
        for (int i = 0; i < expected.length; i++) {
            assertThat(labels[i]).as("label %d", i).isEqualTo(expected[i]);
        }
    }

    /**
     * Interpolating between two test digits of different classes, neither a 7, while decoding as class 7 keeps
     * every point a 7 (the path is in style, the class is held); without {@code --class} the path is
     * decoded as the first digit's class.
     */
    @Test
    void aPathDecodedAsOneClassStaysThatClass() {
        int[] labels = digits.test().labels().orElseThrow();
        int first = 0;
        while (labels[first] == 7) {
            first++;
        }
        int second = first + 1;
        while (labels[second] == labels[first] || labels[second] == 7) {
            second++;
        }
        String between = first + "," + second;
        Path sevens = dir.resolve("path-7.npy");
        Console.Run held = Console.run(
                "interpolate",
                run.toString(),
                "--between",
                between,
                "--steps",
                "8",
                "--class",
                "7",
                "-o",
                sevens.toString());
        assertThat(held.code()).as(held.err()).isZero();
        assertThat(count(judged(sevens), 7)).as("sevens among 8 points").isGreaterThanOrEqualTo(7);
        Path own = dir.resolve("path-own.npy");
        Console.Run plain =
                Console.run("interpolate", run.toString(), "--between", between, "--steps", "8", "-o", own.toString());
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(count(judged(own), labels[first]))
                .as("points judged class %d, the first digit's", labels[first])
                .isGreaterThanOrEqualTo(7);
        Path png = dir.resolve("path.png");
        assertThat(Console.run(
                                "interpolate",
                                run.toString(),
                                "--between",
                                between,
                                "--class",
                                "7",
                                "-o",
                                png.toString())
                        .code())
                .isZero();
        assertThat(png).isRegularFile();
    }

    @Test
    void aTraversalDecodedAsOneClassStaysThatClass() {
        Path threes = dir.resolve("walk-3.npy");
        Console.Run walk = Console.run(
                "traverse",
                run.toString(),
                "--dims",
                "0,1",
                "--steps",
                "5",
                "--range",
                "2",
                "--class",
                "3",
                "-o",
                threes.toString());
        assertThat(walk.code()).as(walk.err()).isZero();
        assertThat(NumPyFiles.npy(threes).shape()).containsExactly(2, 5, 1, 8, 8);
        assertThat(count(judged(threes), 3)).as("threes among 10").isGreaterThanOrEqualTo(8);
        Console.Run bad = Console.run("traverse", run.toString(), "--class", "12");
        assertThat(bad.onlyError()).isEqualTo("genzoo: error: --class takes a class from 0 to 9, not 12");
    }

    @Test
    void evalScoresTheConditionalLikelihood() {
        Console.Run eval = Console.run(
                "eval",
                run.toString(),
                "--k",
                "1,20",
                "-o",
                dir.resolve("e.json").toString());
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("log p(x|y)");
    }

    @Test
    void dataWithoutLabelsAndComponentsThatTakeNoConditionAreRefusedBeforeTraining() {
        Path none = dir.resolve("never");
        Console.Run moons =
                Console.run("train", "--condition", "label", "--data", "moons", "--run-dir", none.toString());
        assertThat(moons.onlyError())
                .isEqualTo("genzoo: error: data 'moons' has no labels, so --condition label cannot be used; leave"
                        + " it out or use data with labels");
        Console.Run mixture =
                Console.run("train", "--condition", "label", "--encoder", "mlp-mixture", "--run-dir", none.toString());
        assertThat(mixture.onlyError())
                .isEqualTo("genzoo: error: encoder 'mlp-mixture' cannot take a condition, so it cannot be part of a"
                        + " model trained with --condition label");
        assertThat(none).doesNotExist();
    }

    @Test
    void anUnconditionalRunRefusesAClass() {
        Path plain = LegacyRuns.copy("vae-bernoulli", dir.resolve("plain"), java.util.List.of("checkpoint.zip"));
        for (String[] args : new String[][] {
            {"sample", plain.toString(), "--class", "3"},
            {"interpolate", plain.toString(), "--between", "0,1", "--class", "3"},
            {"traverse", plain.toString(), "--class", "3"}
        }) {
            Console.Run bad = Console.run(args);
            assertThat(bad.onlyError())
                    .as(args[0])
                    .isEqualTo("genzoo: error: --class needs a run trained with --condition label; this run's model"
                            + " is not conditional");
        }
    }
}
