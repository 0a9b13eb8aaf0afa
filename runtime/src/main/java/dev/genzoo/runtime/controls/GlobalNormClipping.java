package dev.genzoo.runtime.controls;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.train.GradientTransform;
import dev.genzoo.runtime.train.TrainingCallback;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Clipping by global norm (Pascanu et al. 2013, algorithm 2; PyTorch's {@code
 * clip_grad_norm_}): when the L2 norm of all gradients together exceeds c, every gradient is
 * multiplied by c / (norm + 1e-6). Computed on the device, without reading the norm back. Off (c = 0)
 * by default.
 */
public final class GlobalNormClipping implements TrainingCallback, GradientTransform {
    private final double maxNorm;

    /**
     * A clipper as the config sets it.
     *
     * @param config the stage's config
     */
    @Inject
    public GlobalNormClipping(ExperimentConfig config) {
        this(config.get(Settings.CLIP_NORM));
    }

    /**
     * A clipper to a norm.
     *
     * @param maxNorm c, or 0 for none
     */
    public GlobalNormClipping(double maxNorm) {
        this.maxNorm = maxNorm;
    }

    @Override
    public void transform(Map<String, NDArray> gradients) {
        if (maxNorm <= 0 || gradients.isEmpty()) {
            return;
        }
        NDList squares = new NDList();
        gradients.values().forEach(g -> squares.add(g.square().sum()));
        NDArray norm = NDArrays.stack(squares).sum().sqrt();
        NDArray factor = norm.add(1e-6f).pow(-1).mul((float) maxNorm).clip(0f, 1f);
        gradients.values().forEach(g -> g.muli(factor));
    }
}
