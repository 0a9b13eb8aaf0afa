package dev.genzoo.runtime.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a density model's bound is where it is, measured on the evaluated examples: which latent
 * units it uses, how its KL splits over units and layers, how much the latent says about x, and how
 * good q(z|x) is as a proposal.
 *
 * @param activeUnits units d with Cov_x(E_q[z_d]) &gt; 0.01 (Burda et al. 2016, section 5.2), per
 *     block of the latent layout, in layout order
 * @param unitsPerBlock each block's units, in layout order
 * @param klPerBlock E_x KL(q(z_l | .) || p(z_l | .)) per block in nats (Monte Carlo for a
 *     hierarchy; the whole KL for a latent of one block, in closed form where it has one)
 * @param klPerUnit E_x KL per latent unit in nats, where q and p factorize over units (diagonal
 *     Gaussians); empty otherwise
 * @param mutualInformation the estimate of I(x; z) under the aggregate posterior q(z) = (1/N)
 *     sum_n q(z|x_n) (Hoffman and Johnson 2016), in nats, or NaN where it could not be computed
 * @param mutualInformationExamples N, the examples behind it (the estimate is at most log N)
 * @param elboIwaeGap the largest-K importance-sampled bound minus the ELBO, in nats, or NaN
 * @param importanceEss the mean effective sample size of the largest K's importance weights, or NaN
 * @param importanceK that K, or 0
 */
public record PosteriorDiagnostics(
        Map<String, Integer> activeUnits,
        Map<String, Integer> unitsPerBlock,
        Map<String, Double> klPerBlock,
        List<Double> klPerUnit,
        double mutualInformation,
        int mutualInformationExamples,
        double elboIwaeGap,
        double importanceEss,
        int importanceK) {

    /** The threshold on Cov_x(E_q[z_d]) above which a unit is active (Burda et al. 2016). */
    public static final double ACTIVE = 0.01;

    /**
     * Copies the collections.
     */
    public PosteriorDiagnostics {
        activeUnits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(activeUnits));
        unitsPerBlock = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unitsPerBlock));
        klPerBlock = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(klPerBlock));
        klPerUnit = List.copyOf(klPerUnit);
    }

    /**
     * The active units over all blocks.
     *
     * @return the sum of {@link #activeUnits()}
     */
    public int totalActiveUnits() {
        return activeUnits.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The report's JSON object: finite numbers only (JSON has no NaN), an unknown quantity left out.
     *
     * @return the fields in order
     */
    Map<String, Object> toJsonFields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("active_units", totalActiveUnits());
        out.put(
                "latent_units",
                unitsPerBlock.values().stream().mapToInt(Integer::intValue).sum());
        out.put("active_units_per_block", activeUnits);
        out.put("units_per_block", unitsPerBlock);
        Map<String, Double> kl = new LinkedHashMap<>();
        klPerBlock.forEach((name, v) -> {
            if (Double.isFinite(v)) {
                kl.put(name, v);
            }
        });
        out.put("kl_per_block_nats", kl);
        if (!klPerUnit.isEmpty() && klPerUnit.stream().allMatch(Double::isFinite)) {
            out.put("kl_per_unit_nats", klPerUnit);
        }
        if (Double.isFinite(mutualInformation)) {
            out.put("mutual_information_nats", mutualInformation);
            out.put("mutual_information_examples", mutualInformationExamples);
        }
        if (Double.isFinite(elboIwaeGap)) {
            out.put("elbo_iwae_gap_nats", elboIwaeGap);
        }
        if (Double.isFinite(importanceEss)) {
            out.put("importance_ess", importanceEss);
            out.put("importance_ess_k", importanceK);
        }
        return out;
    }
}
