package dev.genzoo.contract;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Condition;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Prior;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.distribution.StandardNormal;
import java.nio.FloatBuffer;
import java.util.Random;

/**
 * The kit's exact conditional model (issue 16): probabilistic PCA (Tipping and Bishop 1999) with
 * a class-dependent mean, z ~ N(0, I_d), x = W z + b + mu_y + e with e ~ N(0, sigma^2 I_D), so that
 * log p(x|y) = log N(x; b + mu_y, W W^T + sigma^2 I) in closed form, computed here in doubles.
 *
 * <p>W, b and sigma are those of {@link ProbabilisticPca}; the means mu_y are a trainable D x C
 * table the decoder reads through the one-hot condition. The encoder q(z|x, y) = N(x A + y^T G + a,
 * diag exp(s)) is linear in x and in the one-hot y, so it can hold the exact posterior N(M^-1 W^T
 * (x - b - mu_y), sigma^2 M^-1), M = W^T W + sigma^2 I; it starts at 0.3 times the true A, with G
 * = 0 and unit variances, a poor but proper proposal. Every component accepts the condition.
 */
public final class ConditionalProbabilisticPca implements AutoCloseable {
    /** C, the classes. */
    public static final int CLASSES = 3;

    private static final int DATA = ProbabilisticPca.DATA;
    private static final int LATENT = ProbabilisticPca.LATENT;
    private static final double SIGMA = ProbabilisticPca.SIGMA;

    /** The true mu_y, one row of D per class. */
    private static final double[][] TRUE_MEANS = {
        {1.0, 0.0, -1.0, 0.5, 0.0}, {-1.0, 0.5, 0.0, 0.0, 1.5}, {0.0, -1.5, 1.0, -0.5, 0.5}
    };

    private final NDManager manager;
    private final double[][] trueW;
    private final double[] trueB;
    private final Parameter w;
    private final Parameter b;
    private final Parameter means;
    private final Parameter a;
    private final Parameter g;
    private final Parameter aBias;
    private final Parameter logVariance;
    private final GenerativeModel model;
    private final BuildContext context;

    private ConditionalProbabilisticPca(NDManager manager) {
        this.manager = manager;
        this.trueW = ProbabilisticPca.trueLoadings();
        this.trueB = ProbabilisticPca.trueBias();
        double[][] posteriorA = ProbabilisticPca.trueEncoderWeights();
        double[] wT = new double[LATENT * DATA];
        double[] aStart = new double[DATA * LATENT];
        for (int i = 0; i < DATA; i++) {
            for (int j = 0; j < LATENT; j++) {
                wT[j * DATA + i] = trueW[i][j];
                aStart[i * LATENT + j] = ProbabilisticPca.ENCODER_START * posteriorA[i][j];
            }
        }
        double[] meanRows = new double[CLASSES * DATA];
        for (int c = 0; c < CLASSES; c++) {
            System.arraycopy(TRUE_MEANS[c], 0, meanRows, c * DATA, DATA);
        }
        w = parameter("w", new Shape(LATENT, DATA), wT);
        b = parameter("b", new Shape(DATA), trueB);
        means = parameter("class_means", new Shape(CLASSES, DATA), meanRows);
        a = parameter("a", new Shape(DATA, LATENT), aStart);
        g = parameter("g", new Shape(CLASSES, LATENT), new double[CLASSES * LATENT]);
        aBias = parameter("a_bias", new Shape(LATENT), new double[LATENT]);
        logVariance = parameter("log_variance", new Shape(LATENT), new double[LATENT]);
        Encoder encoder = new LinearGaussianEncoder();
        Prior prior = new StandardNormalPrior();
        Decoder decoder = new LinearGaussianDecoder();
        model = new GenerativeModel(encoder, prior, decoder);
        context = BuildContext.of(manager, new Shape(DATA))
                .withConditionSize(CLASSES)
                .withEncoder(encoder)
                .withPrior(prior)
                .withDecoder(decoder);
    }

