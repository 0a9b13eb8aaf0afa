package dev.genzoo.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Prior;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Draw;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.distribution.StandardNormal;

/**
 * A one-dimensional model whose posterior draws are scripted, so every log-weight is known in
 * closed form: the s-th draw for an example x is z = 3 sin(0.7 s + x) with log q = -z^2 / 4, the
 * prior is N(0, 1) and p(x|z) = N(z, 1). The draw counter runs on across encodings (the estimator
 * re-encodes for every chunk) and is reset by {@link #rewind()}.
 */
final class ScriptedModel {
    private int drawn;
    private int largestDraw;
    final GenerativeModel model =
            new GenerativeModel(new ScriptedEncoder(), new StandardNormalPrior(), new UnitNormalDecoder());

    void rewind() {
        drawn = 0;
    }

    /** The most samples one call drew. */
    int largestDraw() {
        return largestDraw;
    }

    static double z(int s, double x) {
        return 3 * Math.sin(0.7 * s + x);
    }

    /** log p(x|z) + log p(z) - log q(z|x) of the s-th draw. */
    static double logWeight(int s, double x) {
        double z = z(s, x);
        double logNormal = -0.5 * Math.log(2 * Math.PI);
        return logNormal - (x - z) * (x - z) / 2 + logNormal - z * z / 2 + z * z / 4;
    }

    private final class ScriptedEncoder implements Encoder {
        @Override
        public EncoderKind kind() {
            return EncoderKind.DENSITY;
        }

        @Override
        public Shape latentShape() {
            return new Shape(1);
        }

        @Override
        public Encoding encode(NDArray x, StepContext context) {
            return Encoding.density(new ScriptedPosterior(x.toFloatArray(), context.manager()));
        }
    }

    private final class ScriptedPosterior implements Distribution {
        private final float[] x;
        private final NDManager manager;

        ScriptedPosterior(float[] x, NDManager manager) {
            this.x = x;
            this.manager = manager;
        }

        @Override
        public Shape batchShape() {
            return new Shape(x.length);
        }

        @Override
        public Shape eventShape() {
            return new Shape(1);
        }

        @Override
        public NDArray sample(Shape sampleShape) {
            return rsampleWithLogProb(sampleShape).value();
        }

        @Override
        public Draw rsampleWithLogProb(Shape sampleShape) {
            int samples = (int) sampleShape.get(0);
            float[] z = new float[samples * x.length];
            float[] logQ = new float[samples * x.length];
            for (int s = 0; s < samples; s++) {
                for (int b = 0; b < x.length; b++) {
                    double value = z(drawn + s, x[b]);
                    z[s * x.length + b] = (float) value;
                    logQ[s * x.length + b] = (float) (-value * value / 4);
                }
            }
            drawn += samples;
            largestDraw = Math.max(largestDraw, samples);
            return new Draw(
                    manager.create(z, new Shape(samples, x.length, 1)),
                    manager.create(logQ, new Shape(samples, x.length)));
        }

        @Override
        public NDArray logProb(NDArray value) {
            throw new UnsupportedOperationException("only the density of its own draws is known");
        }

        @Override
        public NDArray mean() {
            throw new UnsupportedOperationException();
        }
    }

    private static final class StandardNormalPrior implements Prior {
        @Override
        public Distribution distribution(StepContext context) {
            return new StandardNormal(context.manager(), new Shape(1));
        }
    }

    private static final class UnitNormalDecoder implements Decoder {
        @Override
        public Distribution decode(NDArray z, StepContext context) {
            return Normal.ofLogVariance(z, context.manager().zeros(new Shape()), 1);
        }
    }
}
