package dev.genzoo.runtime.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import dev.genzoo.api.Sampler;
import dev.genzoo.api.StepContext;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.data.DataSources;
import dev.genzoo.runtime.data.Dataset;
import dev.genzoo.runtime.eval.LikelihoodEvaluation;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.run.GenzooRuntime;
import dev.genzoo.runtime.train.Adam;
import dev.genzoo.runtime.train.TrainingStep;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times a workload's step the way peer.py does: {@code warmup} steps, then about three seconds'
 * worth (or {@code steps}) of steady-state steps, wall time per step. A step is a training step,
 * for a sampling workload a whole sampling chain, for a scoring workload the importance-sampled
 * bound of the batch, both without gradients.
 */
public final class Benchmark {
    private static final double CALIBRATION_SECONDS = 3.0;

    private Benchmark() {}

    /**
     * The result of one timed workload.
     *
     * @param workload the workload's name
     * @param threads intra-op threads
     * @param steps timed steps
     * @param msPerStep milliseconds per step
     * @param info extra fields
     */
    public record Result(String workload, int threads, long steps, double msPerStep, Map<String, Object> info) {

        /**
         * The JSON line peer.py prints, with {@code "impl": "genzoo"}, in the same format.
         *
         * @return one line of JSON
         */
        public String json() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("workload", workload);
            out.put("impl", "genzoo");
            out.put(
                    "engine",
                    Engine.getInstance().getEngineName() + " "
                            + Engine.getInstance().getVersion());
            out.put("threads", threads);
            out.put("steps", steps);
            out.put("ms_per_step", Math.round(msPerStep * 10000) / 10000.0);
            out.putAll(info);
            // Python's json.dumps separators (", " and ": "), as peer.py prints and compare.sh parses
            Gson gson = new Gson();
            StringBuilder line = new StringBuilder("{");
            out.forEach((key, value) -> line.append(line.length() == 1 ? "" : ", ")
                    .append(gson.toJson(key))
                    .append(": ")
                    .append(gson.toJson(value)));
            return line.append('}').toString();
        }
    }

    /**
     * Builds and times a workload on the CPU. A sampling workload times the untrained model, as
     * peer.py does.
     *
     * @param runtime the runtime whose plugins build the model
     * @param workload the workload
     * @param steps timed steps, or 0 to calibrate to about three seconds
     * @param warmup untimed steps first (see {@link Workload#warmup()})
     * @param threads the intra-op thread count the engine was started with
     * @param mnist a folder with MNIST's IDX files, or null for a fixed random batch
     * @return the timing
     */
    public static Result run(
            GenzooRuntime runtime, Workload workload, long steps, int warmup, int threads, Path mnist) {
        ExperimentConfig config = runtime.resolve(workload.draft());
        Engine.getInstance().setRandomSeed(0);
        try (NDManager manager = NDManager.newBaseManager();
                AssembledModel model = runtime.assemble(config, manager, workload.example())) {
            Runnable once;
            if (workload.sampling() != null) {
                once = samplingChain(runtime, model, workload);
            } else if (workload.scoring() != null) {
                once = scoring(model, workload, batch(workload, manager, mnist));
            } else {
                once = trainingStep(model, config, workload, batch(workload, manager, mnist));
            }
            for (int i = 0; i < warmup; i++) {
                once.run();
            }
            long timed = steps;
            if (timed <= 0) {
                long t = System.nanoTime();
                once.run();
                double one = (System.nanoTime() - t) / 1e9;
                timed = Math.max(3, Math.min(2000, (long) (CALIBRATION_SECONDS / Math.max(one, 1e-6))));
            }
            long start = System.nanoTime();
            for (long i = 0; i < timed; i++) {
                once.run();
            }
            double ms = (System.nanoTime() - start) / 1e6 / timed;
            Map<String, Object> info = new LinkedHashMap<>(workload.info());
            info.put("params", model.trainableSize());
            return new Result(workload.name(), threads, timed, ms, info);
        }
    }

    /** One step of training, as {@code genzoo train} takes it. */
    private static Runnable trainingStep(
            AssembledModel model, ExperimentConfig config, Workload workload, NDArray batch) {
        Adam adam = new Adam(model.parameters(), config.get(Settings.LEARNING_RATE), workload.adamEpsilon());
        TrainingStep step = new TrainingStep(model, adam);
        long[] counter = {0};
        return () -> {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                StepContext context =
                        StepContext.training(counter[0]++, 0, 1_000_000, 1, model.manager(), model.parameterStore());
                step.run(batch, context);
            }
        };
    }

    /** One whole sampling chain, as {@code genzoo sample --sampler} runs it, without gradients. */
    private static Runnable samplingChain(GenzooRuntime runtime, AssembledModel model, Workload workload) {
        Workload.Sampling sampling = workload.sampling();
        Sampler sampler = runtime.sampler(sampling.sampler(), sampling.options(), model, workload.example());
        return () -> {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                StepContext context = StepContext.evaluation(0, model.manager(), model.parameterStore());
                sampler.sample(workload.batch(), context);
            }
        };
    }

    /** The importance-sampled bound of the batch, as {@code genzoo eval} computes it, without gradients. */
    private static Runnable scoring(AssembledModel model, Workload workload, NDArray batch) {
        Workload.Scoring scoring = workload.scoring();
        return () -> {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                LikelihoodEvaluation.importanceSampledBound(model, batch, scoring.k(), scoring.chunk());
            }
        };
    }

    private static NDArray batch(Workload workload, NDManager manager, Path mnist) {
        Shape shape = new Shape(workload.batch()).addAll(workload.example());
        switch (workload.data()) {
            case BINARY_IMAGES:
                if (mnist != null) {
                    Dataset first = DataSources.load(mnist.toString()).train().first(workload.batch());
                    return manager.create(first.values(), shape).gt(0.5f).toType(DataType.FLOAT32, false);
                }
                return manager.randomUniform(0f, 1f, shape).gt(0.5f).toType(DataType.FLOAT32, false);
            case TWO_MOONS:
                Dataset moons = DataSources.load("moons").train().first(workload.batch());
                return manager.create(moons.values(), shape);
            case COLOUR_IMAGES:
                return manager.randomUniform(0f, 1f, shape);
            default:
                throw new IllegalStateException(workload.data().toString());
        }
    }
}
