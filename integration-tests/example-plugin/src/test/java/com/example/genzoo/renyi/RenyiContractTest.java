package com.example.genzoo.renyi;

import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.contract.ObjectiveContract;
import java.util.Map;

/**
 * genzoo's objective contract on the Renyi bound: a lower bound on the exact log p(x) of
 * probabilistic PCA, finite gradients, improvement with training, the configured device, and
 * reproducibility (see {@link ObjectiveContract}).
 */
final class RenyiContractTest extends ObjectiveContract {
    @Override
    protected ObjectiveFactory objective() {
        return new RenyiBound.Factory();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("alpha", "0.5", "samples", "5");
    }
}
