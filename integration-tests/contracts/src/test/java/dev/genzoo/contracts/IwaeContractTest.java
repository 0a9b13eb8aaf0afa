package dev.genzoo.contracts;

import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.contract.ObjectiveContract;
import dev.genzoo.plugins.iwae.ImportanceWeightedBound;
import java.util.Map;

/** The objective contract for iwae with K = 5. */
final class IwaeContractTest extends ObjectiveContract {
    @Override
    protected ObjectiveFactory objective() {
        return new ImportanceWeightedBound.Factory();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("k", "5");
    }
}
