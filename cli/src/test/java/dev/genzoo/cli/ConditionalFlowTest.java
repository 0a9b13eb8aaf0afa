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
 * A class-conditional RealNVP (Dinh et al. 2017, its coupling networks reading the label's one-hot
 * vector beside the kept half) on the dequantized digits: an exact log p(x|y), samples of each
 * class judged to be that class by a classifier fitted here to the real digits, and z = f(x; y)
 * decoded under the same label returning x. MAF, whose masked networks take no condition, is
 * refused before training.
 */
final class ConditionalFlowTest {
    @TempDir
    static Path dir;

    private static Path run;
    private static DigitClassifier classifier;
    private static DataSplit digits;

    @BeforeAll
    static void trainAConditionalFlowAndAClassifier() {
        digits = DataSources.load("digits");
        classifier = DigitClassifier.fit(digits.train(), 10, 300, 0.5, 1e-4);
        run = dir.resolve("conditional-realnvp");
        Console.Run train = Console.run(
                "train",
                "--encoder",
                "realnvp",
                "--data",
                "digits",
                "-P",
                "hidden=64,64",
                "-P",
                "logit-alpha=0.05",
                "--condition",
                "label",
                "--epochs",
                "100",
                "--seed",
                "0",
                "--tensorboard",
                "false",
                "--run-dir",
                run.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("test bound on log p(x|y): -");
    }

    @Test
    void samplesOfEachClassAreJudgedToBeOfThatClass() {
        Path out = dir.resolve("rows.npy");
        Console.Run sample = Console.run("sample", run.toString(), "-n", "300", "-o", out.toString());
        assertThat(sample.code()).as(sample.err()).isZero();
        int[] verdicts = classifier.judge(out);
        assertThat(verdicts).hasSize(300);
        StringBuilder report = new StringBuilder("conditional RealNVP samples judged to be of their class:");
        double worst = 1;
        for (int c = 0; c < 10; c++) {
            int right = 0;
            for (int i = c * 30; i < (c + 1) * 30; i++) {
                right += verdicts[i] == c ? 1 : 0;
            }
            worst = Math.min(worst, right / 30.0);
            report.append(String.format(Locale.ROOT, " %d: %.2f", c, right / 30.0));
        }
        System.out.println(report);
        assertThat(worst).isGreaterThanOrEqualTo(0.8);
    }

    /**
     * Two test digits of one class: each end of the path is f^-1(f(x; y); y), x being the test digit
     * as the run sees it, dequantized (level + u) / 17 with u uniform in [0, 1): every decoded pixel
     * lies in its digit's cell [level / 17, (level + 1) / 17). (The coupling's inverse under a label
     * is exact to 1e-5 in {@code LogDeterminantTest}.)
     */
    @Test
    void theInverseUnderTheSameLabelReturnsTheInput() {
        int[] labels = digits.test().labels().orElseThrow();
        int second = 1;
        while (labels[second] != labels[0]) {
            second++;
        }
        Path out = dir.resolve("path.npy");
        Console.Run path = Console.run(
                "interpolate", run.toString(), "--between", "0," + second, "--steps", "2", "-o", out.toString());
        assertThat(path.code()).as(path.err()).isZero();
        double[] ends = NumPyFiles.npy(out).values();
        float[] test = digits.test().values();
        int d = 64;
        for (int i = 0; i < d; i++) {
            for (int end = 0; end < 2; end++) {
                int example = end == 0 ? 0 : second;
                long level = Math.round(test[example * d + i] * 16);
                assertThat(Math.floor(ends[end * d + i] * 17))
                        .as("the cell of pixel %d of example %d, level %d", i, example, level)
                        .isEqualTo((double) level);
            }
        }
    }

    @Test
    void mafTakesNoConditionAndIsRefusedBeforeTraining() {
        Path never = dir.resolve("never");
        Console.Run maf = Console.run(
                "train", "--encoder", "maf", "--data", "digits", "--condition", "label", "--run-dir", never.toString());
        assertThat(maf.onlyError())
                .isEqualTo("genzoo: error: encoder 'maf' cannot take a condition, so it cannot be part of a model"
                        + " trained with --condition label");
        assertThat(never).doesNotExist();
    }
}
