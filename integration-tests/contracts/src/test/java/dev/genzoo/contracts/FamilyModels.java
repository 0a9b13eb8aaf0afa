package dev.genzoo.contracts;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.contract.CodebookMixture;
import dev.genzoo.contract.GaussianData;
import dev.genzoo.contract.ModelRecipe;
import dev.genzoo.plugins.ddpm.DdpmPlugin;
import dev.genzoo.plugins.flow.FlowPlugin;
import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.plugins.vqvae.VqVaePlugin;
import java.util.List;
import java.util.Map;

/**
 * The exact models of the flow, VQ-VAE and diffusion families, built from the bundled plugins'
 * factories found by the names a user gives on the command line, small enough for the contract's
 * 150 training steps to take a few seconds.
 */
final class FamilyModels {
    /** The VQ fixture's images: 1 x 4 x 4 binary pixels, halved twice to a code grid of one position. */
    static final Shape VQ_IMAGES = new Shape(1, 4, 4);
    /** The VQ fixture's codebook size K. */
    static final int VQ_CODES = 8;
    /**
     * The factor on the VQ decoder's starting weights. At the plugin's initialization every code
     * decodes to pixels of probability near 1/2, a mixture of K nearly equal parts that training
     * cannot improve on; with its three convolutions' weights 8 times larger the codes decode to
     * distinct images (log p(x) = -10.3 nats rather than 16 log 1/2 = -11.1), so the encoder has
     * codes to tell apart.
     */
    static final float DECODER_GAIN = 8;

    private FamilyModels() {}

    /** The factory of a plugin's role by its name. */
    static <T extends ComponentFactory<?>> T named(List<T> factories, String name) {
        return factories.stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no factory named " + name));
    }

    /** An objective of a plugin by its name. */
    static ObjectiveFactory objective(GenzooPlugin plugin, String name) {
        return named(plugin.objectives(), name);
    }

    /**
     * A flow density model on the kit's Gaussian data: {@code encoder} (realnvp or maf) with two
     * hidden layers of 16, the N(0, I) base and the inverse decoder, as {@code --encoder} brings them.
     */
    static GaussianData flow(String encoder, NDManager manager) {
        FlowPlugin flow = new FlowPlugin();
        ModelRecipe recipe = ModelRecipe.of(
                        named(flow.encoders(), encoder),
                        named(new VaePlugin().priors(), "standard-normal"),
                        named(flow.decoders(), "flow-inverse"))
                .withOptions(Map.of("hidden", "16,16"));
        return GaussianData.standard(recipe, manager);
    }

    /**
     * A DDPM on the kit's Gaussian data: the diffusion with T = 50 linear steps on real values
     * ({@code range=as-is}, a Gaussian L_0), the N(0, I) prior and the ddpm-mlp denoiser with two
     * hidden layers of 32.
     */
    static GaussianData diffusion(NDManager manager) {
        DdpmPlugin ddpm = new DdpmPlugin();
        ModelRecipe recipe = ModelRecipe.of(
                        named(ddpm.encoders(), "diffusion"),
                        named(new VaePlugin().priors(), "standard-normal"),
                        named(ddpm.decoders(), "ddpm-mlp"))
                .withOptions(Map.of("timesteps", "50", "range", "as-is", "hidden", "32,32", "embedding", "8"));
        return GaussianData.standard(recipe, manager);
    }

    /**
     * A VQ-VAE whose code grid has one position: vq-conv with two stride-2 levels of 8 channels on
     * 4 x 4 images, K = 8 codes of 4 dimensions learned by {@code codebook} (loss or ema), the
     * uniform prior over codes and the Bernoulli decoder, its weights times {@link #DECODER_GAIN}.
     */
    static CodebookMixture vq(String codebook, NDManager manager) {
        VqVaePlugin vq = new VqVaePlugin();
        ModelRecipe recipe = ModelRecipe.of(
                        named(vq.encoders(), "vq-conv"),
                        named(vq.priors(), "uniform-codes"),
                        named(vq.decoders(), "conv-bernoulli"))
                .withOptions(Map.of(
                        "channels", "8,8", "codes", String.valueOf(VQ_CODES), "code-dim", "4", "codebook", codebook))
                .adjustedBy(m -> m.decoder().parameters().forEach(p -> {
                    if (p.getKey().endsWith("_weight")) {
                        p.getValue().getArray().muli(DECODER_GAIN);
                    }
                }));
        return CodebookMixture.of(recipe, VQ_IMAGES, 3, manager);
    }
}
