package dev.genzoo.contract;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Prior;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.distribution.StandardNormal;
import java.nio.FloatBuffer;
import java.util.Random;

/**
 * Probabilistic PCA (Tipping and Bishop 1999), the kit's exact model for density encoders: z ~
 * N(0, I_d), x = W z + b + e with e ~ N(0, sigma^2 I_D), so that p(x) = N(x; b, W W^T + sigma^2 I)
 * in closed form (their equation 6), computed here in doubles with a Cholesky factor.
 *
 * <p>The components: the prior N(0, I); the decoder p(x|z) = N(W z + b, sigma^2 I) with W and b
 * trainable (sigma fixed); the encoder q(z|x) = N(x A + a, diag exp(s)), trainable, amortized and
 * linear like the true posterior. The true W has orthogonal columns, so the true posterior N(M^-1
 * W^T (x - b), sigma^2 M^-1) with M = W^T W + sigma^2 I has a diagonal covariance that does not
 * depend on x: the encoder can represent it exactly, and the ELBO can reach log p(x). The encoder
 * starts at 0.3 times the true posterior's A and with unit variances, a poor but proper proposal,
 * so every bound starts several nats below log p(x).
 */
public final class ProbabilisticPca implements ExactModel {
    /** D, the data dimensions. */
    public static final int DATA = 5;
    /** d, the latent dimensions. */
    public static final int LATENT = 2;
    /** sigma, the noise's standard deviation. */
    public static final double SIGMA = 0.5;
    /** The encoder's start, as a fraction of the true posterior's A. */
    static final double ENCODER_START = 0.3;

    /** The true W, D x d, columns 2 u1 and 1.2 u2 for orthonormal u1, u2. */
    private static final double[][] TRUE_W = {{1.0, 0.6}, {1.0, -0.6}, {1.0, 0.6}, {1.0, -0.6}, {0.0, 0.0}};
    /** The true b. */
    private static final double[] TRUE_B = {0.3, -0.2, 0.5, 0.1, -0.4};

    private final NDManager manager;
    private final Parameter w;
    private final Parameter b;
    private final Parameter a;
    private final Parameter aBias;
    private final Parameter logVariance;
    private final GenerativeModel model;
    private final BuildContext context;

    private ProbabilisticPca(NDManager manager) {
        this.manager = manager;
        double[][] posteriorA = trueEncoderWeights();
        double[] wT = new double[LATENT * DATA];
        double[] aStart = new double[DATA * LATENT];
        for (int i = 0; i < DATA; i++) {
            for (int j = 0; j < LATENT; j++) {
                wT[j * DATA + i] = TRUE_W[i][j];
                aStart[i * LATENT + j] = ENCODER_START * posteriorA[i][j];
            }
        }
        w = parameter("w", new Shape(LATENT, DATA), wT);
        b = parameter("b", new Shape(DATA), TRUE_B);
        a = parameter("a", new Shape(DATA, LATENT), aStart);
        aBias = parameter("a_bias", new Shape(LATENT), new double[LATENT]);
        logVariance = parameter("log_variance", new Shape(LATENT), new double[LATENT]);
        Encoder encoder = new LinearGaussianEncoder();
        Prior prior = new StandardNormalPrior();
        Decoder decoder = new LinearGaussianDecoder();
        model = new GenerativeModel(encoder, prior, decoder);
        context = BuildContext.of(manager, new Shape(DATA))
                .withEncoder(encoder)
                .withPrior(prior)
                .withDecoder(decoder);
    }

    /**
     * The kit's PPCA model on a manager, which it then owns.
     *
     * @param manager a fresh manager on the configured device
     * @return the model
     */
    public static ProbabilisticPca standard(NDManager manager) {
        return new ProbabilisticPca(manager);
    }

    /** The true W, D x d, a copy. */
    static double[][] trueLoadings() {
        double[][] out = new double[DATA][];
        for (int i = 0; i < DATA; i++) {
            out[i] = TRUE_W[i].clone();
        }
        return out;
    }

    /** The true b, a copy. */
    static double[] trueBias() {
        return TRUE_B.clone();
    }

    /** A = W M^-1 (D x d), the true posterior mean's weights: E[z|x] = (x - b) A. */
    static double[][] trueEncoderWeights() {
        double[][] out = new double[DATA][LATENT];
        for (int j = 0; j < LATENT; j++) {
            double m = SIGMA * SIGMA;
            for (int i = 0; i < DATA; i++) {
                m += TRUE_W[i][j] * TRUE_W[i][j];
            }
            for (int i = 0; i < DATA; i++) {
                out[i][j] = TRUE_W[i][j] / m;
            }
        }
        return out;
    }

    private Parameter parameter(String name, Shape shape, double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        Parameter parameter = Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(shape)
                .optInitializer((m, s, type) -> {
                    try (NDArray given = m.create(floats, s)) {
                        return given.duplicate();
                    }
                })
                .build();
        parameter.initialize(manager, DataType.FLOAT32);
        return parameter;
    }

