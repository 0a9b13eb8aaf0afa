package dev.genzoo.plugins.hvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.nn.Activation;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.LatentLayout;
import dev.genzoo.api.Role;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.GaussianMlp;
import dev.genzoo.nn.MarkovianHierarchy;
import dev.genzoo.nn.MultilayerPerceptron;
import dev.genzoo.nn.Nonlinearity;
import dev.genzoo.nn.RecognitionModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The top-down inference network of the ladder VAE (Sonderby et al. 2016, section 2.2): a
 * deterministic bottom-up pass d_1 = MLP(x), d_l = MLP(d_{l-1}) gives each layer a Gaussian
 * N(mu_hat_l, sigma_hat_l^2); then z_L ~ N(mu_hat_L, sigma_hat_L^2), and down the hierarchy each
 * q(z_l | z_{l+1}, x) is the precision-weighted combination of that Gaussian with the generative
 * model's own p(z_l | z_{l+1}) = N(mu_p, sigma_p^2) (their equations 17 to 19): sigma_q^2 = 1 /
 * (sigma_hat^-2 + sigma_p^-2), mu_q = (mu_hat sigma_hat^-2 + mu_p sigma_p^-2) sigma_q^2. The
 * generative conditionals are this encoder's parameters, and the {@code hvae} prior built after it
 * takes the same ones, so posterior and prior share them as in the paper.
 */
final class LadderEncoder extends RecognitionModel {
    private final LatentLayout layout;
    private final Nonlinearity activation;
    private final List<MultilayerPerceptron> trunks;
    private final List<MultilayerPerceptron> heads;
    private final List<GaussianMlp> generative;

    LadderEncoder(
            MultilayerPerceptron first,
            LatentLayout layout,
            Nonlinearity activation,
            List<MultilayerPerceptron> trunks,
            List<MultilayerPerceptron> heads,
            List<GaussianMlp> generative) {
        super(first, (int) layout.shape().get(0));
        this.layout = layout;
        this.activation = activation;
        this.trunks = List.copyOf(trunks);
        this.heads = List.copyOf(heads);
        this.generative = List.copyOf(generative);
    }

    @Override
    public LatentLayout latentLayout() {
        return layout;
    }

    /** The generative conditionals p(z_l | z_{l+1}), l = 1, ..., L - 1, which the prior shares. */
    List<GaussianMlp> generative() {
        return generative;
    }

    @Override
    protected Distribution posterior(NDArray outputs, StepContext context) {
        int layers = layout.blocks().size();
        List<Normal> bottomUp = new ArrayList<>();
        NDArray d = activation.apply(outputs);
        for (int l = 0; l < layers; l++) {
            if (l > 0) {
                d = activation.apply(trunks.get(l - 1).forward(d, context));
            }
            bottomUp.add(GaussianMlp.meanAndLogVariance(heads.get(l).forward(d, context)));
        }
        List<MarkovianHierarchy.Conditional> down = new ArrayList<>();
        for (int l = layers - 2; l >= 0; l--) {
            Normal fromData = bottomUp.get(l);
            GaussianMlp prior = generative.get(l);
            down.add(above -> precisionWeighted(fromData, prior.apply(above, context)));
        }
        return MarkovianHierarchy.topDown(layout, bottomUp.get(layers - 1), down);
    }

