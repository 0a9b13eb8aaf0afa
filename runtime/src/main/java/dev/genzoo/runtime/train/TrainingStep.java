package dev.genzoo.runtime.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.StepContext;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.model.StepLeaves;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One step of stochastic gradient descent on the objective: forward, backward, the gradient
 * transforms (clipping, say), Adam update. The caller runs it inside a scope that releases
 * everything the step created.
 */
public final class TrainingStep {
    private final AssembledModel model;
    private final Adam adam;
    private final List<GradientTransform> transforms;
    private List<String> names;

    /**
     * A step over a model and its optimizer.
     *
     * @param model the assembled model
     * @param adam its optimizer
     */
    public TrainingStep(AssembledModel model, Adam adam) {
        this(model, adam, List.of());
    }

    /**
     * A step over a model and its optimizer that transforms the gradients before each update.
     *
     * @param model the assembled model
     * @param adam its optimizer
     * @param transforms applied in this order between backward and the update
     */
    public TrainingStep(AssembledModel model, Adam adam, List<GradientTransform> transforms) {
        this.model = model;
        this.adam = adam;
        this.transforms = List.copyOf(transforms);
    }

    /**
     * Runs one step on a batch.
     *
     * @param batch a batch on the model's device
     * @param context the step's context (training)
     * @return the loss and terms before the update
     */
    public StepValues run(NDArray batch, StepContext context) {
        ObjectiveValue value;
        StepLeaves leaves = model.parameterStore();
        try {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                value = model.objective().evaluate(batch, model.model(), context);
                collector.backward(value.loss());
            }
            Map<String, NDArray> gradients = adam.gradients(leaves);
            for (GradientTransform transform : transforms) {
                transform.transform(gradients);
            }
            adam.step(gradients);
        } finally {
            leaves.endStep();
        }
        // read after the collector has closed: no graph is recorded, so no stopGradient is needed
        return new StepValues(names(value), toDoubles(pack(value)));
    }

    private List<String> names(ObjectiveValue value) {
        if (names == null) {
            List<String> list = new ArrayList<>();
            list.add("loss");
            list.addAll(value.terms().keySet());
            names = List.copyOf(list);
        }
        return names;
    }

    private static NDArray pack(ObjectiveValue value) {
        NDList scalars = new NDList(value.loss());
        for (NDArray term : value.terms().values()) {
            scalars.add(term);
        }
        return scalars.size() == 1 ? scalars.get(0).reshape(1) : NDArrays.stack(scalars);
    }

    static double[] toDoubles(NDArray packed) {
        float[] floats = packed.toFloatArray();
        double[] out = new double[floats.length];
        for (int i = 0; i < floats.length; i++) {
            out[i] = floats[i];
        }
        return out;
    }
}
