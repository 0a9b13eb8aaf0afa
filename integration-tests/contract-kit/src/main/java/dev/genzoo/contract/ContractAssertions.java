package dev.genzoo.contract;

/**
 * The entry point of the kit's AssertJ assertions: {@code import static
 * dev.genzoo.contract.ContractAssertions.assertThat;}.
 */
public final class ContractAssertions {
    private ContractAssertions() {}

    /**
     * Assertions on a Monte Carlo estimate that allow for its noise.
     *
     * @param actual the estimate
     * @return the assertion
     */
    public static BoundEstimateAssert assertThat(BoundEstimate actual) {
        return new BoundEstimateAssert(actual);
    }

    /**
     * Assertions on an objective's gradients.
     *
     * @param actual the gradients
     * @return the assertion
     */
    public static GradientsAssert assertThat(Gradients actual) {
        return new GradientsAssert(actual);
    }
}
