package com.example.genzoo.renyi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.initializer.ConstantInitializer;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Prior;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.List;

/**
 * The prior p(z) = prod_i Laplace(z_i; 0, b_i), heavier-tailed than N(0, I), with one fixed scale b
 * or a learned scale per latent dimension.
 */
public final class LaplacePrior implements Prior {
    static final Option<Double> SCALE =
            Option.real("scale", 1.0, "the scale b (standard deviation b * sqrt(2)); the start when learned")
                    .above(0);
    static final Option<Boolean> LEARNED =
            Option.flag("learn-scale", false, "learn one scale per latent dimension");

    private final Shape latentShape;
    private final float fixedScale;
    private final Parameter logScale;

    private LaplacePrior(Shape latentShape, float fixedScale, Parameter logScale) {
        this.latentShape = latentShape;
        this.fixedScale = fixedScale;
        this.logScale = logScale;
    }

    @Override
    public Distribution distribution(StepContext context) {
        NDArray scale = logScale == null
                ? context.manager().full(latentShape, fixedScale)
                : context.parameterStore().getValue(logScale, context.manager().getDevice(), context.training()).exp();
        return new Laplace(context.manager(), context.manager().zeros(latentShape), scale, latentShape.dimension());
    }

    @Override
    public ParameterList parameters() {
        ParameterList list = new ParameterList();
        if (logScale != null) {
            list.add("log-scale", logScale);
        }
        return list;
    }

    /** Creates {@code laplace} priors. */
    public static final class Factory implements PriorFactory {
        @Override
        public String name() {
            return "laplace";
        }

        @Override
        public String description() {
            return "independent Laplace(0, b) per latent dimension, b fixed or learned (example plugin)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(SCALE, LEARNED);
        }

        @Override
        public Prior create(Options options, BuildContext context) {
            float scale = options.get(SCALE).floatValue();
            if (!options.get(LEARNED)) {
                return new LaplacePrior(context.latentShape(), scale, null);
            }
            Parameter logScale = Parameter.builder()
                    .setName("log-scale")
                    .setType(Parameter.Type.OTHER)
                    .optShape(context.latentShape())
                    .optInitializer(new ConstantInitializer((float) Math.log(scale)))
                    .build();
            logScale.initialize(context.manager(), DataType.FLOAT32);
            return new LaplacePrior(context.latentShape(), scale, logScale);
        }
    }
}
