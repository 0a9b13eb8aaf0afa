package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Denoiser;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;

/**
 * The best possible noise predictor for data x_0 ~ N(m, diag(s^2)): with x_t = a x_0 + b eps
 * (a = sqrt(abar_t), b = sqrt(1 - abar_t)), E[eps | x_t] = b (x_t - a m) / (a^2 s^2 + b^2), and
 * the error left, Var(eps | x_t) = 1 - b^2 / (a^2 s^2 + b^2), is known in closed form. Its own
 * schedule is computed here from the linear betas, independently of the plugin's.
 */
final class GaussianOracle implements Decoder, Denoiser {
    final int steps;
    final double[] mean;
    final double[] deviation;
    private final NDArray a;
    private final NDArray b;
    private final NDArray m;
    private final NDArray s2;

    GaussianOracle(NDManager manager, int steps, double[] mean, double[] deviation) {
        this.steps = steps;
        this.mean = mean;
        this.deviation = deviation;
        float[] as = new float[steps + 1];
        float[] bs = new float[steps + 1];
        for (int t = 0; t <= steps; t++) {
            as[t] = (float) Math.sqrt(alphaBar(t));
            bs[t] = (float) Math.sqrt(1 - alphaBar(t));
        }
        a = manager.create(as);
        b = manager.create(bs);
        float[] mf = new float[mean.length];
        float[] sf = new float[mean.length];
        for (int i = 0; i < mean.length; i++) {
            mf[i] = (float) mean[i];
            sf[i] = (float) (deviation[i] * deviation[i]);
        }
        m = manager.create(mf);
        s2 = manager.create(sf);
    }

    /** beta_t of the linear schedule 1e-4..0.02 over this oracle's T steps. */
    double beta(int t) {
        return steps == 1 ? 1e-4 : 1e-4 + (t - 1) * (0.02 - 1e-4) / (steps - 1);
    }

    double alphaBar(int t) {
        double product = 1;
        for (int s = 1; s <= t; s++) {
            product *= 1 - beta(s);
        }
        return product;
    }

    /** Var(eps | x_t) in coordinate d. */
    double residual(int t, int d) {
        double ab = alphaBar(t);
        return 1 - (1 - ab) / (ab * deviation[d] * deviation[d] + 1 - ab);
    }

    @Override
    public NDArray predictNoise(NDArray xt, NDArray t, StepContext context) {
        NDArray at = a.get(t).reshape(-1, 1);
        NDArray bt = b.get(t).reshape(-1, 1);
        NDArray spread = at.square().mul(s2).add(bt.square());
        return bt.mul(xt.sub(at.mul(m))).div(spread);
    }

    @Override
    public Distribution decode(NDArray z, StepContext context) {
        throw new UnsupportedOperationException("the oracle only predicts noise");
    }

    static Shape data(double[] mean) {
        return new Shape(mean.length);
    }
}
