package dev.genzoo.runtime.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;
import dev.genzoo.runtime.model.AssembledModel;
import java.util.Optional;

/**
 * An example's code and the way back, for every encoder kind: the posterior mean of q(z|x) (Kingma
 * and Welling 2014), z_e(x) before quantization for a VQ-VAE, decoded after snapping to the
 * nearest codebook vector (van den Oord et al. 2017), a flow's z = f(x), decoded by f^-1 exactly
 * (Dinh et al. 2017), and a diffusion's x_T by deterministic DDIM inversion ({@link
 * ImplicitInversion}).
 */
public final class LatentCodes {
    /** The name of a VQ encoder's codebook parameter [K, D], as the code priors find it. */
    static final String CODEBOOK = "encoder.codebook";
    /** The extra of a VQ encoding holding z_e(x). */
    static final String Z_E = "z_e";
    /** The extra of a VQ encoding holding the indices of the nearest codes. */
    static final String INDICES = "indices";

    private final AssembledModel assembled;
    private final GenerativeModel model;
    private final StepContext context;
    private final ImplicitInversion inversion;
    private final Shape example;
    private final int ddimSteps;

    private LatentCodes(
            AssembledModel assembled, StepContext context, ImplicitInversion inversion, Shape example, int ddimSteps) {
        this.assembled = assembled;
        this.model = assembled.model();
        this.context = context;
        this.inversion = inversion;
        this.example = example;
        this.ddimSteps = ddimSteps;
    }

    /**
     * The codes of a model.
     *
     * @param assembled the model
     * @param example one example's shape
     * @param ddimSteps the DDIM steps of a diffusion's inversion (ignored for other families)
     * @param context an evaluation pass
     * @return the codes
     */
    public static LatentCodes of(AssembledModel assembled, Shape example, int ddimSteps, StepContext context) {
        ImplicitInversion inversion = ImplicitInversion.applies(assembled.model())
                ? ImplicitInversion.of(assembled.model(), ddimSteps, example, context)
                : null;
        if (inversion == null && assembled.model().encoder().kind() == dev.genzoo.api.EncoderKind.FIXED_PROCESS) {
            throw new GenzooException("this model's encoder is a fixed process whose decoder predicts no noise, so"
                    + " it has no code to compute");
        }
        return new LatentCodes(assembled, context, inversion, example, ddimSteps);
    }

    /**
     * The same codes computed in another pass: a conditional model's, whose context carries the
     * labels of the batch being encoded or the class being decoded.
     *
     * @param other the pass, with its condition
     * @return the codes in that pass
     */
    public LatentCodes in(StepContext other) {
        return other == context ? this : of(assembled, example, ddimSteps, other);
    }

    /** @return the pass the codes are computed in */
    public StepContext context() {
        return context;
    }

    /** @return whether the codes are a diffusion's x_T (and so as large as the data) */
    public boolean diffusion() {
        return inversion != null;
    }

    /** @return whether the codes are a VQ encoder's z_e, snapped to the codebook before decoding */
    public boolean quantized() {
        return model.encoder().kind() == dev.genzoo.api.EncoderKind.POINT_MASS
                && codebook().isPresent();
    }

    /**
     * The continuous code of each example, the one paths are drawn in.
     *
     * @param x a batch in the data's scale, [B, data...]
     * @return [B, latent...]
     */
    public NDArray code(NDArray x) {
        if (inversion != null) {
            return inversion.invert(x);
        }
        Encoding encoding = model.encoder().encode(x, context);
        if (encoding instanceof Encoding.Density density) {
            return density.posterior().mean();
        } else if (encoding instanceof Encoding.PointMass point) {
            return point.extra(Z_E).orElse(point.z());
        } else if (encoding instanceof Encoding.Bijection bijection) {
            return bijection.z();
        }
        throw new GenzooException("this model's encoder gives no code");
    }

    /**
     * The discrete codes of a VQ encoder, when it has them.
     *
     * @param x a batch, [B, data...]
     * @return the indices of the nearest codebook vectors, [B, h, w], or empty for other encoders
     */
    public Optional<NDArray> indices(NDArray x) {
        if (inversion != null) {
            return Optional.empty();
        }
        Encoding encoding = model.encoder().encode(x, context);
        return encoding instanceof Encoding.PointMass point ? point.extra(INDICES) : Optional.empty();
    }

    /**
     * The data a code stands for: the mean of p(x|z) (at the nearest codebook vectors for a VQ
     * code), f^-1(z) for a flow, DDIM from x_T for a diffusion.
     *
     * @param z codes, [B, latent...]
     * @return [B, data...]
     */
    public NDArray decode(NDArray z) {
        if (inversion != null) {
            return inversion.generate(z);
        }
        NDArray point = quantized() ? quantize(z, codebook().orElseThrow()) : z;
        return model.decoder().decode(point, context).mean();
    }

    private Optional<NDArray> codebook() {
        Parameter p = assembled.parameters().get(CODEBOOK);
        return p == null ? Optional.empty() : Optional.of(p.getArray());
    }

    /**
     * Each D-vector of a grid z_e [B, D, h, w] replaced by its nearest row of the codebook [K, D].
     *
     * @param ze the grid
     * @param codebook the codes
     * @return z_q, [B, D, h, w]
     */
    static NDArray quantize(NDArray ze, NDArray codebook) {
        Shape shape = ze.getShape();
        long d = shape.get(1);
        NDArray flat = ze.transpose(0, 2, 3, 1).reshape(-1, d);
        NDArray distances = flat.square()
                .sum(new int[] {1}, true)
                .sub(flat.matMul(codebook.transpose()).mul(2f))
                .add(codebook.square().sum(new int[] {1}).expandDims(0));
        NDArray chosen = distances.argMin(1).oneHot((int) codebook.getShape().get(0), DataType.FLOAT32);
        return chosen.matMul(codebook)
                .reshape(shape.get(0), shape.get(2), shape.get(3), d)
                .transpose(0, 3, 1, 2);
    }
}
