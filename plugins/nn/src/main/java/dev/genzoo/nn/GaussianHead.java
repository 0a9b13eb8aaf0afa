package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;

/**
 * A decoder's Gaussian output p(x|z) = N(mu(z), sigma^2) over the data, the network giving the mean
 * (Kingma and Welling 2014, appendix C.2): sigma fixed, one learned log-variance shared by every
 * element, or a learned log-variance per element of the data (per pixel of an image), listed as
 * {@value #LOG_VARIANCE}.
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

    private final Parameter logVariance;
    private final float fixedLogVariance;
    private final int eventDims;

    private GaussianHead(Parameter logVariance, float fixedLogVariance, int eventDims) {
        this.logVariance = logVariance;
        this.fixedLogVariance = fixedLogVariance;
        this.eventDims = eventDims;
    }

    /**
     * The head the options {@link #VARIANCE} and {@link #SIGMA} describe.
     *
     * @param options values for both options
     * @param dataShape one example's shape, the event of p(x|z)
     * @param manager the model's manager, which owns a learned log-variance
     * @return the head
     */
    public static GaussianHead of(Options options, Shape dataShape, NDManager manager) {
        float logVar = (float) (2 * Math.log(options.get(SIGMA)));
        String variance = options.get(VARIANCE);
        Parameter learned = null;
        if (!variance.equals("fixed")) {
            Shape shape = variance.equals("learned") ? dataShape : new Shape();
            learned = Parameters.constant(manager, LOG_VARIANCE, Parameter.Type.OTHER, shape, logVar);
        }
        return new GaussianHead(learned, logVar, dataShape.dimension());
    }

    /**
     * The distribution with a given mean.
     *
     * @param mean [..., data shape]
     * @param context the pass; a learned log-variance is read through its store
     * @return N(mean, sigma^2), its event the data shape
     */
    @Override
    public Normal distribution(NDArray mean, StepContext context) {
        NDArray logVar = logVariance == null
                ? context.manager().full(new Shape(), fixedLogVariance)
                : Parameters.value(logVariance, mean, context);
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
