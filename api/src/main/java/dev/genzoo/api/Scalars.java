package dev.genzoo.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic with constants that autograd can differentiate safely: use these instead of DJL's
 * {@code mul(Number)}, {@code div(Number)}, {@code pow(Number)}, {@code maximum(Number)} on any path
 * gradients flow through.
 *
 * <p>Why: on the CPU, DJL's {@code NDArray.mul(Number)} wraps the number in an array over a Java
 * direct buffer (torch {@code from_blob}, no copy) and closes that array as soon as the product is
 * computed. PyTorch keeps the factor to differentiate the product, so a later {@code backward}
 * reads the buffer after the garbage collector may have freed it, and the gradient is garbage now
 * and then. A constant the engine allocates itself ({@code full}) owns reference-counted storage
 * that autograd keeps alive for as long as it needs it. The constants here also take the array's
 * data type, so a float32 computation stays float32 (a Java double would promote 0-dim results to
 * float64). ({@code add(Number)} and {@code sub(Number)} keep no factor for backward, so they are
 * safe, but {@link #plus} is here for the data type.)
 */
public final class Scalars {
    private Scalars() {}

    /**
     * A 0-dim constant on the array's device, in its data type, allocated by the engine.
     *
     * @param like the array whose manager, device and data type the constant takes
     * @param value the constant
     * @return a 0-dim array, registered in the current scope
     */
    public static NDArray constant(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }

    /**
     * {@code array * factor}.
     *
     * @param array the array
     * @param factor the constant factor
     * @return the product
     */
    public static NDArray times(NDArray array, float factor) {
        try (NDArray constant = constant(array, factor)) {
            return array.mul(constant);
        }
    }

    /**
     * {@code array / divisor}.
     *
     * @param array the array
     * @param divisor the constant divisor
     * @return the quotient
     */
    public static NDArray dividedBy(NDArray array, float divisor) {
        try (NDArray constant = constant(array, divisor)) {
            return array.div(constant);
        }
    }

    /**
     * {@code array + addend}, in the array's data type.
     *
     * @param array the array
     * @param addend the constant
     * @return the sum
     */
    public static NDArray plus(NDArray array, float addend) {
        try (NDArray constant = constant(array, addend)) {
            return array.add(constant);
        }
    }

    /**
     * {@code array ^ exponent}.
     *
     * @param array the array
     * @param exponent the constant exponent
     * @return the power
     */
    public static NDArray power(NDArray array, float exponent) {
        try (NDArray constant = constant(array, exponent)) {
            return array.pow(constant);
        }
    }

    /**
     * The elementwise maximum of the array and a constant ({@code relu} is {@code maximum(x, 0)}).
     *
     * @param array the array
     * @param floor the constant
     * @return the maximum
     */
    public static NDArray maximum(NDArray array, float floor) {
        try (NDArray constant = constant(array, floor)) {
            return array.maximum(constant);
        }
    }
}
