package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.ForwardProcess;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Normal;

/**
 * The forward process of a {@link GaussianDiffusion} started at a batch x_0: q(x_t | x_0) =
 * N(sqrt(abar_t) x_0, (1 - abar_t) I) and q(x_{t-1} | x_t, x_0) = N(mu~_t, beta~_t I) (Ho et al.
 * 2020, equations 4, 6 and 7).
 */
final class GaussianForwardProcess implements ForwardProcess {
    private final GaussianDiffusion diffusion;
    private final NDArray start;
    private final int rank;

    GaussianForwardProcess(GaussianDiffusion diffusion, NDArray start) {
        this.diffusion = diffusion;
        this.start = start;
        this.rank = diffusion.dataShape().dimension();
    }

    @Override
    public int steps() {
        return diffusion.schedule().steps();
    }

    @Override
    public NDArray start() {
        return start;
    }

    @Override
    public Distribution marginal(NDArray t) {
        NDArray loc = Tables.at(diffusion.sqrtAlphaBar(), t, rank).mul(start);
        return Normal.ofLogVariance(loc, Tables.at(diffusion.logOneMinusAlphaBar(), t, rank), rank);
    }

    /** For t = 1, where x_0 is known given x_1, the variance is that of t = 2 (Ho et al.'s code). */
    @Override
    public Normal posterior(NDArray xt, NDArray t) {
        NDArray mean = Tables.at(diffusion.posteriorStart(), t, rank)
                .mul(start)
                .add(Tables.at(diffusion.posteriorCurrent(), t, rank).mul(xt));
        return Normal.ofLogVariance(mean, Tables.at(diffusion.posteriorLogVariance(), t, rank), rank);
    }

    /**
     * The draw x_t = sqrt(abar_t) x_0 + sqrt(1 - abar_t) eps of q(x_t | x_0) for given noise
     * (Ho et al. 2020, algorithm 1), differentiable in nothing but kept cheap: two gathers and
     * three products.
     *
     * @param t steps in 1..T, [B]
     * @param noise eps, shaped like x_0
     * @return x_t
     */
    NDArray noised(NDArray t, NDArray noise) {
        return Tables.at(diffusion.sqrtAlphaBar(), t, rank)
                .mul(start)
                .add(Tables.at(diffusion.sqrtOneMinusAlphaBar(), t, rank).mul(noise));
    }

    /**
     * The same process started at x_0 repeated k times along the batch axis (k blocks of B).
     *
     * @param k the number of copies
     * @return the process over k * B examples
     */
    GaussianForwardProcess repeated(int k) {
        if (k == 1) {
            return this;
        }
        Shape shape = start.getShape();
        NDArray copies = start.broadcast(new Shape(k).addAll(shape));
        return new GaussianForwardProcess(
                diffusion, copies.reshape(new Shape(k * shape.get(0)).addAll(shape.slice(1))));
    }
}
