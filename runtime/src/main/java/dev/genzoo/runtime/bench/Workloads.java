package dev.genzoo.runtime.bench;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.api.options.NearestName;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The workloads of {@code shared/bench/peer.py} that genzoo builds, by name. */
public final class Workloads {
    private static final Map<String, Supplier<Workload>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("vae-mlp", Workloads::vaeMlp);
        KNOWN.put("iwae-k5", Workloads::iwaeK5);
        KNOWN.put("vqvae-conv", Workloads::vqvaeConv);
        KNOWN.put("realnvp-2d", Workloads::realNvp2d);
        KNOWN.put("ddpm-2d", Workloads::ddpm2d);
        KNOWN.put("ddpm-2d-sample", Workloads::ddpm2dSample);
        KNOWN.put("iwae-eval", Workloads::iwaeEval);
        KNOWN.put("ddpm-unet", Workloads::ddpmUnet);
    }

    private Workloads() {}

    /**
     * The workload of a name.
     *
     * @param name as in peer.py
     * @return the workload
     * @throws GenzooException for an unknown name, naming the nearest
     */
    public static Workload get(String name) {
        Supplier<Workload> supplier = KNOWN.get(name);
        if (supplier == null) {
            throw new GenzooException("unknown workload '" + name + "'" + NearestName.suggestion(name, KNOWN.keySet())
                    + " (known: " + String.join(", ", KNOWN.keySet()) + ")");
        }
        return supplier.get();
    }

    /**
     * The known workload names.
     *
     * @return names in peer.py's order
     */
    public static Iterable<String> names() {
        return KNOWN.keySet();
    }

    /** peer.py's vae-mlp: 784-400-(2x20) ReLU encoder, 20-400-784 Bernoulli decoder, analytic KL, batch 128. */
    private static Workload vaeMlp() {
        ConfigDraft draft = new ConfigDraft();
        draft.components.put(Role.ENCODER, "mlp-gaussian");
        draft.components.put(Role.PRIOR, "standard-normal");
        draft.components.put(Role.DECODER, "mlp-bernoulli");
        draft.components.put(Role.OBJECTIVE, "elbo");
        draft.options.put("hidden", "400");
        draft.options.put("latent", "20");
        draft.options.put("activation", "relu");
        draft.options.put("kl", "analytic");
        draft.set(Settings.LEARNING_RATE, 1e-3);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("batch", 128);
        return new Workload("vae-mlp", draft, 128, new Shape(1, 28, 28), Workload.BatchSource.BINARY_IMAGES, info);
    }

    /**
     * peer.py's iwae-k5, the IWAE paper's one-layer network: 784-200-200-(2x50) tanh encoder,
     * 50-200-200-784 tanh Bernoulli decoder, N(0, I) prior, the K = 5 bound, Adam(1e-3, eps 1e-4),
     * batch 128.
     */
    private static Workload iwaeK5() {
        ConfigDraft draft = new ConfigDraft();
        draft.components.put(Role.ENCODER, "mlp-gaussian");
        draft.components.put(Role.PRIOR, "standard-normal");
        draft.components.put(Role.DECODER, "mlp-bernoulli");
        draft.components.put(Role.OBJECTIVE, "iwae");
        draft.options.put("hidden", "200,200");
        draft.options.put("latent", "50");
        draft.options.put("activation", "tanh");
        draft.options.put("k", "5");
        draft.set(Settings.LEARNING_RATE, 1e-3);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("batch", 128);
        info.put("k", 5);
        return new Workload(
                "iwae-k5", draft, 128, new Shape(1, 28, 28), Workload.BatchSource.BINARY_IMAGES, info, 1e-4f);
    }

    /**
     * peer.py's iwae-eval: the iwae-k5 network scoring 64 images with the importance-sampled bound,
     * K = 1000 drawn in chunks of 250 and combined exactly, no gradients: what {@code genzoo eval}
     * does for a batch. Nothing is trained, so the objective is the ELBO, which every genzoo has.
     */
    private static Workload iwaeEval() {
        ConfigDraft draft = iwaeK5().draft();
        draft.components.put(Role.OBJECTIVE, "elbo");
        draft.options.remove("k");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("images", 64);
        info.put("k", 1000);
        info.put("chunk", 250);
        info.put("unit", "ms per 64 images");
        return new Workload(
                "iwae-eval",
                draft,
                64,
                new Shape(1, 28, 28),
                Workload.BatchSource.BINARY_IMAGES,
                info,
                new Workload.Scoring(1000, 250));
    }

    /**
     * peer.py's vqvae-conv: conv encoder 1-32-64 (4x4, stride 2, twice) then 3x3 to 64 channels at
     * 7x7, codebook 512x64, decoder of 3x3 convolutions with 2x nearest upsampling, Bernoulli
     * pixels, codebook + 0.25 commitment loss, straight-through, Adam(2e-4), batch 128.
     */
    private static Workload vqvaeConv() {
        ConfigDraft draft = new ConfigDraft();
        draft.components.put(Role.ENCODER, "vq-conv");
        draft.components.put(Role.PRIOR, "uniform-codes");
        draft.components.put(Role.DECODER, "conv-bernoulli");
        draft.components.put(Role.OBJECTIVE, "vq");
        draft.options.put("channels", "32,64");
        draft.options.put("codes", "512");
        draft.options.put("code-dim", "64");
        draft.options.put("codebook", "loss");
        draft.options.put("beta", "0.25");
        draft.set(Settings.LEARNING_RATE, 2e-4);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("batch", 128);
        info.put("codes", 512);
        return new Workload("vqvae-conv", draft, 128, new Shape(1, 28, 28), Workload.BatchSource.BINARY_IMAGES, info);
    }

    /**
     * peer.py's realnvp-2d: 8 affine couplings with alternating masks, conditioners 2-64-64-4 ReLU
     * with tanh-bounded log-scales, N(0, I) base, exact NLL, batch 1024 two-moons points.
     */
    private static Workload realNvp2d() {
        ConfigDraft draft = new ConfigDraft();
        draft.components.put(Role.ENCODER, "realnvp");
        draft.components.put(Role.PRIOR, "standard-normal");
        draft.components.put(Role.DECODER, "flow-inverse");
        draft.components.put(Role.OBJECTIVE, "flow-nll");
        draft.options.put("couplings", "8");
        draft.options.put("hidden", "64,64");
        draft.options.put("activation", "relu");
        draft.options.put("scale-bound", "1");
        draft.set(Settings.LEARNING_RATE, 1e-3);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("batch", 1024);
        info.put("couplings", 8);
        return new Workload("realnvp-2d", draft, 1024, new Shape(2), Workload.BatchSource.TWO_MOONS, info);
    }

    /** peer.py's ddpm-2d model: eps-MLP (2 + 32-dim embedding, 3 x 128 SiLU), T = 1000 linear betas, L_simple. */
    private static ConfigDraft ddpmDraft() {
        ConfigDraft draft = new ConfigDraft();
        draft.components.put(Role.ENCODER, "diffusion");
        draft.components.put(Role.PRIOR, "standard-normal");
        draft.components.put(Role.DECODER, "ddpm-mlp");
        draft.components.put(Role.OBJECTIVE, "ddpm-simple");
        draft.options.put("timesteps", "1000");
        draft.options.put("schedule", "linear");
        draft.options.put("variance", "beta");
        draft.options.put("hidden", "128,128,128");
        draft.options.put("embedding", "32");
        draft.set(Settings.LEARNING_RATE, 1e-3);
        return draft;
    }

    /** peer.py's ddpm-2d: one training step on 1024 two-moons points. */
    private static Workload ddpm2d() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("batch", 1024);
        info.put("T", 1000);
        return new Workload("ddpm-2d", ddpmDraft(), 1024, new Shape(2), Workload.BatchSource.TWO_MOONS, info);
    }

    /** peer.py's ddpm-2d-sample: the whole 1000-step ancestral chain for 1000 points, no gradients. */
    private static Workload ddpm2dSample() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("points", 1000);
        info.put("T", 1000);
        info.put("unit", "ms per full chain");
        return new Workload(
                "ddpm-2d-sample",
                ddpmDraft(),
                1000,
                new Shape(2),
                Workload.BatchSource.TWO_MOONS,
                info,
                new Workload.Sampling("ancestral", Map.of()));
    }

    /**
     * peer.py's ddpm-unet: the U-Net of Ho et al. (2020) on 3 x 32 x 32 images, channels (64, 128),
     * upsampling convolutions that keep their channels, group norm with a learned scale and shift,
     * the step's embedding sin(64) -> 256 -> 256 projected into each block without a SiLU; T = 1000
     * linear betas, L_simple, Adam(2e-4), batch 32.
     */
    private static Workload ddpmUnet() {
        ConfigDraft draft = new ConfigDraft();
        draft.components.put(Role.ENCODER, "diffusion");
        draft.components.put(Role.PRIOR, "standard-normal");
        draft.components.put(Role.DECODER, "ddpm-unet");
        draft.components.put(Role.OBJECTIVE, "ddpm-simple");
        draft.options.put("timesteps", "1000");
        draft.options.put("schedule", "linear");
        draft.options.put("variance", "beta");
        draft.options.put("channels", "64,128");
        draft.options.put("up-channels", "same");
        draft.options.put("norm", "affine");
        draft.options.put("step-activation", "none");
        draft.set(Settings.LEARNING_RATE, 2e-4);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("batch", 32);
        info.put("image", "3x32x32");
        return new Workload("ddpm-unet", draft, 32, new Shape(3, 32, 32), Workload.BatchSource.COLOUR_IMAGES, info);
    }
}
