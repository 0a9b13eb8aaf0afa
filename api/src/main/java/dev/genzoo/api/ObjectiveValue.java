package dev.genzoo.api;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an objective computes on a batch: the scalar loss to minimise, named scalar terms for
 * logging (reconstruction, kl, commitment, ...), and, where the objective has one, the
 * per-example lower bound on log p(x) in nats. Immutable.
 */
public final class ObjectiveValue {
    private final NDArray loss;
    private final Map<String, NDArray> terms;
    private final NDArray bound;

    private ObjectiveValue(NDArray loss, Map<String, NDArray> terms, NDArray bound) {
        this.loss = Objects.requireNonNull(loss, "loss");
        this.terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
        this.bound = bound;
    }

    /**
     * A value with a loss and no terms or bound yet.
     *
     * @param loss the scalar to minimise, averaged over the batch
     * @return a builder
     */
    public static Builder of(NDArray loss) {
        return new Builder(loss);
    }

    /**
     * The scalar to minimise, averaged over the batch.
     *
     * @return a scalar array
     */
    public NDArray loss() {
        return loss;
    }

    /**
     * Named scalar terms, each averaged over the batch, in the order they were added.
     *
     * @return the terms, possibly empty
     */
    public Map<String, NDArray> terms() {
        return terms;
    }

    /**
     * The per-example lower bound on log p(x) in nats (the ELBO with beta = 1, the importance
     * weighted bound, an exact log-likelihood), whatever weighting the loss uses.
     *
     * @return shape [B], or empty if the objective bounds nothing
     */
    public Optional<NDArray> bound() {
        return Optional.ofNullable(bound);
    }

    /** Builds an {@link ObjectiveValue}. */
    public static final class Builder {
        private static final Pattern TERM_NAME = Pattern.compile("[a-z][a-z0-9_-]*");
        private static final Set<String> RESERVED = Set.of("loss", "bound", "bits_per_dim");
        private final NDArray loss;
        private final Map<String, NDArray> terms = new LinkedHashMap<>();
        private NDArray bound;

        private Builder(NDArray loss) {
            this.loss = loss;
        }

        /**
         * Adds a named scalar term.
         *
         * @param name a short lower-case name such as {@code kl}: a letter, then letters, digits,
         *     {@code -} or {@code _}; not {@code loss}, {@code bound} or {@code bits_per_dim},
         *     which the runtime reports itself
         * @param value a scalar array
         * @return this builder
         * @throws IllegalArgumentException for a name that is not such a word, or is given twice
         */
        public Builder term(String name, NDArray value) {
            Objects.requireNonNull(name, "name");
            if (!TERM_NAME.matcher(name).matches() || RESERVED.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' cannot name a term: a term's name is a"
                        + " lower-case word of letters, digits, '-' and '_', and not loss, bound or bits_per_dim");
            }
            if (terms.putIfAbsent(name, Objects.requireNonNull(value, name)) != null) {
                throw new IllegalArgumentException("the term '" + name + "' is given twice");
            }
            return this;
        }

        /**
         * Sets the per-example bound on log p(x).
         *
         * @param perExample shape [B], in nats
         * @return this builder
         */
        public Builder bound(NDArray perExample) {
            this.bound = perExample;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         */
        public ObjectiveValue build() {
            return new ObjectiveValue(loss, terms, bound);
        }
    }
}
