package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import dev.genzoo.api.StepContext;
import java.util.Objects;

/**
 * A fully connected layer y = x W^T + b, initialized as PyTorch's nn.Linear or at zero, with an
 * optional fixed 0/1 mask on W that cuts connections (MADE, Germain et al. 2015, equation 8).
 *
 * <p>A layer may add its bias in place after the product when its output is wide (at least {@link
 * #IN_PLACE_BIAS_FROM} elements): libtorch 2.7.1's addmm first copies the broadcast bias into the
 * fresh output and then reads it back in the GEMM (beta = 1), and in iwae-k5 that copy alone took
 * ~0.7 ms of a ~17 ms step on 2 cores; a narrow output keeps addmm, one native call.
 */
public final class Dense {
    /** Output elements (rows x units) from which a layer that may adds its bias in place: 2^18 floats, 1 MiB. */
    public static final long IN_PLACE_BIAS_FROM = 1L << 18;

    private final Parameter weight;
    private final Parameter bias;
    private final NDArray mask;
    private final boolean biasInPlaceWhenWide;

    private Dense(Parameter weight, Parameter bias, NDArray mask, boolean biasInPlaceWhenWide) {
        this.weight = weight;
        this.bias = bias;
        this.mask = mask;
        this.biasInPlaceWhenWide = biasInPlaceWhenWide;
    }

    /**
     * A layer from {@code in} to {@code out} units, to be configured and built.
     *
     * @param in input width
     * @param out output width
     * @return a builder
     */
    public static Builder builder(long in, long out) {
        return new Builder(in, out);
    }

    /**
     * Applies the layer to rows.
     *
     * @param rows [N, in]
     * @param context the pass; the weight and bias are read through its store
     * @return [N, out]
     */
    public NDArray forward(NDArray rows, StepContext context) {
        NDArray w = Parameters.value(weight, rows, context);
        NDArray b = Parameters.value(bias, rows, context);
        if (mask != null) {
            w = w.mul(mask);
        }
        if (biasInPlaceWhenWide && rows.getShape().get(0) * w.getShape().get(0) >= IN_PLACE_BIAS_FROM) {
            return Linear.linear(rows, w, null).singletonOrThrow().addi(b);
        }
        return Linear.linear(rows, w, b).singletonOrThrow();
    }

    /**
     * The weight W, shape [out, in].
     *
     * @return the parameter
     */
    public Parameter weight() {
        return weight;
    }

    /**
     * The bias b, shape [out].
     *
     * @return the parameter
     */
    public Parameter bias() {
        return bias;
    }

    /** How a {@link Dense} layer starts and computes. */
    public static final class Builder {
        private final long in;
        private final long out;
        private boolean zero;
        private float[] mask;
        private boolean biasInPlaceWhenWide;
        private String weightName = "weight";
        private String biasName = "bias";

        private Builder(long in, long out) {
            this.in = in;
            this.out = out;
        }

        /**
         * Start at W = 0 and b = 0, so that the layer outputs zeros until trained (a flow
         * conditioner's last layer, whose step then starts as the identity).
         *
         * @param atZero whether to start at zero rather than at random
         * @return this builder
         */
        public Builder startAtZero(boolean atZero) {
            this.zero = atZero;
            return this;
        }

        /**
         * Cut connections with a fixed mask.
         *
         * @param rowMajor out * in values, row-major, 1 where W[o][i] is kept and 0 where it is cut;
         *     null for none
         * @return this builder
         */
        public Builder mask(float[] rowMajor) {
            if (rowMajor != null && rowMajor.length != in * out) {
                throw new IllegalArgumentException("a mask of a " + out + " x " + in + " weight has " + in * out
                        + " values, not " + rowMajor.length);
            }
            this.mask = rowMajor;
            return this;
        }

        /**
         * Add the bias in place after the product when the output is wide (see {@link Dense}).
         *
         * @return this builder
         */
        public Builder biasInPlaceWhenWide() {
            this.biasInPlaceWhenWide = true;
            return this;
        }

        /**
         * The parameters' own names (what messages and arrays show), "weight" and "bias" unless
         * given; the names a component lists them under are its own.
         *
         * @param weight the weight's name
         * @param bias the bias's name
         * @return this builder
         */
        public Builder names(String weight, String bias) {
            this.weightName = weight;
            this.biasName = bias;
            return this;
        }

        /**
         * Creates the layer's parameters, weight first, then bias (the order of PyTorch's and DJL's
         * draws), and its mask.
         *
         * @param manager the model's manager, which owns them
         * @return the layer
         */
        public Dense build(NDManager manager) {
            Objects.requireNonNull(manager, "manager");
            Parameter weight = zero
                    ? Parameters.constant(manager, weightName, Parameter.Type.WEIGHT, new Shape(out, in), 0f)
                    : Parameters.uniform(manager, weightName, Parameter.Type.WEIGHT, new Shape(out, in), in);
            Parameter bias = zero
                    ? Parameters.constant(manager, biasName, Parameter.Type.BIAS, new Shape(out), 0f)
                    : Parameters.uniform(manager, biasName, Parameter.Type.BIAS, new Shape(out), in);
            NDArray maskArray = mask == null ? null : manager.create(mask, new Shape(out, in));
            return new Dense(weight, bias, maskArray, biasInPlaceWhenWide);
        }
    }
}
