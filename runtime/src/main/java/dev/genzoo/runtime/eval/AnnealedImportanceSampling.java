package dev.genzoo.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.runtime.mcmc.ChainStep;
import dev.genzoo.runtime.mcmc.HamiltonianMonteCarlo;
import dev.genzoo.runtime.mcmc.LogDensity;
import dev.genzoo.runtime.mcmc.PosteriorTarget;
import dev.genzoo.runtime.mcmc.StepSizeAdaptation;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Annealed importance sampling of log p(x) (Neal 2001; for decoder-based models, Wu et al. 2017):
 * C chains per example start at p(z) (or at q(z|x)), walk through the geometric path gamma_t(z) =
 * p_0(z)^(1 - beta_t) p(x, z)^beta_t with 0 = beta_0 &lt; ... &lt; beta_T = 1, one Hamiltonian
 * Monte Carlo transition leaving each gamma_t invariant, and collect the log-weight sum_t (beta_t -
 * beta_{t-1}) (log p(x, z_{t-1}) - log p_0(z_{t-1})). The estimate is log (1/C) sum_c w_c: unbiased
 * for p(x), a stochastic lower bound on log p(x) (Jensen), which tightens as T grows. The betas
 * follow the sigmoid schedule of Grosse et al. (2015), beta_t proportional to sigmoid(4 (2t / T -
 * 1)) rescaled to [0, 1]; the leapfrog step size of each example adapts towards an acceptance rate
 * of 0.65 along the way (as Wu et al. do). Only the Distribution vocabulary is used: the prior's
 * draws and {@code logProb}, the decoder's {@code logProb} and its gradient in z.
 */
final class AnnealedImportanceSampling implements LikelihoodEstimator {
    /** The leapfrog step size every example starts from. */
    static final double INITIAL_STEP_SIZE = 0.05;

    private final GenerativeModel model;
    private final AisSettings settings;
    private final double[] betas;

    AnnealedImportanceSampling(GenerativeModel model, AisSettings settings) {
        this.model = model;
        this.settings = settings;
        this.betas = sigmoidSchedule(settings.steps());
    }

    /** beta_0 = 0, ..., beta_T = 1 along sigmoid(4 (2t / T - 1)), rescaled. */
    static double[] sigmoidSchedule(int steps) {
        double[] raw = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            raw[t] = 1 / (1 + Math.exp(-4 * (2.0 * t / steps - 1)));
        }
        double[] betas = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            betas[t] = (raw[t] - raw[0]) / (raw[steps] - raw[0]);
        }
        betas[steps] = 1;
        return betas;
    }

    @Override
    public List<Column> columns() {
        return List.of(new Column("ais", settings.chains()));
    }

    @Override
    public long workPerExample() {
        return (long) settings.steps() * settings.chains();
    }

    @Override
    public String description() {
        return String.format(
                "annealed importance sampling from %s, %d steps, %d chains, HMC with %d leapfrog steps",
                settings.fromEncoder() ? "q(z|x)" : "the prior",
                settings.steps(),
                settings.chains(),
                settings.leapfrog());
    }

    @Override
    public double[][] estimate(NDArray x, StepContext context, LongConsumer progress) {
        int b = Math.toIntExact(x.getShape().get(0));
        int chains = settings.chains();
        PosteriorTarget joint = new PosteriorTarget(model, x, context);
        Shape sampleShape = new Shape(chains);
        NDArray z;
        if (settings.fromEncoder()) {
            z = posterior(x, context).sample(sampleShape);
        } else {
            z = model.prior().distribution(context).sample(new Shape(chains, b));
        }
        HamiltonianMonteCarlo kernel = new HamiltonianMonteCarlo(settings.leapfrog());
        NDArray logWeights = x.getManager().zeros(new Shape(chains, b));
        try (StepSizeAdaptation adaptation =
                new StepSizeAdaptation(x.getManager(), b, INITIAL_STEP_SIZE, kernel.targetAcceptance())) {
            for (int t = 1; t <= settings.steps(); t++) {
                float beta = (float) betas[t];
                float increment = (float) (betas[t] - betas[t - 1]);
                NDArray nextZ;
                NDArray nextWeights;
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    LogDensity base = settings.fromEncoder() ? posterior(x, context)::logProb : joint::logPrior;
                    LogDensity tempered = zz -> {
                        NDArray p0 = base.at(zz);
                        return p0.add(joint.at(zz).sub(p0).mul(beta));
                    };
                    NDArray p0 = base.at(z);
                    NDArray gap = joint.at(z).sub(p0);
                    nextWeights = logWeights.add(gap.mul(increment));
                    NDArray current = p0.add(gap.mul(beta));
                    ChainStep moved =
                            kernel.step(tempered, new ChainStep(z, current, null, null), adaptation.stepSize());
                    adaptation.update(moved.acceptance());
                    nextZ = moved.z();
                    NDScope.unregister(nextZ, nextWeights);
                }
                NDScope.register(nextZ);
                NDScope.register(nextWeights);
                z.close();
                logWeights.close();
                z = nextZ;
                logWeights = nextWeights;
                progress.accept((long) t * chains * b);
            }
        }
        float[] w = logWeights.toFloatArray();
        double[] estimate = new double[b];
        for (int i = 0; i < b; i++) {
            double sum = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < chains; c++) {
                sum = ImportanceSampling.logAddExp(sum, w[c * b + i]);
            }
            estimate[i] = sum - Math.log(chains);
        }
        return new double[][] {estimate};
    }

    private Distribution posterior(NDArray x, StepContext context) {
        return ((Encoding.Density) model.encoder().encode(x, context)).posterior();
    }
}
