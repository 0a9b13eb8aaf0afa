package dev.genzoo.contract;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import java.util.Arrays;
import java.util.Random;

/**
 * The kit's exact model for point-mass encoders, a VQ-VAE (van den Oord et al. 2017) whose latent
 * is ONE codebook vector: with K codes e_1..e_K its marginal is a finite mixture, log p(x) =
 * logsumexp_k (log p(e_k) + log p(x | e_k)), computed by decoding every code (log p(e_k) from the
 * prior, -log K for a uniform one). The objective's bound, log p(x | e_k*) + log p(e_k*) for the
 * code k* the encoder picks, is one term of that sum, so it is below log p(x) for every x, not only
 * in expectation.
 *
 * <p>The encoder must list its codebook as a parameter named {@code codebook}, of shape [K, D],
 * and its latents must hold one code, D values (such as (D, 1, 1): a code grid of one position);
 * its prior must give the K codes probabilities that sum to 1. {@link #sample} draws from the
 * model at its starting parameters: k from the prior, then x from the decoder at e_k. The
 * encoder starts at its plugin's initialization, so the code it picks is first no better than
 * chance. A point mass cannot equal the posterior p(k|x): {@link #useExactPosterior} says so.
 */
public final class CodebookMixture implements ExactModel {
    /** The name under which the encoder lists its codebook. */
    public static final String CODEBOOK = "codebook";

    private final NDManager manager;
    private final Shape dataShape;
    private final BuildContext context;
    private final GenerativeModel model;
    private final Parameter codebook;
    private final double[] startingMasses;
    private final Distribution startingDecoder;

