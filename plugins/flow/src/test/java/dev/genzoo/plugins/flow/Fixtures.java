package dev.genzoo.plugins.flow;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Component;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Options;
import java.util.Map;
import java.util.Random;

/** A manager, a parameter store and helpers shared by the flow tests. Owns its manager. */
final class Fixtures implements AutoCloseable {
    final NDManager manager;
    final ParameterStore store;

    Fixtures(int seed) {
        Engine.getInstance().setRandomSeed(seed);
        manager = NDManager.newBaseManager();
        store = new ParameterStore(manager, false);
    }

    StepContext evaluation() {
        return StepContext.evaluation(0, manager, store);
    }

    /** Creates a component through its factory, as the runtime would. */
    <T extends Component> T create(ComponentFactory<T> factory, Map<String, String> given, BuildContext context) {
        return factory.create(Options.resolve(factory.name(), factory.options(), given), context);
    }

    /** A flow from a recipe over events of a shape. */
    Flow flow(FlowRecipe recipe, Map<String, String> given, Shape event, boolean onData) {
        Options options = Options.resolve(recipe.name(), recipe.options(onData), given);
        return recipe.build(options, event, manager, onData, 0);
    }

    /**
     * Adds Gaussian noise to every parameter in place, so that a flow that starts as the identity
     * (zero last layers) becomes a generic one: standard deviation {@code scale} for vectors and
     * {@code scale / sqrt(fan_in)} for weight matrices [out, in], so wide layers stay tame.
     */
    void perturb(ParameterList parameters, float scale) {
        for (Parameter p : parameters.values()) {
            NDArray array = p.getArray();
            Shape shape = array.getShape();
            float std = shape.dimension() == 2 ? (float) (scale / Math.sqrt(shape.get(1))) : scale;
            array.addi(manager.randomNormal(0f, std, shape, DataType.FLOAT32));
        }
    }

    /** N rows of D values from a fixed stream, standard normal times {@code spread}. */
    static float[] normalRows(int n, int d, long seed, double spread) {
        Random random = new Random(seed);
        float[] values = new float[n * d];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (spread * random.nextGaussian());
        }
        return values;
    }

    NDArray array(float[] values, Shape shape) {
        return manager.create(values, shape);
    }

    /** log N(x; 0, I) of one row, in doubles. */
    static double standardNormalLogDensity(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += -0.5 * v * v - 0.5 * Math.log(2 * Math.PI);
        }
        return sum;
    }

    @Override
    public void close() {
        manager.close();
    }
}
