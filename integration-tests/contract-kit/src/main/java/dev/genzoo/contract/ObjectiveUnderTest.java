package dev.genzoo.contract;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Options;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.train.Adam;
import dev.genzoo.runtime.train.TrainingStep;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An objective built on an {@link ExactModel} and run the way genzoo runs it: its per-example
 * bound in evaluation passes, its gradients in a training pass, and training with the runtime's
 * own {@link TrainingStep} and {@link Adam}. Each pass runs in its own scope. Owns the exact model;
 * close it to free the parameters.
 */
public final class ObjectiveUnderTest implements AutoCloseable {
    private final ExactModel exact;
    private final Objective objective;
    private final AssembledModel assembled;

    private ObjectiveUnderTest(ExactModel exact, Objective objective) {
        this.exact = exact;
        this.objective = objective;
        this.assembled = AssembledModel.of(exact.model(), objective, exact.manager());
    }

    /**
     * Creates the objective from its factory, in the exact model's build context.
     *
     * @param factory the objective's factory
     * @param options its options as {@code key=value} texts, validated as the CLI validates them
     * @param exact the exact model; owned from now on
     * @return the objective under test
     */
    public static ObjectiveUnderTest create(ObjectiveFactory factory, Map<String, String> options, ExactModel exact) {
        try {
            Options resolved = Options.resolve("objective '" + factory.name() + "'", factory.options(), options);
            return new ObjectiveUnderTest(exact, factory.create(resolved, exact.buildContext()));
        } catch (RuntimeException e) {
            exact.close();
            throw e;
        }
    }

    /**
     * The objective.
     *
     * @return the objective
     */
    public Objective objective() {
        return objective;
    }

    /**
     * The exact model.
     *
     * @return the model
     */
    public ExactModel exact() {
        return exact;
    }

    /**
     * The device the model lives on.
     *
     * @return the device
     */
    public Device device() {
        return exact.manager().getDevice();
    }

    /**
     * The objective's per-example bound on examples, in evaluation passes of {@code batch}
     * examples, the engine seeded first.
     *
     * @param examples flattened examples
     * @param batch examples per pass
     * @param seed the engine's seed
     * @return the bound of each example, in nats
     * @throws AssertionError if the objective reports no bound, or not one per example
     */
    public double[] bound(float[] examples, int batch, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        int size = Math.toIntExact(exact.dataShape().size());
        int n = examples.length / size;
        double[] out = new double[n];
        StepContext context = StepContext.evaluation(0, exact.manager(), assembled.parameterStore());
        for (int start = 0; start < n; start += batch) {
            int end = Math.min(n, start + batch);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                ObjectiveValue value = objective.evaluate(array(examples, start, end), exact.model(), context);
                NDArray bound = value.bound()
                        .orElseThrow(
                                () -> new AssertionError("the objective reports no per-example bound on log p(x)"));
                if (!bound.getShape().equals(new Shape(end - start))) {
                    throw new AssertionError("the bound should hold one value per example, shape (" + (end - start)
                            + "), but has shape " + bound.getShape());
                }
                float[] values = bound.toFloatArray();
                for (int i = 0; i < values.length; i++) {
                    out[start + i] = values[i];
                }
            }
        }
        return out;
    }

    /**
     * One pass over a batch, its loss and bound copied out. A training pass may update state in
     * place (moving averages such as a VQ-VAE's EMA codebook); every parameter is put back as it
     * was afterwards, so that passes with the same seed start from the same model.
     *
     * @param examples flattened examples, one batch
     * @param seed the engine's seed
     * @param training whether to run a training pass (no gradient is taken)
     * @return the loss followed by the bound of each example
     */
    public float[] values(float[] examples, long seed, boolean training) {
        Engine.getInstance().setRandomSeed((int) seed);
        int n = examples.length / Math.toIntExact(exact.dataShape().size());
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Map<Parameter, NDArray> saved = new LinkedHashMap<>();
            assembled
                    .parameters()
                    .values()
                    .forEach(p -> saved.put(p, p.getArray().duplicate()));
            ObjectiveValue value = objective.evaluate(array(examples, 0, n), exact.model(), context(0, 1, training));
            float[] bound = value.bound().map(NDArray::toFloatArray).orElse(new float[0]);
            float[] out = Arrays.copyOf(new float[] {value.loss().getFloat()}, 1 + bound.length);
            System.arraycopy(bound, 0, out, 1, bound.length);
            saved.forEach((p, array) -> array.copyTo(p.getArray()));
            return out;
        }
    }

    /**
     * The devices of one pass's loss and bound.
     *
     * @param examples flattened examples, one batch
     * @return the loss's device and the bound's (the loss's if there is none)
     */
    public Device[] devicesOfOnePass(float[] examples) {
        int n = examples.length / Math.toIntExact(exact.dataShape().size());
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            ObjectiveValue value = objective.evaluate(array(examples, 0, n), exact.model(), context(0, 1, false));
            return new Device[] {
                value.loss().getDevice(), value.bound().orElse(value.loss()).getDevice()
            };
        }
    }

    /**
     * The gradient of the loss for every trainable parameter, from one training pass.
     *
     * @param examples flattened examples, one batch
     * @param seed the engine's seed
     * @return each parameter's gradient (zeros for a parameter the pass did not read)
     */
    public Gradients gradients(float[] examples, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        int n = examples.length / Math.toIntExact(exact.dataShape().size());
        Map<String, float[]> gradients = new LinkedHashMap<>();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                ObjectiveValue value = objective.evaluate(array(examples, 0, n), exact.model(), context(0, 1, true));
                collector.backward(value.loss());
            }
            for (Map.Entry<String, Parameter> entry : assembled.parameters().entrySet()) {
                Parameter parameter = entry.getValue();
                if (!parameter.requiresGradient()) {
                    continue;
                }
                NDArray leaf = assembled.parameterStore().leafOf(parameter);
                gradients.put(
                        entry.getKey(),
                        leaf == null
                                ? new float[Math.toIntExact(parameter.getArray().size())]
                                : leaf.getGradient().toFloatArray());
            }
        }
        return new Gradients(gradients);
    }

    /**
     * Trains with Adam on fresh samples of the true model, one batch per step, with genzoo's own
     * training step.
     *
     * @param steps the number of steps
     * @param batch examples per step
     * @param learningRate Adam's step size
     * @param seed the seed of the samples and of the engine
     */
    public void train(int steps, int batch, double learningRate, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        Adam adam = new Adam(assembled.parameters(), learningRate);
        TrainingStep step = new TrainingStep(assembled, adam);
        for (int i = 0; i < steps; i++) {
            float[] examples = exact.sample(batch, seed * 1_000_003L + i);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                step.run(array(examples, 0, batch), context(i, steps, true));
            }
        }
    }

    private StepContext context(long step, long total, boolean training) {
        NDManager manager = exact.manager();
        return training
                ? StepContext.training(step, 0, total, Math.max(1, total), manager, assembled.parameterStore())
                : StepContext.evaluation(step, manager, assembled.parameterStore());
    }

    private NDArray array(float[] examples, int start, int end) {
        int size = Math.toIntExact(exact.dataShape().size());
        float[] rows = Arrays.copyOfRange(examples, start * size, end * size);
        return exact.manager().create(rows, new Shape(end - start).addAll(exact.dataShape()));
    }

    @Override
    public void close() {
        assembled.close();
        exact.close();
    }
}
