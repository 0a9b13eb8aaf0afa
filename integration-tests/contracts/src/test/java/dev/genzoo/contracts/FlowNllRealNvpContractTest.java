package dev.genzoo.contracts;

import ai.djl.ndarray.NDManager;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.contract.ExactModel;
import dev.genzoo.contract.ObjectiveContract;
import dev.genzoo.plugins.flow.FlowPlugin;
import java.util.Map;

/** The objective contract for flow-nll with the RealNVP encoder. */
final class FlowNllRealNvpContractTest extends ObjectiveContract {
    @Override
    protected ObjectiveFactory objective() {
        return FamilyModels.objective(new FlowPlugin(), "flow-nll");
    }

    @Override
    protected Map<String, String> options() {
        return Map.of();
    }

    @Override
    protected ExactModel exactModel(EncoderKind kind, NDManager manager) {
        return kind == EncoderKind.BIJECTION ? FamilyModels.flow("realnvp", manager) : super.exactModel(kind, manager);
    }
}
