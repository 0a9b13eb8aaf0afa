package dev.genzoo.plugins.iwae;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Prior;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Bernoulli;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.distribution.StandardNormal;
import java.util.Random;

/**
 * A hand-written latent-variable model small enough to recompute in doubles: q(z|x) = N(x A + a,
 * diag exp(x S + s)), p(z) = N(0, I), p(x|z) = Bernoulli(logits z W + c), with D binary pixels and
 * L latents. Its parameters are read through the step's parameter store, as a plugin's are. Owns
 * its manager.
 */
final class LinearModel implements AutoCloseable {
    static final int D = 6;
    static final int L = 3;

    final NDManager manager;
    final ParameterStore store;
    final Parameter a;
    final Parameter aBias;
    final Parameter s;
    final Parameter sBias;
    final Parameter w;
    final Parameter c;
    final GenerativeModel model;

    /**
     * A model with parameters drawn from {@code seed}, the decoder's weights multiplied by {@code
     * decoderScale} (large scales make log-weights of thousands of nats).
     */
    LinearModel(int seed, float decoderScale) {
        Engine.getInstance().setRandomSeed(seed);
        manager = NDManager.newBaseManager();
        store = new ParameterStore(manager, false);
        a = parameter("a", new Shape(D, L), 0.5f);
        aBias = parameter("a_bias", new Shape(L), 0.3f);
        s = parameter("s", new Shape(D, L), 0.3f);
        sBias = parameter("s_bias", new Shape(L), 0.3f);
        w = parameter("w", new Shape(L, D), 1f);
        c = parameter("c", new Shape(D), 0.5f);
        w.getArray().muli(decoderScale);
        model = new GenerativeModel(new LinearEncoder(), new StandardNormalPrior(), new LinearDecoder());
    }

    private Parameter parameter(String name, Shape shape, float sigma) {
        Parameter p = Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(shape)
                .optInitializer(new NormalInitializer(sigma))
                .build();
        p.initialize(manager, DataType.FLOAT32);
        return p;
    }

    private NDArray read(Parameter p, StepContext context) {
        return context.parameterStore().getValue(p, context.manager().getDevice(), context.training());
    }

    StepContext evaluation(NDManager scope) {
        return StepContext.evaluation(0, scope, store);
    }

    StepContext training(NDManager scope) {
        return StepContext.training(0, 0, 100, 10, scope, store);
    }

    /** A fixed batch of binary vectors. */
    static float[] binaryBatch(int batch) {
        Random random = new Random(5);
        float[] x = new float[batch * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() < 0.4 ? 1f : 0f;
        }
        return x;
    }

    static NDArray vectors(NDManager scope, float[] values) {
        return scope.create(values, new Shape(values.length / D, D));
    }

    /** The posterior the encoder gives for x. */
    Normal posterior(NDArray x, StepContext context) {
        return (Normal) ((Encoding.Density) model.encoder().encode(x, context)).posterior();
    }

    @Override
    public void close() {
        manager.close();
    }

    private final class LinearEncoder implements Encoder {
        @Override
        public EncoderKind kind() {
            return EncoderKind.DENSITY;
        }

        @Override
        public Shape latentShape() {
            return new Shape(L);
        }

        @Override
        public Encoding encode(NDArray x, StepContext context) {
            NDArray loc = x.matMul(read(a, context)).add(read(aBias, context));
            NDArray logVar = x.matMul(read(s, context)).add(read(sBias, context));
            return Encoding.density(Normal.ofLogVariance(loc, logVar, 1));
        }

        @Override
        public ParameterList parameters() {
            ParameterList list = new ParameterList();
            list.add("a", a);
            list.add("a_bias", aBias);
            list.add("s", s);
            list.add("s_bias", sBias);
            return list;
        }
    }

    private static final class StandardNormalPrior implements Prior {
        @Override
        public Distribution distribution(StepContext context) {
            return new StandardNormal(context.manager(), new Shape(L));
        }
    }

    private final class LinearDecoder implements Decoder {
        @Override
        public Distribution decode(NDArray z, StepContext context) {
            return new Bernoulli(z.matMul(read(w, context)).add(read(c, context)), 1);
        }

        @Override
        public ParameterList parameters() {
            ParameterList list = new ParameterList();
            list.add("w", w);
            list.add("c", c);
            return list;
        }
    }
}
