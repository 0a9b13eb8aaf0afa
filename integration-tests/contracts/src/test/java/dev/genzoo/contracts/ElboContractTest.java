package dev.genzoo.contracts;

import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.contract.ObjectiveContract;
import dev.genzoo.plugins.vae.EvidenceLowerBound;

/** The objective contract for elbo with its defaults (closed-form KL): the whole test class a third party writes. */
final class ElboContractTest extends ObjectiveContract {
    @Override
    protected ObjectiveFactory objective() {
        return new EvidenceLowerBound.Factory();
    }
}
