package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.Role;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.DownsamplingNetwork;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The VQ-VAE encoder (van den Oord et al. 2017, section 3.1): a convolutional network to a grid
 * z_e(x) of D-dimensional vectors, each snapped to its nearest codebook vector. The encoding is a
 * point mass at the straight-through value z = z_e + sg(z_q - z_e) (ibid., section 3.2: equal to
 * z_q forwards, the decoder's gradient copied to z_e backwards), with the extras {@code z_e},
 * {@code z_q} and {@code indices} for the objective.
 */
public final class VqConvEncoder implements Encoder {
    /** The extra holding z_e(x), [B, D, h, w]. */
    public static final String Z_E = "z_e";
    /** The extra holding z_q(x), [B, D, h, w], differentiable with respect to the codebook. */
    public static final String Z_Q = "z_q";
    /** The extra holding the chosen codes, [B, h, w], int64. */
    public static final String INDICES = "indices";

    private final DownsamplingNetwork network;
    private final VectorQuantizer quantizer;
    private final Shape latentShape;

    VqConvEncoder(DownsamplingNetwork network, VectorQuantizer quantizer, Shape latentShape) {
        this.network = network;
        this.quantizer = quantizer;
        this.latentShape = latentShape;
    }

    @Override
    public EncoderKind kind() {
        return EncoderKind.POINT_MASS;
    }

    @Override
    public Shape latentShape() {
        return latentShape;
    }

    @Override
    public Encoding encode(NDArray x, StepContext context) {
        NDArray ze = network.forward(x, context);
        VectorQuantizer.Quantized quantized = quantizer.quantize(ze, context);
        NDArray zq = quantized.zq();
        NDArray straightThrough = ze.add(zq.sub(ze).stopGradient());
        Map<String, NDArray> extras = new LinkedHashMap<>();
        extras.put(Z_E, ze);
        extras.put(Z_Q, zq);
        extras.put(INDICES, quantized.indices());
        return Encoding.pointMass(straightThrough, extras);
    }

    /** The codebook [K, D], named {@code codebook}, then the networks' and the averages' parameters. */
    @Override
    public ParameterList parameters() {
        ParameterList list = new ParameterList();
        quantizer.addTo(list);
        network.parameters().forEach(pair -> list.add(pair.getKey(), pair.getValue()));
        return list;
    }

    /** Creates {@code vq-conv} encoders. */
    public static final class Factory implements EncoderFactory {
        @Override
        public String name() {
            return "vq-conv";
        }

        @Override
        public String description() {
            return "convolutional encoder snapped to the nearest of K codebook vectors, a point mass (van den Oord et al. 2017)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(
                    GridSizes.CHANNELS,
                    VectorQuantizer.CODES,
                    VectorQuantizer.CODE_DIM,
                    VectorQuantizer.CODEBOOK,
                    VectorQuantizer.DECAY,
                    VectorQuantizer.RESTART_AFTER);
        }

        @Override
        public List<Option<?>> optionsFor(Shape data) {
            return GridSizes.fitted(options(), data);
        }

        @Override
        public Map<Role, String> companions() {
            return Map.of(Role.PRIOR, "uniform-codes", Role.DECODER, "conv-bernoulli", Role.OBJECTIVE, "vq");
        }

        @Override
        public Encoder create(Options options, BuildContext context) {
            Shape data = context.dataShape();
            List<Integer> channels = options.get(GridSizes.CHANNELS);
            long[][] sizes = GridSizes.of(data, channels.size());
            long[] grid = sizes[channels.size()];
            int codeDim = options.get(VectorQuantizer.CODE_DIM);
            boolean ema = options.get(VectorQuantizer.CODEBOOK).equals("ema");
            DownsamplingNetwork network = new DownsamplingNetwork(context.manager(), data.get(0), channels, codeDim);
            VectorQuantizer quantizer = VectorQuantizer.create(
                    context.manager(),
                    options.get(VectorQuantizer.CODES),
                    codeDim,
                    ema ? options.get(VectorQuantizer.DECAY) : 0,
                    options.get(VectorQuantizer.RESTART_AFTER));
            return new VqConvEncoder(network, quantizer, new Shape(codeDim, grid[0], grid[1]));
        }
    }
}
