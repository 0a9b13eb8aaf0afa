package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Sampler;
import dev.genzoo.api.SamplerFactory;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.List;

/**
 * DDIM sampling (Song et al. 2021, equation 12) over S evenly spaced steps: from the predicted
 * x_0 = (x_t - sqrt(1 - abar_t) eps) / sqrt(abar_t), x_prev = sqrt(abar_prev) x_0 +
 * sqrt(1 - abar_prev - sigma^2) eps + sigma z, with sigma = eta sqrt((1 - abar_prev) / (1 -
 * abar_t)) sqrt(1 - abar_t / abar_prev): deterministic at eta = 0, DDPM-like at eta = 1. For
 * pixels the predicted x_0 is clipped to [-1, 1] and eps recomputed from it. Guided by a condition
 * with weight {@code guidance} (Ho and Salimans 2022).
 */
final class ImplicitSampling implements ReverseSteps {
    static final Option<Integer> STEPS = Option.integer("steps", 50, "reverse steps, evenly spaced over 1..T")
            .atLeast(1);
    static final Option<Double> ETA = Option.real("eta", 0.0, "noise of each step: 0 deterministic (DDIM), 1 as DDPM")
            .atLeast(0);

    private final int[] timesteps;
    private final boolean clip;
    private final float[] currentWeight;
    private final float[] noiseWeight;
    private final float[] startFraction;
    private final float[] noiseFraction;
    private final float[] startWeight;
    private final float[] sigma;

    /**
     * The algorithm over {@code count} steps of a diffusion.
     *
     * @param diffusion the process
     * @param count S in 1..T
     * @param eta the noise scale
     */
    ImplicitSampling(GaussianDiffusion diffusion, int count, double eta) {
        NoiseSchedule s = diffusion.schedule();
        int[] visited = s.evenlySpaced(count);
        clip = diffusion.unitRange();
        timesteps = new int[count];
        currentWeight = new float[count];
        noiseWeight = new float[count];
        startFraction = new float[count];
        noiseFraction = new float[count];
        startWeight = new float[count];
        sigma = new float[count];
        for (int i = 0; i < count; i++) {
            int t = visited[count - 1 - i];
            double now = s.alphaBar(t);
            double next = i + 1 < count ? s.alphaBar(visited[count - 2 - i]) : 1;
            double sd = eta * Math.sqrt((1 - next) / (1 - now)) * Math.sqrt(1 - now / next);
            double direction = Math.sqrt(Math.max(0, 1 - next - sd * sd));
            timesteps[i] = t;
            startFraction[i] = (float) (1 / Math.sqrt(now));
            noiseFraction[i] = (float) Math.sqrt(1 - now);
            sigma[i] = (float) sd;
            // x_prev is linear in x and eps (or in x and the clipped x_0), so it is written in place
            currentWeight[i] = (float) (clip ? direction / Math.sqrt(1 - now) : Math.sqrt(next / now));
            noiseWeight[i] = (float) (direction - Math.sqrt(next) * Math.sqrt(1 - now) / Math.sqrt(now));
            startWeight[i] = (float) (Math.sqrt(next) - direction * Math.sqrt(now) / Math.sqrt(1 - now));
        }
    }

    @Override
    public int[] timesteps() {
        return timesteps;
    }

    @Override
    public void step(NDArray x, NDArray eps, int i) {
        if (clip) {
            NDArray start =
                    x.sub(eps.mul(noiseFraction[i])).muli(startFraction[i]).clip(-1f, 1f);
            x.muli(currentWeight[i]).addi(start.muli(startWeight[i]));
        } else {
            x.muli(currentWeight[i]).addi(eps.muli(noiseWeight[i]));
        }
        if (sigma[i] > 0) {
            x.addi(x.getManager().randomNormal(0f, sigma[i], x.getShape(), DataType.FLOAT32));
        }
    }

    /** Creates the {@code ddim} sampler. */
    public static final class Factory implements SamplerFactory {
        @Override
        public String name() {
            return "ddim";
        }

        @Override
        public String description() {
            return "DDIM: S evenly spaced steps, deterministic at eta=0 (Song et al. 2021)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(STEPS, ETA, ClassifierFreeGuidance.WEIGHT);
        }

        @Override
        public Sampler create(Options options, BuildContext context) {
            int steps = options.get(STEPS);
            double eta = options.get(ETA);
            return ReverseChain.forModel(
                    name(),
                    context,
                    diffusion -> {
                        if (steps > diffusion.schedule().steps()) {
                            throw new GenzooException("steps=" + steps + " is more than the diffusion's "
                                    + diffusion.schedule().steps() + " timesteps");
                        }
                        return new ImplicitSampling(diffusion, steps, eta);
                    },
                    options.get(ClassifierFreeGuidance.WEIGHT));
        }
    }
}
