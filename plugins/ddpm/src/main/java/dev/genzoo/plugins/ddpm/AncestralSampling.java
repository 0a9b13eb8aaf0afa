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
 * Ancestral sampling from the reverse process, x_{t-1} = (x_t - beta_t / sqrt(1 - abar_t)
 * eps_theta) / sqrt(alpha_t) + sigma_t z (Ho et al. 2020, algorithm 2); over S &lt; T evenly
 * spaced steps, the same with the respaced betas 1 - abar_{tau_i} / abar_{tau_{i-1}} (Nichol and
 * Dhariwal 2021, section 4). For pixels the predicted x_0 is clipped to [-1, 1] and the step
 * taken through the posterior mean, as in Ho et al.'s code. Guided by a condition with weight
 * {@code guidance} (Ho and Salimans 2022).
 */
final class AncestralSampling implements ReverseSteps {
    static final Option<Integer> STEPS = Option.integer("steps", 0, "reverse steps, evenly spaced; 0 for all T")
            .atLeast(0);

    private final int[] timesteps;
    private final boolean clip;
    private final float[] scale;
    private final float[] noiseWeight;
    private final float[] startFraction;
    private final float[] noiseFraction;
    private final float[] startWeight;
    private final float[] currentWeight;
    private final float[] sigma;

    /**
     * The algorithm over {@code count} steps of a diffusion.
     *
     * @param diffusion the process
     * @param count S in 1..T
     */
    AncestralSampling(GaussianDiffusion diffusion, int count) {
        NoiseSchedule full = diffusion.schedule();
        int[] visited = full.evenlySpaced(count);
        NoiseSchedule s = full.respaced(visited);
        clip = diffusion.unitRange();
        timesteps = new int[count];
        scale = new float[count];
        noiseWeight = new float[count];
        startFraction = new float[count];
        noiseFraction = new float[count];
        startWeight = new float[count];
        currentWeight = new float[count];
        sigma = new float[count];
        for (int i = 0; i < count; i++) {
            int j = count - i;
            timesteps[i] = visited[j - 1];
            scale[i] = (float) (1 / Math.sqrt(1 - s.beta(j)));
            noiseWeight[i] = (float) (s.beta(j) / Math.sqrt(1 - s.alphaBar(j)));
            startFraction[i] = (float) (1 / Math.sqrt(s.alphaBar(j)));
            noiseFraction[i] = (float) Math.sqrt(1 - s.alphaBar(j));
            startWeight[i] = (float) s.posteriorStartWeight(j);
            currentWeight[i] = (float) s.posteriorCurrentWeight(j);
            sigma[i] = j == 1 ? 0f : (float) Math.sqrt(diffusion.variance().at(s, j));
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
            x.subi(eps.muli(noiseWeight[i])).muli(scale[i]);
        }
        if (sigma[i] > 0) {
            x.addi(x.getManager().randomNormal(0f, sigma[i], x.getShape(), DataType.FLOAT32));
        }
    }

    /** Creates the {@code ancestral} sampler. */
    public static final class Factory implements SamplerFactory {
        @Override
        public String name() {
            return "ancestral";
        }

        @Override
        public String description() {
            return "DDPM ancestral sampling through the reverse process, all T steps or S respaced (Ho et al. 2020)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(STEPS, ClassifierFreeGuidance.WEIGHT);
        }

        @Override
        public Sampler create(Options options, BuildContext context) {
            int steps = options.get(STEPS);
            return ReverseChain.forModel(
                    name(),
                    context,
                    diffusion -> new AncestralSampling(diffusion, count(steps, diffusion)),
                    options.get(ClassifierFreeGuidance.WEIGHT));
        }
    }

    /** S, or T when 0; refuses more steps than the process has. */
    static int count(int steps, GaussianDiffusion diffusion) {
        int total = diffusion.schedule().steps();
        if (steps > total) {
            throw new GenzooException("steps=" + steps + " is more than the diffusion's " + total + " timesteps");
        }
        return steps == 0 ? total : steps;
    }
}
