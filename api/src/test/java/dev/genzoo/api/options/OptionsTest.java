package dev.genzoo.api.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Options#resolve}: defaults filled in, unknown keys refused, and text that round-trips. */
final class OptionsTest {
    private static final String OWNER = "encoder 'mlp-gaussian'";
    private static final Option<List<Integer>> HIDDEN =
            Option.integers("hidden", List.of(400), "widths").atLeast(1);
    private static final Option<Integer> LATENT =
            Option.integer("latent", 20, "dims").atLeast(1);
    private static final Option<Double> BETA =
            Option.real("beta", 1.0, "weight").atLeast(0);
    private static final Option<String> KL = Option.choice("kl", "auto", "how", "auto", "analytic", "monte-carlo");
    private static final Option<Boolean> LEARNED = Option.flag("learned", false, "learn it");
    private static final List<Option<?>> DECLARED = List.of(HIDDEN, LATENT, BETA, KL, LEARNED);

    @Test
    void givenValuesAreParsedAndTheRestDefaulted() {
        Options options = Options.resolve(OWNER, DECLARED, Map.of("latent", "3", "kl", "analytic"));

        assertThat(options.get(LATENT)).isEqualTo(3);
        assertThat(options.get(KL)).isEqualTo("analytic");
        assertThat(options.get(HIDDEN)).containsExactly(400);
        assertThat(options.get(BETA)).isEqualTo(1.0);
        assertThat(options.get(LEARNED)).isFalse();
        assertThat(options.names()).containsExactly("hidden", "latent", "beta", "kl", "learned");
    }

    @Test
    void defaultsAreEveryDeclaredDefault() {
        Options options = Options.defaults(DECLARED);

        assertThat(options.asText())
                .containsExactly(
                        Map.entry("hidden", "400"),
                        Map.entry("latent", "20"),
                        Map.entry("beta", "1"),
                        Map.entry("kl", "auto"),
                        Map.entry("learned", "false"));
    }

    @Test
    void unknownKeyIsRefusedWithTheOwnersOptionsAndTheNearestKnownKey() {
        assertThatThrownBy(() -> Options.resolve(OWNER, DECLARED, Map.of("latnet", "3")))
                .isInstanceOf(OptionException.class)
                .hasMessage("unknown option 'latnet' for encoder 'mlp-gaussian' (its options: hidden, latent, beta, kl,"
                        + " learned); did you mean 'latent'?");
    }

    @Test
    void unknownKeyFarFromEveryKnownKeyGetsTheOwnersOptionsAndNoSuggestion() {
        assertThatThrownBy(() -> Options.resolve(OWNER, DECLARED, Map.of("xyzzy-plugh", "3")))
                .isInstanceOf(OptionException.class)
                .hasMessage(
                        "unknown option 'xyzzy-plugh' for encoder 'mlp-gaussian' (its options: hidden, latent, beta,"
                                + " kl, learned)");
    }

    @Test
    void anyKeyIsUnknownToAComponentWithoutOptions() {
        assertThatThrownBy(() -> Options.resolve("prior 'standard-normal'", List.of(), Map.of("latent", "3")))
                .isInstanceOf(OptionException.class)
                .hasMessage("unknown option 'latent' for prior 'standard-normal'; it takes no options");
    }

    @Test
    void badValueNamesTheOwner() {
        assertThatThrownBy(() -> Options.resolve(OWNER, DECLARED, Map.of("latent", "0")))
                .isInstanceOf(OptionException.class)
                .hasMessage("option 'latent' of encoder 'mlp-gaussian' must be >= 1, got '0'");
    }

    @Test
    void asTextRoundTripsThroughResolve() {
        Options first = Options.resolve(
                OWNER, DECLARED, Map.of("hidden", " 64, 32", "beta", "0.25", "kl", "monte-carlo", "learned", "TRUE"));

        Map<String, String> text = first.asText();
        Options second = Options.resolve(OWNER, DECLARED, text);

        assertThat(text)
                .containsEntry("hidden", "64,32")
                .containsEntry("beta", "0.25")
                .containsEntry("learned", "true");
        assertThat(second.asText()).isEqualTo(text);
        for (Option<?> option : DECLARED) {
            assertThat((Object) second.get(option)).isEqualTo(first.get(option));
        }
    }

    @Test
    void aDuplicateDeclarationIsAProgrammingError() {
        assertThatThrownBy(() -> Options.resolve(OWNER, List.of(LATENT, LATENT), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latent");
    }

    @Test
    void askingForAnUndeclaredOptionIsAProgrammingError() {
        Options options = Options.defaults(List.of(LATENT));

        assertThatThrownBy(() -> options.get(BETA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beta");
    }
}
