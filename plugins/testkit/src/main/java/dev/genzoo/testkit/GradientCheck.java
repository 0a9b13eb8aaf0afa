package dev.genzoo.testkit;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;

/**
 * A loss's gradient with respect to parameters, as autograd computes it, against central finite
 * differences (f(p + h) - f(p - h)) / 2h of the same loss on the same noise: the engine is reseeded
 * before every evaluation, so a stochastic loss (a sampled ELBO) is one fixed function of the
 * parameters.
 *
 * <p>In float32, the engine's type for parameters, with the tolerance stated: |autograd - finite
 * difference| at most {@code absolute + relative * |finite difference|}, 2e-3 + 0.02 |d| with a
 * step of 1e-2 unless given (float32 rounding of a loss near 1 costs about 1e-7 / h = 1e-5, the
 * curvature h^2 |f'''| / 6 a few 1e-5).
 *
 * <p>Between the forward pass and the backward the garbage collector runs and freed direct memory
 * is overwritten, so that a factor autograd kept over a Java-owned buffer ({@code mul(Number)},
 * see {@code dev.genzoo.api.Scalars}) shows as a wrong gradient. A control term that multiplies by
 * a Java number shows that the overwriting reached freed memory; when it did not, the check is
 * skipped (JUnit's assumption) rather than passed.
 */
public final class GradientCheck {
    private final Function<NDManager, NDArray> loss;
    private final List<Parameter> probed = new ArrayList<>();
    private Function<Parameter, float[]> gradients =
            p -> p.getArray().getGradient().toFloatArray();
    private int seed;
    private float step = 1e-2f;
    private double absolute = 2e-3;
    private double relative = 0.02;
    private int perParameter = 5;
    private long stride;
    private boolean everyParameterMatters;

    private GradientCheck(Function<NDManager, NDArray> loss) {
        this.loss = Objects.requireNonNull(loss, "loss");
    }

    /**
     * A check of a scalar loss.
     *
     * @param loss computes the loss in the manager it is given (a fresh sub-manager per evaluation,
     *     closed after it); its value is read as a number
     * @return the check, probing nothing yet
     */
    public static GradientCheck of(Function<NDManager, NDArray> loss) {
        return new GradientCheck(loss);
    }

    /**
     * The parameters whose gradients are checked; each must collect its gradient in its own array
     * (a parameter store that returns the array while training) unless {@link #gradientsFrom} says
     * where to read it.
     *
     * @param parameters the parameters
     * @return this
     */
    public GradientCheck probing(List<Parameter> parameters) {
        probed.addAll(parameters);
        return this;
    }

    /**
     * Where the gradient of a parameter is read after the backward pass, if not from its array.
     *
     * @param reader the gradient of a parameter, row-major
     * @return this
     */
    public GradientCheck gradientsFrom(Function<Parameter, float[]> reader) {
        this.gradients = Objects.requireNonNull(reader, "reader");
        return this;
    }

    /**
     * The engine's seed before every evaluation, 0 unless given.
     *
     * @param value the seed
     * @return this
     */
    public GradientCheck seed(int value) {
        this.seed = value;
        return this;
    }

    /**
     * The finite-difference step h, 1e-2 unless given.
     *
     * @param h the step
     * @return this
     */
    public GradientCheck step(float h) {
        this.step = h;
        return this;
    }

    /**
     * The allowed difference: {@code absolute + relative * |finite difference|}.
     *
     * @param absoluteTolerance the absolute part, 2e-3 unless given
     * @param relativeTolerance the relative part, 0.02 unless given
     * @return this
     */
    public GradientCheck tolerance(double absoluteTolerance, double relativeTolerance) {
        this.absolute = absoluteTolerance;
        this.relative = relativeTolerance;
        return this;
    }

    /**
     * Check every element of every probed parameter (by default about five, evenly spread).
     *
     * @return this
     */
    public GradientCheck everyElement() {
        return everyNth(1);
    }

