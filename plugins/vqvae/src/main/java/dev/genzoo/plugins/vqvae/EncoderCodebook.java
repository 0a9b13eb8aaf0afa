package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.GenzooException;

/**
 * A prior's read-only view of the encoder's codebook: the parameter named {@code codebook}, [K, D],
 * of an encoder whose latents are grids (D, h, w). It maps index grids to vectors and vectors back
 * to their nearest codes. The prior reads the codebook's own array and never trains it.
 */
final class EncoderCodebook {
    private final Parameter codebook;
    private final Shape latent;

    private EncoderCodebook(Parameter codebook, Shape latent) {
        this.codebook = codebook;
        this.latent = latent;
    }

    /**
     * The codebook of the context's encoder.
     *
     * @throws GenzooException if the encoder has no codebook or its latents are not grids of codes
     */
    static EncoderCodebook of(BuildContext context) {
        Encoder encoder = context.encoder().orElseThrow();
        Parameter codebook = encoder.parameters().get(VectorQuantizer.CODEBOOK_NAME);
        Shape latent = encoder.latentShape();
        if (codebook == null) {
            throw new GenzooException(
                    "a prior over codes needs an encoder with a codebook (a parameter named 'codebook', as vq-conv has)");
        }
        Shape book = codebook.getArray().getShape();
        if (latent.dimension() != 3 || book.dimension() != 2 || book.get(1) != latent.get(0)) {
            throw new GenzooException(
                    "a prior over codes needs latent grids (D, h, w) of codebook vectors, but the encoder's latents have shape "
                            + latent
                            + " and its codebook "
                            + book);
        }
        return new EncoderCodebook(codebook, latent);
    }

    /** K, the number of codes. */
    long codes() {
        return codebook.getArray().getShape().get(0);
    }

    /** h * w, the number of positions of a grid. */
    int positions() {
        return (int) (latent.get(1) * latent.get(2));
    }

    /** The latent shape (D, h, w). */
    Shape latentShape() {
        return latent;
    }

    /** The average of the K codebook vectors, [D]. */
    NDArray meanVector() {
        return codebook.getArray().mean(new int[] {0});
    }

    /** Index grids [..., h, w] to vector grids [..., D, h, w]. */
    NDArray vectors(NDArray indices) {
        NDArray rows = VectorQuantizer.lookUp(indices, codebook.getArray());
        int rank = rows.getShape().dimension();
        int[] axes = new int[rank];
        for (int i = 0; i < rank - 3; i++) {
            axes[i] = i;
        }
        axes[rank - 3] = rank - 1;
        axes[rank - 2] = rank - 3;
        axes[rank - 1] = rank - 2;
        return rows.transpose(axes);
    }

    /** Vector grids [..., D, h, w] to the index grids [..., h, w] of their nearest codes. */
    NDArray indices(NDArray vectors) {
        Shape s = vectors.getShape();
        int rank = s.dimension();
        int[] axes = new int[rank];
        for (int i = 0; i < rank - 3; i++) {
            axes[i] = i;
        }
        axes[rank - 3] = rank - 2;
        axes[rank - 2] = rank - 1;
        axes[rank - 1] = rank - 3;
        NDArray rows = vectors.stopGradient().transpose(axes).reshape(-1, s.get(rank - 3));
        NDArray nearest = VectorQuantizer.nearest(rows, codebook.getArray());
        return nearest.reshape(s.slice(0, rank - 3).addAll(s.slice(rank - 2)));
    }
}
