package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDArray;

/**
 * The image y = f(x) of a batch of rows under a flow step, and log|det df/dx| of each row (Rezende
 * and Mohamed 2015, equation 5).
 *
 * @param value y, shape [N, D]
 * @param logDet log|det df/dx|, shape [N]
 */
record Transformed(NDArray value, NDArray logDet) {}
