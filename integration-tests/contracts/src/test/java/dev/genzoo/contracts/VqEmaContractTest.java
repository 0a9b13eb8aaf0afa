package dev.genzoo.contracts;

import ai.djl.ndarray.NDManager;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.contract.ExactModel;
import dev.genzoo.contract.ObjectiveContract;
import dev.genzoo.plugins.vqvae.VqVaePlugin;
import java.util.Map;

/** The objective contract for vq with its codebook trained by moving averages. */
final class VqEmaContractTest extends ObjectiveContract {
    @Override
    protected ObjectiveFactory objective() {
        return FamilyModels.objective(new VqVaePlugin(), "vq");
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("codebook", "ema");
    }

    @Override
    protected ExactModel exactModel(EncoderKind kind, NDManager manager) {
        return kind == EncoderKind.POINT_MASS ? FamilyModels.vq("ema", manager) : super.exactModel(kind, manager);
    }
}
