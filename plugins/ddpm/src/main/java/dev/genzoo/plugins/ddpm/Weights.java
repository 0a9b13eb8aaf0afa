package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.UniformInitializer;
import dev.genzoo.api.StepContext;

/**
 * The parameters of one network, created on the model's manager under stable names, initialized
 * as PyTorch initializes nn.Linear and nn.Conv2d (uniform in +-1/sqrt(fan_in)), and read through
 * the pass's parameter store.
 */
final class Weights {
    private final NDManager manager;
    private final ParameterList list = new ParameterList();

    Weights(NDManager manager) {
        this.manager = manager;
    }

    /** A parameter uniform in +-1/sqrt(fanIn). */
    Parameter uniform(String name, Shape shape, long fanIn) {
        return add(name, shape, new UniformInitializer((float) (1 / Math.sqrt(fanIn))));
    }

    /** A parameter of zeros. */
    Parameter zeros(String name, Shape shape) {
        return add(name, shape, new ConstantInitializer(0f));
    }

    private Parameter add(String name, Shape shape, ai.djl.training.initializer.Initializer init) {
        Parameter parameter = Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.OTHER)
                .optShape(shape)
                .optInitializer(init)
                .build();
        parameter.initialize(manager, DataType.FLOAT32);
        list.add(name, parameter);
        return parameter;
    }

    /** A constant (not a parameter) on the model's manager. */
    NDArray constant(Shape shape, float value) {
        return manager.full(shape, value, DataType.FLOAT32);
    }

    ParameterList list() {
        return list;
    }

    /** The value of a parameter in this pass: a fresh leaf while training, the array otherwise. */
    static NDArray read(Parameter parameter, NDArray like, StepContext context) {
        return context.parameterStore().getValue(parameter, like.getDevice(), context.training());
    }
}
