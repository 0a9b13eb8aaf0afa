package dev.genzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genzoo.runtime.data.DataSources;
import dev.genzoo.runtime.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * encode, interpolate, traverse and sample -o .npy on the small trained runs kept as fixtures, each
 * number checked against the data read here on their own.
 */
final class LatentSpaceTest {
    @TempDir
    static Path dir;

    private static Dataset moons;
    private static Dataset digits;

    @BeforeAll
    static void data() {
        moons = DataSources.load("moons").test();
        digits = DataSources.load("digits").test();
    }

    private static Path fixture(String name, String copy) {
        return LegacyRuns.copy(name, dir.resolve(copy), List.of("checkpoint.zip"));
    }

    private static void ok(Console.Run run) {
        assertThat(run.code()).as(run.err()).isZero();
    }

    private static double[] example(Dataset data, int i) {
        int size = data.exampleSize();
        double[] x = new double[size];
        for (int j = 0; j < size; j++) {
            x[j] = data.values()[i * size + j];
        }
        return x;
    }

    private static double maxDifference(double[] values, int row, double[] expected) {
        double worst = 0;
        for (int j = 0; j < expected.length; j++) {
            worst = Math.max(worst, Math.abs(values[row * expected.length + j] - expected[j]));
        }
        return worst;
    }

    @Test
    void aFlowsInterpolationStartsAndEndsExactlyAtItsInputs() {
        Path run = fixture("realnvp", "realnvp");
        Path out = dir.resolve("flow-path.npy");
        ok(Console.run("interpolate", run.toString(), "--between", "3,7", "--steps", "5", "-o", out.toString()));
        NumPyFiles.Array path = NumPyFiles.npy(out);
        assertThat(path.shape()).containsExactly(5, 2);
        assertThat(maxDifference(path.values(), 0, example(moons, 3))).isLessThan(1e-5);
        assertThat(maxDifference(path.values(), 4, example(moons, 7))).isLessThan(1e-5);
        assertThat(maxDifference(path.values(), 2, example(moons, 3))).isGreaterThan(1e-3);
    }

    @Test
    void aFlowsCodesDecodeBackToTheTestSplit() {
        Path run = fixture("realnvp", "realnvp-codes");
        Path codes = dir.resolve("flow.npz");
        ok(Console.run("encode", run.toString(), "-o", codes.toString()));
        Map<String, NumPyFiles.Array> npz = NumPyFiles.npz(codes);
        assertThat(npz.get("z").shape()).containsExactly(moons.size(), 2);
        assertThat(maxDifference(npz.get("z").values(), 0, example(moons, 0))).isGreaterThan(1e-3);
        // a two-point path from an example to itself is decode(encode(x)) twice
        Path out = dir.resolve("flow-self.npy");
        ok(Console.run("interpolate", run.toString(), "--between", "11,11", "--steps", "2", "-o", out.toString()));
        assertThat(maxDifference(NumPyFiles.npy(out).values(), 1, example(moons, 11)))
                .isLessThan(1e-5);
    }

    @Test
    void ddimInversionThenSamplingReturnsCloseToTheInputs() {
        Path run = fixture("ddpm-mlp", "ddpm-mlp");
        Path out = dir.resolve("ddpm-path.npy");
        ok(Console.run(
                "interpolate",
                run.toString(),
                "--between",
                "0,5",
                "--steps",
                "3",
                "--ddim-steps",
                "10",
                "--slerp",
                "-o",
                out.toString()));
        NumPyFiles.Array path = NumPyFiles.npy(out);
        double first = maxDifference(path.values(), 0, example(moons, 0));
        double last = maxDifference(path.values(), 2, example(moons, 5));
        System.out.printf(
                "ddpm-mlp fixture (T = 10, one epoch), DDIM 10 steps: round trip %.2e and %.2e%n", first, last);
        assertThat(Math.max(first, last)).isLessThan(5e-3);
    }

