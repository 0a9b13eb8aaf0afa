package dev.genzoo.runtime.data;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The child process of {@link MemoryAtScaleTest}: loads an .npy of colour images, takes training
 * steps of a linear model on its batches as the loop gathers them, and prints its peak resident
 * memory (VmHWM) in kB as its last line.
 */
final class AtScaleTraining {
    private AtScaleTraining() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int steps = Integer.parseInt(args[1]);
        DataSplit split = DataSources.load(DataOptions.defaults(file.toString()), DecodingProgress.NONE);
        DataFacts facts = DataFacts.of(split);
        DataPreparation preparation = new DataPreparation(Binarization.NONE, Dequantization.NONE, true);
        try (NDManager manager = NDManager.newBaseManager();
                DeviceData data = DeviceData.place(split, facts, preparation, 0, manager)) {
            long n = data.trainSize();
            long d = data.exampleShape().size();
            NDArray w = manager.zeros(new Shape(d, 1));
            w.setRequiresGradient(true);
            long[] order = new long[(int) n];
            for (int i = 0; i < n; i++) {
                order[i] = n - 1 - i;
            }
            int taken = 0;
            try (TrainingBatches batches = data.epoch(order, 256)) {
                while (batches.hasNext() && taken < steps) {
                    try (NDScope scope = new NDScope()) {
                        scope.suppressNotUsedWarning();
                        Batch batch = batches.next(manager);
                        NDArray x = batch.x().reshape(batch.size(), d);
                        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                            NDArray loss = x.dot(w).sub(1f).square().mean();
                            collector.backward(loss);
                        }
                        NDArray step = w.getGradient().mul(1e-3f);
                        w.subi(step);
                        taken++;
                    }
                }
            }
            System.out.println("steps " + taken + " train " + n + " bytes " + data.trainBytes() + " w "
                    + w.abs().sum().toType(DataType.FLOAT64, false).getDouble());
        }
        List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
        for (String line : status) {
            if (line.startsWith("VmHWM:")) {
                System.out.println(line.replaceAll("[^0-9]", ""));
            }
        }
    }
}