    private CodebookMixture(NDManager manager, Shape dataShape, BuildContext context) {
        this.manager = manager;
        this.dataShape = dataShape;
        this.context = context;
        this.model = ModelRecipe.modelOf(context);
        if (model.encoder().kind() != EncoderKind.POINT_MASS) {
            throw new IllegalArgumentException("a codebook mixture needs a point-mass encoder, not one that outputs "
                    + model.encoder().kind().description());
        }
        this.codebook = model.encoder().parameters().get(CODEBOOK);
        if (codebook == null || codebook.getArray().getShape().dimension() != 2) {
            throw new IllegalArgumentException(
                    "a codebook mixture needs an encoder that lists its codebook [K, D] as a parameter named '"
                            + CODEBOOK + "'");
        }
        long codeDim = codebook.getArray().getShape().get(1);
        if (model.encoder().latentShape().size() != codeDim) {
            throw new IllegalArgumentException("a codebook mixture needs latents of one code (" + codeDim
                    + " values), but the encoder's have shape "
                    + model.encoder().latentShape() + "; make the code grid one position");
        }
        // long-lived: the starting model's decoder at each code, from which sample draws
        StepContext step = evaluation(manager);
        this.startingDecoder = model.decoder().decode(codeLatents(), step);
        this.startingMasses = new double[codes()];
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            float[] logMass = logPrior(evaluation(manager)).toFloatArray();
            double total = 0;
            for (int k = 0; k < logMass.length; k++) {
                startingMasses[k] = Math.exp(logMass[k]);
                total += startingMasses[k];
            }
            if (Math.abs(total - 1) > 1e-4) {
                throw new IllegalArgumentException(
                        "the prior's probabilities of the " + logMass.length + " codes sum to " + total + ", not 1");
            }
        }
    }

    /**
     * A point-mass model built from a recipe (the engine seeded with {@code seed}) on a manager,
     * which it then owns.
     *
     * @param recipe the model's components and options; its latents must hold one code
     * @param dataShape one example's shape
     * @param seed the engine's seed for the parameters
     * @param manager a fresh manager on the configured device
     * @return the model
     * @throws IllegalArgumentException if the model is not a mixture over one codebook
     */
    public static CodebookMixture of(ModelRecipe recipe, Shape dataShape, long seed, NDManager manager) {
        try {
            return new CodebookMixture(manager, dataShape, recipe.build(manager, dataShape, seed));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private StepContext evaluation(NDManager on) {
        return StepContext.evaluation(0, on, new ParameterStore(manager, false));
    }

    /** K, the number of codes. */
    private int codes() {
        return Math.toIntExact(codebook.getArray().getShape().get(0));
    }

    /** The K codes as latents, [K, latent...]. */
    private NDArray codeLatents() {
        return codebook.getArray()
                .reshape(new Shape(codes()).addAll(model.encoder().latentShape()));
    }

    /** log p(e_k) under the prior, [K]. */
    private NDArray logPrior(StepContext step) {
        return model.prior().distribution(step).logProb(codeLatents());
    }

    @Override
    public EncoderKind kind() {
        return EncoderKind.POINT_MASS;
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public Shape dataShape() {
        return dataShape;
    }

    @Override
    public GenerativeModel model() {
        return model;
    }

    @Override
    public BuildContext buildContext() {
        return context;
    }

    /**
     * k ~ p(k) of the starting prior from a {@link Random} of this seed, then x ~ p(x | e_k) of the
     * starting decoder from the engine, seeded with it.
     */
    @Override
    public float[] sample(int n, long seed) {
        Random random = new Random(seed);
        float[] chosen = new float[n * startingMasses.length];
        for (int e = 0; e < n; e++) {
            double u = random.nextDouble();
            int k = 0;
            while (k < startingMasses.length - 1 && u >= startingMasses[k]) {
                u -= startingMasses[k];
                k++;
            }
            chosen[e * startingMasses.length + k] = 1f;
        }
        Engine.getInstance().setRandomSeed((int) seed);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            // every code's draw for every example, then the chosen one's: [n, K, data...] to [n, data...]
            NDArray draws = startingDecoder.sample(new Shape(n));
            Shape oneHot = new Shape(n, startingMasses.length);
            for (int i = 0; i < dataShape.dimension(); i++) {
                oneHot = oneHot.add(1);
            }
            NDArray mask = manager.create(chosen, oneHot);
            return draws.mul(mask).sum(new int[] {1}).toFloatArray();
        }
    }

    /** logsumexp_k (log p(e_k) + log p(x | e_k)) under the current parameters, summed in doubles. */
    @Override
    public double[] logLikelihood(float[] examples) {
        int size = Math.toIntExact(dataShape.size());
        int n = examples.length / size;
        int k = codes();
        double[] out = new double[n];
        int chunk = 256;
        for (int start = 0; start < n; start += chunk) {
            int end = Math.min(n, start + chunk);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                StepContext step = evaluation(manager);
                float[] rows = Arrays.copyOfRange(examples, start * size, end * size);
                NDArray x = manager.create(rows, new Shape(end - start, 1).addAll(dataShape));
                Shape pairs = new Shape(end - start, k);
                NDArray z = codeLatents()
                        .expandDims(0)
                        .broadcast(pairs.addAll(model.encoder().latentShape()));
                NDArray logJoint = model.decoder()
                        .decode(z, step)
                        .logProb(x.broadcast(pairs.addAll(dataShape)))
                        .add(logPrior(step));
                float[] values = logJoint.toType(DataType.FLOAT32, false).toFloatArray();
                for (int e = 0; e < end - start; e++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < k; j++) {
                        max = Math.max(max, values[e * k + j]);
                    }
                    double sum = 0;
                    for (int j = 0; j < k; j++) {
                        sum += Math.exp(values[e * k + j] - max);
                    }
                    out[start + e] = max + Math.log(sum);
                }
            }
        }
        return out;
    }

    /**
     * There is none to set: a point mass at one code cannot equal the posterior p(k|x).
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void useExactPosterior() {
        throw new UnsupportedOperationException(GaussianData.noPosterior(EncoderKind.POINT_MASS));
    }

    @Override
    public void close() {
        manager.close();
    }
}
