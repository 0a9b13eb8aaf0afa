package dev.genzoo.plugins.vqvae;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A hand-written parameter store that serves, in training passes, one fresh autograd leaf per
 * trainable parameter until {@link #clear()} (as the runtime's store does per step), so that each
 * backward's gradients can be read from the leaves without accumulating into the parameters.
 */
final class FreshLeaves extends ParameterStore {
    private final Map<Parameter, NDArray> leaves = new IdentityHashMap<>();

    FreshLeaves(NDManager manager) {
        super(manager, false);
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        NDArray array = parameter.getArray();
        if (!training || !parameter.requiresGradient()) {
            return array;
        }
        return leaves.computeIfAbsent(parameter, p -> {
            NDArray leaf = array.stopGradient();
            leaf.setRequiresGradient(true);
            return leaf;
        });
    }

    /** The gradient of the leaf served for a parameter, zeros if none was served or reached. */
    float[] gradient(Parameter parameter) {
        NDArray leaf = leaves.get(parameter);
        if (leaf == null) {
            return new float[Math.toIntExact(parameter.getArray().size())];
        }
        return leaf.getGradient().toFloatArray();
    }

    /** Forgets the leaves: the next training pass gets fresh ones. */
    void clear() {
        leaves.clear();
    }
}
