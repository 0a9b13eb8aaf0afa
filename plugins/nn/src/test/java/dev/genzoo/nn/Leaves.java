package dev.genzoo.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parameter store that hands out, for each parameter, one fresh leaf copy that collects its
 * gradient, as the runtime's training store does: a test reads each parameter's gradient from it.
 */
final class Leaves extends ParameterStore {
    private final Map<Parameter, NDArray> leaves = new LinkedHashMap<>();

    Leaves(NDManager manager) {
        super(manager, false);
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        return leaves.computeIfAbsent(parameter, p -> {
            NDArray leaf = p.getArray().duplicate();
            leaf.setRequiresGradient(true);
            return leaf;
        });
    }

    /** The gradient the parameter's leaf collected. */
    float[] gradient(Parameter parameter) {
        return leaves.get(parameter).getGradient().toFloatArray();
    }
}
