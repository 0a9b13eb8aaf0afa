package dev.genzoo.api.distribution;

import static dev.genzoo.api.distribution.Reference.doubles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Normal#logProb} and {@link StandardNormal#logProb} against the Gaussian density written
 * out in doubles: per coordinate, summed over event axes of rank 1 and 2, and broadcast over
 * leading sample axes.
 */
final class NormalLogProbTest {
    private final Random random = new Random(7);
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private float[] uniform(int n, double low, double high) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (low + (high - low) * random.nextDouble());
        }
        return out;
    }

    @Test
    void perCoordinateWithoutEventAxes() {
        float[] loc = uniform(6, -2, 2);
        float[] logVar = uniform(6, -2, 2);
        float[] x = uniform(6, -4, 4);
        Normal normal =
                Normal.ofLogVariance(manager.create(loc, new Shape(2, 3)), manager.create(logVar, new Shape(2, 3)), 0);

        NDArray logProb = normal.logProb(manager.create(x, new Shape(2, 3)));

        assertThat(logProb.getShape()).isEqualTo(new Shape(2, 3));
        double[] got = doubles(logProb);
        for (int i = 0; i < 6; i++) {
            double expected = Reference.normalLogDensity(x[i], loc[i], logVar[i]);
            assertThat(got[i]).isCloseTo(expected, within(1e-5 * (1 + Math.abs(expected))));
        }
    }

    @Test
    void sumsOverARankTwoEvent() {
        Shape parameters = new Shape(2, 3, 4);
        float[] loc = uniform(24, -1, 1);
        float[] logVar = uniform(24, -1, 1);
        float[] x = uniform(24, -3, 3);
        Normal normal = Normal.ofLogVariance(manager.create(loc, parameters), manager.create(logVar, parameters), 2);

        assertThat(normal.batchShape()).isEqualTo(new Shape(2));
        assertThat(normal.eventShape()).isEqualTo(new Shape(3, 4));
        NDArray logProb = normal.logProb(manager.create(x, parameters));

        assertThat(logProb.getShape()).isEqualTo(new Shape(2));
        double[] got = doubles(logProb);
        for (int b = 0; b < 2; b++) {
            double expected = 0;
            for (int i = 12 * b; i < 12 * (b + 1); i++) {
                expected += Reference.normalLogDensity(x[i], loc[i], logVar[i]);
            }
            assertThat(got[b]).isCloseTo(expected, within(1e-5 * (1 + Math.abs(expected))));
        }
    }

    @Test
    void broadcastsSampleAxesOfTheValueAgainstTheBatch() {
        int k = 4;
        float[] loc = uniform(6, -1, 1);
        float[] logVar = uniform(6, -1, 1);
        float[] x = uniform(k * 6, -3, 3);
        Normal normal =
                Normal.ofLogVariance(manager.create(loc, new Shape(2, 3)), manager.create(logVar, new Shape(2, 3)), 1);

        NDArray logProb = normal.logProb(manager.create(x, new Shape(k, 2, 3)));

        assertThat(logProb.getShape()).isEqualTo(new Shape(k, 2));
        double[] got = doubles(logProb);
        for (int s = 0; s < k; s++) {
            for (int b = 0; b < 2; b++) {
                double expected = 0;
                for (int d = 0; d < 3; d++) {
                    expected += Reference.normalLogDensity(x[6 * s + 3 * b + d], loc[3 * b + d], logVar[3 * b + d]);
                }
                assertThat(got[2 * s + b]).isCloseTo(expected, within(1e-5 * (1 + Math.abs(expected))));
            }
        }
    }

    @Test
    void scalarLogVarianceBroadcastsOverTheMean() {
        float[] loc = uniform(6, -1, 1);
        float[] x = uniform(6, -2, 2);
        double logVar = 2 * Math.log(0.3);
        Normal normal = Normal.ofLogVariance(manager.create(loc, new Shape(2, 3)), manager.create((float) logVar), 1);

        double[] got = doubles(normal.logProb(manager.create(x, new Shape(2, 3))));

        assertThat(got).hasSize(2);
        for (int b = 0; b < 2; b++) {
            double expected = 0;
            for (int i = 3 * b; i < 3 * b + 3; i++) {
                expected += Reference.normalLogDensity(x[i], loc[i], (float) logVar);
            }
            assertThat(got[b]).isCloseTo(expected, within(1e-4 * (1 + Math.abs(expected))));
        }
    }

    @Test
    void standardNormalScoresEachDrawOverItsEvent() {
        float[] x = uniform(5 * 2 * 3, -3, 3);
        StandardNormal normal = new StandardNormal(manager, new Shape(2, 3));

        NDArray logProb = normal.logProb(manager.create(x, new Shape(5, 2, 3)));

        assertThat(normal.batchShape()).isEqualTo(new Shape());
        assertThat(logProb.getShape()).isEqualTo(new Shape(5));
        double[] got = doubles(logProb);
        for (int n = 0; n < 5; n++) {
            double expected = 0;
            for (int i = 6 * n; i < 6 * n + 6; i++) {
                expected += Reference.normalLogDensity(x[i], 0, 0);
            }
            assertThat(got[n]).isCloseTo(expected, within(1e-5 * (1 + Math.abs(expected))));
        }
    }

    /** A scalar Gaussian's results are 0-dim; they stay float32 like its parameters. */
    @Test
    void scalarDistributionKeepsTheParametersDataType() {
        Normal scalar = Normal.ofLogVariance(manager.create(0.5f), manager.create(-0.2f), 0);
        StandardNormal standard = new StandardNormal(manager, new Shape());

        NDArray logProb = scalar.logProb(manager.create(1.5f));

        assertThat(logProb.getDataType()).isEqualTo(DataType.FLOAT32);
        assertThat((double) logProb.getFloat()).isCloseTo(Reference.normalLogDensity(1.5, 0.5, -0.2f), within(1e-5));
        assertThat(scalar.rsample(new Shape()).getDataType()).isEqualTo(DataType.FLOAT32);
        assertThat(scalar.rsampleWithLogProb(new Shape()).logProb().getDataType())
                .isEqualTo(DataType.FLOAT32);
        assertThat(standard.logProb(manager.create(1.5f)).getDataType()).isEqualTo(DataType.FLOAT32);
    }

    @Test
    void meanIsTheLocation() {
        NDArray loc = manager.create(uniform(6, -1, 1), new Shape(2, 3));
        Normal normal = Normal.ofLogVariance(loc, manager.zeros(new Shape(2, 3)), 1);

        assertThat(normal.mean().toFloatArray()).containsExactly(loc.toFloatArray());
        assertThat(new StandardNormal(manager, new Shape(3)).mean().toFloatArray())
                .containsExactly(0f, 0f, 0f);
    }
}
