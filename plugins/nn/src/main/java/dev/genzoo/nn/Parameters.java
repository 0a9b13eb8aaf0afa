package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;
import dev.genzoo.api.StepContext;

/**
 * Parameters created as PyTorch creates those of nn.Linear and nn.Conv2d, uniform in
 * +-1/sqrt(fan_in) (He et al. 2015's uniform initialization with a = sqrt 5, PyTorch's default), or
 * at a constant, in float32 on a model's manager, and read through a pass's parameter store.
 */
public final class Parameters {
    private Parameters() {}

    /**
     * A parameter uniform in +-1/sqrt(fanIn), drawn now from the engine's generator.
     *
     * @param manager the model's manager, which owns the array
     * @param name the parameter's name
     * @param type its kind (weight, bias, other)
     * @param shape its shape
     * @param fanIn the inputs each output reads: in_features, or in_channels times the kernel area
     * @return the initialized parameter
     */
    public static Parameter uniform(NDManager manager, String name, Parameter.Type type, Shape shape, long fanIn) {
        return initialized(manager, name, type, shape, new UniformInitializer((float) (1 / Math.sqrt(fanIn))));
    }

    /**
     * A parameter holding one value everywhere.
     *
     * @param manager the model's manager
     * @param name the parameter's name
     * @param type its kind
     * @param shape its shape
     * @param value the value
     * @return the initialized parameter
     */
    public static Parameter constant(NDManager manager, String name, Parameter.Type type, Shape shape, float value) {
        return initialized(manager, name, type, shape, new ConstantInitializer(value));
    }

    /**
     * A parameter initialized now by any of DJL's initializers.
     *
     * @param manager the model's manager
     * @param name the parameter's name
     * @param type its kind
     * @param shape its shape
     * @param initializer how its values start
     * @return the initialized parameter
     */
    public static Parameter initialized(
            NDManager manager, String name, Parameter.Type type, Shape shape, Initializer initializer) {
        Parameter parameter = Parameter.builder()
                .setName(name)
                .setType(type)
                .optShape(shape)
                .optInitializer(initializer)
                .build();
        parameter.initialize(manager, DataType.FLOAT32);
        return parameter;
    }

    /**
     * A parameter's value in a pass: a fresh leaf that collects the gradient while training, the
     * parameter's array otherwise.
     *
     * @param parameter the parameter
     * @param like an array on the device the value is wanted on
     * @param context the pass
     * @return the value
     */
    public static NDArray value(Parameter parameter, NDArray like, StepContext context) {
        return context.parameterStore().getValue(parameter, like.getDevice(), context.training());
    }
}
