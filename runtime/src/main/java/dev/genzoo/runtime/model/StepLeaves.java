package dev.genzoo.runtime.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The parameter store of a model: in a training pass it serves each trainable parameter as a fresh
 * autograd leaf, a detached view of the parameter's storage made for this step only.
 *
 * <p>Why: PyTorch accumulates gradients into a leaf's existing {@code .grad}, so reusing one leaf
 * for the whole run costs a zeroing pass and an accumulating pass over every gradient each step.
 * A fresh leaf has no gradient yet, and backward hands it its freshly computed gradient without a
 * copy (what {@code zero_grad(set_to_none=True)} achieves in PyTorch). The optimizer then updates
 * the parameter's storage in place from the leaf's gradient; the leaf dies with the step's scope.
 * The parameter arrays themselves take no gradient, so a component must read its parameters
 * through this store (DJL blocks do) for them to train. Outside training passes the parameter
 * arrays are served as they are. A leaf whose scope has closed is replaced by a new one, so a
 * training pass run outside {@link TrainingStep} is safe too. Not thread-safe: one model, one
 * training thread.
 */
public final class StepLeaves extends ParameterStore {
    private final Map<Parameter, NDArray> leaves = new IdentityHashMap<>();

    /**
     * A store over arrays that live on the given manager's device.
     *
     * @param manager the model's device manager
     */
    public StepLeaves(NDManager manager) {
        super(manager, false);
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        if (parameter == null) {
            return null;
        }
        NDArray array = parameter.getArray();
        if (!training || !parameter.requiresGradient()) {
            return array;
        }
        NDArray leaf = leaves.get(parameter);
        if (leaf == null || leaf.isReleased()) {
            leaf = array.stopGradient();
            leaf.setRequiresGradient(true);
            leaves.put(parameter, leaf);
        }
        return leaf;
    }

    /**
     * The leaf a training pass of this step read for a parameter.
     *
     * @param parameter a trainable parameter
     * @return its leaf, or null if the step did not read it
     */
    public NDArray leafOf(Parameter parameter) {
        return leaves.get(parameter);
    }

    /** Forgets the leaves of the step that ended (its scope releases them). */
    public void endStep() {
        leaves.clear();
    }

    /**
     * Makes the arrays behind trainable parameters take no gradient: only their per-step leaves do.
     *
     * @param parameters the model's parameters
     */
    public static void detach(Iterable<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            if (parameter.requiresGradient()) {
                parameter.getArray().setRequiresGradient(false);
            }
        }
    }
}
