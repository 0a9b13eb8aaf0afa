package dev.genzoo.runtime.bench;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.api.options.NearestName;
import dev.genzoo.runtime.config.ConfigDraft;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The workloads of {@code shared/bench/peer.py} that genzoo builds, by name. */
public final class Workloads {
    private static final Map<String, Supplier<Workload>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("vae-mlp", Workloads::vaeMlp);
        KNOWN.put("ddpm-2d", Workloads::ddpm2d);
        KNOWN.put("ddpm-2d-sample", Workloads::ddpm2dSample);
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
            throw new GenzooException(
                    "unknown workload '" + name + "'" + NearestName.suggestion(name, KNOWN.keySet())
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
        draft.learningRate = 1e-3;
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("batch", 128);
        return new Workload("vae-mlp", draft, 128, new Shape(1, 28, 28), Workload.BatchSource.BINARY_IMAGES, info);
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
        draft.learningRate = 1e-3;
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
}
