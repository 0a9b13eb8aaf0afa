package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.Scalars;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The VQ-VAE objective (van den Oord et al. 2017, equation 3): L = -log p(x|z_q(x)) +
 * ||sg[z_e(x)] - e||^2 + beta ||z_e(x) - sg[e]||^2, the decoder reading the straight-through
 * z = z_e + sg(z_q - z_e). The two squared distances are means over the latent's elements, as
 * torch's mse_loss and the authors' Sonnet implementation compute them (the paper's sums divided
 * by D*h*w). With {@code codebook=ema} the codebook term is left out: moving averages train the
 * codebook (ibid., appendix A.1).
 *
 * <p>Reported with the loss: {@code reconstruction} (-log p(x|z_q), nats), {@code codebook},
 * {@code commitment}, {@code kl} = -log p(codes) under the prior (h*w*log K for the uniform
 * prior: KL(q||p) of a one-hot q), the per-batch code {@code perplexity} exp(-sum_k p_k log p_k)
 * of the codes' frequencies p_k, and {@code codes-used}, the number of distinct codes in the
 * batch. The bound is log p(x|z_q) - kl, a lower bound on log p(x) under that prior.
 */
public final class VectorQuantizationLoss implements Objective {
    static final Option<Double> BETA =
            Option.real("beta", 0.25, "weight of the commitment term beta").atLeast(0);

    private final float beta;
    private final boolean codebookLoss;

    VectorQuantizationLoss(double beta, boolean codebookLoss) {
        this.beta = (float) beta;
        this.codebookLoss = codebookLoss;
    }

    @Override
    public Set<EncoderKind> acceptedEncoders() {
        return Set.of(EncoderKind.POINT_MASS);
    }

    @Override
    public Optional<String> incompatibility(GenerativeModel model) {
        if (!(model.prior() instanceof CodePrior)) {
            return Optional.of("its prior must be a distribution over codes (uniform-codes, transformer-codes), since"
                    + " the KL of a one-hot posterior to a density over vectors is not defined");
        }
        Parameter codebook = model.encoder().parameters().get(VectorQuantizer.CODEBOOK_NAME);
        if (codebook != null && codebook.requiresGradient() != codebookLoss) {
            return Optional.of(String.format(
                    "the objective has codebook=%s but the encoder's codebook is trained by %s; give"
                            + " -P codebook=%s without a role, so that both agree",
                    codebookLoss ? "loss" : "ema",
                    codebookLoss ? "moving averages" : "the loss",
                    codebookLoss ? "ema" : "loss"));
        }
        return Optional.empty();
    }

    @Override
    public ObjectiveValue evaluate(NDArray x, GenerativeModel model, StepContext context) {
        Encoding.PointMass encoding = (Encoding.PointMass) model.encoder().encode(x, context);
        NDArray ze = extra(encoding, VqConvEncoder.Z_E);
        NDArray zq = extra(encoding, VqConvEncoder.Z_Q);
        NDArray indices = extra(encoding, VqConvEncoder.INDICES);

        NDArray logLikelihood = model.decoder().decode(encoding.z(), context).logProb(x);
        NDArray reconstruction = logLikelihood.mean().neg();
        NDArray commitment = ze.sub(zq.stopGradient()).square().mean();
        NDArray loss = reconstruction.add(Scalars.times(commitment, beta));
        NDArray codebookTerm = null;
        if (codebookLoss) {
            codebookTerm = zq.sub(ze.stopGradient()).square().mean();
            loss = loss.add(codebookTerm);
        }
        // the prior is read as in evaluation: this objective never trains it
        StepContext frozen = StepContext.evaluation(context.step(), context.manager(), context.parameterStore());
        NDArray kl =
                model.prior().distribution(frozen).logProb(zq.stopGradient()).neg();

        ObjectiveValue.Builder value = ObjectiveValue.of(loss).term("reconstruction", reconstruction);
        if (codebookTerm != null) {
            value.term("codebook", codebookTerm);
        }
        NDArray[] usage = usage(indices);
        return value.term("commitment", commitment)
                .term("kl", kl.mean())
                .term("perplexity", usage[0])
                .term("codes-used", usage[1])
                .bound(logLikelihood.stopGradient().sub(kl))
                .build();
    }

    private static NDArray extra(Encoding.PointMass encoding, String name) {
        return encoding.extra(name)
                .orElseThrow(() -> new IllegalStateException(
                        "the vq objective needs the encoder's extras z_e, z_q and indices; it has no " + name));
    }

    /**
     * The perplexity exp(-sum_k p_k log p_k) of the codes' frequencies in a batch and the number
     * of distinct codes, both as 0-dim arrays.
     */
    static NDArray[] usage(NDArray indices) {
        NDList unique = indices.unique(null, false, false, true);
        NDArray counts = unique.get(unique.size() - 1).toType(DataType.FLOAT32, false);
        NDArray p = counts.div(indices.getShape().size());
        NDArray perplexity = p.mul(p.log()).sum().neg().exp();
        NDArray used = indices.getManager()
                .full(new ai.djl.ndarray.types.Shape(), counts.getShape().get(0), DataType.FLOAT32);
        return new NDArray[] {perplexity, used};
    }

    /** Creates the {@code vq} objective. */
    public static final class Factory implements ObjectiveFactory {
        @Override
        public String name() {
            return "vq";
        }

        @Override
        public String description() {
            return "VQ-VAE loss: reconstruction + codebook + beta * commitment, straight-through (van den Oord et al. 2017)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(BETA, VectorQuantizer.CODEBOOK);
        }

        @Override
        public Objective create(Options options, BuildContext context) {
            return new VectorQuantizationLoss(
                    options.get(BETA), options.get(VectorQuantizer.CODEBOOK).equals("loss"));
        }
    }
}
