package dev.genzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genzoo.runtime.data.DataSources;
import dev.genzoo.runtime.data.DataSplit;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class-conditional DDPM with classifier-free guidance (Ho and Salimans 2022) trained briefly on
 * the digits with {@code --condition label}: a classifier fitted here to the real digits labels
 * guided samples of class c as c, more often with guidance w = 3 than without (w = 0), for the
 * DDIM and the ancestral sampler; eval bounds log p(x|y); guidance is refused where it means
 * nothing. The training is cut to fit CI (T = 200, 14 epochs of 23 steps); with {@code
 * -Dgenzoo.guidance.run=RUN_DIR} the same checks judge a longer run instead (docs/results.md).
 */
final class GuidedDiffusionTest {
    private static final int PER_CLASS = 30;

    /** A system property naming a longer run to judge instead of training one (docs/results.md). */
    private static final String LONGER_RUN = "genzoo.guidance.run";

    @TempDir
    static Path dir;

    private static Path run;
    private static DigitClassifier classifier;

    @BeforeAll
    static void trainAConditionalDiffusionAndAClassifier() {
        DataSplit digits = DataSources.load("digits");
        classifier = DigitClassifier.fit(digits.train(), 10, 300, 0.5, 1e-4);
        String given = System.getProperty(LONGER_RUN);
        if (given != null) {
            run = Path.of(given);
            return;
        }
        run = dir.resolve("cddpm");
        Console.Run train = Console.run(
                "train",
                "--encoder",
                "diffusion",
                "--data",
                "digits",
                "--binarize",
                "none",
                "-P",
                "levels=17",
                "-P",
                "timesteps=200",
                "-P",
                "hidden=256,256,256",
                "-P",
                "bound-timesteps=2",
                "--condition",
                "label",
                "--lr",
                "2e-3",
                "--batch-size",
                "64",
                "--epochs",
                "14",
                "--seed",
                "0",
                "--run-dir",
                run.toString());
        assertThat(train.code()).as(train.err()).isZero();
    }