    /**
     * The product of two diagonal Gaussians' densities, renormalized: precisions add, and the mean is
     * the precision-weighted mean (Sonderby et al. 2016, equations 18 and 19).
     *
     * @param a N(mu_a, sigma_a^2)
     * @param b N(mu_b, sigma_b^2), broadcastable against a
     * @return N((mu_a / sigma_a^2 + mu_b / sigma_b^2) / (1 / sigma_a^2 + 1 / sigma_b^2), 1 / (1 /
     *     sigma_a^2 + 1 / sigma_b^2))
     */
    static Normal precisionWeighted(Normal a, Normal b) {
        // in log-variances throughout: the precisions themselves overflow a float once a
        // log-variance falls below -88, and 1/sigma^2 = inf made the mean inf / inf = NaN
        NDArray lvA = a.logVariance();
        NDArray lvB = b.logVariance();
        NDArray weightA = Activation.sigmoid(lvB.sub(lvA)); // tau_a / (tau_a + tau_b)
        NDArray mean = a.loc().sub(b.loc()).mul(weightA).add(b.loc());
        // log sigma^2 = -log(tau_a + tau_b) = min(lv_a, lv_b) - log(1 + exp(-|lv_a - lv_b|))
        NDArray logVariance = NDArrays.minimum(lvA, lvB)
                .sub(lvA.sub(lvB).abs().neg().exp().add(1f).log());
        return Normal.ofLogVariance(mean, logVariance, 1);
    }

    /** up1 for x -> d_1, up2 for d_1 -> d_2, ...; q1 ... qL for the heads; p1 ... for p(z_l | z_{l+1}). */
    @Override
    public ParameterList parameters() {
        ParameterList list = new ParameterList();
        network().addParameters(list, "up1");
        for (int l = 0; l < trunks.size(); l++) {
            trunks.get(l).addParameters(list, "up" + (l + 2));
        }
        for (int l = 0; l < heads.size(); l++) {
            heads.get(l).addParameters(list, "q" + (l + 1));
        }
        LayerSizes.addGenerative(list, generative);
        return list;
    }

    /** Creates {@code ladder} encoders. */
    static final class Factory implements EncoderFactory {
        @Override
        public String name() {
            return "ladder";
        }

        @Override
        public String description() {
            return "top-down posterior of L stochastic layers, precision-weighted with the generative model's"
                    + " p(z_l|z_l+1) (the ladder VAE, Sonderby et al. 2016)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(LayerSizes.LATENTS, LayerSizes.HIDDEN, LayerSizes.LAYER_HIDDEN, LayerSizes.ACTIVATION);
        }

        @Override
        public Map<Role, String> companions() {
            return Map.of(Role.PRIOR, "hvae", Role.DECODER, "hvae");
        }

        @Override
        public Encoder create(Options options, BuildContext context) {
            List<Integer> hidden = options.get(LayerSizes.HIDDEN);
            List<Integer> between = options.get(LayerSizes.LAYER_HIDDEN);
            if (hidden.isEmpty() || between.isEmpty()) {
                throw new GenzooException(
                        "a ladder's deterministic path needs at least one hidden and one layer-hidden" + " width");
            }
            LatentLayout layout = LayerSizes.layout(options);
            List<LatentLayout.Block> blocks = layout.blocks();
            int width = hidden.get(hidden.size() - 1);
            int layerWidth = between.get(between.size() - 1);
            MultilayerPerceptron first = LayerSizes.network(
                    context.manager(),
                    context.dataShape().size(),
                    hidden.subList(0, hidden.size() - 1),
                    width,
                    options);
            List<MultilayerPerceptron> trunks = new ArrayList<>();
            List<MultilayerPerceptron> heads = new ArrayList<>();
            for (int l = 0; l < blocks.size(); l++) {
                if (l > 0) {
                    trunks.add(LayerSizes.network(
                            context.manager(),
                            l == 1 ? width : layerWidth,
                            between.subList(0, between.size() - 1),
                            layerWidth,
                            options));
                }
                heads.add(LayerSizes.network(
                        context.manager(),
                        l == 0 ? width : layerWidth,
                        List.of(),
                        2 * blocks.get(l).size(),
                        options));
            }
            return new LadderEncoder(
                    first,
                    layout,
                    Nonlinearity.of(options.get(LayerSizes.ACTIVATION)),
                    trunks,
                    heads,
                    LayerSizes.generative(context.manager(), layout, options));
        }
    }
}
