package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reads the real MNIST when GENZOO_MNIST_DIR names a directory holding it; skipped otherwise. */
final class MnistTest {
    @Test
    void readsSixtyThousandTrainAndTenThousandTestDigits() {
        String dir = System.getenv("GENZOO_MNIST_DIR");
        assumeTrue(
                dir != null && Files.isDirectory(Path.of(dir)),
                "set GENZOO_MNIST_DIR to a directory with MNIST's IDX files to run this test");

        DataSplit mnist = DataSources.load(dir);

        assertThat(mnist.train().size()).isEqualTo(60_000);
        assertThat(mnist.test().size()).isEqualTo(10_000);
        assertThat(mnist.train().exampleShape().getShape()).containsExactly(1, 28, 28);
        assertThat(mnist.test().exampleShape().getShape()).containsExactly(1, 28, 28);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : mnist.train().values()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isZero();
        assertThat(max).isEqualTo(1f);
        if (mnist.train().labels().isPresent()) {
            int[] labels = mnist.train().labels().get();
            assertThat(labels).hasSize(60_000);
            int[] counts = new int[10];
            for (int label : labels) {
                counts[label]++;
            }
            // Every digit appears between 5,000 and 7,000 times in MNIST's training set.
            for (int count : counts) {
                assertThat(count).isBetween(5_000, 7_000);
            }
        }
    }
}
