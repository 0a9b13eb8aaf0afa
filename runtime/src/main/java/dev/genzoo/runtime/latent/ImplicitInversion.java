package dev.genzoo.runtime.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Denoiser;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.ForwardProcess;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;

/**
 * Deterministic DDIM in both directions (Song et al. 2021, equation 13 at sigma = 0, and its
 * inversion as in Dhariwal and Nichol 2021, appendix F): x_0 -> x_T by x_next = sqrt(abar_next)
 * x0_pred + sqrt(1 - abar_next) eps(x, t_next), and x_T -> x_0 by the same update backwards, with
 * x0_pred = (x - sqrt(1 - abar) eps) / sqrt(abar). It needs only the api: the encoder's {@link
 * ForwardProcess} (whose marginal q(x_t|x_0) = N(sqrt(abar_t) x_0, (1 - abar_t) I) gives abar_t and
 * whose start gives the process's scale) and the decoder's {@link Denoiser}. No clipping: the
 * round trip is then exact in the limit of small steps; at S steps it is close, not equal.
 */
public final class ImplicitInversion {
    private final GenerativeModel model;
    private final Denoiser denoiser;
    private final StepContext context;
    private final int[] timesteps;
    private final double[] alphaBar;
    private final float scale;
    private final float shift;

    private ImplicitInversion(
            GenerativeModel model, StepContext context, int[] timesteps, double[] alphaBar, float scale, float shift) {
        this.model = model;
        this.denoiser = (Denoiser) model.decoder();
        this.context = context;
        this.timesteps = timesteps;
        this.alphaBar = alphaBar;
        this.scale = scale;
        this.shift = shift;
    }

    /**
     * Whether a model is a diffusion this class can run: a fixed-process encoder and a denoising
     * decoder.
     *
     * @param model the model
     * @return true for a DDPM
     */
    public static boolean applies(GenerativeModel model) {
        return model.encoder().kind() == dev.genzoo.api.EncoderKind.FIXED_PROCESS
                && model.decoder() instanceof Denoiser;
    }

    /**
     * DDIM over {@code steps} timesteps evenly spaced over 1..T, T included.
     *
     * @param model a diffusion (see {@link #applies})
     * @param steps S, in 1..T
     * @param example one example's shape
     * @param context an evaluation pass
     * @return the two directions
     */
    public static ImplicitInversion of(GenerativeModel model, int steps, Shape example, StepContext context) {
        if (!applies(model)) {
            throw new GenzooException(
                    "DDIM inversion needs a diffusion: a fixed-process encoder and a decoder that" + " predicts noise");
        }
        NDManager manager = context.manager();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Shape one = new Shape(1).addAll(example);
            ForwardProcess zeros = process(model, manager.zeros(one), context);
            ForwardProcess ones = process(model, manager.ones(one), context);
            float shift = zeros.start().toFloatArray()[0];
            float scale = ones.start().toFloatArray()[0] - shift;
            int total = ones.steps();
            if (steps < 1 || steps > total) {
                throw new GenzooException("DDIM inversion takes 1 to " + total + " steps, not " + steps);
            }
            ForwardProcess reference = Math.abs(scale + shift) >= Math.abs(shift) ? ones : zeros;
            NDArray start = reference.start();
            float norm = start.mul(start).sum().getFloat();
            int[] visited = new int[steps];
            double[] alphaBar = new double[steps];
            for (int i = 0; i < steps; i++) {
                visited[i] = steps == 1 ? total : (int) Math.round(1 + (total - 1) * (double) i / (steps - 1));
                NDArray mean = reference
                        .marginal(manager.create(new long[] {visited[i]}))
                        .mean();
                double root = mean.mul(start).sum().getFloat() / norm;
                alphaBar[i] = root * root;
            }
            return new ImplicitInversion(model, context, visited, alphaBar, scale, shift);
        }
    }

    private static ForwardProcess process(GenerativeModel model, NDArray x, StepContext context) {
        return ((Encoding.Process) model.encoder().encode(x, context)).process();
    }

    /** @return the timesteps visited, increasing */
    public int[] timesteps() {
        return timesteps.clone();
    }

    /**
     * x_0 -> x_T: the noise that DDIM sampling maps back to (nearly) x_0.
     *
     * @param x a batch in the data's scale, [B, data...]
     * @return x_T in the process's scale, [B, data...]; the caller owns it
     */
    public NDArray invert(NDArray x) {
        NDArray current = process(model, x, context).start().duplicate();
        double previous = 1;
        for (int i = 0; i < timesteps.length; i++) {
            current = step(current, timesteps[i], previous, alphaBar[i]);
            previous = alphaBar[i];
        }
        return current;
    }

    /**
     * x_T -> x_0 by deterministic DDIM.
     *
     * @param noise x_T in the process's scale, [B, data...]
     * @return x_0 in the data's scale; the caller owns it
     */
    public NDArray generate(NDArray noise) {
        NDArray current = noise.duplicate();
        for (int i = timesteps.length - 1; i >= 0; i--) {
            double next = i > 0 ? alphaBar[i - 1] : 1;
            current = step(current, timesteps[i], alphaBar[i], next);
        }
        NDArray data = current.sub(shift).divi(scale);
        current.close();
        return data;
    }

    /**
     * One deterministic move from abar = {@code from} to abar = {@code to}, eps read at timestep t;
     * closes x and returns the new state, which no scope owns.
     */
    private NDArray step(NDArray x, int t, double from, double to) {
        NDArray next;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray eps = denoiser.predictNoise(x, x.getManager().create(new long[] {t}), context);
            NDArray start = x.sub(eps.mul((float) Math.sqrt(1 - from))).divi((float) Math.sqrt(from));
            next = start.muli((float) Math.sqrt(to)).addi(eps.mul((float) Math.sqrt(1 - to)));
            NDScope.unregister(next);
        }
        x.close();
        return next;
    }
}
