package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Scalars;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.List;

/**
 * A decoder's Gaussian output p(x|z) = N(mu(z), sigma^2) over the data, the network giving the mean
 * (Kingma and Welling 2014, appendix C.2): sigma fixed, one learned log-variance shared by every
 * element, or a learned log-variance per element of the data (per pixel of an image), listed as
 * {@value #LOG_VARIANCE}.
 *
 * <p>A learned variance is floored at {@link #SIGMA_FLOOR} squared: a pixel that is the same in
 * every training image (three in the bundled digits, the corners of MNIST) is fitted best by a
 * variance that goes to 0, and its density, and with it the likelihood, grows without bound (a
 * singularity of maximum likelihood for Gaussians; Bishop 2006, section 9.2.1). With the floor each
 * element adds at most -log(floor sqrt(2 pi)) nats. The learned parameter itself is not clipped:
 * below the floor it gets no gradient from the likelihood.
 */
public final class GaussianHead implements OutputHead {
    /** The name of the learned log-variance in the decoder's parameters. */
    public static final String LOG_VARIANCE = "log_variance";

    /** {@code variance}: fixed, learned per element, or learned and shared. */
    public static final Option<String> VARIANCE = Option.choice(
            "variance",
            "fixed",
            "fixed: sigma as given; learned: one log-variance per data element (per pixel), starting at sigma;"
                    + " shared: one learned log-variance for all",
            "fixed",
            "learned",
            "shared");

    /** {@code sigma}: the standard deviation, or its start when learned. */
    public static final Option<Double> SIGMA = Option.real(
                    "sigma", 0.1, "standard deviation of p(x|z) (its start when learned)")
            .above(0);

    /** {@code sigma-floor}: the least standard deviation a learned variance gives, 0.01 by default. */
    public static final Option<Double> SIGMA_FLOOR = Option.real(
                    "sigma-floor",
                    0.01,
                    "least standard deviation of a learned or shared variance (bounds the density of constant pixels)")
            .above(0);

    /** The head's options, in the order a decoder lists them: {@link #VARIANCE}, {@link #SIGMA}, {@link #SIGMA_FLOOR}. */
    public static final List<Option<?>> OPTIONS = List.of(VARIANCE, SIGMA, SIGMA_FLOOR);

    private final Parameter logVariance;
    private final float fixedLogVariance;
    private final float floorLogVariance;
    private final int eventDims;

    private GaussianHead(Parameter logVariance, float fixedLogVariance, float floorLogVariance, int eventDims) {
        this.logVariance = logVariance;
        this.fixedLogVariance = fixedLogVariance;
        this.floorLogVariance = floorLogVariance;
        this.eventDims = eventDims;
    }

    /**
     * The head the options {@link #VARIANCE}, {@link #SIGMA} and {@link #SIGMA_FLOOR} describe.
     *
     * @param options values for the three options ({@link #SIGMA_FLOOR} at its default where not
     *     declared)
     * @param dataShape one example's shape, the event of p(x|z)
     * @param manager the model's manager, which owns a learned log-variance
     * @return the head
     */
    public static GaussianHead of(Options options, Shape dataShape, NDManager manager) {
        float logVar = (float) (2 * Math.log(options.get(SIGMA)));
        double floor =
                options.names().contains(SIGMA_FLOOR.name()) ? options.get(SIGMA_FLOOR) : SIGMA_FLOOR.defaultValue();
        String variance = options.get(VARIANCE);
        Parameter learned = null;
        if (!variance.equals("fixed")) {
            if (options.get(SIGMA) < floor) {
                throw new GenzooException("a learned variance starts at sigma = " + options.get(SIGMA)
                        + ", below its floor sigma-floor = " + floor + "; raise sigma or lower sigma-floor");
            }
            Shape shape = variance.equals("learned") ? dataShape : new Shape();
            learned = Parameters.constant(manager, LOG_VARIANCE, Parameter.Type.OTHER, shape, logVar);
        }
        return new GaussianHead(learned, logVar, (float) (2 * Math.log(floor)), dataShape.dimension());
    }

    /**
     * The distribution with a given mean.
     *
     * @param mean [..., data shape]
     * @param context the pass; a learned log-variance is read through its store
     * @return N(mean, sigma^2), its event the data shape; a learned sigma^2 no less than the floor's
     */
    @Override
    public Normal distribution(NDArray mean, StepContext context) {
        NDArray logVar = logVariance == null
                ? context.manager().full(new Shape(), fixedLogVariance)
                : Scalars.maximum(Parameters.value(logVariance, mean, context), floorLogVariance);
        return Normal.ofLogVariance(mean, logVar, eventDims);
    }

    /**
     * Adds the learned log-variance, if any, to a decoder's parameters.
     *
     * @param list the decoder's parameters
     * @return the same list
     */
    @Override
    public ParameterList addTo(ParameterList list) {
        if (logVariance != null) {
            list.add(LOG_VARIANCE, logVariance);
        }
        return list;
    }
}
