package dev.genzoo.contract;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.GenerativeModel;
import java.util.Random;

/**
 * The kit's exact model for objectives whose model has a density of its own but no posterior to
 * set, a flow (bijection) or a diffusion (fixed process): data from a known Gaussian N(mu, diag
 * s^2), any model built from a {@link ModelRecipe}. Its {@link #logLikelihood} is the data's own
 * density, in closed form. For any model, E_data[log p_model(x)] <= E_data[log p_data(x)] (Gibbs'
 * inequality: the difference is -KL(p_data || p_model)), so a bound on the model's log p(x), or a
 * flow's exact log-density, is at most it in expectation over {@link #sample}: the kit's first
 * check holds, and a bound that exceeds the data's own density on average is wrong.
 *
 * <p>The standard data, mu = (1.5, -1, 0.5) and s = (0.5, 2, 1), are far from N(0, I), which is
 * where flows and diffusions start (a flow at the identity over a N(0, I) base is 2.9 nats per
 * example below them), so training has something to gain. There is no exact posterior: {@link
 * #useExactPosterior} says why.
 */
public final class GaussianData implements ExactModel {
    /** mu of the standard data. */
    static final double[] MEAN = {1.5, -1.0, 0.5};
    /** s of the standard data. */
    static final double[] STANDARD_DEVIATION = {0.5, 2.0, 1.0};

    private final NDManager manager;
    private final double[] mean;
    private final double[] deviation;
    private final BuildContext context;
    private final GenerativeModel model;

    private GaussianData(NDManager manager, double[] mean, double[] deviation, BuildContext context) {
        this.manager = manager;
        this.mean = mean.clone();
        this.deviation = deviation.clone();
        this.context = context;
        this.model = ModelRecipe.modelOf(context);
    }

    /**
     * The standard data, mu = (1.5, -1, 0.5), s = (0.5, 2, 1), under a model built from a recipe
     * on a manager, which the model then owns.
     *
     * @param recipe the model's components and options
     * @param manager a fresh manager on the configured device
     * @return the model
     */
    public static GaussianData standard(ModelRecipe recipe, NDManager manager) {
        return of(recipe, MEAN, STANDARD_DEVIATION, manager);
    }

    /**
     * Data N(mu, diag s^2) under a model built from a recipe (the engine seeded with 0) on a
     * manager, which the model then owns.
     *
     * @param recipe the model's components and options
     * @param mean mu, one per dimension
     * @param deviation s, one positive value per dimension
     * @param manager a fresh manager on the configured device
     * @return the model
     * @throws IllegalArgumentException if mu and s differ in length or an s is not positive
     */
    public static GaussianData of(ModelRecipe recipe, double[] mean, double[] deviation, NDManager manager) {
        try {
            if (mean.length != deviation.length || mean.length == 0) {
                throw new IllegalArgumentException(
                        "mu and s need one value per dimension, got " + mean.length + " and " + deviation.length);
            }
            for (double s : deviation) {
                if (!(s > 0)) {
                    throw new IllegalArgumentException("standard deviations must be positive, got " + s);
                }
            }
            BuildContext context = recipe.build(manager, new Shape(mean.length), 0);
            return new GaussianData(manager, mean, deviation, context);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public EncoderKind kind() {
        return model.encoder().kind();
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public Shape dataShape() {
        return new Shape(mean.length);
    }

    @Override
    public GenerativeModel model() {
        return model;
    }

    @Override
    public BuildContext buildContext() {
        return context;
    }

    /** x = mu + s * g with g ~ N(0, I), from a {@link Random} of this seed. */
    @Override
    public float[] sample(int n, long seed) {
        Random random = new Random(seed);
        int d = mean.length;
        float[] x = new float[n * d];
        for (int e = 0; e < n; e++) {
            for (int i = 0; i < d; i++) {
                x[e * d + i] = (float) (mean[i] + deviation[i] * random.nextGaussian());
            }
        }
        return x;
    }

    /**
     * The data's log-density, sum_i log N(x_i; mu_i, s_i^2), whatever the model's parameters: the
     * limit of the model's expected log-likelihood on these data.
     */
    @Override
    public double[] logLikelihood(float[] examples) {
        int d = mean.length;
        double constant = 0;
        for (double s : deviation) {
            constant -= 0.5 * Math.log(2 * Math.PI) + Math.log(s);
        }
        double[] out = new double[examples.length / d];
        for (int e = 0; e < out.length; e++) {
            double sum = constant;
            for (int i = 0; i < d; i++) {
                double u = (examples[e * d + i] - mean[i]) / deviation[i];
                sum -= 0.5 * u * u;
            }
            out[e] = sum;
        }
        return out;
    }

    /**
     * There is none to set: this fixture knows the data's density, not a posterior of the model.
     *
     * @throws UnsupportedOperationException always, saying why for the model's encoder kind
     */
    @Override
    public void useExactPosterior() {
        throw new UnsupportedOperationException(noPosterior(kind()));
    }

    /** Why an encoder of a kind has no exact posterior here, one sentence. */
    static String noPosterior(EncoderKind kind) {
        return switch (kind) {
            case BIJECTION ->
                "a bijection has no posterior: its latent z = f(x) is determined by x, and its"
                        + " bound is the flow's exact log p(x), whose gap to the data's density is KL(p_data || p_flow),"
                        + " not a posterior's";
            case FIXED_PROCESS ->
                "the encoder is a fixed forward process with no parameters: q(x_1..x_T | x_0)"
                        + " cannot be set to the model's posterior, which is the reverse process being learned";
            case POINT_MASS ->
                "a point mass at one code cannot equal the posterior p(k|x), a distribution over"
                        + " the codes, unless that posterior is one-hot";
            case DENSITY -> "the data's density is known here, not the model's posterior p(z|x)";
        };
    }

    @Override
    public void close() {
        manager.close();
    }
}