    /**
     * The kit's conditional PPCA model on a manager, which it then owns.
     *
     * @param manager a fresh manager on the configured device
     * @return the model
     */
    public static ConditionalProbabilisticPca standard(NDManager manager) {
        return new ConditionalProbabilisticPca(manager);
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

    /**
     * The manager that owns the parameters.
     *
     * @return the manager
     */
    public NDManager manager() {
        return manager;
    }

    /**
     * The encoder, prior and decoder.
     *
     * @return the model
     */
    public GenerativeModel model() {
        return model;
    }

    /**
     * The components as a factory sees them, with a condition of {@link #CLASSES} features.
     *
     * @return the build context
     */
    public BuildContext buildContext() {
        return context;
    }

    /**
     * Labels uniform over the classes.
     *
     * @param n how many
     * @param seed the seed
     * @return one class per example
     */
    public static long[] labels(int n, long seed) {
        Random random = new Random(seed);
        long[] out = new long[n];
        for (int e = 0; e < n; e++) {
            out[e] = random.nextInt(CLASSES);
        }
        return out;
    }

    /**
     * Draws x ~ p(x|y) of the true model for given labels.
     *
     * @param labels one class per example
     * @param seed the seed
     * @return flattened examples, D per label
     */
    public float[] sample(long[] labels, long seed) {
        Random random = new Random(seed);
        float[] x = new float[labels.length * DATA];
        for (int e = 0; e < labels.length; e++) {
            double[] z = {random.nextGaussian(), random.nextGaussian()};
            for (int i = 0; i < DATA; i++) {
                double v = trueB[i] + TRUE_MEANS[(int) labels[e]][i] + SIGMA * random.nextGaussian();
                for (int j = 0; j < LATENT; j++) {
                    v += trueW[i][j] * z[j];
                }
                x[e * DATA + i] = (float) v;
            }
        }
        return x;
    }

    /**
     * log p(x|y) = log N(x; b + mu_y, W W^T + sigma^2 I) under the true parameters, in doubles.
     *
     * @param examples flattened examples
     * @param labels their classes
     * @return one log-density per example, in nats
     */
    public double[] logLikelihood(float[] examples, long[] labels) {
        double[][] covariance = new double[DATA][DATA];
        for (int i = 0; i < DATA; i++) {
            for (int k = 0; k < DATA; k++) {
                double sum = i == k ? SIGMA * SIGMA : 0;
                for (int j = 0; j < LATENT; j++) {
                    sum += trueW[i][j] * trueW[k][j];
                }
                covariance[i][k] = sum;
            }
        }
        Cholesky factor = Cholesky.of(covariance);
        double[] out = new double[labels.length];
        double[] x = new double[DATA];
        double[] mean = new double[DATA];
        for (int e = 0; e < labels.length; e++) {
            for (int i = 0; i < DATA; i++) {
                x[i] = examples[e * DATA + i];
                mean[i] = trueB[i] + TRUE_MEANS[(int) labels[e]][i];
            }
            out[e] = factor.gaussianLogDensity(x, mean);
        }
        return out;
    }

    /**
     * The encoder set to the exact posterior: A = W M^-1, G_y = -mu_y A, a = -b A, and
     * log-variances log(sigma^2 / M_jj), so that q(z|x, y) = p(z|x, y).
     */
    public void useExactPosterior() {
        double[][] exactA = ProbabilisticPca.trueEncoderWeights();
        float[] aValues = new float[DATA * LATENT];
        float[] gValues = new float[CLASSES * LATENT];
        float[] biasValues = new float[LATENT];
        float[] logVarValues = new float[LATENT];
        for (int j = 0; j < LATENT; j++) {
            double m = SIGMA * SIGMA;
            for (int i = 0; i < DATA; i++) {
                aValues[i * LATENT + j] = (float) exactA[i][j];
                biasValues[j] -= (float) (trueB[i] * exactA[i][j]);
                for (int c = 0; c < CLASSES; c++) {
                    gValues[c * LATENT + j] -= (float) (TRUE_MEANS[c][i] * exactA[i][j]);
                }
                m += trueW[i][j] * trueW[i][j];
            }
            logVarValues[j] = (float) Math.log(SIGMA * SIGMA / m);
        }
        a.getArray().set(FloatBuffer.wrap(aValues));
        g.getArray().set(FloatBuffer.wrap(gValues));
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

    private static NDArray features(StepContext step) {
        return step.condition()
                .map(Condition::features)
                .orElseThrow(() -> new GenzooException("the conditional PPCA needs a condition in every pass"));
    }

    /** q(z|x, y) = N(x A + y^T G + a, diag exp(s)). */
    private final class LinearGaussianEncoder implements Encoder {
        @Override
        public boolean acceptsCondition() {
            return true;
        }

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
            NDArray loc = x.matMul(read(a, step))
                    .add(features(step).matMul(read(g, step)))
                    .add(read(aBias, step));
            return Encoding.density(Normal.ofLogVariance(loc, read(logVariance, step), 1));
        }

        @Override
        public ParameterList parameters() {
            ParameterList list = new ParameterList();
            list.add("a", a);
            list.add("g", g);
            list.add("a_bias", aBias);
            list.add("log_variance", logVariance);
            return list;
        }
    }

    /** p(z|y) = p(z) = N(0, I). */
    private static final class StandardNormalPrior implements Prior {
        @Override
        public boolean acceptsCondition() {
            return true;
        }

        @Override
        public Distribution distribution(StepContext step) {
            return new StandardNormal(step.manager(), new Shape(LATENT));
        }
    }

    /** p(x|z, y) = N(z W^T + b + mu_y, sigma^2 I), broadcast over z's leading sample axes. */
    private final class LinearGaussianDecoder implements Decoder {
        private final float logNoiseVariance = (float) Math.log(SIGMA * SIGMA);

        @Override
        public boolean acceptsCondition() {
            return true;
        }

        @Override
        public Distribution decode(NDArray z, StepContext step) {
            NDArray mean = z.matMul(read(w, step))
                    .add(read(b, step))
                    .add(features(step).matMul(read(means, step)));
            NDArray logVar = step.manager().full(new Shape(), logNoiseVariance);
            return Normal.ofLogVariance(mean, logVar, 1);
        }

        @Override
        public ParameterList parameters() {
            ParameterList list = new ParameterList();
            list.add("w", w);
            list.add("b", b);
            list.add("class_means", means);
            return list;
        }
    }
}
