package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import dev.genzoo.api.Scalars;
import dev.genzoo.api.StepContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoder-only transformer with causal self-attention (Vaswani et al. 2017; pre-layer-norm
 * blocks and N(0, 0.02) initialization as in Radford et al. 2019, "GPT-2"): tokens [N, T] to
 * logits [N, T, V] where the logits at position t depend on tokens 0..t only. Weights are read
 * through the step's parameter store.
 */
final class CausalTransformer {
    private static final float LAYER_NORM_EPSILON = 1e-5f;
    /** Added to the scores of future positions; finite so that softmax never sees NaN. */
    private static final float MASKED = -1e9f;

    private final List<Parameter> all = new ArrayList<>();
    private final Parameter tokens;
    private final Parameter positions;
    private final List<Block> blocks = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final Dense head;
    private final NDArray causalMask;
    private final int width;
    private final int heads;

    /**
     * @param vocabulary how many distinct input tokens there are
     * @param outputs how many logits each position gives
     * @param length T, the sequence length
     */
    CausalTransformer(NDManager manager, long vocabulary, long outputs, int length, int width, int layers, int heads) {
        this.width = width;
        this.heads = heads;
        NormalInitializer normal = new NormalInitializer(0.02f);
        NormalInitializer residual = new NormalInitializer((float) (0.02 / Math.sqrt(2.0 * layers)));
        tokens = parameter(manager, "token_embedding", new Shape(vocabulary, width), normal);
        positions = parameter(manager, "position_embedding", new Shape(length, width), normal);
        for (int l = 0; l < layers; l++) {
            String p = "block" + l + "_";
            blocks.add(new Block(
                    new LayerNorm(manager, p + "attention_norm", width),
                    new Dense(manager, p + "qkv", width, 3L * width, normal),
                    new Dense(manager, p + "attention_out", width, width, residual),
                    new LayerNorm(manager, p + "mlp_norm", width),
                    new Dense(manager, p + "mlp_in", width, 4L * width, normal),
                    new Dense(manager, p + "mlp_out", 4L * width, width, residual)));
        }
        finalNorm = new LayerNorm(manager, "final_norm", width);
        head = new Dense(manager, "head", width, outputs, normal);
        float[] mask = new float[length * length];
        for (int i = 0; i < length; i++) {
            for (int j = i + 1; j < length; j++) {
                mask[i * length + j] = MASKED;
            }
        }
        causalMask = manager.create(mask, new Shape(length, length));
    }

    private Parameter parameter(NDManager manager, String name, Shape shape, Initializer init) {
        Parameter p = Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(shape)
                .optInitializer(init)
                .build();
        p.initialize(manager, DataType.FLOAT32);
        all.add(p);
        return p;
    }

    /**
     * The logits of every position.
     *
     * @param input tokens [N, T], int64
     * @return logits [N, T, outputs]
     */
    NDArray logits(NDArray input, StepContext context) {
        long n = input.getShape().get(0);
        long length = input.getShape().get(1);
        NDArray x = VectorQuantizer.lookUp(input, read(tokens, context)).add(read(positions, context));
        int headWidth = width / heads;
        NDArray mask = causalMask.toDevice(x.getDevice(), false);
        for (Block b : blocks) {
            NDList qkv = b.qkv.apply(b.attentionNorm.apply(x, context), context).split(3, 2);
            NDArray q = Scalars.times(splitHeads(qkv.get(0), n, length, headWidth), (float) (1 / Math.sqrt(headWidth)));
            NDArray k = splitHeads(qkv.get(1), n, length, headWidth);
            NDArray v = splitHeads(qkv.get(2), n, length, headWidth);
            NDArray attention = q.matMul(k.transpose(0, 1, 3, 2)).add(mask).softmax(3);
            NDArray mixed = attention.matMul(v).transpose(0, 2, 1, 3).reshape(n, length, width);
            x = x.add(b.attentionOut.apply(mixed, context));
            NDArray hidden = Activation.gelu(b.mlpIn.apply(b.mlpNorm.apply(x, context), context));
            x = x.add(b.mlpOut.apply(hidden, context));
        }
        return head.apply(finalNorm.apply(x, context), context);
    }

    private NDArray splitHeads(NDArray x, long n, long length, int headWidth) {
        return x.reshape(n, length, heads, headWidth).transpose(0, 2, 1, 3);
    }

    private static NDArray read(Parameter p, StepContext context) {
        return context.parameterStore().getValue(p, context.manager().getDevice(), context.training());
    }

    ParameterList parameters() {
        ParameterList list = new ParameterList();
        all.forEach(p -> list.add(p.getName(), p));
        return list;
    }

    private record Block(
            LayerNorm attentionNorm, Dense qkv, Dense attentionOut, LayerNorm mlpNorm, Dense mlpIn, Dense mlpOut) {}

    /** x W^T + b, one fused product over the last axis. */
    private final class Dense {
        private final Parameter weight;
        private final Parameter bias;

        Dense(NDManager manager, String name, long in, long out, Initializer init) {
            weight = parameter(manager, name + "_weight", new Shape(out, in), init);
            bias = parameter(manager, name + "_bias", new Shape(out), new ConstantInitializer(0f));
        }

        NDArray apply(NDArray x, StepContext context) {
            return x.getNDArrayInternal()
                    .linear(x, read(weight, context), read(bias, context))
                    .singletonOrThrow();
        }
    }

    /** Layer normalization over the last axis (Ba et al. 2016) with a gain and a bias. */
    private final class LayerNorm {
        private final Parameter gain;
        private final Parameter bias;

        LayerNorm(NDManager manager, String name, int width) {
            gain = parameter(manager, name + "_gain", new Shape(width), new ConstantInitializer(1f));
            bias = parameter(manager, name + "_bias", new Shape(width), new ConstantInitializer(0f));
        }

        NDArray apply(NDArray x, StepContext context) {
            return x.getNDArrayInternal()
                    .layerNorm(x, new Shape(width), read(gain, context), read(bias, context), LAYER_NORM_EPSILON)
                    .singletonOrThrow();
        }
    }
}