    /**
     * Check elements 0, n, 2n, ... of every probed parameter.
     *
     * @param n the stride, at least 1
     * @return this
     */
    public GradientCheck everyNth(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("the stride is at least 1, got " + n);
        }
        this.stride = n;
        return this;
    }

    /**
     * Also require that every probed parameter moves the loss: the finite differences of its checked
     * elements are not all (nearly) zero, so that a parameter cut off from the loss fails.
     *
     * @return this
     */
    public GradientCheck everyParameterMatters() {
        this.everyParameterMatters = true;
        return this;
    }

    /**
     * Runs the loss forward and backward once, then compares each probed element's gradient with
     * its finite difference, restoring every parameter afterwards.
     *
     * @param manager a long-lived manager (the model's) for the evaluations' sub-managers
     * @return how many elements were checked
     * @throws AssertionError naming each element whose gradient is off, or if none was checked
     */
    public int verify(NDManager manager) {
        if (probed.isEmpty()) {
            throw new AssertionError("no parameter to check: give some to probing(...)");
        }
        backward(manager);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Parameter parameter : probed) {
            NDArray array = parameter.getArray();
            float[] gradient = gradients.apply(parameter);
            long size = array.getShape().size();
            long every = stride > 0 ? stride : Math.max(1, size / perParameter);
            double squares = 0;
            for (long i = 0; i < size; i += every) {
                long[] at = flatIndex(array, i);
                float original = array.getFloat(at);
                array.set(new NDIndex(at), original + step);
                double up = evaluate(manager);
                array.set(new NDIndex(at), original - step);
                double down = evaluate(manager);
                array.set(new NDIndex(at), original);
                double difference = (up - down) / (2 * step);
                double error = Math.abs(gradient[(int) i] - difference);
                if (!(error <= absolute + relative * Math.abs(difference))) {
                    wrong.add(String.format(
                            "d loss / d %s[%d]: autograd %.6g, finite difference %.6g",
                            parameter.getName(), i, gradient[(int) i], difference));
                }
                squares += difference * difference;
                checked++;
            }
            if (everyParameterMatters && squares <= 1e-12) {
                wrong.add("the loss does not move with " + parameter.getName() + " (finite differences all ~0)");
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError(wrong.size() + " of " + checked + " gradients off by more than " + absolute
                    + " + " + relative + " |d| (step " + step + "):\n  "
                    + String.join("\n  ", wrong.subList(0, Math.min(20, wrong.size()))));
        }
        if (checked == 0) {
            throw new AssertionError("the probed parameters have no elements");
        }
        return checked;
    }

    private void backward(NDManager manager) {
        NDArray control = manager.create(new float[] {1f});
        control.setRequiresGradient(true);
        try (NDManager scope = manager.newSubManager()) {
            Engine.getInstance().setRandomSeed(seed);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray value = loss.apply(scope);
                NDArray controlTerm = control.mul(0.5f).sum();
                List<ByteBuffer> scribbles = scribbleOverFreedMemory();
                collector.backward(value.add(controlTerm.toType(value.getDataType(), false)));
                if (scribbles.isEmpty()) {
                    throw new IllegalStateException("no memory was overwritten");
                }
            }
        }
        float controlGradient = control.getGradient().getFloat();
        control.close();
        Assumptions.assumeTrue(controlGradient != 0.5f, "the probe did not reach the freed factor of the control term");
    }

    private double evaluate(NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            Engine.getInstance().setRandomSeed(seed);
            return loss.apply(scope).toType(DataType.FLOAT64, false).getDouble();
        }
    }

    private static long[] flatIndex(NDArray array, long flat) {
        long[] shape = array.getShape().getShape();
        long[] index = new long[shape.length];
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            index[axis] = flat % shape[axis];
            flat /= shape[axis];
        }
        return index;
    }

    /** Runs the collector, then fills freshly allocated direct buffers (likely the freed ones) with a sentinel. */
    private static List<ByteBuffer> scribbleOverFreedMemory() {
        System.gc();
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
            buffer.putDouble(0, 12345.0);
            buffers.add(buffer);
        }
        return buffers;
    }
}
