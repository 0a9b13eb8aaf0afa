package dev.genzoo.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Draw;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PPCA model's exact log p(x) against two computations that share nothing with the Cholesky
 * route: the eigen-decomposition of W W^T + sigma^2 I (W's columns are orthogonal, so its
 * eigenvectors are known), and Bayes' rule with the true posterior, log p(x) = log p(x|z) + log
 * p(z) - log p(z|x) for any z. Samples have the model's mean and covariance.
 */
final class ProbabilisticPcaTest {
    private static final double[][] W = {{1.0, 0.6}, {1.0, -0.6}, {1.0, 0.6}, {1.0, -0.6}, {0.0, 0.0}};
    private static final double[] B = {0.3, -0.2, 0.5, 0.1, -0.4};
    private static final double S2 = ProbabilisticPca.SIGMA * ProbabilisticPca.SIGMA;
    private static final int D = ProbabilisticPca.DATA;

    private ProbabilisticPca pca;

    @BeforeEach
    void setUp() {
        pca = ProbabilisticPca.standard(NDManager.newBaseManager());
    }

    @AfterEach
    void tearDown() {
        pca.close();
    }

    @Test
    void logLikelihoodMatchesTheEigenDecomposition() {
        float[] x = pca.sample(20, 1);
        double[] exact = pca.logLikelihood(x);
        for (int e = 0; e < 20; e++) {
            double logDet = (D - 2) * Math.log(S2);
            double quadratic = 0;
            double projected = 0;
            for (int j = 0; j < 2; j++) {
                double norm2 = 0;
                double dot = 0;
                for (int i = 0; i < D; i++) {
                    norm2 += W[i][j] * W[i][j];
                    dot += W[i][j] * (x[e * D + i] - B[i]);
                }
                double along = dot * dot / norm2;
                logDet += Math.log(norm2 + S2);
                quadratic += along / (norm2 + S2);
                projected += along;
            }
            double residual = 0;
            for (int i = 0; i < D; i++) {
                double r = x[e * D + i] - B[i];
                residual += r * r;
            }
            quadratic += (residual - projected) / S2;
            double expected = -0.5 * (D * Math.log(2 * Math.PI) + logDet + quadratic);
            assertThat(exact[e]).isCloseTo(expected, within(1e-6));
        }
    }

    @Test
    void logLikelihoodIsBayesRuleWithTheTruePosterior() {
        float[] x = pca.sample(10, 2);
        double[] exact = pca.logLikelihood(x);
        double[][] a = ProbabilisticPca.trueEncoderWeights();
        Random random = new Random(3);
        for (int e = 0; e < 10; e++) {
            double[] z = {random.nextGaussian() * 2, random.nextGaussian() * 2};
            double logJoint = 0;
            for (int i = 0; i < D; i++) {
                double mean = B[i] + W[i][0] * z[0] + W[i][1] * z[1];
                logJoint += normal(x[e * D + i], mean, S2);
            }
            double logPosterior = 0;
            for (int j = 0; j < 2; j++) {
                logJoint += normal(z[j], 0, 1);
                double m = S2;
                double mean = 0;
                for (int i = 0; i < D; i++) {
                    m += W[i][j] * W[i][j];
                    mean += (x[e * D + i] - B[i]) * a[i][j];
                }
                logPosterior += normal(z[j], mean, S2 / m);
            }
            assertThat(logJoint - logPosterior).isCloseTo(exact[e], within(1e-6));
        }
    }

    /** With the exact posterior as encoder, every draw's log-weight is log p(x): the ELBO is tight. */
    @Test
    void theExactPosteriorMakesEveryLogWeightTheLogLikelihood() {
        float[] x = pca.sample(6, 5);
        double[] exact = pca.logLikelihood(x);
        pca.useExactPosterior();
        try (NDManager scope = pca.manager().newSubManager()) {
            StepContext step = StepContext.evaluation(0, scope, new ParameterStore(scope, false));
            NDArray batch = scope.create(x, new Shape(6, D));
            Draw draw = ((Encoding.Density) pca.model().encoder().encode(batch, step))
                    .posterior()
                    .rsampleWithLogProb(new Shape(3));
            float[] logWeights = pca.model()
                    .decoder()
                    .decode(draw.value(), step)
                    .logProb(batch)
                    .add(pca.model().prior().distribution(step).logProb(draw.value()))
                    .sub(draw.logProb())
                    .toFloatArray();
            for (int k = 0; k < 3; k++) {
                for (int e = 0; e < 6; e++) {
                    assertThat((double) logWeights[k * 6 + e]).isCloseTo(exact[e], within(1e-4));
                }
            }
        }
    }

    @Test
    void samplesHaveTheModelsMeanAndCovariance() {
        int n = 20_000;
        float[] x = pca.sample(n, 4);
        for (int i = 0; i < D; i++) {
            double mean = 0;
            for (int e = 0; e < n; e++) {
                mean += x[e * D + i] / n;
            }
            double variance = S2 + W[i][0] * W[i][0] + W[i][1] * W[i][1];
            // 5 standard errors of a sample mean
            assertThat(mean).isCloseTo(B[i], within(5 * Math.sqrt(variance / n)));
            double second = 0;
            for (int e = 0; e < n; e++) {
                second += (x[e * D + i] - B[i]) * (x[e * D + i] - B[i]) / n;
            }
            // the variance of (x - b)^2 for a Gaussian is 2 v^2
            assertThat(second).isCloseTo(variance, within(5 * Math.sqrt(2 * variance * variance / n)));
        }
    }

    private static double normal(double x, double mean, double variance) {
        return -0.5 * Math.log(2 * Math.PI * variance) - (x - mean) * (x - mean) / (2 * variance);
    }
}
