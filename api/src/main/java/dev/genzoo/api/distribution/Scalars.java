package dev.genzoo.api.distribution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Products with constants that autograd can differentiate safely, shared by the distributions
 * here.
 *
 * <p>DJL's {@code mul(Number)} wraps the number in an array over a Java buffer and closes that
 * array as soon as the product is computed; PyTorch saves the factor to differentiate the product,
 * so a later {@code backward} reads the buffer after the garbage collector has freed it, and the
 * gradient is garbage now and then. A constant that the engine allocates itself ({@code full})
 * owns its storage, which autograd keeps alive for as long as it needs it.
 */
final class Scalars {
    private Scalars() {}

    /** {@code array * factor}, in {@code array}'s data type. */
    static NDArray times(NDArray array, float factor) {
        try (NDArray constant =
                array.getManager().full(new Shape(), factor, array.getDataType())) {
            return array.mul(constant);
        }
    }
}
