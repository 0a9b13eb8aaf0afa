package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.Scalars;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Option;

/**
 * RealNVP's fixed pre-processing of data in [0, 1] (Dinh et al. 2017, section 4.1): y =
 * logit(alpha + (1 - 2 alpha) x), so a flow over the whole real line can model pixels;
 * log|det| = sum(log(1 - 2 alpha) - log p - log(1 - p)) with p = alpha + (1 - 2 alpha) x. It has
 * no parameters.
 */
final class LogitTransform implements FlowStep {
    static final Option<Double> ALPHA = Option.real(
                    "logit-alpha", 0.0, "0: none; else first map data in [0, 1] to logit(alpha + (1 - 2 alpha) x)")
            .atLeast(0)
            .check(a -> a < 0.5, "< 0.5");

    private final float alpha;
    private final float logSlope;

    LogitTransform(float alpha) {
        this.alpha = alpha;
        this.logSlope = (float) Math.log(1 - 2.0 * alpha);
    }

    @Override
    public Transformed forward(NDArray x, StepContext context) {
        NDArray p = Scalars.plus(Scalars.times(x, 1 - 2 * alpha), alpha);
        NDArray logP = p.log();
        NDArray logQ = Scalars.plus(p.neg(), 1f).log();
        NDArray perElement = Scalars.plus(logP.add(logQ).neg(), logSlope);
        return Transformed.ofElements(logP.sub(logQ), perElement);
    }

    @Override
    public NDArray inverse(NDArray y, StepContext context) {
        NDArray p = y.getNDArrayInternal().sigmoid();
        return Scalars.dividedBy(Scalars.plus(p, -alpha), 1 - 2 * alpha);
    }

    @Override
    public void addParameters(ParameterList list, String prefix) {}
}