    @Test
    void encodeWritesPosteriorMeansWithTheDigitsLabels() {
        Path run = fixture("vae-bernoulli", "vae");
        Path codes = dir.resolve("vae.npz");
        ok(Console.run("encode", run.toString(), "-o", codes.toString()));
        Map<String, NumPyFiles.Array> npz = NumPyFiles.npz(codes);
        assertThat(npz.keySet()).containsExactly("z", "labels");
        assertThat(npz.get("z").shape()).containsExactly(digits.size(), 2);
        assertThat(npz.get("labels").dtype()).isEqualTo("<i4");
        int[] labels = digits.labels().orElseThrow();
        assertThat(npz.get("labels").values())
                .containsExactly(Arrays.stream(labels).asDoubleStream().toArray());
        Path train = dir.resolve("vae-train.npz");
        ok(Console.run("encode", run.toString(), "--split", "train", "-o", train.toString()));
        assertThat(NumPyFiles.npz(train).get("z").shape()[0])
                .isEqualTo(DataSources.load("digits").train().size());
    }

    @Test
    void aVqVaesCodesAreItsIndicesAndItsPathIsQuantized() {
        Path run = fixture("vqvae", "vqvae");
        Path codes = dir.resolve("vq.npz");
        ok(Console.run("encode", run.toString(), "-o", codes.toString()));
        Map<String, NumPyFiles.Array> npz = NumPyFiles.npz(codes);
        assertThat(npz.keySet()).containsExactly("z", "indices", "labels");
        assertThat(npz.get("indices").shape()).containsExactly(digits.size(), 4, 4);
        assertThat(Arrays.stream(npz.get("indices").values()).min().orElseThrow())
                .isGreaterThanOrEqualTo(0);
        assertThat(Arrays.stream(npz.get("indices").values()).max().orElseThrow())
                .isLessThanOrEqualTo(7);
        Path png = dir.resolve("vq.png");
        ok(Console.run("interpolate", run.toString(), "--between", "0,1", "-o", png.toString()));
        assertThat(png).isNotEmptyFile();
        Console.Run traverse = Console.run("traverse", run.toString());
        assertThat(traverse.onlyError()).contains("z_e, then quantized");
    }

    @Test
    void aTraversalHasOneRowPerDimensionThatMovesOnlyWithIt() {
        Path run = fixture("vae-bernoulli", "vae-traverse");
        Path out = dir.resolve("walk.npy");
        ok(Console.run(
                "traverse", run.toString(), "--dims", "1,0", "--range", "2", "--steps", "4", "-o", out.toString()));
        NumPyFiles.Array walk = NumPyFiles.npy(out);
        assertThat(walk.shape()).containsExactly(2, 4, 1, 8, 8);
        assertThat(Arrays.stream(walk.values()).allMatch(p -> p >= 0 && p <= 1)).isTrue();
        assertThat(Files.exists(run.resolve("traversal.png"))).isFalse();
        ok(Console.run("traverse", run.toString()));
        assertThat(run.resolve("traversal.png")).isNotEmptyFile();
        Console.Run bad = Console.run("traverse", run.toString(), "--dims", "2");
        assertThat(bad.onlyError()).isEqualTo("genzoo: error: --dims takes latent dimensions 0 to 1; 2 is not one");
    }

    @Test
    void samplesGoToNumPyWhenTheFileSaysSo() {
        Path run = fixture("vae-bernoulli", "vae-sample");
        Path out = dir.resolve("samples.npy");
        ok(Console.run("sample", run.toString(), "-n", "6", "-o", out.toString()));
        NumPyFiles.Array samples = NumPyFiles.npy(out);
        assertThat(samples.shape()).containsExactly(6, 1, 8, 8);
        assertThat(Arrays.stream(samples.values()).allMatch(p -> p >= 0 && p <= 1))
                .isTrue();
    }

    @Test
    void anExampleOutsideTheTestSplitIsRefused() {
        Path run = fixture("vae-bernoulli", "vae-bad");
        Console.Run bad = Console.run("interpolate", run.toString(), "--between", "0," + digits.size());
        assertThat(bad.onlyError())
                .isEqualTo("genzoo: error: --between takes test examples 0 to " + (digits.size() - 1) + "; "
                        + digits.size() + " is not one");
    }
}
