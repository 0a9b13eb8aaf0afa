package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.initializer.ConstantInitializer;

/**
 * Random restarts of dead codes (Dhariwal et al. 2020, "Jukebox", section 3.2; Williams et al.
 * 2020): a code that no encoder output has chosen for {@code after} consecutive training steps is
 * moved to a randomly chosen encoder output of the current batch. The count of idle steps per
 * code is a parameter without gradient, so a resumed run restarts exactly as an uninterrupted one.
 * Every operation stays on the device: no step waits for the host.
 */
final class DeadCodeRestarts {
    private final Parameter idleSteps;
    private final float after;

    private DeadCodeRestarts(Parameter idleSteps, float after) {
        this.idleSteps = idleSteps;
        this.after = after;
    }

    static DeadCodeRestarts create(NDManager manager, int codes, int after) {
        Parameter idle = Parameter.builder()
                .setName("codebook_idle_steps")
                .setType(Parameter.Type.RUNNING_MEAN)
                .optShape(new Shape(codes))
                .optInitializer(new ConstantInitializer(0f))
                .optRequiresGrad(false)
                .build();
        idle.initialize(manager, DataType.FLOAT32);
        return new DeadCodeRestarts(idle, after);
    }

    /**
     * Counts this batch's idle codes and restarts those idle for long enough, in place.
     *
     * @param rows the batch's encoder outputs [N, D], detached
     * @param indices each row's code [N]
     * @param codebook the codebook's own array [K, D]
     * @param ema the moving averages to restart too, or null
     */
    void update(NDArray rows, NDArray indices, NDArray codebook, CodebookEma ema) {
        long codes = codebook.getShape().get(0);
        NDManager manager = rows.getManager();
        NDArray used = manager.zeros(new Shape(codes)).put(indices, manager.ones(indices.getShape()));
        NDArray idle = idleSteps.getArray();
        idle.addi(1).muli(used.neg().add(1));
        NDArray dead = idle.gte(after).toType(DataType.FLOAT32, false).expandDims(1);
        NDArray picks = manager.randomInteger(0, rows.getShape().get(0), new Shape(codes), DataType.INT64);
        NDArray candidates = VectorQuantizer.lookUp(picks, rows);
        NDArray kept = dead.neg().add(1);
        codebook.muli(kept).addi(candidates.mul(dead));
        idle.muli(kept.squeeze(1));
        if (ema != null) {
            ema.restart(dead, candidates);
        }
    }

    void addTo(ParameterList list) {
        list.add(idleSteps.getName(), idleSteps);
    }
}
