package dev.genzoo.api;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.distribution.Distribution;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link Encoder} returns for a batch: one of four kinds, one class each (see {@link
 * EncoderKind}). Objectives read the kind they accept and never the encoder's class.
 */
public sealed interface Encoding permits Encoding.Density, Encoding.PointMass, Encoding.Bijection, Encoding.Process {

    /**
     * The kind of this encoding.
     *
     * @return the kind
     */
    EncoderKind kind();

    /**
     * A posterior density q(z|x) with batch shape [B] (VAE, IWAE).
     *
     * @param posterior the distribution q(z|x)
     * @return the encoding
     */
    static Density density(Distribution posterior) {
        return new Density(posterior);
    }

    /**
     * A point mass z with named extras for the objective (VQ-VAE: z_e, z_q and indices).
     *
     * @param z the point the decoder reads, shape [B, latent...]
     * @param extras named arrays for the objective, in a stable order
     * @return the encoding
     */
    static PointMass pointMass(NDArray z, Map<String, NDArray> extras) {
        return new PointMass(z, extras);
    }

    /**
     * An invertible map's image z = f(x) and log|det df/dx| per example (normalizing flows).
     *
     * @param z the image, shape [B, latent...]
     * @param logDet log|det df/dx|, shape [B]
     * @return the encoding
     */
    static Bijection bijection(NDArray z, NDArray logDet) {
        return new Bijection(z, logDet);
    }

    /**
     * A fixed forward process started at the batch x_0 (DDPM).
     *
     * @param process the process q(x_1..x_T | x_0)
     * @return the encoding
     */
    static Process process(ForwardProcess process) {
        return new Process(process);
    }

    /** A posterior density q(z|x) (Kingma and Welling 2014, section 2). */
    final class Density implements Encoding {
        private final Distribution posterior;

        private Density(Distribution posterior) {
            this.posterior = Objects.requireNonNull(posterior, "posterior");
        }

        /**
         * The posterior q(z|x), batch shape [B], event shape the encoder's latent shape.
         *
         * @return the posterior
         */
        public Distribution posterior() {
            return posterior;
        }

        @Override
        public EncoderKind kind() {
            return EncoderKind.DENSITY;
        }
    }

    /** A deterministic code with extras (van den Oord et al. 2017: z_e, z_q, indices). */
    final class PointMass implements Encoding {
        private final NDArray z;
        private final Map<String, NDArray> extras;

        private PointMass(NDArray z, Map<String, NDArray> extras) {
            this.z = Objects.requireNonNull(z, "z");
            this.extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        }

        /**
         * The point the decoder reads.
         *
         * @return z, shape [B, latent...]
         */
        public NDArray z() {
            return z;
        }

        /**
         * Named extras for the objective.
         *
         * @return the extras, in the order the encoder gave them
         */
        public Map<String, NDArray> extras() {
            return extras;
        }

        /**
         * One extra by name.
         *
         * @param name the extra's name
         * @return the extra, if the encoder gave it
         */
        public Optional<NDArray> extra(String name) {
            return Optional.ofNullable(extras.get(name));
        }

        @Override
        public EncoderKind kind() {
            return EncoderKind.POINT_MASS;
        }
    }

    /** z = f(x) with log|det df/dx| (Dinh et al. 2017, equation 3). */
    final class Bijection implements Encoding {
        private final NDArray z;
        private final NDArray logDet;

        private Bijection(NDArray z, NDArray logDet) {
            this.z = Objects.requireNonNull(z, "z");
            this.logDet = Objects.requireNonNull(logDet, "logDet");
        }

        /**
         * The image f(x).
         *
         * @return z, shape [B, latent...]
         */
        public NDArray z() {
            return z;
        }

        /**
         * log|det df/dx| per example.
         *
         * @return shape [B]
         */
        public NDArray logDet() {
            return logDet;
        }

        @Override
        public EncoderKind kind() {
            return EncoderKind.BIJECTION;
        }
    }

    /** A fixed forward process q(x_1..x_T | x_0) (Ho et al. 2020, equation 2). */
    final class Process implements Encoding {
        private final ForwardProcess process;

        private Process(ForwardProcess process) {
            this.process = Objects.requireNonNull(process, "process");
        }

        /**
         * The process, started at the encoded batch.
         *
         * @return the process
         */
        public ForwardProcess process() {
            return process;
        }

        @Override
        public EncoderKind kind() {
            return EncoderKind.FIXED_PROCESS;
        }
    }
}
