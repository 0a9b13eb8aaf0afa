package dev.genzoo.contracts;

import ai.djl.ndarray.NDManager;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.contract.ExactModel;
import dev.genzoo.contract.ObjectiveContract;
import dev.genzoo.plugins.ddpm.DdpmPlugin;
import java.util.Map;

/** The objective contract for ddpm-vlb. */
final class DdpmVlbContractTest extends ObjectiveContract {
    @Override
    protected ObjectiveFactory objective() {
        return FamilyModels.objective(new DdpmPlugin(), "ddpm-vlb");
    }

    @Override
    protected Map<String, String> options() {
        return Map.of();
    }

    @Override
    protected ExactModel exactModel(EncoderKind kind, NDManager manager) {
        return kind == EncoderKind.FIXED_PROCESS ? FamilyModels.diffusion(manager) : super.exactModel(kind, manager);
    }
}
