package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.LatentLayout;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Draw;
import dev.genzoo.api.distribution.LayeredDistribution;
import dev.genzoo.api.distribution.Reparameterizable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stochastic layers drawn one after another, each given only the layer drawn before it, as one
 * distribution over the latent vector (z1, ..., zL): a Markovian hierarchy (Rezende et al. 2014;
 * Burda et al. 2016, section 5; Sonderby et al. 2016). A bottom-up posterior draws q(z1|x) q(z2|z1)
 * ... q(zL|z_{L-1}); a generative prior or a top-down (ladder) posterior draws zL first, then
 * z_{L-1} given zL, down to z1. Either way the vector holds z1 first.
 *
 * <p>Draws are ancestral and reparameterized where every layer's are; their log-density is the
 * sum of the layers' terms, summed in the order of drawing, and each term is kept ({@link
 * Draw#logProbPerBlock()}), so that an objective reads the KL of each layer. {@link #mean()} is the
 * chain of means (each layer's mean given the mean of the layer before), the code a reconstruction
 * uses, not the true mean. There is no closed-form KL.
 */
public final class MarkovianHierarchy implements LayeredDistribution, Reparameterizable {

    /** A layer's distribution given the layer drawn just before it. */
    @FunctionalInterface
    public interface Conditional {
        /**
         * The distribution of a layer.
         *
         * @param parent the layer drawn before, [..., its units]
         * @return a distribution whose batch shape is the parent's leading axes (broadcast with the
         *     example axis where it also reads x), event shape the layer's units
         */
        Distribution given(NDArray parent);
    }

    private final LatentLayout layout;
    private final List<String> order;
    private final Distribution first;
    private final List<Conditional> next;

    private MarkovianHierarchy(LatentLayout layout, List<String> order, Distribution first, List<Conditional> next) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.order = List.copyOf(order);
        this.first = Objects.requireNonNull(first, "first");
        this.next = List.copyOf(next);
        if (order.size() != layout.blocks().size() || next.size() != order.size() - 1) {
            throw new IllegalArgumentException(
                    "a hierarchy of " + layout.blocks().size()
                            + " layers is drawn from one first layer and one conditional per further layer");
        }
    }

    /**
     * Layers drawn from z1 up: q(z1|x), then q(z_{l+1}|z_l) (a bottom-up posterior).
     *
     * @param layout the layers z1..zL
     * @param first the distribution of z1
     * @param up the conditionals of z2, ..., zL, each given the layer below
     * @return the hierarchy
     */
    public static MarkovianHierarchy bottomUp(LatentLayout layout, Distribution first, List<Conditional> up) {
        return new MarkovianHierarchy(layout, layout.names(), first, up);
    }

    /**
     * Layers drawn from zL down: p(zL) or q(zL|x), then the layer below given the one above (a
     * generative prior, or a top-down posterior).
     *
     * @param layout the layers z1..zL
     * @param top the distribution of zL
     * @param down the conditionals of z_{L-1}, ..., z1, each given the layer above
     * @return the hierarchy
     */
    public static MarkovianHierarchy topDown(LatentLayout layout, Distribution top, List<Conditional> down) {
        List<String> order = new ArrayList<>(layout.names());
        java.util.Collections.reverse(order);
        return new MarkovianHierarchy(layout, order, top, down);
    }

    @Override
    public LatentLayout layout() {
        return layout;
    }

    @Override
    public Shape batchShape() {
        return first.batchShape();
    }

    @Override
    public Shape eventShape() {
        return layout.shape();
    }

    /** The ancestral draw alone: the same draws as {@link #rsampleWithLogProb}, without their density. */
    @Override
    public NDArray rsample(Shape sampleShape) {
        Map<String, NDArray> values = new LinkedHashMap<>();
        NDArray previous = first.rsample(sampleShape);
        values.put(order.get(0), previous);
        for (int i = 0; i < next.size(); i++) {
            previous = next.get(i).given(previous).rsample(new Shape());
            values.put(order.get(i + 1), previous);
        }
        return inLayoutOrder(values);
    }

    @Override
    public Draw rsampleWithLogProb(Shape sampleShape) {
        Map<String, NDArray> values = new LinkedHashMap<>();
        Map<String, NDArray> terms = new LinkedHashMap<>();
        Draw previous = first.rsampleWithLogProb(sampleShape);
        values.put(order.get(0), previous.value());
        terms.put(order.get(0), previous.logProb());
        NDArray logProb = previous.logProb();
        for (int i = 0; i < next.size(); i++) {
            previous = next.get(i).given(previous.value()).rsampleWithLogProb(new Shape());
            values.put(order.get(i + 1), previous.value());
            terms.put(order.get(i + 1), previous.logProb());
            logProb = logProb.add(previous.logProb());
        }
        return new Draw(inLayoutOrder(values), logProb, inLayoutOrderMap(terms));
    }

    @Override
    public Map<String, NDArray> logProbPerBlock(NDArray value) {
        NDList parts = layout.split(value);
        Map<String, NDArray> byName = new LinkedHashMap<>();
        for (int b = 0; b < parts.size(); b++) {
            byName.put(layout.blocks().get(b).name(), parts.get(b));
        }
        Map<String, NDArray> terms = new LinkedHashMap<>();
        terms.put(order.get(0), first.logProb(byName.get(order.get(0))));
        for (int i = 0; i < next.size(); i++) {
            NDArray parent = byName.get(order.get(i));
            String layer = order.get(i + 1);
            terms.put(layer, next.get(i).given(parent).logProb(byName.get(layer)));
        }
        return inLayoutOrderMap(terms);
    }

    /** The layers' terms summed in the order of drawing. */
    @Override
    public NDArray logProb(NDArray value) {
        Map<String, NDArray> terms = logProbPerBlock(value);
        NDArray sum = terms.get(order.get(0));
        for (int i = 1; i < order.size(); i++) {
            sum = sum.add(terms.get(order.get(i)));
        }
        return sum;
    }

    @Override
    public NDArray mean() {
        Map<String, NDArray> values = new LinkedHashMap<>();
        NDArray previous = first.mean();
        values.put(order.get(0), previous);
        for (int i = 0; i < next.size(); i++) {
            previous = next.get(i).given(previous).mean();
            values.put(order.get(i + 1), previous);
        }
        return inLayoutOrder(values);
    }

    private NDArray inLayoutOrder(Map<String, NDArray> values) {
        NDList parts = new NDList();
        for (String name : layout.names()) {
            parts.add(values.get(name));
        }
        return layout.join(parts);
    }

    private Map<String, NDArray> inLayoutOrderMap(Map<String, NDArray> terms) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (String name : layout.names()) {
            out.put(name, terms.get(name));
        }
        return out;
    }
}