    /** The fraction of each class's rows of samples that the classifier calls that class. */
    private static double[] judged(Path samples, int perClass) {
        double[] drawn = NumPyFiles.npy(samples).values();
        float[] values = new float[drawn.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) drawn[i];
        }
        int classes = values.length / 64 / perClass;
        double[] right = new double[classes];
        for (int c = 0; c < classes; c++) {
            for (int i = c * perClass; i < (c + 1) * perClass; i++) {
                right[c] += classifier.predict(values, i) == c ? 1.0 / perClass : 0;
            }
        }
        return right;
    }

    private static double[] sample(String name, String... options) {
        Path out = dir.resolve(name + ".npy");
        List<String> words = new java.util.ArrayList<>(
                List.of("sample", run.toString(), "-n", String.valueOf(10 * PER_CLASS), "-o", out.toString()));
        words.addAll(List.of(options));
        Console.Run sample = Console.run(words.toArray(String[]::new));
        assertThat(sample.code()).as(sample.err()).isZero();
        double[] right = judged(out, PER_CLASS);
        StringBuilder report = new StringBuilder(name + ", samples judged to be of their class:");
        for (int c = 0; c < right.length; c++) {
            report.append(String.format(Locale.ROOT, " %d: %.2f", c, right[c]));
        }
        System.out.println(report.append(String.format(Locale.ROOT, "; mean %.3f", mean(right))));
        return right;
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElseThrow();
    }

    private static double worst(double[] values) {
        return java.util.Arrays.stream(values).min().orElseThrow();
    }

    @Test
    void guidedSamplesOfEachClassAreJudgedToBeOfThatClassMoreOftenThanUnguided() {
        double[] guided = sample("ddim-w3", "--sampler", "ddim", "--guidance", "3");
        double[] plain = sample("ddim-w0", "--sampler", "ddim", "--guidance", "0");

        assertThat(worst(guided)).as("the worst class with w = 3").isGreaterThanOrEqualTo(0.8);
        assertThat(mean(guided)).isGreaterThan(mean(plain));
    }

    @Test
    void theAncestralSamplerIsGuidedToo() {
        double[] guided = sample("ancestral-w3", "--guidance", "3", "--steps", "50");

        assertThat(worst(guided)).as("the worst class with w = 3").isGreaterThanOrEqualTo(0.8);
    }

    private static String[] tiny(Path runDir, int epochs, String... more) {
        List<String> words = new java.util.ArrayList<>(List.of(
                "train",
                "--encoder",
                "diffusion",
                "--binarize",
                "none",
                "-P",
                "levels=17",
                "-P",
                "timesteps=20",
                "-P",
                "hidden=32",
                "-P",
                "p-uncond=0.5",
                "-P",
                "bound-timesteps=2",
                "--condition",
                "label",
                "--epochs",
                String.valueOf(epochs),
                "--seed",
                "4"));
        words.addAll(List.of(more));
        words.addAll(List.of("--run-dir", runDir.toString()));
        return words.toArray(String[]::new);
    }

    private static List<String> withoutSeconds(Path metrics) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(metrics).stream()
                .map(line -> line.replaceFirst("^([^,]*,[^,]*,)[^,]*", "$1"))
                .toList();
    }

    /** Each parameter's values in a checkpoint, by name. */
    private static java.util.Map<String, double[]> parameters(Path checkpoint, Path into) throws java.io.IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(checkpoint.toFile())) {
            java.nio.file.Files.write(
                    into, zip.getInputStream(zip.getEntry("parameters.npz")).readAllBytes());
        }
        java.util.Map<String, double[]> out = new java.util.TreeMap<>();
        NumPyFiles.npz(into).forEach((name, array) -> out.put(name, array.values()));
        return out;
    }

    /** The labels dropped in each step come from the step's seeded generator, so a resume is exact. */
    @Test
    void aResumedConditionalDiffusionEndsWhereAnUninterruptedOneDoes() throws java.io.IOException {
        Path whole = dir.resolve("whole");
        Path split = dir.resolve("split");
        assertThat(Console.run(tiny(whole, 3)).code()).isZero();
        assertThat(Console.run(tiny(split, 1)).code()).isZero();
        Console.Run resumed = Console.run("train", "--resume", split.toString(), "--epochs", "3");
        assertThat(resumed.code()).as(resumed.err()).isZero();

        assertThat(withoutSeconds(split.resolve("metrics.csv")))
                .hasSize(4)
                .isEqualTo(withoutSeconds(whole.resolve("metrics.csv")));
        java.util.Map<String, double[]> resumedParameters =
                parameters(split.resolve("checkpoint.zip"), dir.resolve("split.npz"));
        java.util.Map<String, double[]> wholeParameters =
                parameters(whole.resolve("checkpoint.zip"), dir.resolve("whole.npz"));
        assertThat(resumedParameters.keySet())
                .contains("decoder.class.embedding")
                .isEqualTo(wholeParameters.keySet());
        resumedParameters.forEach(
                (name, values) -> assertThat(values).as(name).containsExactly(wholeParameters.get(name)));
    }

    @Test
    void evalBoundsTheConditionalLikelihood() {
        Console.Run eval =
                Console.run("eval", run.toString(), "-o", dir.resolve("e.json").toString());
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("log p(x|y)");
    }

    @Test
    void guidanceIsRefusedWhereItMeansNothing() {
        Path vae = LegacyRuns.copy("vae-bernoulli", dir.resolve("vae"), List.of("checkpoint.zip"));
        assertThat(Console.run("sample", vae.toString(), "--guidance", "2").onlyError())
                .isEqualTo("genzoo: error: --guidance weighs a diffusion's noise predictions, and this run's decoder"
                        + " predicts none");
        Path ddpm = LegacyRuns.copy("ddpm-mlp", dir.resolve("ddpm"), List.of("checkpoint.zip"));
        assertThat(Console.run("sample", ddpm.toString(), "--guidance", "2").onlyError())
                .isEqualTo("genzoo: error: --guidance needs a diffusion trained with --condition label; this run's"
                        + " model is not conditional");
    }
}
