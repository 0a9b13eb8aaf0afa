package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;

/**
 * The last step of a decoder p(x|z) (Kingma and Welling 2014, appendix C): the distribution over
 * one example whose parameters a network computed, Bernoulli pixels from logits or a Gaussian from
 * its mean; with the parameters of its own it adds (a learned variance).
 */
public interface OutputHead {

    /**
     * The distribution the network's outputs parameterize.
     *
     * @param outputs [..., data shape], the event's first axis {@link #outputsPerValue()} times as long
     * @param context the pass; a head's own parameters are read through its store
     * @return p(x|z), its event the data shape
     */
    Distribution distribution(NDArray outputs, StepContext context);

    /**
     * How many of the network's outputs each data value takes, along the event's first axis: 1 for
     * a logit or a mean, 2 for a location and a log-scale. A network for images of C channels gives
     * C times this many channels.
     *
     * @return the outputs per value, 1 unless overridden
     */
    default int outputsPerValue() {
        return 1;
    }

    /**
     * Adds the head's own parameters, if any, to a decoder's.
     *
     * @param list the decoder's parameters
     * @return the same list
     */
    default ParameterList addTo(ParameterList list) {
        return list;
    }
}
