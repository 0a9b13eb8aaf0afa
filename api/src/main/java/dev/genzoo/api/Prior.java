package dev.genzoo.api;

import dev.genzoo.api.distribution.Distribution;

/** The prior p(z) over latents, fixed (a standard normal) or learned (a mixture, a flow). */
public interface Prior extends Component {

    /**
     * The prior as a distribution with empty batch shape and the encoder's latent shape as event
     * shape. Called once per step, inside the step's scope, so a learned prior may compute it from
     * its parameters (and be differentiated through).
     *
     * @param context the step being run
     * @return p(z)
     */
    Distribution distribution(StepContext context);
}
