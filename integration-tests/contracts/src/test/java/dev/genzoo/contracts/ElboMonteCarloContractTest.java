package dev.genzoo.contracts;

import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.contract.ObjectiveContract;
import dev.genzoo.plugins.vae.EvidenceLowerBound;
import java.util.Map;

/** The objective contract for elbo with a Monte Carlo KL and two samples. */
final class ElboMonteCarloContractTest extends ObjectiveContract {
    @Override
    protected ObjectiveFactory objective() {
        return new EvidenceLowerBound.Factory();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("kl", "monte-carlo", "samples", "2");
    }
}