    @Override
    public EncoderKind kind() {
        return EncoderKind.DENSITY;
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public Shape dataShape() {
        return new Shape(DATA);
    }

    @Override
    public GenerativeModel model() {
        return model;
    }

    @Override
    public BuildContext buildContext() {
        return context;
    }

    @Override
    public float[] sample(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n * DATA];
        for (int e = 0; e < n; e++) {
            double[] z = new double[LATENT];
            for (int j = 0; j < LATENT; j++) {
                z[j] = random.nextGaussian();
            }
            for (int i = 0; i < DATA; i++) {
                double v = TRUE_B[i] + SIGMA * random.nextGaussian();
                for (int j = 0; j < LATENT; j++) {
                    v += TRUE_W[i][j] * z[j];
                }
                x[e * DATA + i] = (float) v;
            }
        }
        return x;
    }

    @Override
    public double[] logLikelihood(float[] examples) {
        float[] wT = w.getArray().toFloatArray();
        float[] bias = b.getArray().toFloatArray();
        double[][] covariance = new double[DATA][DATA];
        for (int i = 0; i < DATA; i++) {
            for (int k = 0; k < DATA; k++) {
                double sum = i == k ? SIGMA * SIGMA : 0;
                for (int j = 0; j < LATENT; j++) {
                    sum += (double) wT[j * DATA + i] * wT[j * DATA + k];
                }
                covariance[i][k] = sum;
            }
        }
        Cholesky factor = Cholesky.of(covariance);
        double[] mean = new double[DATA];
        for (int i = 0; i < DATA; i++) {
            mean[i] = bias[i];
        }
        int n = examples.length / DATA;
        double[] out = new double[n];
        double[] x = new double[DATA];
        for (int e = 0; e < n; e++) {
            for (int i = 0; i < DATA; i++) {
                x[i] = examples[e * DATA + i];
            }
            out[e] = factor.gaussianLogDensity(x, mean);
        }
        return out;
    }

    /** A = W M^-1, a = -b A, and log-variances log(sigma^2 / M_jj): q(z|x) = p(z|x) exactly. */
    @Override
    public void useExactPosterior() {
        double[][] exactA = trueEncoderWeights();
        float[] aValues = new float[DATA * LATENT];
        float[] biasValues = new float[LATENT];
        float[] logVarValues = new float[LATENT];
        for (int j = 0; j < LATENT; j++) {
            double m = SIGMA * SIGMA;
            for (int i = 0; i < DATA; i++) {
                aValues[i * LATENT + j] = (float) exactA[i][j];
                biasValues[j] -= (float) (TRUE_B[i] * exactA[i][j]);
                m += TRUE_W[i][j] * TRUE_W[i][j];
            }
            logVarValues[j] = (float) Math.log(SIGMA * SIGMA / m);
        }
        a.getArray().set(FloatBuffer.wrap(aValues));
        aBias.getArray().set(FloatBuffer.wrap(biasValues));
        logVariance.getArray().set(FloatBuffer.wrap(logVarValues));
    }

    @Override
    public void close() {
        manager.close();
    }

    private NDArray read(Parameter parameter, StepContext step) {
        return step.parameterStore().getValue(parameter, step.manager().getDevice(), step.training());
    }

    /** q(z|x) = N(x A + a, diag exp(s)). */
    private final class LinearGaussianEncoder implements Encoder {
        @Override
        public EncoderKind kind() {
            return EncoderKind.DENSITY;
        }

        @Override
        public Shape latentShape() {
            return new Shape(LATENT);
        }

        @Override
        public Encoding encode(NDArray x, StepContext step) {
            NDArray loc = x.matMul(read(a, step)).add(read(aBias, step));
            return Encoding.density(Normal.ofLogVariance(loc, read(logVariance, step), 1));
        }

        @Override
        public ParameterList parameters() {
            ParameterList list = new ParameterList();
            list.add("a", a);
            list.add("a_bias", aBias);
            list.add("log_variance", logVariance);
            return list;
        }
    }

    /** p(z) = N(0, I). */
    private static final class StandardNormalPrior implements Prior {
        @Override
        public Distribution distribution(StepContext step) {
            return new StandardNormal(step.manager(), new Shape(LATENT));
        }
    }

    /** p(x|z) = N(z W^T + b, sigma^2 I). */
    private final class LinearGaussianDecoder implements Decoder {
        private final float logNoiseVariance = (float) Math.log(SIGMA * SIGMA);

        @Override
        public Distribution decode(NDArray z, StepContext step) {
            NDArray mean = z.matMul(read(w, step)).add(read(b, step));
            NDArray logVar = step.manager().full(new Shape(), logNoiseVariance);
            return Normal.ofLogVariance(mean, logVar, 1);
        }

        @Override
        public ParameterList parameters() {
            ParameterList list = new ParameterList();
            list.add("w", w);
            list.add("b", b);
            return list;
        }
    }
}
